-- Talent apartments (人才公寓): buildings, units and leases; apartment applications are cases of type 'apartment'.
CREATE TABLE "apartment_buildings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"park" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "apartment_buildings_name_unique" UNIQUE("name")
);--> statement-breakpoint
CREATE TABLE "apartment_units" (
	"id" uuid PRIMARY KEY NOT NULL,
	"building_id" uuid NOT NULL,
	"number" text NOT NULL,
	"layout" text NOT NULL,
	"area" numeric(6, 1) NOT NULL,
	"furnished" boolean DEFAULT true NOT NULL,
	"monthly_rent" integer NOT NULL,
	"status" text DEFAULT 'vacant' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE TABLE "apartment_leases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"talent_id" uuid NOT NULL,
	"status" text DEFAULT 'reserved' NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"move_in_date" date,
	"move_out_date" date,
	"renewals" integer DEFAULT 0 NOT NULL,
	"allocated_by" uuid NOT NULL,
	"allocated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
ALTER TABLE "apartment_units" ADD CONSTRAINT "apartment_units_building_id_apartment_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."apartment_buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apartment_leases" ADD CONSTRAINT "apartment_leases_unit_id_apartment_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."apartment_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apartment_leases" ADD CONSTRAINT "apartment_leases_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apartment_leases" ADD CONSTRAINT "apartment_leases_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "apartment_units_number_key" ON "apartment_units" USING btree ("building_id","number");--> statement-breakpoint
CREATE INDEX "apartment_units_status_idx" ON "apartment_units" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "apartment_leases_unit_open_key" ON "apartment_leases" USING btree ("unit_id") WHERE status in ('reserved', 'active');--> statement-breakpoint
CREATE UNIQUE INDEX "apartment_leases_talent_open_key" ON "apartment_leases" USING btree ("talent_id") WHERE status in ('reserved', 'active');--> statement-breakpoint
CREATE UNIQUE INDEX "apartment_leases_case_key" ON "apartment_leases" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "apartment_leases_unit_idx" ON "apartment_leases" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "apartment_leases_talent_idx" ON "apartment_leases" USING btree ("talent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_apartment_open_key" ON "cases" USING btree ("subject_id") WHERE type = 'apartment' and status in ('inReview', 'returned');--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_apartment_extension_check" CHECK ("type" <> 'apartment' OR "subject_kind" = 'talent');
