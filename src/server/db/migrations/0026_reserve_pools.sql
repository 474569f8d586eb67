-- Reserve talent pools (后备人才库): the pools the office keeps, the talents nominated into them with where each stands,
-- and the history of every membership. One active membership of a talent per pool (a partial unique index).
CREATE TABLE "pool_member_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"member_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"score" integer,
	"note" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pool_members" (
	"id" uuid PRIMARY KEY NOT NULL,
	"pool_id" uuid NOT NULL,
	"talent_id" uuid NOT NULL,
	"status" text NOT NULL,
	"reason" text NOT NULL,
	"nominated_by" uuid NOT NULL,
	"nominator_kind" text NOT NULL,
	"nominating_unit_id" uuid,
	"nominating_org_id" uuid,
	"nominated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"score" integer,
	"opinion" text,
	"decided_at" timestamp with time zone,
	"entered_on" date,
	"last_reviewed_on" date,
	"next_review_on" date,
	"review_reminded_for" date,
	"left_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talent_pools" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"nominators" text[] NOT NULL,
	"review_months" integer DEFAULT 12 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "talent_pools_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "pool_member_events" ADD CONSTRAINT "pool_member_events_member_id_pool_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."pool_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_member_events" ADD CONSTRAINT "pool_member_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_members" ADD CONSTRAINT "pool_members_pool_id_talent_pools_id_fk" FOREIGN KEY ("pool_id") REFERENCES "public"."talent_pools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_members" ADD CONSTRAINT "pool_members_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_members" ADD CONSTRAINT "pool_members_nominated_by_users_id_fk" FOREIGN KEY ("nominated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_members" ADD CONSTRAINT "pool_members_nominating_unit_id_units_id_fk" FOREIGN KEY ("nominating_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_members" ADD CONSTRAINT "pool_members_nominating_org_id_organisations_id_fk" FOREIGN KEY ("nominating_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pool_member_events_member_idx" ON "pool_member_events" USING btree ("member_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "pool_members_one_active_idx" ON "pool_members" USING btree ("pool_id","talent_id") WHERE "pool_members"."status" in ('nominated', 'inPool', 'used');--> statement-breakpoint
CREATE INDEX "pool_members_pool_status_idx" ON "pool_members" USING btree ("pool_id","status","nominated_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "pool_members_talent_idx" ON "pool_members" USING btree ("talent_id");--> statement-breakpoint
CREATE INDEX "pool_members_review_idx" ON "pool_members" USING btree ("next_review_on") WHERE "pool_members"."status" in ('inPool', 'used');--> statement-breakpoint
INSERT INTO "talent_pools" ("id", "code", "name", "name_en", "description", "description_en", "nominators", "review_months", "sort") VALUES
	(gen_random_uuid(), 'villageReserve', '村(社区)后备人才库', 'Village and community reserve talent pool', '村(社区)“两委”后备力量：由各单位推荐，年度复核。', 'Reserve for village and community committees: nominated by the units, reviewed every year.', '{department,office}', 12, 1),
	(gen_random_uuid(), 'youngCadres', '优秀年轻干部库', 'Outstanding young cadres pool', '优秀年轻干部储备：由各单位推荐，人才办考察入库，年度复核。', 'Outstanding young cadres: nominated by the units, assessed by the talent office, reviewed every year.', '{department,office}', 12, 2),
	(gen_random_uuid(), 'enterpriseBackbone', '企业后备骨干库', 'Enterprise reserve key staff pool', '在区企业的后备技术和管理骨干：由企业推荐本单位人才。', 'Reserve technical and management staff of the zone''s enterprises: nominated by their employer.', '{enterprise,office}', 12, 3);
