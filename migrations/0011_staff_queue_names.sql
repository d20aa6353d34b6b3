DROP INDEX "applicant_profiles_surname_search_idx";--> statement-breakpoint
DROP INDEX "applicant_profiles_given_names_search_idx";--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "search_surname" varchar(100);--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "search_given_names" varchar(150);--> statement-breakpoint
CREATE INDEX "applications_queue_surname_idx" ON "applications" USING btree ("prefecture_id","search_surname" text_pattern_ops) WHERE "applications"."filed_on" is not null;--> statement-breakpoint
CREATE INDEX "applications_queue_given_names_idx" ON "applications" USING btree ("prefecture_id","search_given_names" text_pattern_ops) WHERE "applications"."filed_on" is not null;