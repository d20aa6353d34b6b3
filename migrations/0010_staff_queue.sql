ALTER TABLE "applications" ADD COLUMN "tacit_refusal_on" date;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "tacit_refusal_rule" varchar(8);--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "open_request_due_on" date;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "search_surname" varchar(100);--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "search_given_names" varchar(150);--> statement-breakpoint
CREATE INDEX "applications_queue_filed_idx" ON "applications" USING btree ("prefecture_id","status","filed_on","id") WHERE "applications"."filed_on" is not null;--> statement-breakpoint
CREATE INDEX "applications_queue_open_idx" ON "applications" USING btree ("prefecture_id","filed_on","id") WHERE "applications"."status" in ('submitted', 'documents_requested', 'complete');--> statement-breakpoint
CREATE INDEX "applications_queue_tacit_idx" ON "applications" USING btree ("prefecture_id","tacit_refusal_on","id") WHERE "applications"."status" in ('submitted', 'documents_requested', 'complete');--> statement-breakpoint
CREATE INDEX "applications_queue_overdue_idx" ON "applications" USING btree ("prefecture_id","open_request_due_on") WHERE "applications"."open_request_due_on" is not null;--> statement-breakpoint
CREATE INDEX "applications_permit_idx" ON "applications" USING btree ("permit_id");--> statement-breakpoint
CREATE INDEX "applications_queue_surname_idx" ON "applications" USING btree ("prefecture_id","search_surname" text_pattern_ops) WHERE "applications"."filed_on" is not null;--> statement-breakpoint
CREATE INDEX "applications_queue_given_names_idx" ON "applications" USING btree ("prefecture_id","search_given_names" text_pattern_ops) WHERE "applications"."filed_on" is not null;--> statement-breakpoint
CREATE INDEX "vls_ts_validations_foreigner_number_idx" ON "vls_ts_validations" USING btree ("foreigner_number");