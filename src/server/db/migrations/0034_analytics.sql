-- The talent map and the industry map (issue 15, see docs/ARCHITECTURE.md "Talent and industry maps"): chain profiles
-- with their segments and the province/national benchmark shares (data), more dimensions of the tallies kept by
-- statement-level triggers as migration 0014's, and the shortage index (紧缺指数) per post type (discipline),
-- recomputed by triggers in the writing transaction of demands, fills and talents, with one dated history row per day.
CREATE TABLE "chain_profiles" (
	"chain" text PRIMARY KEY NOT NULL,
	"name_en" text NOT NULL,
	"upstream" text DEFAULT '' NOT NULL,
	"upstream_en" text DEFAULT '' NOT NULL,
	"midstream" text DEFAULT '' NOT NULL,
	"midstream_en" text DEFAULT '' NOT NULL,
	"downstream" text DEFAULT '' NOT NULL,
	"downstream_en" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chain_benchmarks" (
	"chain" text NOT NULL,
	"area" text NOT NULL,
	"share" numeric(7, 4) NOT NULL,
	"source" text NOT NULL,
	"source_en" text NOT NULL,
	"year" integer NOT NULL,
	CONSTRAINT "chain_benchmarks_pk" PRIMARY KEY("chain","area"),
	CONSTRAINT "chain_benchmarks_area_check" CHECK ("area" IN ('province', 'national')),
	CONSTRAINT "chain_benchmarks_share_check" CHECK ("share" > 0 AND "share" <= 100)
);
--> statement-breakpoint
CREATE TABLE "shortage_indices" (
	"discipline" text PRIMARY KEY NOT NULL REFERENCES "disciplines"("code"),
	"open_posts" integer NOT NULL,
	"supply" integer NOT NULL,
	"time_to_fill" numeric(8, 1),
	"vacancy_age" numeric(8, 1),
	"value" integer NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shortage_history" (
	"discipline" text NOT NULL REFERENCES "disciplines"("code"),
	"day" date NOT NULL,
	"value" integer NOT NULL,
	"open_posts" integer NOT NULL,
	"supply" integer NOT NULL,
	CONSTRAINT "shortage_history_pk" PRIMARY KEY("discipline","day")
);
--> statement-breakpoint
-- the post type of a talent: the first discipline (in its order) one of whose keywords the post contains
CREATE FUNCTION "talent_discipline"(post text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT d.code FROM disciplines d
  WHERE post IS NOT NULL AND EXISTS (SELECT 1 FROM unnest(d.keywords) k WHERE k <> '' AND strpos(post, k) > 0)
  ORDER BY d.sort_order, d.code LIMIT 1
$$;
--> statement-breakpoint
-- what one talent counts for in the maps' dimensions (only talents in the zone count: the talent list's status=inZone): keys are "<industry>|<value>"
CREATE FUNCTION "analytics_talent_facets"(status text, post text, industry text, highest_education text, highest_title text, tier text, arrival_route text, birth_date date, employer_id uuid) RETURNS TABLE("dimension" text, "key" text) LANGUAGE sql STABLE AS $$
  SELECT d.dimension, d.key
  FROM (SELECT coalesce(analytics_talent_facets.industry, '') AS industry) i
  LEFT JOIN organisations o ON o.id = analytics_talent_facets.employer_id
  CROSS JOIN LATERAL (VALUES
    ('talent.discipline', talent_discipline(analytics_talent_facets.post)),
    ('map.education', i.industry || '|' || coalesce(analytics_talent_facets.highest_education, '')),
    ('map.title', i.industry || '|' || coalesce(analytics_talent_facets.highest_title, '')),
    ('map.tier', i.industry || '|' || coalesce(analytics_talent_facets.tier, '')),
    ('map.route', i.industry || '|' || analytics_talent_facets.arrival_route),
    ('map.birthYear', i.industry || '|' || extract(year from analytics_talent_facets.birth_date)::int::text),
    ('map.segment', i.industry || '|' || coalesce(o.chain_segment, '')),
    ('map.size', i.industry || '|' || coalesce(o.size, '')),
    ('map.park', i.industry || '|' || coalesce(o.park_id::text, ''))
  ) AS d(dimension, key)
  WHERE analytics_talent_facets.status = 'inZone' AND d.key IS NOT NULL
