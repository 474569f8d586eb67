-- 联办 sub-tasks, 好差评 ratings, and categories the office can switch off (issue 12, the rest of the service-request flow).
CREATE TABLE "case_subtasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"task" text NOT NULL,
	"working_days" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"escalated_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "case_subtasks_status_check" CHECK ("status" in ('open', 'done', 'returned'))
);--> statement-breakpoint
ALTER TABLE "case_subtasks" ADD CONSTRAINT "case_subtasks_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_subtasks_case_idx" ON "case_subtasks" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_subtasks_unit_idx" ON "case_subtasks" USING btree ("unit_code","status");--> statement-breakpoint
CREATE TABLE "case_ratings" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"score" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"rated_by" uuid NOT NULL,
	"rated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_ratings_score_check" CHECK ("score" between 1 and 5)
);--> statement-breakpoint
ALTER TABLE "case_ratings" ADD CONSTRAINT "case_ratings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_request_categories" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
CREATE INDEX "cases_decided_idx" ON "cases" USING btree ("type","decided_at");
