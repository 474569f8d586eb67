-- The zone dashboard (docs/ARCHITECTURE.md, "Summary tables" and "Zone dashboard"): the year's plans per indicator, and
-- dated dimensions of the tallies (migration 0014's pattern): each statement that writes one of the counted tables appends
-- one row per changed (dimension, month) with the change, "month.<figure>" keyed 'YYYY-MM' (Beijing month for
-- timestamps; 'YYYY-MM <enterprise id>' for month.served). A period's figure is the sum of its months' rows.
CREATE TABLE "indicator_plans" (
	"year" integer NOT NULL,
	"indicator" text NOT NULL,
	"target" bigint NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_plans_year_indicator_pk" PRIMARY KEY("year","indicator"),
	CONSTRAINT "indicator_plans_target_check" CHECK ("target" >= 0)
);
--> statement-breakpoint
CREATE FUNCTION "talents_month_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT n.*, 1 AS sign FROM new_rows n) c
    CROSS JOIN LATERAL (VALUES
    ('month.arrived', to_char(c.arrived_on, 'YYYY-MM'), 1),
    ('month.arrived.master', CASE WHEN c.highest_education = 'master' THEN to_char(c.arrived_on, 'YYYY-MM') END, 1),
    ('month.arrived.doctorate', CASE WHEN c.highest_education = 'doctorate' THEN to_char(c.arrived_on, 'YYYY-MM') END, 1),
    ('month.left', CASE WHEN c.status = 'left' THEN to_char(c.status_since, 'YYYY-MM') END, 1)
    ) AS d(dimension, key, value)
    WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 AS sign FROM old_rows o) c
    CROSS JOIN LATERAL (VALUES
    ('month.arrived', to_char(c.arrived_on, 'YYYY-MM'), 1),
    ('month.arrived.master', CASE WHEN c.highest_education = 'master' THEN to_char(c.arrived_on, 'YYYY-MM') END, 1),
    ('month.arrived.doctorate', CASE WHEN c.highest_education = 'doctorate' THEN to_char(c.arrived_on, 'YYYY-MM') END, 1),
    ('month.left', CASE WHEN c.status = 'left' THEN to_char(c.status_since, 'YYYY-MM') END, 1)
    ) AS d(dimension, key, value)
    WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT o.*, -1 AS sign FROM old_rows o) c
    CROSS JOIN LATERAL (VALUES
    ('month.arrived', to_char(c.arrived_on, 'YYYY-MM'), 1),
    ('month.arrived.master', CASE WHEN c.highest_education = 'master' THEN to_char(c.arrived_on, 'YYYY-MM') END, 1),
    ('month.arrived.doctorate', CASE WHEN c.highest_education = 'doctorate' THEN to_char(c.arrived_on, 'YYYY-MM') END, 1),
    ('month.left', CASE WHEN c.status = 'left' THEN to_char(c.status_since, 'YYYY-MM') END, 1)
    ) AS d(dimension, key, value)
    WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  ELSE
    DELETE FROM tallies WHERE dimension IN ('month.arrived', 'month.arrived.master', 'month.arrived.doctorate', 'month.left');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "talents_month_tally_insert" AFTER INSERT ON "talents" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "talents_month_tally"();
--> statement-breakpoint
CREATE TRIGGER "talents_month_tally_update" AFTER UPDATE ON "talents" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "talents_month_tally"();
--> statement-breakpoint
CREATE TRIGGER "talents_month_tally_delete" AFTER DELETE ON "talents" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "talents_month_tally"();
--> statement-breakpoint
CREATE TRIGGER "talents_month_tally_truncate" AFTER TRUNCATE ON "talents" FOR EACH STATEMENT EXECUTE FUNCTION "talents_month_tally"();
--> statement-breakpoint
CREATE FUNCTION "executives_month_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT n.*, 1 AS sign FROM new_rows n) c
    CROSS JOIN LATERAL (VALUES
    ('month.executives', to_char(c.term_start, 'YYYY-MM'), 1)
    ) AS d(dimension, key, value)
    WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 AS sign FROM old_rows o) c
    CROSS JOIN LATERAL (VALUES
    ('month.executives', to_char(c.term_start, 'YYYY-MM'), 1)
    ) AS d(dimension, key, value)
    WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT o.*, -1 AS sign FROM old_rows o) c
    CROSS JOIN LATERAL (VALUES
    ('month.executives', to_char(c.term_start, 'YYYY-MM'), 1)
    ) AS d(dimension, key, value)
    WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  ELSE
    DELETE FROM tallies WHERE dimension IN ('month.executives');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "executives_month_tally_insert" AFTER INSERT ON "executives" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "executives_month_tally"();
