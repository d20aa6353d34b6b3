CREATE TABLE "postal_codes" (
	"postal_code" char(5) NOT NULL,
	"departement_code" varchar(3) NOT NULL,
	CONSTRAINT "postal_codes_postal_code_departement_code_pk" PRIMARY KEY("postal_code","departement_code")
);
--> statement-breakpoint
CREATE TABLE "prefecture_pages" (
	"prefecture_id" uuid PRIMARY KEY NOT NULL,
	"address" text NOT NULL,
	"phone" varchar(32),
	"reception_hours" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"help_desk_address" text,
	"help_desk_hours" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes_fr" text,
	"notes_en" text,
	"appointment_url" varchar(500),
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "postal_codes" ADD CONSTRAINT "postal_codes_departement_code_departements_code_fk" FOREIGN KEY ("departement_code") REFERENCES "public"."departements"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prefecture_pages" ADD CONSTRAINT "prefecture_pages_prefecture_id_prefectures_id_fk" FOREIGN KEY ("prefecture_id") REFERENCES "public"."prefectures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prefecture_pages" ADD CONSTRAINT "prefecture_pages_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "postal_codes_departement_idx" ON "postal_codes" USING btree ("departement_code");