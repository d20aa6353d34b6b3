CREATE TABLE "prefecture_statistics" (
	"computed_on" date NOT NULL,
	"scope" varchar(3) NOT NULL,
	"window_days" integer NOT NULL,
	"card_type" varchar(40) NOT NULL,
	"applications_filed" integer,
	"prolongation_median_days" integer,
	"prolongation_p90_days" integer,
	"decision_median_days" integer,
	"decision_p90_days" integer,
	"gap_count" integer,
	"gap_share" numeric(5, 4),
	"tacit_refusals" integer,
	"message_answer_median_days" integer,
	"appointment_next_slot_days" integer,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "prefecture_statistics_computed_on_scope_window_days_card_type_pk" PRIMARY KEY("computed_on","scope","window_days","card_type")
);
