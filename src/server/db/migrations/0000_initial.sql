CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"actor_id" uuid,
	"actor_username" text,
	"actor_role" text,
	"action" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"changes" jsonb,
	"ip" text,
	"result" text NOT NULL,
	"detail" text
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"file_hash" text NOT NULL,
	"status" text NOT NULL,
	"mode" text,
	"total" integer NOT NULL,
	"valid" integer NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"imported" integer DEFAULT 0 NOT NULL,
	"problems" jsonb NOT NULL,
	"rows" jsonb,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "industries" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"chain" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"industry" text,
	"description" text DEFAULT '' NOT NULL,
	"credit_code" text,
	"chain_segment" text,
	"park_id" uuid,
	"size" text,
	"founded_on" date,
	"address" text,
	"contact_name" text,
	"contact_phone_cipher" text,
	"contact_phone_masked" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_credit_code_unique" UNIQUE("credit_code")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "talent_certificates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"talent_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"level" integer NOT NULL,
	"issuer" text DEFAULT '' NOT NULL,
	"year" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talent_educations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"talent_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"level" text NOT NULL,
	"degree" text NOT NULL,
	"school" text NOT NULL,
	"major" text DEFAULT '' NOT NULL,
	"start_year" integer,
	"graduation_year" integer NOT NULL,
	"full_time" boolean NOT NULL,
	"overseas" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talent_status_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"talent_id" uuid NOT NULL,
	"status" text NOT NULL,
	"since" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talent_tiers" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"definition" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talent_titles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"talent_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"level" text NOT NULL,
	"series" text NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"gender" text NOT NULL,
	"birth_date" date NOT NULL,
	"id_number_cipher" text NOT NULL,
	"id_number_hash" text NOT NULL,
	"id_number_masked" text NOT NULL,
	"ethnicity" text,
	"native_place" text,
	"political_status" text,
	"phone_cipher" text,
	"phone_hash" text,
	"phone_masked" text,
	"email" text,
	"employer_id" uuid,
	"employer_name" text,
	"post" text,
	"industry" text,
	"salary_band" text,
	"arrival_route" text NOT NULL,
	"arrived_on" date,
	"tier" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'inZone' NOT NULL,
	"status_since" date,
	"highest_education" text,
	"highest_title" text,
	"verified_at" timestamp with time zone,
	"verified_by" uuid,
	"verified_fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"search_vector" "tsvector",
	"name_initials" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "talents_id_number_hash_unique" UNIQUE("id_number_hash")
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"duties" text DEFAULT '' NOT NULL,
	"is_responsible_unit" boolean DEFAULT false NOT NULL,
	"in_service_team" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "units_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"roles" text[] NOT NULL,
	"talent_id" uuid,
	"organisation_id" uuid,
	"unit_id" uuid,
	"disabled" boolean DEFAULT false NOT NULL,
	"failed_login_count" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"password_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_industry_industries_code_fk" FOREIGN KEY ("industry") REFERENCES "public"."industries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_park_id_organisations_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_certificates" ADD CONSTRAINT "talent_certificates_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_educations" ADD CONSTRAINT "talent_educations_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_status_history" ADD CONSTRAINT "talent_status_history_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_titles" ADD CONSTRAINT "talent_titles_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents" ADD CONSTRAINT "talents_employer_id_organisations_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents" ADD CONSTRAINT "talents_industry_industries_code_fk" FOREIGN KEY ("industry") REFERENCES "public"."industries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents" ADD CONSTRAINT "talents_tier_talent_tiers_code_fk" FOREIGN KEY ("tier") REFERENCES "public"."talent_tiers"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_ip_action_idx" ON "audit_log" USING btree ("ip","action","at");--> statement-breakpoint
CREATE INDEX "audit_log_target_idx" ON "audit_log" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_kind_name_key" ON "organisations" USING btree ("kind","name");--> statement-breakpoint
CREATE INDEX "organisations_industry_idx" ON "organisations" USING btree ("industry");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "talent_certificates_talent_idx" ON "talent_certificates" USING btree ("talent_id");--> statement-breakpoint
CREATE INDEX "talent_educations_talent_idx" ON "talent_educations" USING btree ("talent_id");--> statement-breakpoint
CREATE INDEX "talent_status_history_talent_idx" ON "talent_status_history" USING btree ("talent_id");--> statement-breakpoint
CREATE INDEX "talent_titles_talent_idx" ON "talent_titles" USING btree ("talent_id");--> statement-breakpoint
CREATE INDEX "talents_employer_idx" ON "talents" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "talents_phone_hash_idx" ON "talents" USING btree ("phone_hash");--> statement-breakpoint
CREATE INDEX "talents_industry_idx" ON "talents" USING btree ("industry");--> statement-breakpoint
CREATE INDEX "talents_status_idx" ON "talents" USING btree ("status");--> statement-breakpoint
CREATE INDEX "talents_education_idx" ON "talents" USING btree ("highest_education");--> statement-breakpoint
CREATE INDEX "talents_name_idx" ON "talents" USING btree ("name");--> statement-breakpoint
CREATE INDEX "talents_initials_idx" ON "talents" USING btree ("name_initials" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "talents_search_idx" ON "talents" USING gin ("search_vector");