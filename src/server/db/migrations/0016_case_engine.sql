-- The case engine (办件): policy applications become the policy cases of one table, `cases`; their history and files
-- become the engine's `case_actions` and `case_attachments`. Views keep the old names readable (and, being simple
-- views, writable) for reports and SQL written against them.
ALTER TABLE "applications" RENAME TO "cases";--> statement-breakpoint
ALTER TABLE "cases" RENAME CONSTRAINT "applications_pkey" TO "cases_pkey";--> statement-breakpoint
ALTER TABLE "cases" RENAME CONSTRAINT "applications_policy_id_policies_id_fk" TO "cases_policy_id_policies_id_fk";--> statement-breakpoint
ALTER TABLE "cases" RENAME CONSTRAINT "applications_version_id_policy_versions_id_fk" TO "cases_version_id_policy_versions_id_fk";--> statement-breakpoint
ALTER TABLE "entitlements" RENAME CONSTRAINT "entitlements_application_id_applications_id_fk" TO "entitlements_application_id_cases_id_fk";--> statement-breakpoint
ALTER TABLE "application_actions" RENAME TO "case_actions";--> statement-breakpoint
ALTER TABLE "case_actions" RENAME COLUMN "application_id" TO "case_id";--> statement-breakpoint
ALTER TABLE "case_actions" RENAME CONSTRAINT "application_actions_pkey" TO "case_actions_pkey";--> statement-breakpoint
ALTER TABLE "case_actions" RENAME CONSTRAINT "application_actions_application_id_applications_id_fk" TO "case_actions_case_id_cases_id_fk";--> statement-breakpoint
ALTER TABLE "case_actions" RENAME CONSTRAINT "application_actions_unit_id_units_id_fk" TO "case_actions_unit_id_units_id_fk";--> statement-breakpoint
ALTER TABLE "application_attachments" RENAME TO "case_attachments";--> statement-breakpoint
ALTER TABLE "case_attachments" RENAME COLUMN "application_id" TO "case_id";--> statement-breakpoint
ALTER TABLE "case_attachments" RENAME CONSTRAINT "application_attachments_pkey" TO "case_attachments_pkey";--> statement-breakpoint
ALTER TABLE "case_attachments" RENAME CONSTRAINT "application_attachments_application_id_applications_id_fk" TO "case_attachments_case_id_cases_id_fk";--> statement-breakpoint
CREATE TABLE "service_request_categories" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"unit_code" text,
	"working_days" integer DEFAULT 5 NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
INSERT INTO "service_request_categories" ("code", "name", "name_en", "unit_code", "working_days", "sort") VALUES
	('policyHelp', '政策申报帮办', 'Help with policy applications', 'U07', 5, 1),
	('entrepreneurship', '创业服务', 'Entrepreneurship', 'U04', 10, 2),
	('housing', '住房安居', 'Housing', 'U10', 10, 3),
	('familyRegistration', '亲属落户', 'Household registration of relatives', 'U12', 10, 4),
	('spousePlacement', '配偶安置', 'Spouse placement', 'U19', 15, 5),
	('schooling', '子女入学', 'School places for children', 'U11', 10, 6),
	('medical', '医疗绿色通道', 'Medical green channel', 'U11', 3, 7),
	('finance', '金融服务', 'Finance', 'U06', 10, 8),
	('transport', '交通出行', 'Transport', 'U18', 5, 9),
	('cultureTourism', '文化旅游', 'Culture and tourism', 'U11', 5, 10),
	('rights', '权益保障', 'Rights protection', 'U17', 10, 11),
	('other', '其他诉求', 'Other', 'U01', 10, 12);--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "type" text DEFAULT 'policy' NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "category" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "channel" text DEFAULT 'online' NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "steps" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "policy_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "version_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "decision" SET DEFAULT '{}'::jsonb;--> statement-breakpoint
UPDATE "cases" c SET "steps" = v."steps" FROM "policy_versions" v WHERE v."id" = c."version_id";--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_category_service_request_categories_code_fk" FOREIGN KEY ("category") REFERENCES "public"."service_request_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_policy_extension_check" CHECK ("type" <> 'policy' OR ("policy_id" IS NOT NULL AND "version_id" IS NOT NULL));--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_service_request_extension_check" CHECK ("type" <> 'serviceRequest' OR "category" IS NOT NULL);--> statement-breakpoint
CREATE INDEX "cases_type_status_idx" ON "cases" USING btree ("type","status");--> statement-breakpoint
CREATE VIEW "applications" AS SELECT "id", "policy_id", "version_id", "subject_kind", "subject_id", "round", "status", "form", "decision", "step_index",
	"step_started_at", "escalated_at", "submitted_by", "submitted_at", "decided_at", "version", "created_at", "updated_at" FROM "cases" WHERE "type" = 'policy';--> statement-breakpoint
CREATE VIEW "application_actions" AS SELECT "id", "case_id" AS "application_id", "step_index", "unit_id", "actor_id", "action", "comment", "internal_note", "at" FROM "case_actions";--> statement-breakpoint
CREATE VIEW "application_attachments" AS SELECT "id", "case_id" AS "application_id", "requirement", "file_name", "media_type", "size", "sha256", "uploaded_by", "created_at" FROM "case_attachments";