$$;
--> statement-breakpoint
-- the shortage index of the given disciplines from the records, now: current row and today's history row
CREATE FUNCTION "refresh_shortage"(codes text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF codes IS NULL OR cardinality(codes) = 0 THEN RETURN; END IF;
  WITH figures AS (
    SELECT d.code,
      coalesce((SELECT sum(m.headcount - m.filled) FROM demands m WHERE m.discipline = d.code AND m.status IN ('open', 'partlyFilled')), 0)::int AS open_posts,
      coalesce((SELECT sum(y.total) FROM tallies y WHERE y.dimension = 'talent.discipline' AND y.key = d.code), 0)::int AS supply,
      (SELECT round(sum((f.filled_on - (m.created_at AT TIME ZONE 'Asia/Shanghai')::date) * f.count)::numeric / nullif(sum(f.count), 0), 1)
         FROM demand_fills f JOIN demands m ON m.id = f.demand_id
         WHERE m.discipline = d.code AND f.filled_on > (now() AT TIME ZONE 'Asia/Shanghai')::date - 365) AS time_to_fill,
      (SELECT round(sum(((now() AT TIME ZONE 'Asia/Shanghai')::date - (m.created_at AT TIME ZONE 'Asia/Shanghai')::date) * (m.headcount - m.filled))::numeric / nullif(sum(m.headcount - m.filled), 0), 1)
         FROM demands m WHERE m.discipline = d.code AND m.status IN ('open', 'partlyFilled')) AS vacancy_age
    FROM disciplines d WHERE d.code = ANY(codes)
  ), scored AS (
    SELECT code, open_posts, supply, time_to_fill, vacancy_age,
      round(
        50 * CASE WHEN open_posts = 0 THEN 0 ELSE least(1, 10.0 * open_posts / greatest(supply, 1)) END
        + 25 * least(1, greatest(coalesce(time_to_fill, 0), 0) / 90.0)
        + 25 * least(1, greatest(coalesce(vacancy_age, 0), 0) / 90.0)
      )::int AS value
    FROM figures
  ), current_rows AS (
    INSERT INTO shortage_indices AS s (discipline, open_posts, supply, time_to_fill, vacancy_age, value, computed_at)
    SELECT code, open_posts, supply, time_to_fill, vacancy_age, value, now() FROM scored ORDER BY code
    ON CONFLICT (discipline) DO UPDATE SET open_posts = excluded.open_posts, supply = excluded.supply, time_to_fill = excluded.time_to_fill,
      vacancy_age = excluded.vacancy_age, value = excluded.value, computed_at = excluded.computed_at
    RETURNING 1
  )
  INSERT INTO shortage_history AS h (discipline, day, value, open_posts, supply)
  SELECT code, (now() AT TIME ZONE 'Asia/Shanghai')::date, value, open_posts, supply FROM scored ORDER BY code
  ON CONFLICT (discipline, day) DO UPDATE SET value = excluded.value, open_posts = excluded.open_posts, supply = excluded.supply;
END $$;
--> statement-breakpoint
CREATE FUNCTION "analytics_talent_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE changed text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    WITH added AS (
      INSERT INTO tallies (dimension, key, total)
      SELECT f.dimension, f.key, sum(c.sign) FROM (SELECT n.*, 1 AS sign FROM new_rows n) c
      CROSS JOIN LATERAL analytics_talent_facets(c.status, c.post, c.industry, c.highest_education, c.highest_title, c.tier, c.arrival_route, c.birth_date, c.employer_id) f GROUP BY 1, 2 HAVING sum(c.sign) <> 0
      RETURNING dimension, key)
    SELECT array_agg(key ORDER BY key) INTO changed FROM added WHERE dimension = 'talent.discipline';
  ELSIF TG_OP = 'UPDATE' THEN
    WITH added AS (
      INSERT INTO tallies (dimension, key, total)
      SELECT f.dimension, f.key, sum(c.sign) FROM (SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 AS sign FROM old_rows o) c
      CROSS JOIN LATERAL analytics_talent_facets(c.status, c.post, c.industry, c.highest_education, c.highest_title, c.tier, c.arrival_route, c.birth_date, c.employer_id) f GROUP BY 1, 2 HAVING sum(c.sign) <> 0
      RETURNING dimension, key)
    SELECT array_agg(key ORDER BY key) INTO changed FROM added WHERE dimension = 'talent.discipline';
  ELSE
    WITH added AS (
      INSERT INTO tallies (dimension, key, total)
      SELECT f.dimension, f.key, sum(c.sign) FROM (SELECT o.*, -1 AS sign FROM old_rows o) c
      CROSS JOIN LATERAL analytics_talent_facets(c.status, c.post, c.industry, c.highest_education, c.highest_title, c.tier, c.arrival_route, c.birth_date, c.employer_id) f GROUP BY 1, 2 HAVING sum(c.sign) <> 0
      RETURNING dimension, key)
    SELECT array_agg(key ORDER BY key) INTO changed FROM added WHERE dimension = 'talent.discipline';
  END IF;
  -- the tallies appended above are visible to refresh_shortage (same transaction, later statement)
  PERFORM refresh_shortage(changed);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "talents_analytics_insert" AFTER INSERT ON "talents" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "analytics_talent_tally"();
