-- Selections (评选): kinds as data, calls with a policy whose rule decides eligibility, nominations by enterprises and
-- units, the expert panel's scores, objections during 公示, and the honours written onto talents' profiles.
CREATE TABLE "selection_kinds" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "selections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"title_en" text NOT NULL,
	"honour" text NOT NULL,
	"honour_en" text NOT NULL,
	"quota" integer NOT NULL,
	"policy_id" uuid NOT NULL,
	"nominate_from" date NOT NULL,
	"nominate_to" date NOT NULL,
	"publicity_days" integer NOT NULL,
	"status" text DEFAULT 'nominating' NOT NULL,
	"publicity_from" timestamp with time zone,
	"publicity_until" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "selection_experts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"selection_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"user_id" uuid,
	"organisation_id" uuid
);
--> statement-breakpoint
CREATE TABLE "selection_nominations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"selection_id" uuid NOT NULL,
	"talent_id" uuid NOT NULL,
	"nominator_kind" text NOT NULL,
	"nominating_org_id" uuid,
	"nominating_unit_id" uuid,
	"employer_id" uuid,
	"reason" text NOT NULL,
	"status" text DEFAULT 'nominated' NOT NULL,
	"eligibility" jsonb,
	"checked_by" uuid,
	"checked_at" timestamp with time zone,
	"rank" integer,
	"recorded_at" timestamp with time zone,
	"nominated_by" uuid NOT NULL,
	"nominated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "selection_scores" (
	"nomination_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"opinion" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "selection_scores_nomination_id_expert_id_pk" PRIMARY KEY("nomination_id","expert_id")
);
--> statement-breakpoint
CREATE TABLE "selection_objections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"nomination_id" uuid NOT NULL,
	"objector" text NOT NULL,
	"content" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolution" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "talent_honours" (
	"id" uuid PRIMARY KEY NOT NULL,
	"talent_id" uuid NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"year" integer NOT NULL,
	"awarded_on" date NOT NULL,
	"selection_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "selections" ADD CONSTRAINT "selections_kind_selection_kinds_code_fk" FOREIGN KEY ("kind") REFERENCES "public"."selection_kinds"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selections" ADD CONSTRAINT "selections_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_experts" ADD CONSTRAINT "selection_experts_selection_id_selections_id_fk" FOREIGN KEY ("selection_id") REFERENCES "public"."selections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_experts" ADD CONSTRAINT "selection_experts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_experts" ADD CONSTRAINT "selection_experts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_nominations" ADD CONSTRAINT "selection_nominations_selection_id_selections_id_fk" FOREIGN KEY ("selection_id") REFERENCES "public"."selections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_nominations" ADD CONSTRAINT "selection_nominations_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_nominations" ADD CONSTRAINT "selection_nominations_nominating_org_id_organisations_id_fk" FOREIGN KEY ("nominating_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_nominations" ADD CONSTRAINT "selection_nominations_nominating_unit_id_units_id_fk" FOREIGN KEY ("nominating_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_nominations" ADD CONSTRAINT "selection_nominations_employer_id_organisations_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_nominations" ADD CONSTRAINT "selection_nominations_nominated_by_users_id_fk" FOREIGN KEY ("nominated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_scores" ADD CONSTRAINT "selection_scores_nomination_id_selection_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."selection_nominations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_scores" ADD CONSTRAINT "selection_scores_expert_id_selection_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."selection_experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_objections" ADD CONSTRAINT "selection_objections_nomination_id_selection_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."selection_nominations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_honours" ADD CONSTRAINT "talent_honours_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_honours" ADD CONSTRAINT "talent_honours_selection_id_selections_id_fk" FOREIGN KEY ("selection_id") REFERENCES "public"."selections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "selections_kind_year_key" ON "selections" USING btree ("kind","year");--> statement-breakpoint
CREATE INDEX "selections_status_idx" ON "selections" USING btree ("status","year");--> statement-breakpoint
CREATE INDEX "selection_experts_selection_idx" ON "selection_experts" USING btree ("selection_id");--> statement-breakpoint
CREATE INDEX "selection_experts_user_idx" ON "selection_experts" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "selection_nominations_selection_talent_key" ON "selection_nominations" USING btree ("selection_id","talent_id");--> statement-breakpoint
CREATE INDEX "selection_nominations_selection_idx" ON "selection_nominations" USING btree ("selection_id","status");--> statement-breakpoint
CREATE INDEX "selection_nominations_org_idx" ON "selection_nominations" USING btree ("nominating_org_id");--> statement-breakpoint
CREATE INDEX "selection_nominations_unit_idx" ON "selection_nominations" USING btree ("nominating_unit_id");--> statement-breakpoint
CREATE INDEX "selection_objections_nomination_idx" ON "selection_objections" USING btree ("nomination_id");--> statement-breakpoint
CREATE INDEX "talent_honours_talent_idx" ON "talent_honours" USING btree ("talent_id","awarded_on");--> statement-breakpoint
CREATE UNIQUE INDEX "talent_honours_selection_talent_key" ON "talent_honours" USING btree ("selection_id","talent_id");--> statement-breakpoint
INSERT INTO "selection_kinds" ("code", "name", "name_en", "position") VALUES
	('innovationEntrepreneur', '科技创新企业家评选', 'Science and technology innovation entrepreneurs', 1),
	('outstandingTalent', '优秀人才评选', 'Outstanding talents', 2),
	('youngTalent', '优秀青年人才评选', 'Outstanding young talents', 3);
