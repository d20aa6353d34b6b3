CREATE TABLE "representations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_user_id" uuid NOT NULL,
	"representative_user_id" uuid NOT NULL,
	"kind" varchar(16) NOT NULL,
	"scopes" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "representations" ADD CONSTRAINT "representations_person_user_id_users_id_fk" FOREIGN KEY ("person_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representations" ADD CONSTRAINT "representations_representative_user_id_users_id_fk" FOREIGN KEY ("representative_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "representations_active_pair" ON "representations" USING btree ("person_user_id","representative_user_id") WHERE "representations"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "representations_representative" ON "representations" USING btree ("representative_user_id");