--> statement-breakpoint
CREATE TRIGGER "talents_analytics_update" AFTER UPDATE ON "talents" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "analytics_talent_tally"();
--> statement-breakpoint
CREATE TRIGGER "talents_analytics_delete" AFTER DELETE ON "talents" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "analytics_talent_tally"();
--> statement-breakpoint
CREATE FUNCTION "analytics_talent_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM tallies WHERE dimension LIKE 'map.%' OR dimension = 'talent.discipline';
  PERFORM refresh_shortage(ARRAY(SELECT code FROM disciplines ORDER BY code));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "talents_analytics_truncate" AFTER TRUNCATE ON "talents" FOR EACH STATEMENT EXECUTE FUNCTION "analytics_talent_truncate"();
--> statement-breakpoint
-- enterprises by "<industry>|<segment>"
CREATE FUNCTION "analytics_organisation_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT 'organisation.segment', coalesce(c.industry, '') || '|' || coalesce(c.chain_segment, ''), sum(c.sign)
    FROM (SELECT n.industry, n.chain_segment, 1 AS sign FROM new_rows n WHERE n.kind = 'enterprise') c GROUP BY 2 HAVING sum(c.sign) <> 0;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT 'organisation.segment', coalesce(c.industry, '') || '|' || coalesce(c.chain_segment, ''), sum(c.sign)
    FROM (SELECT n.industry, n.chain_segment, 1 AS sign FROM new_rows n WHERE n.kind = 'enterprise'
          UNION ALL SELECT o.industry, o.chain_segment, -1 AS sign FROM old_rows o WHERE o.kind = 'enterprise') c GROUP BY 2 HAVING sum(c.sign) <> 0;
  ELSE
    INSERT INTO tallies (dimension, key, total)
    SELECT 'organisation.segment', coalesce(c.industry, '') || '|' || coalesce(c.chain_segment, ''), sum(c.sign)
    FROM (SELECT o.industry, o.chain_segment, -1 AS sign FROM old_rows o WHERE o.kind = 'enterprise') c GROUP BY 2 HAVING sum(c.sign) <> 0;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "organisations_analytics_insert" AFTER INSERT ON "organisations" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "analytics_organisation_tally"();
--> statement-breakpoint
CREATE TRIGGER "organisations_analytics_update" AFTER UPDATE ON "organisations" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "analytics_organisation_tally"();
--> statement-breakpoint
CREATE TRIGGER "organisations_analytics_delete" AFTER DELETE ON "organisations" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "analytics_organisation_tally"();
--> statement-breakpoint
-- the shortage index follows every write of demands and fills, in the writing transaction
CREATE FUNCTION "shortage_demand_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE changed text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT discipline ORDER BY discipline) INTO changed FROM new_rows;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(DISTINCT discipline ORDER BY discipline) INTO changed FROM (SELECT discipline FROM new_rows UNION SELECT discipline FROM old_rows) c;
  ELSE
    SELECT array_agg(DISTINCT discipline ORDER BY discipline) INTO changed FROM old_rows;
  END IF;
  PERFORM refresh_shortage(changed);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "demands_shortage_insert" AFTER INSERT ON "demands" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "shortage_demand_changed"();
