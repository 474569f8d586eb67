-- Enterprise talent demand (岗位需求) with dated fills, recruitment campaigns (引才) with posts, stages and applicants,
-- market-hired executives (市场化选聘) with appraisal cycles; disciplines and the skill dictionary as data.
CREATE TABLE "disciplines" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skills" (
	"name" text PRIMARY KEY NOT NULL,
	"name_en" text NOT NULL,
	"synonyms" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "demands" (
	"id" uuid PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"post" text NOT NULL,
	"industry" text NOT NULL,
	"chain_segment" text,
	"discipline" text NOT NULL,
	"education" text,
	"title" text,
	"min_years" integer DEFAULT 0 NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"headcount" integer NOT NULL,
	"filled" integer DEFAULT 0 NOT NULL,
	"salary_band" text,
	"urgency" text DEFAULT 'normal' NOT NULL,
	"deadline" date,
	"description" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"posted_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "demand_fills" (
	"id" uuid PRIMARY KEY NOT NULL,
	"demand_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"count" integer NOT NULL,
	"filled_on" date NOT NULL,
	"talent_id" uuid,
	"source_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"stages" text[] NOT NULL,
	"plan" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_posts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"title" text NOT NULL,
	"discipline" text NOT NULL,
	"headcount" integer NOT NULL,
	"demand_id" uuid,
	"enterprise_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_applicants" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"gender" text NOT NULL,
	"birth_date" date NOT NULL,
	"id_number_cipher" text NOT NULL,
	"id_number_hash" text NOT NULL,
	"phone_cipher" text,
	"phone_masked" text,
	"education" text NOT NULL,
	"degree" text DEFAULT 'none' NOT NULL,
	"school" text NOT NULL,
	"major" text DEFAULT '' NOT NULL,
	"graduation_year" integer NOT NULL,
	"state" text DEFAULT 'inProgress' NOT NULL,
	"stage_index" integer DEFAULT 0 NOT NULL,
	"results" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"talent_id" uuid,
	"hired_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "executives" (
	"id" uuid PRIMARY KEY NOT NULL,
	"talent_id" uuid NOT NULL,
	"enterprise_id" uuid,
	"applicant_id" uuid,
	"post" text NOT NULL,
	"term_start" date NOT NULL,
	"term_end" date NOT NULL,
	"agreement_salary" integer NOT NULL,
	"status" text DEFAULT 'serving' NOT NULL,
	"reminded_for" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "executive_appraisals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"executive_id" uuid NOT NULL,
	"cycle" text NOT NULL,
	"targets" text NOT NULL,
	"score" integer NOT NULL,
	"outcome" text NOT NULL,
	"new_salary" integer,
	"new_term_end" date,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "demands" ADD CONSTRAINT "demands_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demands" ADD CONSTRAINT "demands_industry_industries_code_fk" FOREIGN KEY ("industry") REFERENCES "public"."industries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demands" ADD CONSTRAINT "demands_discipline_disciplines_code_fk" FOREIGN KEY ("discipline") REFERENCES "public"."disciplines"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand_fills" ADD CONSTRAINT "demand_fills_demand_id_demands_id_fk" FOREIGN KEY ("demand_id") REFERENCES "public"."demands"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand_fills" ADD CONSTRAINT "demand_fills_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_posts" ADD CONSTRAINT "campaign_posts_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_posts" ADD CONSTRAINT "campaign_posts_discipline_disciplines_code_fk" FOREIGN KEY ("discipline") REFERENCES "public"."disciplines"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_posts" ADD CONSTRAINT "campaign_posts_demand_id_demands_id_fk" FOREIGN KEY ("demand_id") REFERENCES "public"."demands"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_posts" ADD CONSTRAINT "campaign_posts_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_applicants" ADD CONSTRAINT "campaign_applicants_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_applicants" ADD CONSTRAINT "campaign_applicants_post_id_campaign_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."campaign_posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_applicants" ADD CONSTRAINT "campaign_applicants_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "executives" ADD CONSTRAINT "executives_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "executives" ADD CONSTRAINT "executives_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "executives" ADD CONSTRAINT "executives_applicant_id_campaign_applicants_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."campaign_applicants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "executive_appraisals" ADD CONSTRAINT "executive_appraisals_executive_id_executives_id_fk" FOREIGN KEY ("executive_id") REFERENCES "public"."executives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "demands_enterprise_idx" ON "demands" USING btree ("enterprise_id","created_at");--> statement-breakpoint
CREATE INDEX "demands_status_idx" ON "demands" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "demands_discipline_idx" ON "demands" USING btree ("discipline");--> statement-breakpoint
CREATE INDEX "demand_fills_demand_idx" ON "demand_fills" USING btree ("demand_id","filled_on");--> statement-breakpoint
CREATE INDEX "campaign_posts_campaign_idx" ON "campaign_posts" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_applicants_person_idx" ON "campaign_applicants" USING btree ("campaign_id","id_number_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_applicants_number_idx" ON "campaign_applicants" USING btree ("campaign_id","number");--> statement-breakpoint
CREATE INDEX "campaign_applicants_post_idx" ON "campaign_applicants" USING btree ("post_id");--> statement-breakpoint
CREATE INDEX "executives_term_end_idx" ON "executives" USING btree ("status","term_end");--> statement-breakpoint
CREATE UNIQUE INDEX "executive_appraisals_cycle_idx" ON "executive_appraisals" USING btree ("executive_id","cycle");--> statement-breakpoint
INSERT INTO "disciplines" ("code", "name", "name_en", "keywords", "sort_order") VALUES
	('economicsFinance', '经济金融', 'Economics and finance', '{经济,金融,财务,会计,审计,统计,投资,税务}', 1),
	('construction', '工程建设', 'Engineering and construction', '{土木,建筑,工程管理,给排水,道路,桥梁,测绘,造价}', 2),
	('chemicals', '化工', 'Chemical engineering', '{化工,化学,高分子,制药,环境工程}', 3),
	('equipment', '装备', 'Equipment and machinery', '{机械,自动化,电气,机电,装备,车辆,泵,阀}', 4),
	('informationTechnology', '信息技术', 'Information technology', '{计算机,软件,信息,电子,通信,人工智能,数据,网络}', 5),
	('newEnergy', '新能源', 'New energy', '{能源,电池,储能,电力,光伏,氢能}', 6),
	('materials', '新材料', 'New materials', '{材料,冶金,陶瓷,纤维,半导体}', 7),
	('management', '经营管理', 'Business management', '{工商管理,市场营销,人力资源,行政管理,企业管理,物流}', 8),
	('publicHealth', '医疗卫生', 'Public health', '{医学,临床,护理,公共卫生,预防医学,检验,疾控}', 9);
--> statement-breakpoint
INSERT INTO "skills" ("name", "name_en", "synonyms") VALUES
	('电池材料', 'Battery materials', '{锂电材料,正极材料,负极材料,电极材料}'),
	('钠离子电池', 'Sodium-ion batteries', '{钠电池,钠电}'),
	('锂离子电池', 'Lithium-ion batteries', '{锂电池,锂电}'),
	('人工智能', 'Artificial intelligence', '{ai,机器学习,深度学习,人工智能训练师}'),
	('数据分析', 'Data analysis', '{数据挖掘,大数据分析,统计分析,数据}'),
	('软件开发', 'Software development', '{软件工程,程序开发,编程,java,python}'),
	('嵌入式', 'Embedded systems', '{单片机,嵌入式开发}'),
	('半导体', 'Semiconductors', '{芯片,集成电路,微电子}'),
	('化工工艺', 'Chemical processes', '{化学工艺,工艺设计,化学工程}'),
	('泵阀设计', 'Pump and valve design', '{泵设计,阀门设计,流体机械}'),
	('机械设计', 'Mechanical design', '{机械工程,机械制造,cad}'),
	('电气自动化', 'Electrical automation', '{自动化,plc,电气工程}'),
	('财务管理', 'Financial management', '{会计,财务,审计}'),
	('项目管理', 'Project management', '{工程管理,pmp}'),
	('市场营销', 'Marketing', '{营销,销售,市场推广}'),
	('人力资源', 'Human resources', '{人力资源管理,招聘}'),
	('新材料研发', 'New-material research', '{材料研发,材料科学}'),
	('企业管理', 'Business management', '{经营管理,工商管理,职业经理人}');
