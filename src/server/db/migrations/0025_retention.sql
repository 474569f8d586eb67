-- Retention (留才): the talent history (talent_events), leader–talent pairs and their contacts, the early warning's
-- signal weights (data the office tunes, seeded here), visit tasks for high-risk talents, and departures. Existing
-- registries get their history backfilled: arrivals, departures from the status history, and the registry changes
-- the audit log recorded (employer, tier, title, education).
CREATE TABLE "talent_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"talent_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "liaison_pairs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"leader_id" uuid NOT NULL,
	"talent_id" uuid NOT NULL,
	"basis" text NOT NULL,
	"plan_months" integer DEFAULT 3 NOT NULL,
	"paired_on" date NOT NULL,
	"ended_on" date,
	"overdue_notified_on" date,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "liaison_contacts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"pair_id" uuid NOT NULL,
	"contacted_on" date NOT NULL,
	"form" text NOT NULL,
	"topics" text DEFAULT '' NOT NULL,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"task_id" uuid,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retention_signal_weights" (
	"signal" text PRIMARY KEY NOT NULL,
	"weight" integer NOT NULL,
	"threshold" integer NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retention_tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"talent_id" uuid NOT NULL,
	"pair_id" uuid,
	"assignee_id" uuid,
	"score" integer NOT NULL,
	"contributions" jsonb NOT NULL,
	"created_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"contact_id" uuid,
	"outcome" text,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "departures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"talent_id" uuid NOT NULL,
	"left_on" date NOT NULL,
	"kind" text NOT NULL,
	"destination_region" text DEFAULT '' NOT NULL,
	"destination_kind" text NOT NULL,
	"reasons" text[] NOT NULL,
	"exit_interview" text DEFAULT '' NOT NULL,
	"employer_id" uuid,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "talent_events" ADD CONSTRAINT "talent_events_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liaison_pairs" ADD CONSTRAINT "liaison_pairs_leader_id_users_id_fk" FOREIGN KEY ("leader_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liaison_pairs" ADD CONSTRAINT "liaison_pairs_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liaison_contacts" ADD CONSTRAINT "liaison_contacts_pair_id_liaison_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."liaison_pairs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_tasks" ADD CONSTRAINT "retention_tasks_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_tasks" ADD CONSTRAINT "retention_tasks_pair_id_liaison_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."liaison_pairs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_tasks" ADD CONSTRAINT "retention_tasks_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "departures" ADD CONSTRAINT "departures_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "departures" ADD CONSTRAINT "departures_employer_id_organisations_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "talent_events_talent_idx" ON "talent_events" USING btree ("talent_id","occurred_on");--> statement-breakpoint
CREATE INDEX "talent_events_day_idx" ON "talent_events" USING btree ("occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "liaison_pairs_active_talent_key" ON "liaison_pairs" USING btree ("talent_id") WHERE "liaison_pairs"."ended_on" is null;--> statement-breakpoint
CREATE INDEX "liaison_pairs_leader_idx" ON "liaison_pairs" USING btree ("leader_id");--> statement-breakpoint
CREATE INDEX "liaison_contacts_pair_idx" ON "liaison_contacts" USING btree ("pair_id","contacted_on");--> statement-breakpoint
CREATE UNIQUE INDEX "retention_tasks_open_key" ON "retention_tasks" USING btree ("talent_id") WHERE "retention_tasks"."status" = 'open';--> statement-breakpoint
CREATE INDEX "retention_tasks_assignee_idx" ON "retention_tasks" USING btree ("assignee_id","status");--> statement-breakpoint
CREATE INDEX "departures_talent_idx" ON "departures" USING btree ("talent_id");--> statement-breakpoint
CREATE INDEX "departures_employer_idx" ON "departures" USING btree ("employer_id","left_on");--> statement-breakpoint
CREATE INDEX "departures_day_idx" ON "departures" USING btree ("left_on");--> statement-breakpoint
INSERT INTO "retention_signal_weights" ("signal", "weight", "threshold", "sort") VALUES
	('contractEnding', 25, 6, 1), ('benefitEnding', 15, 6, 2), ('noContact', 5, 6, 3), ('openRequests', 10, 1, 4), ('dissatisfied', 20, 12, 5),
	('salaryBelowMedian', 10, 0, 6), ('familyOpen', 20, 1, 7), ('employerDepartures', 10, 2, 8), ('shortTenure', 5, 2, 9);--> statement-breakpoint
INSERT INTO "talent_events" ("talent_id", "kind", "occurred_on", "detail", "source")
	SELECT "id", 'arrival', "arrived_on", jsonb_build_object('employerId', "employer_id"), 'backfill' FROM "talents" WHERE "arrived_on" IS NOT NULL;--> statement-breakpoint
INSERT INTO "talent_events" ("talent_id", "kind", "occurred_on", "detail", "source")
	SELECT h."talent_id", 'departure', h."since", jsonb_build_object('employerId', t."employer_id"), 'backfill'
	FROM "talent_status_history" h JOIN "talents" t ON t."id" = h."talent_id" WHERE h."status" = 'left';--> statement-breakpoint
INSERT INTO "talent_events" ("talent_id", "kind", "occurred_on", "detail", "source")
	SELECT t."id", k."kind", (a."at" AT TIME ZONE 'Asia/Shanghai')::date,
		CASE WHEN k."field" = 'employerId' THEN jsonb_build_object('employerId', a."changes"->k."field"->'to', 'fromEmployerId', a."changes"->k."field"->'from')
		ELSE jsonb_build_object('from', a."changes"->k."field"->'from', 'to', a."changes"->k."field"->'to') END,
		'backfill'
	FROM "audit_log" a
	CROSS JOIN (VALUES ('employerId', 'employerChange'), ('tier', 'tierChange'), ('titles', 'titleChange'), ('educations', 'educationChange')) AS k("field", "kind")
	JOIN "talents" t ON t."id"::text = a."target_id"
	WHERE a."action" = 'talent.update' AND a."changes" ? k."field";