--> statement-breakpoint
CREATE TRIGGER "demands_shortage_update" AFTER UPDATE ON "demands" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "shortage_demand_changed"();
--> statement-breakpoint
CREATE TRIGGER "demands_shortage_delete" AFTER DELETE ON "demands" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "shortage_demand_changed"();
--> statement-breakpoint
CREATE FUNCTION "shortage_fill_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE changed text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT m.discipline ORDER BY m.discipline) INTO changed FROM new_rows f JOIN demands m ON m.id = f.demand_id;
  ELSE
    SELECT array_agg(DISTINCT m.discipline ORDER BY m.discipline) INTO changed FROM old_rows f JOIN demands m ON m.id = f.demand_id;
  END IF;
  PERFORM refresh_shortage(changed);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "demand_fills_shortage_insert" AFTER INSERT ON "demand_fills" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "shortage_fill_changed"();
--> statement-breakpoint
CREATE TRIGGER "demand_fills_shortage_delete" AFTER DELETE ON "demand_fills" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "shortage_fill_changed"();
--> statement-breakpoint
-- leavers by destination (the text the office recorded: a city or province), for the map of where they go
CREATE FUNCTION "analytics_departure_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT 'map.destination', c.destination_region, sum(c.sign) FROM (SELECT n.destination_region, 1 AS sign FROM new_rows n) c GROUP BY 2 HAVING sum(c.sign) <> 0;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO tallies (dimension, key, total)
    SELECT 'map.destination', c.destination_region, sum(c.sign)
    FROM (SELECT n.destination_region, 1 AS sign FROM new_rows n UNION ALL SELECT o.destination_region, -1 AS sign FROM old_rows o) c GROUP BY 2 HAVING sum(c.sign) <> 0;
  ELSE
    INSERT INTO tallies (dimension, key, total)
    SELECT 'map.destination', c.destination_region, sum(c.sign) FROM (SELECT o.destination_region, -1 AS sign FROM old_rows o) c GROUP BY 2 HAVING sum(c.sign) <> 0;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "departures_analytics_insert" AFTER INSERT ON "departures" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "analytics_departure_tally"();
--> statement-breakpoint
CREATE TRIGGER "departures_analytics_update" AFTER UPDATE ON "departures" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "analytics_departure_tally"();
--> statement-breakpoint
CREATE TRIGGER "departures_analytics_delete" AFTER DELETE ON "departures" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "analytics_departure_tally"();
--> statement-breakpoint
-- the rows of the new dimensions counted from the records (the backfill below, and refreshSummaries)
CREATE FUNCTION "analytics_tally_rows"() RETURNS TABLE("dimension" text, "key" text, "total" bigint) LANGUAGE sql STABLE AS $$
  SELECT f.dimension, f.key, count(*) FROM talents t CROSS JOIN LATERAL analytics_talent_facets(t.status, t.post, t.industry, t.highest_education, t.highest_title, t.tier, t.arrival_route, t.birth_date, t.employer_id) f GROUP BY 1, 2
  UNION ALL
  SELECT 'organisation.segment', coalesce(industry, '') || '|' || coalesce(chain_segment, ''), count(*) FROM organisations WHERE kind = 'enterprise' GROUP BY 2
  UNION ALL
  SELECT 'map.destination', destination_region, count(*) FROM departures GROUP BY 2
$$;
--> statement-breakpoint
INSERT INTO "tallies" ("dimension", "key", "total") SELECT "dimension", "key", "total" FROM analytics_tally_rows();
--> statement-breakpoint
SELECT refresh_shortage(ARRAY(SELECT code FROM disciplines ORDER BY code));
