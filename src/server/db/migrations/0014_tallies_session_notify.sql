-- Summary counts kept current by the writing statements (see docs/ARCHITECTURE.md, "Summary tables"): each statement that
-- inserts, updates or deletes talents, organisations or entitlements appends one row per changed (dimension, key) with the change;
-- the count is the sum of a key's rows, and compaction folds them. Appending takes no lock another writer waits for.
CREATE TABLE "tallies" (
	"dimension" text NOT NULL,
	"key" text NOT NULL,
	"total" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "tallies_dimension_idx" ON "tallies" USING btree ("dimension","key");
--> statement-breakpoint
CREATE FUNCTION "talent_tally_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO tallies (dimension, key, total)
  SELECT d.dimension, d.key, sum(c.sign) FROM (SELECT n.*, 1 AS sign FROM new_rows n) c
  CROSS JOIN LATERAL (VALUES
    ('talent.status', c.status),
    ('talent.route', c.arrival_route),
    ('talent.education', coalesce(c.highest_education, '')),
    ('talent.industry', coalesce(c.industry, '')),
    ('talent.arrived', extract(year from c.arrived_on)::int::text),
    ('talent.left', CASE WHEN c.status = 'left' THEN extract(year from c.status_since)::int::text END)
  ) AS d(dimension, key)
  WHERE d.key IS NOT NULL
  GROUP BY 1, 2 HAVING sum(c.sign) <> 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "talent_tally_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO tallies (dimension, key, total)
  SELECT d.dimension, d.key, sum(c.sign) FROM (SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 AS sign FROM old_rows o) c
  CROSS JOIN LATERAL (VALUES
    ('talent.status', c.status),
    ('talent.route', c.arrival_route),
    ('talent.education', coalesce(c.highest_education, '')),
    ('talent.industry', coalesce(c.industry, '')),
    ('talent.arrived', extract(year from c.arrived_on)::int::text),
    ('talent.left', CASE WHEN c.status = 'left' THEN extract(year from c.status_since)::int::text END)
  ) AS d(dimension, key)
  WHERE d.key IS NOT NULL
  GROUP BY 1, 2 HAVING sum(c.sign) <> 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "talent_tally_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO tallies (dimension, key, total)
  SELECT d.dimension, d.key, sum(c.sign) FROM (SELECT o.*, -1 AS sign FROM old_rows o) c
  CROSS JOIN LATERAL (VALUES
    ('talent.status', c.status),
    ('talent.route', c.arrival_route),
    ('talent.education', coalesce(c.highest_education, '')),
    ('talent.industry', coalesce(c.industry, '')),
    ('talent.arrived', extract(year from c.arrived_on)::int::text),
    ('talent.left', CASE WHEN c.status = 'left' THEN extract(year from c.status_since)::int::text END)
  ) AS d(dimension, key)
  WHERE d.key IS NOT NULL
  GROUP BY 1, 2 HAVING sum(c.sign) <> 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "talents_tally_insert" AFTER INSERT ON "talents" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "talent_tally_insert"();
--> statement-breakpoint
CREATE TRIGGER "talents_tally_update" AFTER UPDATE ON "talents" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "talent_tally_update"();
--> statement-breakpoint
CREATE TRIGGER "talents_tally_delete" AFTER DELETE ON "talents" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "talent_tally_delete"();
--> statement-breakpoint
CREATE FUNCTION "talent_tally_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM tallies WHERE dimension LIKE 'talent.%';
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "talents_tally_truncate" AFTER TRUNCATE ON "talents" FOR EACH STATEMENT EXECUTE FUNCTION "talent_tally_truncate"();
--> statement-breakpoint
CREATE FUNCTION "organisation_tally_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO tallies (dimension, key, total)
  SELECT d.dimension, d.key, sum(c.sign) FROM (SELECT n.*, 1 AS sign FROM new_rows n) c
  CROSS JOIN LATERAL (VALUES ('organisation.kind', c.kind)) AS d(dimension, key)
  WHERE d.key IS NOT NULL
  GROUP BY 1, 2 HAVING sum(c.sign) <> 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "organisation_tally_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO tallies (dimension, key, total)
  SELECT d.dimension, d.key, sum(c.sign) FROM (SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 AS sign FROM old_rows o) c
  CROSS JOIN LATERAL (VALUES ('organisation.kind', c.kind)) AS d(dimension, key)
  WHERE d.key IS NOT NULL
  GROUP BY 1, 2 HAVING sum(c.sign) <> 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "organisation_tally_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO tallies (dimension, key, total)
  SELECT d.dimension, d.key, sum(c.sign) FROM (SELECT o.*, -1 AS sign FROM old_rows o) c
  CROSS JOIN LATERAL (VALUES ('organisation.kind', c.kind)) AS d(dimension, key)
  WHERE d.key IS NOT NULL
  GROUP BY 1, 2 HAVING sum(c.sign) <> 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "organisations_tally_insert" AFTER INSERT ON "organisations" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "organisation_tally_insert"();
--> statement-breakpoint
CREATE TRIGGER "organisations_tally_update" AFTER UPDATE ON "organisations" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "organisation_tally_update"();
--> statement-breakpoint
CREATE TRIGGER "organisations_tally_delete" AFTER DELETE ON "organisations" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "organisation_tally_delete"();
--> statement-breakpoint
CREATE FUNCTION "organisation_tally_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM tallies WHERE dimension LIKE 'organisation.%';
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "organisations_tally_truncate" AFTER TRUNCATE ON "organisations" FOR EACH STATEMENT EXECUTE FUNCTION "organisation_tally_truncate"();
--> statement-breakpoint
CREATE FUNCTION "entitlement_tally_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO tallies (dimension, key, total)
  SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT n.*, 1 AS sign FROM new_rows n) c
  CROSS JOIN LATERAL (VALUES
    ('entitlement.amount', c.policy_id::text || ' ' || c.status, c.amount::bigint),
    ('entitlement.count', c.policy_id::text || ' ' || c.status, 1::bigint)
  ) AS d(dimension, key, value)
  GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "entitlement_tally_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO tallies (dimension, key, total)
  SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 AS sign FROM old_rows o) c
  CROSS JOIN LATERAL (VALUES
    ('entitlement.amount', c.policy_id::text || ' ' || c.status, c.amount::bigint),
    ('entitlement.count', c.policy_id::text || ' ' || c.status, 1::bigint)
  ) AS d(dimension, key, value)
  GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "entitlement_tally_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO tallies (dimension, key, total)
  SELECT d.dimension, d.key, sum(c.sign * d.value) FROM (SELECT o.*, -1 AS sign FROM old_rows o) c
  CROSS JOIN LATERAL (VALUES
    ('entitlement.amount', c.policy_id::text || ' ' || c.status, c.amount::bigint),
    ('entitlement.count', c.policy_id::text || ' ' || c.status, 1::bigint)
  ) AS d(dimension, key, value)
  GROUP BY 1, 2 HAVING sum(c.sign * d.value) <> 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "entitlements_tally_insert" AFTER INSERT ON "entitlements" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "entitlement_tally_insert"();
