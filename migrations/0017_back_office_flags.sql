CREATE TABLE "case_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"prefecture_id" uuid NOT NULL,
	"kind" varchar(24) NOT NULL,
	"raised_on" date NOT NULL,
	"cleared_on" date,
	"about_on" date,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_flags_kind_check" CHECK ("case_flags"."kind" in ('document_lapses', 'tacit_refusal_30', 'tacit_refusal_7', 'request_overdue'))
);
--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "assigned_to" uuid;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "assigned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "prolongation_blocked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "prolongation_blocked_by" uuid;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "prolongation_block_reason" text;--> statement-breakpoint
ALTER TABLE "case_flags" ADD CONSTRAINT "case_flags_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_flags" ADD CONSTRAINT "case_flags_prefecture_id_prefectures_id_fk" FOREIGN KEY ("prefecture_id") REFERENCES "public"."prefectures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_flags_open_unique" ON "case_flags" USING btree ("application_id","kind") WHERE "case_flags"."cleared_on" is null;--> statement-breakpoint
CREATE INDEX "case_flags_prefecture_open_idx" ON "case_flags" USING btree ("prefecture_id","application_id") WHERE "case_flags"."cleared_on" is null;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_assigned_to_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_prolongation_blocked_by_users_id_fk" FOREIGN KEY ("prolongation_blocked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applications_assigned_idx" ON "applications" USING btree ("assigned_to") WHERE "applications"."assigned_to" is not null;--> statement-breakpoint
CREATE INDEX "applications_prolongation_blocked_idx" ON "applications" USING btree ("prefecture_id") WHERE "applications"."prolongation_blocked_at" is not null;