-- 职称评聘 (title evaluation): the series as data (seeded here), rounds (one per year and series), each round's expert
-- group, the enterprises' declarations of their staff, the experts' scores and the objections raised during 公示.
CREATE TABLE "title_series" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"registry_series" text NOT NULL,
	"level_names" jsonb NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "title_rounds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"series" text NOT NULL,
	"name" text NOT NULL,
	"levels" jsonb NOT NULL,
	"declare_from" date NOT NULL,
	"declare_to" date NOT NULL,
	"publicity_days" integer NOT NULL,
	"status" text DEFAULT 'declaring' NOT NULL,
	"publicity_from" timestamp with time zone,
	"publicity_until" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "title_experts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"round_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"user_id" uuid,
	"organisation_id" uuid
);
--> statement-breakpoint
CREATE TABLE "title_declarations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"round_id" uuid NOT NULL,
	"talent_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"level" text NOT NULL,
	"materials" jsonb NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"check_comment" text,
	"checked_by" uuid,
	"checked_at" timestamp with time zone,
	"result_comment" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"recorded_at" timestamp with time zone,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "title_scores" (
	"declaration_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"opinion" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "title_scores_declaration_id_expert_id_pk" PRIMARY KEY("declaration_id","expert_id")
);
--> statement-breakpoint
CREATE TABLE "title_objections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"declaration_id" uuid NOT NULL,
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
ALTER TABLE "title_rounds" ADD CONSTRAINT "title_rounds_series_title_series_code_fk" FOREIGN KEY ("series") REFERENCES "public"."title_series"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "title_experts" ADD CONSTRAINT "title_experts_round_id_title_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."title_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "title_experts" ADD CONSTRAINT "title_experts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "title_experts" ADD CONSTRAINT "title_experts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "title_declarations" ADD CONSTRAINT "title_declarations_round_id_title_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."title_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "title_declarations" ADD CONSTRAINT "title_declarations_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "title_declarations" ADD CONSTRAINT "title_declarations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "title_scores" ADD CONSTRAINT "title_scores_declaration_id_title_declarations_id_fk" FOREIGN KEY ("declaration_id") REFERENCES "public"."title_declarations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "title_scores" ADD CONSTRAINT "title_scores_expert_id_title_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."title_experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "title_objections" ADD CONSTRAINT "title_objections_declaration_id_title_declarations_id_fk" FOREIGN KEY ("declaration_id") REFERENCES "public"."title_declarations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "title_rounds_year_series_key" ON "title_rounds" USING btree ("year","series");--> statement-breakpoint
CREATE INDEX "title_rounds_status_idx" ON "title_rounds" USING btree ("status","year");--> statement-breakpoint
CREATE INDEX "title_experts_round_idx" ON "title_experts" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "title_experts_user_idx" ON "title_experts" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "title_declarations_round_talent_key" ON "title_declarations" USING btree ("round_id","talent_id");--> statement-breakpoint
CREATE INDEX "title_declarations_round_idx" ON "title_declarations" USING btree ("round_id","status");--> statement-breakpoint
CREATE INDEX "title_declarations_organisation_idx" ON "title_declarations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "title_objections_declaration_idx" ON "title_objections" USING btree ("declaration_id");--> statement-breakpoint
INSERT INTO "title_series" ("code", "name", "name_en", "registry_series", "level_names", "position") VALUES
	('engineering', '工程', 'Engineering', '工程技术', '{"junior":"助理工程师","intermediate":"工程师","associateSenior":"高级工程师","senior":"正高级工程师"}', 1),
	('economics', '经济', 'Economics', '经济', '{"junior":"助理经济师","intermediate":"经济师","associateSenior":"高级经济师","senior":"正高级经济师"}', 2),
	('accounting', '会计', 'Accounting', '会计', '{"junior":"助理会计师","intermediate":"会计师","associateSenior":"高级会计师","senior":"正高级会计师"}', 3),
	('agriculture', '农业', 'Agriculture', '农业技术', '{"junior":"助理农艺师","intermediate":"农艺师","associateSenior":"高级农艺师","senior":"正高级农艺师"}', 4),
	('health', '卫生', 'Health', '卫生', '{"junior":"医师","intermediate":"主治医师","associateSenior":"副主任医师","senior":"主任医师"}', 5),
	('research', '自然科学研究', 'Natural science research', '自然科学研究', '{"junior":"研究实习员","intermediate":"助理研究员","associateSenior":"副研究员","senior":"研究员"}', 6);
