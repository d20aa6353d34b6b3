CREATE TABLE "decision_estimates" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"computed_on" date NOT NULL,
	"position" integer NOT NULL,
	"decided_30" integer NOT NULL,
	"decided_90" integer NOT NULL,
	"tacit_refusal_on" date NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "decision_estimates" ADD CONSTRAINT "decision_estimates_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;