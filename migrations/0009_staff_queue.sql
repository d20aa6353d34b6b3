ALTER TABLE "applications" ADD COLUMN "tacit_refusal_on" date;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "tacit_refusal_rule" varchar(8);--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "open_request_due_on" date;--> statement-breakpoint
CREATE INDEX "applications_queue_filed_idx" ON "applications" USING btree ("prefecture_id","status","filed_on","id") WHERE "applications"."filed_on" is not null;--> statement-breakpoint
CREATE INDEX "applications_queue_tacit_idx" ON "applications" USING btree ("prefecture_id","tacit_refusal_on","id") WHERE "applications"."status" in ('submitted', 'documents_requested', 'complete');--> statement-breakpoint
CREATE INDEX "applications_queue_overdue_idx" ON "applications" USING btree ("prefecture_id","open_request_due_on") WHERE "applications"."open_request_due_on" is not null;--> statement-breakpoint
CREATE INDEX "applications_permit_idx" ON "applications" USING btree ("permit_id");--> statement-breakpoint
CREATE INDEX "applicant_profiles_surname_search_idx" ON "applicant_profiles" USING btree (lower("surname") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "applicant_profiles_given_names_search_idx" ON "applicant_profiles" USING btree (lower("given_names") text_pattern_ops);