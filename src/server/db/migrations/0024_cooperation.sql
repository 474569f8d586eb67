-- Flexible talent and the think tank (investment projects, resident teams and their members, experts, 问诊把脉
-- consultations), university cooperation (framework agreements, cooperation items, internship bases and placements with
-- their conversions into the registry, tech transfers) and innovation platforms (profiles, tenants, talents hosted).
CREATE TABLE "consultation_experts" (
	"consultation_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	CONSTRAINT "consultation_experts_consultation_id_expert_id_pk" PRIMARY KEY("consultation_id","expert_id")
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"topic" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"recommendations" text DEFAULT '' NOT NULL,
	"follow_up_status" text NOT NULL,
	"follow_up_note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cooperation_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"university_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"enterprise_id" uuid,
	"status" text NOT NULL,
	"started_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"field" text NOT NULL,
	"affiliation" text NOT NULL,
	"talent_id" uuid,
	"team_id" uuid,
	"project_id" uuid,
	"engagement_terms" text DEFAULT '' NOT NULL,
	"engaged_from" date NOT NULL,
	"engaged_to" date,
	"service_days" integer DEFAULT 0 NOT NULL,
	"outputs" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "experts_talent_id_unique" UNIQUE("talent_id")
);
--> statement-breakpoint
CREATE TABLE "internship_bases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"university_id" uuid NOT NULL,
	"established_on" date NOT NULL,
	"capacity" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "internships" (
	"id" uuid PRIMARY KEY NOT NULL,
	"base_id" uuid NOT NULL,
	"student_name" text NOT NULL,
	"major" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"mentor" text NOT NULL,
	"evaluation" text,
	"evaluation_note" text DEFAULT '' NOT NULL,
	"hired_talent_id" uuid,
	"hired_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "internships_hired_talent_id_unique" UNIQUE("hired_talent_id")
);
--> statement-breakpoint
CREATE TABLE "investment_projects" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"investor" text NOT NULL,
	"industry" text NOT NULL,
	"amount" integer NOT NULL,
	"status" text NOT NULL,
	"signed_on" date,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "investment_projects_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "platform_talents" (
	"platform_id" uuid NOT NULL,
	"talent_id" uuid NOT NULL,
	"since" date NOT NULL,
	CONSTRAINT "platform_talents_platform_id_talent_id_pk" PRIMARY KEY("platform_id","talent_id")
);
--> statement-breakpoint
CREATE TABLE "platform_tenants" (
	"platform_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"since" date NOT NULL,
	CONSTRAINT "platform_tenants_platform_id_enterprise_id_pk" PRIMARY KEY("platform_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "platforms" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"level" text NOT NULL,
	"host" text NOT NULL,
	"capacity" integer NOT NULL,
	"established_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talent_teams" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"leader_talent_id" uuid,
	"project_id" uuid,
	"service_from" date NOT NULL,
	"service_to" date,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "talent_teams_organisation_id_unique" UNIQUE("organisation_id")
);
--> statement-breakpoint
CREATE TABLE "team_members" (
	"team_id" uuid NOT NULL,
	"talent_id" uuid NOT NULL,
	"member_role" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_members_team_id_talent_id_pk" PRIMARY KEY("team_id","talent_id")
);
--> statement-breakpoint
CREATE TABLE "tech_transfers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"technology" text NOT NULL,
	"source_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"investment" integer NOT NULL,
	"started_on" date NOT NULL,
	"outputs" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "university_agreements" (
	"university_id" uuid PRIMARY KEY NOT NULL,
	"signed_on" date NOT NULL,
	"scope" text NOT NULL,
	"contacts" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consultation_experts" ADD CONSTRAINT "consultation_experts_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_experts" ADD CONSTRAINT "consultation_experts_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_items" ADD CONSTRAINT "cooperation_items_university_id_organisations_id_fk" FOREIGN KEY ("university_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_items" ADD CONSTRAINT "cooperation_items_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_team_id_talent_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."talent_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_project_id_investment_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."investment_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_bases" ADD CONSTRAINT "internship_bases_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_bases" ADD CONSTRAINT "internship_bases_university_id_organisations_id_fk" FOREIGN KEY ("university_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internships" ADD CONSTRAINT "internships_base_id_internship_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."internship_bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internships" ADD CONSTRAINT "internships_hired_talent_id_talents_id_fk" FOREIGN KEY ("hired_talent_id") REFERENCES "public"."talents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investment_projects" ADD CONSTRAINT "investment_projects_industry_industries_code_fk" FOREIGN KEY ("industry") REFERENCES "public"."industries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_talents" ADD CONSTRAINT "platform_talents_platform_id_platforms_organisation_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_talents" ADD CONSTRAINT "platform_talents_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_tenants" ADD CONSTRAINT "platform_tenants_platform_id_platforms_organisation_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_tenants" ADD CONSTRAINT "platform_tenants_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platforms" ADD CONSTRAINT "platforms_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_teams" ADD CONSTRAINT "talent_teams_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_teams" ADD CONSTRAINT "talent_teams_leader_talent_id_talents_id_fk" FOREIGN KEY ("leader_talent_id") REFERENCES "public"."talents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_teams" ADD CONSTRAINT "talent_teams_project_id_investment_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."investment_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_team_id_talent_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."talent_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_transfers" ADD CONSTRAINT "tech_transfers_source_id_organisations_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_transfers" ADD CONSTRAINT "tech_transfers_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "university_agreements" ADD CONSTRAINT "university_agreements_university_id_organisations_id_fk" FOREIGN KEY ("university_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultation_experts_expert_idx" ON "consultation_experts" USING btree ("expert_id");--> statement-breakpoint
CREATE INDEX "consultations_enterprise_idx" ON "consultations" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "cooperation_items_university_idx" ON "cooperation_items" USING btree ("university_id");--> statement-breakpoint
CREATE INDEX "experts_team_idx" ON "experts" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "experts_name_idx" ON "experts" USING btree ("name","id");--> statement-breakpoint
CREATE UNIQUE INDEX "internship_bases_pair_key" ON "internship_bases" USING btree ("enterprise_id","university_id");--> statement-breakpoint
CREATE INDEX "internships_base_idx" ON "internships" USING btree ("base_id","period_from");--> statement-breakpoint
CREATE INDEX "platform_talents_talent_idx" ON "platform_talents" USING btree ("talent_id");--> statement-breakpoint
CREATE INDEX "platform_tenants_enterprise_idx" ON "platform_tenants" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "talent_teams_project_idx" ON "talent_teams" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "team_members_talent_idx" ON "team_members" USING btree ("talent_id");--> statement-breakpoint
CREATE INDEX "tech_transfers_enterprise_idx" ON "tech_transfers" USING btree ("enterprise_id");