CREATE TABLE "attestations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" varchar(32) NOT NULL,
	"user_id" uuid NOT NULL,
	"application_id" uuid,
	"permit_id" uuid,
	"prefecture_id" uuid NOT NULL,
	"facts" jsonb NOT NULL,
	"valid_until_on" date,
	"issued_on" date NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"key_id" varchar(32) NOT NULL,
	"payload" text NOT NULL,
	"superseded_by" uuid,
	"superseded_at" timestamp with time zone,
	CONSTRAINT "attestations_kind_check" CHECK ("attestations"."kind" in ('vls_ts_validation', 'filing_receipt', 'prolongation', 'favourable_decision', 'favourable_decision_letter', 'refusal_letter'))
);
--> statement-breakpoint
CREATE TABLE "share_code_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"share_code_id" uuid NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"outcome" varchar(24) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "share_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"code_hash" varchar(64) NOT NULL,
	"hint" varchar(4) NOT NULL,
	"purpose" varchar(12) NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_on" date NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "share_codes_code_hash_unique" UNIQUE("code_hash")
);
--> statement-breakpoint
ALTER TABLE "attestations" ADD CONSTRAINT "attestations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attestations" ADD CONSTRAINT "attestations_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attestations" ADD CONSTRAINT "attestations_permit_id_permits_id_fk" FOREIGN KEY ("permit_id") REFERENCES "public"."permits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attestations" ADD CONSTRAINT "attestations_prefecture_id_prefectures_id_fk" FOREIGN KEY ("prefecture_id") REFERENCES "public"."prefectures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_code_checks" ADD CONSTRAINT "share_code_checks_share_code_id_share_codes_id_fk" FOREIGN KEY ("share_code_id") REFERENCES "public"."share_codes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_codes" ADD CONSTRAINT "share_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attestations_user_idx" ON "attestations" USING btree ("user_id","issued_at");--> statement-breakpoint
CREATE INDEX "attestations_application_idx" ON "attestations" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "share_code_checks_code_idx" ON "share_code_checks" USING btree ("share_code_id","checked_at");--> statement-breakpoint
CREATE INDEX "share_codes_user_idx" ON "share_codes" USING btree ("user_id","created_at");