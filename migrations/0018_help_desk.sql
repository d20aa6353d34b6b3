CREATE TABLE "assisted_people" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"prefecture_id" uuid NOT NULL,
	"reason" varchar(24) NOT NULL,
	"registered_by" uuid NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "assisted_people_reason_check" CHECK ("assisted_people"."reason" in ('no_email', 'no_device', 'digital_difficulty', 'online_service_failure', 'disability', 'other'))
);
--> statement-breakpoint
CREATE TABLE "postal_mail" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"prefecture_id" uuid NOT NULL,
	"kind" varchar(24) NOT NULL,
	"reminder_id" uuid,
	"attestation_id" uuid,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"locale" varchar(2) NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"posted_at" timestamp with time zone,
	"posted_by" uuid,
	CONSTRAINT "postal_mail_kind_check" CHECK ("postal_mail"."kind" in ('document_issued', 'documents_requested', 'reminder', 'tacit_refusal'))
);
--> statement-breakpoint
ALTER TABLE "reminders" DROP CONSTRAINT "reminders_channel_check";--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "email" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "assisted_people" ADD CONSTRAINT "assisted_people_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assisted_people" ADD CONSTRAINT "assisted_people_prefecture_id_prefectures_id_fk" FOREIGN KEY ("prefecture_id") REFERENCES "public"."prefectures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assisted_people" ADD CONSTRAINT "assisted_people_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postal_mail" ADD CONSTRAINT "postal_mail_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postal_mail" ADD CONSTRAINT "postal_mail_prefecture_id_prefectures_id_fk" FOREIGN KEY ("prefecture_id") REFERENCES "public"."prefectures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postal_mail" ADD CONSTRAINT "postal_mail_reminder_id_reminders_id_fk" FOREIGN KEY ("reminder_id") REFERENCES "public"."reminders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postal_mail" ADD CONSTRAINT "postal_mail_attestation_id_attestations_id_fk" FOREIGN KEY ("attestation_id") REFERENCES "public"."attestations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postal_mail" ADD CONSTRAINT "postal_mail_posted_by_users_id_fk" FOREIGN KEY ("posted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assisted_people_prefecture_idx" ON "assisted_people" USING btree ("prefecture_id","registered_at");--> statement-breakpoint
CREATE UNIQUE INDEX "postal_mail_reminder_unique" ON "postal_mail" USING btree ("reminder_id");--> statement-breakpoint
CREATE INDEX "postal_mail_to_post_idx" ON "postal_mail" USING btree ("prefecture_id","created_at") WHERE "postal_mail"."posted_at" is null;--> statement-breakpoint
CREATE INDEX "postal_mail_user_idx" ON "postal_mail" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_channel_check" CHECK ("reminders"."channel" in ('email', 'sms', 'in_app', 'post'));