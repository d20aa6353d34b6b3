CREATE TABLE "departements" (
	"code" varchar(3) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"region_code" char(2) NOT NULL,
	"zone" varchar(8) NOT NULL,
	"name_article_type" varchar(1) NOT NULL,
	"chef_lieu_code" varchar(5) NOT NULL,
	"chef_lieu_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prefectures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"departement_code" varchar(3) NOT NULL,
	"name" text NOT NULL,
	"city" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prefectures_departement_code_unique" UNIQUE("departement_code")
);
--> statement-breakpoint
CREATE TABLE "reference_data_loads" (
	"dataset" varchar(64) PRIMARY KEY NOT NULL,
	"version" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_prefectures" (
	"user_id" uuid NOT NULL,
	"prefecture_id" uuid NOT NULL,
	CONSTRAINT "user_prefectures_user_id_prefecture_id_pk" PRIMARY KEY("user_id","prefecture_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" varchar(254) NOT NULL,
	"display_name" text NOT NULL,
	"role" varchar(16) NOT NULL,
	"password_hash" text,
	"locale" varchar(2) DEFAULT 'fr' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
ALTER TABLE "prefectures" ADD CONSTRAINT "prefectures_departement_code_departements_code_fk" FOREIGN KEY ("departement_code") REFERENCES "public"."departements"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_prefectures" ADD CONSTRAINT "user_prefectures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_prefectures" ADD CONSTRAINT "user_prefectures_prefecture_id_prefectures_id_fk" FOREIGN KEY ("prefecture_id") REFERENCES "public"."prefectures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "prefectures_name_idx" ON "prefectures" USING btree ("name");