-- Start-up guaranteed loans (创业担保贷款): banks and guarantors as data, and one row per `loan` case with what was
-- applied for and what each stage recorded. The interest subsidy is paid as entitlements of the LOAN policy.
CREATE TABLE "loan_institutions" (
	"code" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
INSERT INTO "loan_institutions" ("code", "kind", "name", "name_en", "sort") VALUES
	('icbc', 'bank', '中国工商银行阳泉分行', 'ICBC Yangquan Branch', 1),
	('ccb', 'bank', '中国建设银行阳泉分行', 'China Construction Bank Yangquan Branch', 2),
	('abc', 'bank', '中国农业银行阳泉分行', 'Agricultural Bank of China Yangquan Branch', 3),
	('psbc', 'bank', '中国邮政储蓄银行阳泉分行', 'Postal Savings Bank of China Yangquan Branch', 4),
	('shanxiBank', 'bank', '山西银行阳泉分行', 'Bank of Shanxi Yangquan Branch', 5),
	('yqRural', 'bank', '阳泉农村商业银行', 'Yangquan Rural Commercial Bank', 6),
	('yqGuarantee', 'guarantor', '阳泉市融资担保有限责任公司', 'Yangquan Financing Guarantee Co.', 11),
	('sxReguarantee', 'guarantor', '山西省融资再担保集团有限公司', 'Shanxi Financing Re-guarantee Group', 12),
	('zoneFund', 'guarantor', '高新区创业担保贷款担保基金', 'Zone Start-up Loan Guarantee Fund', 13);--> statement-breakpoint
CREATE TABLE "loans" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"bank_code" text NOT NULL,
	"guarantor_code" text NOT NULL,
	"amount" integer NOT NULL,
	"term_months" integer NOT NULL,
	"subsidy_rate_bp" integer NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"approved_amount" integer,
	"bank_reference" text,
	"approved_at" timestamp with time zone,
	"disbursed_amount" integer,
	"disbursed_on" date,
	"subsidy_balance" integer,
	"subsidy_total" integer,
	"subsidy_at" timestamp with time zone,
	"settled_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_bank_code_loan_institutions_code_fk" FOREIGN KEY ("bank_code") REFERENCES "public"."loan_institutions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_guarantor_code_loan_institutions_code_fk" FOREIGN KEY ("guarantor_code") REFERENCES "public"."loan_institutions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "loans_bank_idx" ON "loans" USING btree ("bank_code");--> statement-breakpoint
CREATE INDEX "loans_disbursed_idx" ON "loans" USING btree ("disbursed_on");