--> statement-breakpoint
CREATE TRIGGER "executives_month_tally_update" AFTER UPDATE ON "executives" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "executives_month_tally"();
--> statement-breakpoint
CREATE TRIGGER "executives_month_tally_delete" AFTER DELETE ON "executives" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "executives_month_tally"();
--> statement-breakpoint
CREATE TRIGGER "executives_month_tally_truncate" AFTER TRUNCATE ON "executives" FOR EACH STATEMENT EXECUTE FUNCTION "executives_month_tally"();
--> statement-breakpoint
CREATE FUNCTION "talent_teams_month_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT n.*, 1 AS sign FROM new_rows n) c
    CROSS JOIN LATERAL (VALUES
    ('month.teams', to_char(c.service_from, 'YYYY-MM'), 1)
    ) AS d(dimension, key, value)
    WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 AS sign FROM old_rows o) c
    CROSS JOIN LATERAL (VALUES
    ('month.teams', to_char(c.service_from, 'YYYY-MM'), 1)
    ) AS d(dimension, key, value)
    WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT o.*, -1 AS sign FROM old_rows o) c
    CROSS JOIN LATERAL (VALUES
    ('month.teams', to_char(c.service_from, 'YYYY-MM'), 1)
    ) AS d(dimension, key, value)
    WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  ELSE
    DELETE FROM tallies WHERE dimension IN ('month.teams');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "talent_teams_month_tally_insert" AFTER INSERT ON "talent_teams" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "talent_teams_month_tally"();
--> statement-breakpoint
CREATE TRIGGER "talent_teams_month_tally_update" AFTER UPDATE ON "talent_teams" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "talent_teams_month_tally"();
--> statement-breakpoint
CREATE TRIGGER "talent_teams_month_tally_delete" AFTER DELETE ON "talent_teams" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "talent_teams_month_tally"();
--> statement-breakpoint
CREATE TRIGGER "talent_teams_month_tally_truncate" AFTER TRUNCATE ON "talent_teams" FOR EACH STATEMENT EXECUTE FUNCTION "talent_teams_month_tally"();
--> statement-breakpoint
CREATE FUNCTION "experts_month_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT n.*, 1 AS sign FROM new_rows n) c
    CROSS JOIN LATERAL (VALUES
    ('month.experts', to_char(c.engaged_from, 'YYYY-MM'), 1)
    ) AS d(dimension, key, value)
    WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 AS sign FROM old_rows o) c
    CROSS JOIN LATERAL (VALUES
    ('month.experts', to_char(c.engaged_from, 'YYYY-MM'), 1)
    ) AS d(dimension, key, value)
    WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT o.*, -1 AS sign FROM old_rows o) c
    CROSS JOIN LATERAL (VALUES
    ('month.experts', to_char(c.engaged_from, 'YYYY-MM'), 1)
    ) AS d(dimension, key, value)
    WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  ELSE
    DELETE FROM tallies WHERE dimension IN ('month.experts');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "experts_month_tally_insert" AFTER INSERT ON "experts" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "experts_month_tally"();
