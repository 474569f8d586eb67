-- Skills training (订单式培训: orders, classes of three kinds, sessions, trainees with attendance, assessment, certificate and
-- placement) and 揭榜挂帅 challenges (reviewers, proposals, scores, milestones). demand_id has no foreign key yet: the
-- demands table comes with another migration, whose merge adds it.
CREATE TABLE "challenge_milestones" (
	"id" uuid PRIMARY KEY NOT NULL,
	"challenge_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "challenge_proposals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"challenge_id" uuid NOT NULL,
	"team_name" text NOT NULL,
	"organisation_name" text NOT NULL,
	"organisation_id" uuid,
	"members" jsonb NOT NULL,
	"plan" text NOT NULL,
	"budget" bigint NOT NULL,
	"submitted_by" uuid,
	"status" text DEFAULT 'submitted' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "challenge_reviewers" (
	"challenge_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"appointed_by" uuid,
	"appointed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "challenge_reviewers_challenge_id_user_id_pk" PRIMARY KEY("challenge_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "challenge_scores" (
	"proposal_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"scored_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "challenge_scores_proposal_id_reviewer_id_pk" PRIMARY KEY("proposal_id","reviewer_id")
);
--> statement-breakpoint
CREATE TABLE "challenges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"poster_id" uuid,
	"title" text NOT NULL,
	"problem" text NOT NULL,
	"requirements" text DEFAULT '' NOT NULL,
	"budget" bigint NOT NULL,
	"deadline" date NOT NULL,
	"demand_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"awarded_proposal_id" uuid,
	"awarded_on" date,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_attendance" (
	"session_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"present" boolean NOT NULL,
	CONSTRAINT "training_attendance_session_id_enrolment_id_pk" PRIMARY KEY("session_id","enrolment_id")
);
--> statement-breakpoint
CREATE TABLE "training_classes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"order_id" uuid,
	"provider_id" uuid NOT NULL,
	"enterprise_id" uuid,
	"skill" text NOT NULL,
	"certificate_name" text,
	"certificate_level" integer,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_enrolments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"class_id" uuid NOT NULL,
	"talent_id" uuid NOT NULL,
	"enrolled_on" date NOT NULL,
	"assessment_score" integer,
	"assessment_passed" boolean,
	"assessed_on" date,
	"certificate_number" text,
	"certificate_issued_on" date,
	"placed_enterprise_id" uuid,
	"placed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_enrolments_certificate_number_unique" UNIQUE("certificate_number")
);
--> statement-breakpoint
CREATE TABLE "training_orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"skill" text NOT NULL,
	"headcount" integer NOT NULL,
	"deadline" date NOT NULL,
	"demand_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"provider_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"class_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"topic" text NOT NULL,
	"lecturer" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "challenge_milestones" ADD CONSTRAINT "challenge_milestones_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_proposals" ADD CONSTRAINT "challenge_proposals_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_proposals" ADD CONSTRAINT "challenge_proposals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_proposals" ADD CONSTRAINT "challenge_proposals_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_reviewers" ADD CONSTRAINT "challenge_reviewers_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_reviewers" ADD CONSTRAINT "challenge_reviewers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_scores" ADD CONSTRAINT "challenge_scores_proposal_id_challenge_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."challenge_proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_scores" ADD CONSTRAINT "challenge_scores_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_poster_id_organisations_id_fk" FOREIGN KEY ("poster_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_enrolment_id_training_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."training_enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_classes" ADD CONSTRAINT "training_classes_order_id_training_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."training_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_classes" ADD CONSTRAINT "training_classes_provider_id_organisations_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_classes" ADD CONSTRAINT "training_classes_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_class_id_training_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."training_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_placed_enterprise_id_organisations_id_fk" FOREIGN KEY ("placed_enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_orders" ADD CONSTRAINT "training_orders_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_orders" ADD CONSTRAINT "training_orders_provider_id_organisations_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_class_id_training_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."training_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "challenge_milestones_challenge_idx" ON "challenge_milestones" USING btree ("challenge_id","due_on");--> statement-breakpoint
CREATE INDEX "challenge_proposals_challenge_idx" ON "challenge_proposals" USING btree ("challenge_id");--> statement-breakpoint
CREATE INDEX "challenge_proposals_submitter_idx" ON "challenge_proposals" USING btree ("submitted_by");--> statement-breakpoint
CREATE INDEX "challenge_reviewers_user_idx" ON "challenge_reviewers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "challenges_poster_idx" ON "challenges" USING btree ("poster_id");--> statement-breakpoint
CREATE INDEX "challenges_created_idx" ON "challenges" USING btree ("created_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "training_classes_order_idx" ON "training_classes" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "training_classes_enterprise_idx" ON "training_classes" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "training_classes_kind_idx" ON "training_classes" USING btree ("kind","starts_on" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_enrolments_class_talent_key" ON "training_enrolments" USING btree ("class_id","talent_id");--> statement-breakpoint
CREATE INDEX "training_enrolments_talent_idx" ON "training_enrolments" USING btree ("talent_id");--> statement-breakpoint
CREATE INDEX "training_orders_enterprise_idx" ON "training_orders" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "training_orders_created_idx" ON "training_orders" USING btree ("created_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "training_sessions_class_idx" ON "training_sessions" USING btree ("class_id","held_on");