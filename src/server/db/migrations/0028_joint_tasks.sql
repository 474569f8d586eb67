-- 协同用才: joint tasks across units (an owner unit, helper units with their parts, dated progress notes).
CREATE TABLE "joint_tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"talent_id" uuid,
	"enterprise_id" uuid,
	"due_on" date NOT NULL,
	"working_days" integer,
	"status" text DEFAULT 'todo' NOT NULL,
	"closing_note" text,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"overdue_announced_on" date,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "joint_task_helpers" (
	"task_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"part" text DEFAULT '' NOT NULL,
	"done" boolean DEFAULT false NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"done_note" text DEFAULT '' NOT NULL,
	CONSTRAINT "joint_task_helpers_task_id_unit_id_pk" PRIMARY KEY("task_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "joint_task_notes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"unit_id" uuid,
	"author_id" uuid NOT NULL,
	"noted_on" date NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "joint_tasks" ADD CONSTRAINT "joint_tasks_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_tasks" ADD CONSTRAINT "joint_tasks_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_tasks" ADD CONSTRAINT "joint_tasks_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_tasks" ADD CONSTRAINT "joint_tasks_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_tasks" ADD CONSTRAINT "joint_tasks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_task_helpers" ADD CONSTRAINT "joint_task_helpers_task_id_joint_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."joint_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_task_helpers" ADD CONSTRAINT "joint_task_helpers_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_task_helpers" ADD CONSTRAINT "joint_task_helpers_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_task_notes" ADD CONSTRAINT "joint_task_notes_task_id_joint_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."joint_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_task_notes" ADD CONSTRAINT "joint_task_notes_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_task_notes" ADD CONSTRAINT "joint_task_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "joint_tasks_owner_idx" ON "joint_tasks" USING btree ("owner_unit_id");--> statement-breakpoint
CREATE INDEX "joint_tasks_status_due_idx" ON "joint_tasks" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "joint_tasks_created_idx" ON "joint_tasks" USING btree ("created_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "joint_task_helpers_unit_idx" ON "joint_task_helpers" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "joint_task_notes_task_idx" ON "joint_task_notes" USING btree ("task_id","created_at");