--> statement-breakpoint
CREATE TRIGGER "experts_month_tally_update" AFTER UPDATE ON "experts" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "experts_month_tally"();
--> statement-breakpoint
CREATE TRIGGER "experts_month_tally_delete" AFTER DELETE ON "experts" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "experts_month_tally"();
--> statement-breakpoint
CREATE TRIGGER "experts_month_tally_truncate" AFTER TRUNCATE ON "experts" FOR EACH STATEMENT EXECUTE FUNCTION "experts_month_tally"();
--> statement-breakpoint
CREATE FUNCTION "university_agreements_month_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT n.*, 1 AS sign FROM new_rows n) c
    CROSS JOIN LATERAL (VALUES
    ('month.universities', to_char(c.signed_on, 'YYYY-MM'), 1)
    ) AS d(dimension, key, value)
    WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 AS sign FROM old_rows o) c
    CROSS JOIN LATERAL (VALUES
    ('month.universities', to_char(c.signed_on, 'YYYY-MM'), 1)
    ) AS d(dimension, key, value)
    WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT o.*, -1 AS sign FROM old_rows o) c
    CROSS JOIN LATERAL (VALUES
    ('month.universities', to_char(c.signed_on, 'YYYY-MM'), 1)
    ) AS d(dimension, key, value)
    WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  ELSE
    DELETE FROM tallies WHERE dimension IN ('month.universities');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "university_agreements_month_tally_insert" AFTER INSERT ON "university_agreements" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "university_agreements_month_tally"();
--> statement-breakpoint
CREATE TRIGGER "university_agreements_month_tally_update" AFTER UPDATE ON "university_agreements" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "university_agreements_month_tally"();
--> statement-breakpoint
CREATE TRIGGER "university_agreements_month_tally_delete" AFTER DELETE ON "university_agreements" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "university_agreements_month_tally"();
--> statement-breakpoint
CREATE TRIGGER "university_agreements_month_tally_truncate" AFTER TRUNCATE ON "university_agreements" FOR EACH STATEMENT EXECUTE FUNCTION "university_agreements_month_tally"();
--> statement-breakpoint
CREATE FUNCTION "training_enrolments_month_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT n.*, 1 AS sign FROM new_rows n) c
    CROSS JOIN LATERAL (VALUES
    ('month.trained', CASE WHEN c.assessment_passed THEN to_char(c.assessed_on, 'YYYY-MM') END, 1),
    ('month.certified', to_char(c.certificate_issued_on, 'YYYY-MM'), 1)
    ) AS d(dimension, key, value)
    WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 AS sign FROM old_rows o) c
    CROSS JOIN LATERAL (VALUES
    ('month.trained', CASE WHEN c.assessment_passed THEN to_char(c.assessed_on, 'YYYY-MM') END, 1),
    ('month.certified', to_char(c.certificate_issued_on, 'YYYY-MM'), 1)
    ) AS d(dimension, key, value)
    WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT o.*, -1 AS sign FROM old_rows o) c
    CROSS JOIN LATERAL (VALUES
    ('month.trained', CASE WHEN c.assessment_passed THEN to_char(c.assessed_on, 'YYYY-MM') END, 1),
    ('month.certified', to_char(c.certificate_issued_on, 'YYYY-MM'), 1)
    ) AS d(dimension, key, value)
    WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  ELSE
    DELETE FROM tallies WHERE dimension IN ('month.trained', 'month.certified');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "training_enrolments_month_tally_insert" AFTER INSERT ON "training_enrolments" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "training_enrolments_month_tally"();
--> statement-breakpoint
CREATE TRIGGER "training_enrolments_month_tally_update" AFTER UPDATE ON "training_enrolments" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "training_enrolments_month_tally"();
--> statement-breakpoint
CREATE TRIGGER "training_enrolments_month_tally_delete" AFTER DELETE ON "training_enrolments" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "training_enrolments_month_tally"();
--> statement-breakpoint
CREATE TRIGGER "training_enrolments_month_tally_truncate" AFTER TRUNCATE ON "training_enrolments" FOR EACH STATEMENT EXECUTE FUNCTION "training_enrolments_month_tally"();
--> statement-breakpoint
CREATE FUNCTION "internships_month_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT n.*, 1 AS sign FROM new_rows n) c
    CROSS JOIN LATERAL (VALUES
    ('month.interns', to_char(c.period_from, 'YYYY-MM'), 1),
    ('month.conversions', CASE WHEN c.hired_talent_id IS NOT NULL THEN to_char(c.hired_on, 'YYYY-MM') END, 1)
    ) AS d(dimension, key, value)
    WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 AS sign FROM old_rows o) c
    CROSS JOIN LATERAL (VALUES
    ('month.interns', to_char(c.period_from, 'YYYY-MM'), 1),
    ('month.conversions', CASE WHEN c.hired_talent_id IS NOT NULL THEN to_char(c.hired_on, 'YYYY-MM') END, 1)
    ) AS d(dimension, key, value)
    WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT o.*, -1 AS sign FROM old_rows o) c
    CROSS JOIN LATERAL (VALUES
    ('month.interns', to_char(c.period_from, 'YYYY-MM'), 1),
    ('month.conversions', CASE WHEN c.hired_talent_id IS NOT NULL THEN to_char(c.hired_on, 'YYYY-MM') END, 1)
    ) AS d(dimension, key, value)
    WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  ELSE
    DELETE FROM tallies WHERE dimension IN ('month.interns', 'month.conversions');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "internships_month_tally_insert" AFTER INSERT ON "internships" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "internships_month_tally"();
