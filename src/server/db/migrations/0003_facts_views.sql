-- The facts policies read, one row per subject, named as in src/domain/policies/facts.ts (quoted camelCase).
-- Facts that depend on a snapshot date (age, years in the zone) are computed by the query that reads the view.
CREATE VIEW talent_facts AS
SELECT
  t.id,
  CASE t.highest_education
    WHEN 'doctorate' THEN 7 WHEN 'master' THEN 6 WHEN 'bachelor' THEN 5 WHEN 'juniorCollege' THEN 4
    WHEN 'higherVocational' THEN 3 WHEN 'secondaryVocational' THEN 2 WHEN 'highSchoolOrBelow' THEN 1
  END AS "education",
  coalesce((
    SELECT s.categories FROM talent_educations e JOIN schools s ON s.name = e.school
    WHERE e.talent_id = t.id AND e.level = t.highest_education
    ORDER BY e.graduation_year DESC LIMIT 1
  ), '{}'::text[]) AS "schoolCategories",
  EXISTS (SELECT 1 FROM talent_educations e WHERE e.talent_id = t.id AND e.overseas) AS "overseas",
  CASE t.highest_title WHEN 'senior' THEN 4 WHEN 'associateSenior' THEN 3 WHEN 'intermediate' THEN 2 WHEN 'junior' THEN 1 END AS "title",
  (SELECT 6 - min(c.level) FROM talent_certificates c WHERE c.talent_id = t.id) AS "skillLevel",
  t.tier AS "tier",
  t.industry AS "industry",
  i.chain AS "chain",
  t.arrival_route AS "arrivalRoute",
  t.status AS "status",
  t.gender AS "gender",
  CASE t.salary_band
    WHEN 'below5k' THEN 1 WHEN '5kTo8k' THEN 2 WHEN '8kTo12k' THEN 3 WHEN '12kTo20k' THEN 4 WHEN '20kTo30k' THEN 5 WHEN 'above30k' THEN 6
  END AS "salaryBand",
  t.tags AS "tags",
  to_char(t.birth_date, 'YYYY-MM-DD') AS "birthDate",
  to_char(t.arrived_on, 'YYYY-MM-DD') AS "arrivedOn",
  t.employer_id::text AS "employerId",
  o.industry AS "employerIndustry",
  o.size AS "employerSize"
FROM talents t
LEFT JOIN industries i ON i.code = t.industry
LEFT JOIN organisations o ON o.id = t.employer_id;
--> statement-breakpoint
CREATE VIEW enterprise_facts AS
SELECT
  o.id,
  o.industry AS "industry",
  i.chain AS "chain",
  o.chain_segment AS "chainSegment",
  o.size AS "size",
  to_char(o.founded_on, 'YYYY-MM-DD') AS "foundedOn",
  (SELECT count(*)::int FROM talents t WHERE t.employer_id = o.id AND t.status <> 'left') AS "staffTotal",
  (SELECT count(*)::int FROM talents t WHERE t.employer_id = o.id AND t.status <> 'left' AND t.highest_education = 'doctorate') AS "staffDoctorate",
  (SELECT count(*)::int FROM talents t WHERE t.employer_id = o.id AND t.status <> 'left' AND t.highest_education = 'master') AS "staffMaster",
  (SELECT count(*)::int FROM talents t WHERE t.employer_id = o.id AND t.status <> 'left' AND t.highest_title IN ('senior', 'associateSenior')) AS "staffSeniorTitle"
FROM organisations o
LEFT JOIN industries i ON i.code = o.industry;
