CREATE TABLE "application_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"checklist_item_id" varchar(64) NOT NULL,
	"original_filename" varchar(160) NOT NULL,
	"storage_key" varchar(80) NOT NULL,
	"sha256" char(64) NOT NULL,
	"size_bytes" bigint NOT NULL,
	"media_type" varchar(64) NOT NULL,
	"state" varchar(12) NOT NULL,
	"replaces_id" uuid,
	"added_after_filing" boolean DEFAULT false NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"state_changed_at" timestamp with time zone,
	CONSTRAINT "application_documents_storage_key_unique" UNIQUE("storage_key"),
	CONSTRAINT "application_documents_state_check" CHECK ("application_documents"."state" in ('active', 'replaced', 'removed')),
	CONSTRAINT "application_documents_size_check" CHECK ("application_documents"."size_bytes" > 0)
);
--> statement-breakpoint
CREATE TABLE "application_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"event" varchar(24) NOT NULL,
	"status_from" varchar(24),
	"status_to" varchar(24) NOT NULL,
	"actor_user_id" uuid,
	"actor_kind" varchar(16) NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" varchar(15),
	"user_id" uuid NOT NULL,
	"prefecture_id" uuid NOT NULL,
	"permit_id" uuid NOT NULL,
	"card_type" varchar(40) NOT NULL,
	"status" varchar(24) NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"tax_stamp_number" char(16),
	"filed_on" date,
	"filing_status" varchar(12),
	"late" boolean DEFAULT false NOT NULL,
	"complete_on" date,
	"decided_on" date,
	"submitted_at" timestamp with time zone,
	"submit_idempotency_key" varchar(128),
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "applications_reference_unique" UNIQUE("reference"),
	CONSTRAINT "applications_status_check" CHECK ("applications"."status" in ('draft', 'submitted', 'documents_requested', 'complete', 'decided_favourable', 'refused', 'withdrawn')),
	CONSTRAINT "applications_filed_check" CHECK (("applications"."status" = 'draft' and "applications"."filed_on" is null) or "applications"."status" = 'withdrawn' or ("applications"."status" <> 'draft' and "applications"."filed_on" is not null)),
	CONSTRAINT "applications_reference_check" CHECK (("applications"."reference" is null) = ("applications"."filed_on" is null))
);
--> statement-breakpoint
CREATE TABLE "document_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"requested_on" date NOT NULL,
	"due_on" date NOT NULL,
	"answered_on" date,
	"items" jsonb NOT NULL,
	"requested_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "permits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" varchar(20) NOT NULL,
	"card_type" varchar(40) NOT NULL,
	"number" varchar(32),
	"valid_from_on" date NOT NULL,
	"valid_until_on" date NOT NULL,
	"entered_france_on" date,
	"validated_on" date,
	"foreigner_number" varchar(10),
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "permits_validity_check" CHECK ("permits"."valid_until_on" >= "permits"."valid_from_on"),
	CONSTRAINT "permits_foreigner_number_check" CHECK ("permits"."foreigner_number" ~ '^[0-9]{9,10}$'),
	CONSTRAINT "permits_kind_check" CHECK ("permits"."kind" in ('vls_ts', 'temporary_card', 'multi_year_card', 'resident_card'))
);
--> statement-breakpoint
CREATE TABLE "vls_ts_validations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"permit_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"address_line1" text NOT NULL,
	"address_line2" text,
	"postal_code" char(5) NOT NULL,
	"city" text NOT NULL,
	"departement_code" varchar(3) NOT NULL,
	"tax_stamp_number" char(16) NOT NULL,
	"validated_at" timestamp with time zone NOT NULL,
	"validated_on" date NOT NULL,
	"foreigner_number" varchar(10) NOT NULL,
	"foreigner_number_issued" boolean NOT NULL,
	CONSTRAINT "vls_ts_validations_permit_id_unique" UNIQUE("permit_id"),
	CONSTRAINT "vls_ts_validations_tax_stamp_number_unique" UNIQUE("tax_stamp_number")
);
--> statement-breakpoint
ALTER TABLE "application_documents" ADD CONSTRAINT "application_documents_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_documents" ADD CONSTRAINT "application_documents_replaces_id_application_documents_id_fk" FOREIGN KEY ("replaces_id") REFERENCES "public"."application_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_documents" ADD CONSTRAINT "application_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_prefecture_id_prefectures_id_fk" FOREIGN KEY ("prefecture_id") REFERENCES "public"."prefectures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_permit_id_permits_id_fk" FOREIGN KEY ("permit_id") REFERENCES "public"."permits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_requests" ADD CONSTRAINT "document_requests_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_requests" ADD CONSTRAINT "document_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permits" ADD CONSTRAINT "permits_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vls_ts_validations" ADD CONSTRAINT "vls_ts_validations_permit_id_permits_id_fk" FOREIGN KEY ("permit_id") REFERENCES "public"."permits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vls_ts_validations" ADD CONSTRAINT "vls_ts_validations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vls_ts_validations" ADD CONSTRAINT "vls_ts_validations_departement_code_departements_code_fk" FOREIGN KEY ("departement_code") REFERENCES "public"."departements"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_documents_application_idx" ON "application_documents" USING btree ("application_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "application_events_sequence_unique" ON "application_events" USING btree ("application_id","sequence");--> statement-breakpoint
CREATE INDEX "applications_user_id_idx" ON "applications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_submit_idempotency_key_unique" ON "applications" USING btree ("user_id","submit_idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_live_permit_unique" ON "applications" USING btree ("permit_id") WHERE "applications"."status" in ('draft', 'submitted', 'documents_requested', 'complete');--> statement-breakpoint
CREATE INDEX "document_requests_application_idx" ON "document_requests" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "permits_user_id_idx" ON "permits" USING btree ("user_id","valid_until_on");--> statement-breakpoint
CREATE INDEX "permits_foreigner_number_idx" ON "permits" USING btree ("foreigner_number");--> statement-breakpoint
CREATE INDEX "vls_ts_validations_user_id_idx" ON "vls_ts_validations" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vls_ts_validations_issued_number_unique" ON "vls_ts_validations" USING btree ("foreigner_number") WHERE "vls_ts_validations"."foreigner_number_issued";