--> statement-breakpoint
CREATE TRIGGER "internships_month_tally_update" AFTER UPDATE ON "internships" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "internships_month_tally"();
--> statement-breakpoint
CREATE TRIGGER "internships_month_tally_delete" AFTER DELETE ON "internships" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "internships_month_tally"();
--> statement-breakpoint
CREATE TRIGGER "internships_month_tally_truncate" AFTER TRUNCATE ON "internships" FOR EACH STATEMENT EXECUTE FUNCTION "internships_month_tally"();
--> statement-breakpoint
CREATE FUNCTION "entitlements_month_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT n.*, 1 AS sign FROM new_rows n) c
    CROSS JOIN LATERAL (VALUES
    ('month.paid.count', CASE WHEN c.status = 'paid' THEN to_char(c.paid_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') END, 1),
    ('month.paid.amount', CASE WHEN c.status = 'paid' THEN to_char(c.paid_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') END, c.amount::bigint)
    ) AS d(dimension, key, value)
    WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 AS sign FROM old_rows o) c
    CROSS JOIN LATERAL (VALUES
    ('month.paid.count', CASE WHEN c.status = 'paid' THEN to_char(c.paid_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') END, 1),
    ('month.paid.amount', CASE WHEN c.status = 'paid' THEN to_char(c.paid_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') END, c.amount::bigint)
    ) AS d(dimension, key, value)
    WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT o.*, -1 AS sign FROM old_rows o) c
    CROSS JOIN LATERAL (VALUES
    ('month.paid.count', CASE WHEN c.status = 'paid' THEN to_char(c.paid_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') END, 1),
    ('month.paid.amount', CASE WHEN c.status = 'paid' THEN to_char(c.paid_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') END, c.amount::bigint)
    ) AS d(dimension, key, value)
    WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  ELSE
    DELETE FROM tallies WHERE dimension IN ('month.paid.count', 'month.paid.amount');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "entitlements_month_tally_insert" AFTER INSERT ON "entitlements" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "entitlements_month_tally"();
--> statement-breakpoint
CREATE TRIGGER "entitlements_month_tally_update" AFTER UPDATE ON "entitlements" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "entitlements_month_tally"();
--> statement-breakpoint
CREATE TRIGGER "entitlements_month_tally_delete" AFTER DELETE ON "entitlements" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "entitlements_month_tally"();
--> statement-breakpoint
CREATE TRIGGER "entitlements_month_tally_truncate" AFTER TRUNCATE ON "entitlements" FOR EACH STATEMENT EXECUTE FUNCTION "entitlements_month_tally"();
--> statement-breakpoint
CREATE FUNCTION "loans_month_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT n.*, 1 AS sign FROM new_rows n) c
    CROSS JOIN LATERAL (VALUES
    ('month.loans', to_char(c.disbursed_on, 'YYYY-MM'), 1),
    ('month.loans.amount', to_char(c.disbursed_on, 'YYYY-MM'), coalesce(c.disbursed_amount, 0)::bigint)
    ) AS d(dimension, key, value)
    WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 AS sign FROM old_rows o) c
    CROSS JOIN LATERAL (VALUES
    ('month.loans', to_char(c.disbursed_on, 'YYYY-MM'), 1),
    ('month.loans.amount', to_char(c.disbursed_on, 'YYYY-MM'), coalesce(c.disbursed_amount, 0)::bigint)
    ) AS d(dimension, key, value)
    WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT o.*, -1 AS sign FROM old_rows o) c
    CROSS JOIN LATERAL (VALUES
    ('month.loans', to_char(c.disbursed_on, 'YYYY-MM'), 1),
    ('month.loans.amount', to_char(c.disbursed_on, 'YYYY-MM'), coalesce(c.disbursed_amount, 0)::bigint)
    ) AS d(dimension, key, value)
    WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  ELSE
    DELETE FROM tallies WHERE dimension IN ('month.loans', 'month.loans.amount');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "loans_month_tally_insert" AFTER INSERT ON "loans" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "loans_month_tally"();
--> statement-breakpoint
CREATE TRIGGER "loans_month_tally_update" AFTER UPDATE ON "loans" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "loans_month_tally"();
--> statement-breakpoint
CREATE TRIGGER "loans_month_tally_delete" AFTER DELETE ON "loans" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "loans_month_tally"();
--> statement-breakpoint
CREATE TRIGGER "loans_month_tally_truncate" AFTER TRUNCATE ON "loans" FOR EACH STATEMENT EXECUTE FUNCTION "loans_month_tally"();
--> statement-breakpoint
CREATE FUNCTION "apartment_leases_month_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT n.*, 1 AS sign FROM new_rows n) c
    CROSS JOIN LATERAL (VALUES
    ('month.moveIns', to_char(c.move_in_date, 'YYYY-MM'), 1)
    ) AS d(dimension, key, value)
    WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 AS sign FROM old_rows o) c
    CROSS JOIN LATERAL (VALUES
    ('month.moveIns', to_char(c.move_in_date, 'YYYY-MM'), 1)
    ) AS d(dimension, key, value)
    WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT o.*, -1 AS sign FROM old_rows o) c
    CROSS JOIN LATERAL (VALUES
    ('month.moveIns', to_char(c.move_in_date, 'YYYY-MM'), 1)
    ) AS d(dimension, key, value)
    WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  ELSE
    DELETE FROM tallies WHERE dimension IN ('month.moveIns');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "apartment_leases_month_tally_insert" AFTER INSERT ON "apartment_leases" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "apartment_leases_month_tally"();
--> statement-breakpoint
CREATE TRIGGER "apartment_leases_month_tally_update" AFTER UPDATE ON "apartment_leases" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "apartment_leases_month_tally"();
--> statement-breakpoint
CREATE TRIGGER "apartment_leases_month_tally_delete" AFTER DELETE ON "apartment_leases" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "apartment_leases_month_tally"();
--> statement-breakpoint
CREATE TRIGGER "apartment_leases_month_tally_truncate" AFTER TRUNCATE ON "apartment_leases" FOR EACH STATEMENT EXECUTE FUNCTION "apartment_leases_month_tally"();
--> statement-breakpoint
CREATE FUNCTION "title_declarations_month_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT n.*, 1 AS sign FROM new_rows n) c
    CROSS JOIN LATERAL (VALUES
    ('month.titles.declared', to_char(c.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), 1),
    ('month.titles.passed', CASE WHEN c.status = 'passed' THEN to_char(c.decided_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') END, 1)
    ) AS d(dimension, key, value)
    WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 AS sign FROM old_rows o) c
    CROSS JOIN LATERAL (VALUES
    ('month.titles.declared', to_char(c.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), 1),
    ('month.titles.passed', CASE WHEN c.status = 'passed' THEN to_char(c.decided_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') END, 1)
    ) AS d(dimension, key, value)
    WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT o.*, -1 AS sign FROM old_rows o) c
    CROSS JOIN LATERAL (VALUES
    ('month.titles.declared', to_char(c.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), 1),
    ('month.titles.passed', CASE WHEN c.status = 'passed' THEN to_char(c.decided_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') END, 1)
    ) AS d(dimension, key, value)
    WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  ELSE
    DELETE FROM tallies WHERE dimension IN ('month.titles.declared', 'month.titles.passed');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "title_declarations_month_tally_insert" AFTER INSERT ON "title_declarations" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "title_declarations_month_tally"();
--> statement-breakpoint
CREATE TRIGGER "title_declarations_month_tally_update" AFTER UPDATE ON "title_declarations" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "title_declarations_month_tally"();
--> statement-breakpoint
CREATE TRIGGER "title_declarations_month_tally_delete" AFTER DELETE ON "title_declarations" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "title_declarations_month_tally"();
--> statement-breakpoint
CREATE TRIGGER "title_declarations_month_tally_truncate" AFTER TRUNCATE ON "title_declarations" FOR EACH STATEMENT EXECUTE FUNCTION "title_declarations_month_tally"();
--> statement-breakpoint
CREATE FUNCTION "cases_month_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT n.*, 1 AS sign FROM new_rows n) c
    CROSS JOIN LATERAL (VALUES
    ('month.served', CASE WHEN c.subject_kind = 'enterprise' THEN to_char(c.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') || ' ' || c.subject_id::text END, 1)
    ) AS d(dimension, key, value)
    WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 AS sign FROM old_rows o) c
    CROSS JOIN LATERAL (VALUES
    ('month.served', CASE WHEN c.subject_kind = 'enterprise' THEN to_char(c.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') || ' ' || c.subject_id::text END, 1)
    ) AS d(dimension, key, value)
    WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT o.*, -1 AS sign FROM old_rows o) c
    CROSS JOIN LATERAL (VALUES
    ('month.served', CASE WHEN c.subject_kind = 'enterprise' THEN to_char(c.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') || ' ' || c.subject_id::text END, 1)
    ) AS d(dimension, key, value)
    WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  ELSE
    DELETE FROM tallies WHERE dimension IN ('month.served');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "cases_month_tally_insert" AFTER INSERT ON "cases" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "cases_month_tally"();
--> statement-breakpoint
CREATE TRIGGER "cases_month_tally_update" AFTER UPDATE ON "cases" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "cases_month_tally"();
--> statement-breakpoint
CREATE TRIGGER "cases_month_tally_delete" AFTER DELETE ON "cases" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "cases_month_tally"();
--> statement-breakpoint
CREATE TRIGGER "cases_month_tally_truncate" AFTER TRUNCATE ON "cases" FOR EACH STATEMENT EXECUTE FUNCTION "cases_month_tally"();
--> statement-breakpoint
-- the dated dimensions counted from the records: the backfill below, and refreshSummaries (tallies.repo.ts) after a load with triggers off
CREATE VIEW "dashboard_month_facts" AS
SELECT d.dimension, d.key, sum(d.value)::bigint AS total FROM (SELECT t.*, 1 AS sign FROM "talents" t) c
  CROSS JOIN LATERAL (VALUES
    ('month.arrived', to_char(c.arrived_on, 'YYYY-MM'), 1),
    ('month.arrived.master', CASE WHEN c.highest_education = 'master' THEN to_char(c.arrived_on, 'YYYY-MM') END, 1),
    ('month.arrived.doctorate', CASE WHEN c.highest_education = 'doctorate' THEN to_char(c.arrived_on, 'YYYY-MM') END, 1),
    ('month.left', CASE WHEN c.status = 'left' THEN to_char(c.status_since, 'YYYY-MM') END, 1)
  ) AS d(dimension, key, value)
  WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(d.value) <> 0
UNION ALL
SELECT d.dimension, d.key, sum(d.value)::bigint AS total FROM (SELECT t.*, 1 AS sign FROM "executives" t) c
  CROSS JOIN LATERAL (VALUES
    ('month.executives', to_char(c.term_start, 'YYYY-MM'), 1)
  ) AS d(dimension, key, value)
  WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(d.value) <> 0
UNION ALL
SELECT d.dimension, d.key, sum(d.value)::bigint AS total FROM (SELECT t.*, 1 AS sign FROM "talent_teams" t) c
  CROSS JOIN LATERAL (VALUES
    ('month.teams', to_char(c.service_from, 'YYYY-MM'), 1)
  ) AS d(dimension, key, value)
  WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(d.value) <> 0
UNION ALL
SELECT d.dimension, d.key, sum(d.value)::bigint AS total FROM (SELECT t.*, 1 AS sign FROM "experts" t) c
  CROSS JOIN LATERAL (VALUES
    ('month.experts', to_char(c.engaged_from, 'YYYY-MM'), 1)
  ) AS d(dimension, key, value)
  WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(d.value) <> 0
UNION ALL
SELECT d.dimension, d.key, sum(d.value)::bigint AS total FROM (SELECT t.*, 1 AS sign FROM "university_agreements" t) c
  CROSS JOIN LATERAL (VALUES
    ('month.universities', to_char(c.signed_on, 'YYYY-MM'), 1)
  ) AS d(dimension, key, value)
  WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(d.value) <> 0
UNION ALL
SELECT d.dimension, d.key, sum(d.value)::bigint AS total FROM (SELECT t.*, 1 AS sign FROM "training_enrolments" t) c
  CROSS JOIN LATERAL (VALUES
    ('month.trained', CASE WHEN c.assessment_passed THEN to_char(c.assessed_on, 'YYYY-MM') END, 1),
    ('month.certified', to_char(c.certificate_issued_on, 'YYYY-MM'), 1)
  ) AS d(dimension, key, value)
  WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(d.value) <> 0
UNION ALL
SELECT d.dimension, d.key, sum(d.value)::bigint AS total FROM (SELECT t.*, 1 AS sign FROM "internships" t) c
  CROSS JOIN LATERAL (VALUES
    ('month.interns', to_char(c.period_from, 'YYYY-MM'), 1),
    ('month.conversions', CASE WHEN c.hired_talent_id IS NOT NULL THEN to_char(c.hired_on, 'YYYY-MM') END, 1)
  ) AS d(dimension, key, value)
  WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(d.value) <> 0
UNION ALL
SELECT d.dimension, d.key, sum(d.value)::bigint AS total FROM (SELECT t.*, 1 AS sign FROM "entitlements" t) c
  CROSS JOIN LATERAL (VALUES
    ('month.paid.count', CASE WHEN c.status = 'paid' THEN to_char(c.paid_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') END, 1),
    ('month.paid.amount', CASE WHEN c.status = 'paid' THEN to_char(c.paid_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') END, c.amount::bigint)
  ) AS d(dimension, key, value)
  WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(d.value) <> 0
UNION ALL
SELECT d.dimension, d.key, sum(d.value)::bigint AS total FROM (SELECT t.*, 1 AS sign FROM "loans" t) c
  CROSS JOIN LATERAL (VALUES
    ('month.loans', to_char(c.disbursed_on, 'YYYY-MM'), 1),
    ('month.loans.amount', to_char(c.disbursed_on, 'YYYY-MM'), coalesce(c.disbursed_amount, 0)::bigint)
  ) AS d(dimension, key, value)
  WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(d.value) <> 0
UNION ALL
SELECT d.dimension, d.key, sum(d.value)::bigint AS total FROM (SELECT t.*, 1 AS sign FROM "apartment_leases" t) c
  CROSS JOIN LATERAL (VALUES
    ('month.moveIns', to_char(c.move_in_date, 'YYYY-MM'), 1)
  ) AS d(dimension, key, value)
  WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(d.value) <> 0
UNION ALL
SELECT d.dimension, d.key, sum(d.value)::bigint AS total FROM (SELECT t.*, 1 AS sign FROM "title_declarations" t) c
  CROSS JOIN LATERAL (VALUES
    ('month.titles.declared', to_char(c.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), 1),
    ('month.titles.passed', CASE WHEN c.status = 'passed' THEN to_char(c.decided_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') END, 1)
  ) AS d(dimension, key, value)
  WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(d.value) <> 0
UNION ALL
SELECT d.dimension, d.key, sum(d.value)::bigint AS total FROM (SELECT t.*, 1 AS sign FROM "cases" t) c
  CROSS JOIN LATERAL (VALUES
    ('month.served', CASE WHEN c.subject_kind = 'enterprise' THEN to_char(c.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') || ' ' || c.subject_id::text END, 1)
  ) AS d(dimension, key, value)
  WHERE d.key IS NOT NULL GROUP BY 1, 2 HAVING sum(d.value) <> 0;
--> statement-breakpoint
INSERT INTO tallies (dimension, key, total) SELECT dimension, key, total FROM dashboard_month_facts;
