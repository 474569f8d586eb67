-- The office's overrides of the working-day calendar (holidays and 调休 working days over the chinese-days package).
CREATE TABLE "calendar_days" (
	"date" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"note" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_days_kind_check" CHECK ("kind" in ('holiday', 'workday'))
);
--> statement-breakpoint
-- Daily jobs: one row per job and day, claimed with INSERT … ON CONFLICT DO NOTHING, so several app servers run each once a day.
CREATE TABLE "job_runs" (
	"job" text NOT NULL,
	"run_date" date NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 1 NOT NULL,
	"instance" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"result" jsonb,
	"error" text
);
--> statement-breakpoint
CREATE UNIQUE INDEX "job_runs_job_date_idx" ON "job_runs" USING btree ("job","run_date");--> statement-breakpoint
CREATE INDEX "job_runs_started_idx" ON "job_runs" USING btree ("started_at");