--> statement-breakpoint
CREATE TRIGGER "entitlements_tally_update" AFTER UPDATE ON "entitlements" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "entitlement_tally_update"();
--> statement-breakpoint
CREATE TRIGGER "entitlements_tally_delete" AFTER DELETE ON "entitlements" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "entitlement_tally_delete"();
--> statement-breakpoint
CREATE FUNCTION "entitlement_tally_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM tallies WHERE dimension LIKE 'entitlement.%';
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "entitlements_tally_truncate" AFTER TRUNCATE ON "entitlements" FOR EACH STATEMENT EXECUTE FUNCTION "entitlement_tally_truncate"();
--> statement-breakpoint
-- backfill (the same statement as refreshSummaries in modules/home/tallies.repo.ts)
INSERT INTO tallies (dimension, key, total)
SELECT d.dimension, d.key, count(*) FROM talents t
  CROSS JOIN LATERAL (VALUES
    ('talent.status', t.status),
    ('talent.route', t.arrival_route),
    ('talent.education', coalesce(t.highest_education, '')),
    ('talent.industry', coalesce(t.industry, '')),
    ('talent.arrived', extract(year from t.arrived_on)::int::text),
    ('talent.left', CASE WHEN t.status = 'left' THEN extract(year from t.status_since)::int::text END)
  ) AS d(dimension, key)
  WHERE d.key IS NOT NULL GROUP BY 1, 2
UNION ALL
SELECT 'organisation.kind', kind, count(*) FROM organisations GROUP BY 2
UNION ALL
SELECT 'entitlement.amount', policy_id::text || ' ' || status, sum(amount) FROM entitlements GROUP BY 2
UNION ALL
SELECT 'entitlement.count', policy_id::text || ' ' || status, count(*) FROM entitlements GROUP BY 2;
--> statement-breakpoint
-- The session cache (plugins/auth.ts) of every app server forgets a user's sessions when the user row changes or one
-- of their sessions ends or changes (the idle refresh of last_seen_at too, at most once a minute): a notification on channel tz_sessions,
-- payload the user's id ('*' for all), delivered when the transaction commits.
CREATE FUNCTION "users_notify_sessions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_LEVEL = 'STATEMENT' THEN
    PERFORM pg_notify('tz_sessions', '*');
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('tz_sessions', OLD.id::text);
  ELSE
    PERFORM pg_notify('tz_sessions', NEW.id::text);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "users_notify_sessions" AFTER UPDATE OR DELETE ON "users" FOR EACH ROW EXECUTE FUNCTION "users_notify_sessions"();
--> statement-breakpoint
CREATE TRIGGER "users_notify_sessions_truncate" AFTER TRUNCATE ON "users" FOR EACH STATEMENT EXECUTE FUNCTION "users_notify_sessions"();
--> statement-breakpoint
CREATE FUNCTION "sessions_notify_sessions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_LEVEL = 'STATEMENT' THEN
    PERFORM pg_notify('tz_sessions', '*');
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('tz_sessions', OLD.user_id::text);
  ELSE
    PERFORM pg_notify('tz_sessions', OLD.user_id::text);
    PERFORM pg_notify('tz_sessions', NEW.user_id::text);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "sessions_notify_sessions" AFTER DELETE OR UPDATE ON "sessions" FOR EACH ROW EXECUTE FUNCTION "sessions_notify_sessions"();
--> statement-breakpoint
CREATE TRIGGER "sessions_notify_sessions_truncate" AFTER TRUNCATE ON "sessions" FOR EACH STATEMENT EXECUTE FUNCTION "sessions_notify_sessions"();
--> statement-breakpoint
-- name order (talents list sorted by name) and the index a plain newest-first page reads is talents_updated_idx (0005)
CREATE INDEX "talents_name_order_idx" ON "talents" USING btree ("name_initials","name","id");
