/** Queries of the talent map and the industry map: the maintained tallies (migration 0034), the shortage index, the chains' data. */
import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { chainBenchmarks, chainProfiles, disciplines, industries, organisations, shortageHistory, shortageIndices, tallies } from '../../db/schema';

/** Whose figures: the whole zone (office, leader) or one enterprise's own records. */
export type AnalyticsScope = { kind: 'zone' } | { kind: 'enterprise'; enterpriseId: string };

export type Count = { dimension: string; key: string; total: number };

/**
 * The counts of the talents in the zone by the maps' dimensions (`map.*`, `talent.discipline`, keys "<industry>|<value>").
 * The zone's from the tallies (a few hundred rows whatever the registry's size); an enterprise's from its own staff, counted
 * by the very function the triggers use (`analytics_talent_facets`), along `talents_employer_idx`.
 */
export async function talentFacetCounts(executor: Executor, scope: AnalyticsScope): Promise<Count[]> {
  if (scope.kind === 'zone') {
    return queryRows<Count>(executor, sql`
      select dimension, key, sum(total)::int as total from ${tallies}
      where dimension like 'map.%' or dimension in ('talent.discipline', 'talent.arrived', 'talent.left')
      group by 1, 2 having sum(total) <> 0`);
  }
  return queryRows<Count>(executor, sql`
    select f.dimension, f.key, count(*)::int as total from talents t cross join lateral analytics_talent_facets(t.status, t.post, t.industry, t.highest_education, t.highest_title, t.tier, t.arrival_route, t.birth_date, t.employer_id) f
    where t.employer_id = ${scope.enterpriseId} group by 1, 2
    union all
    select 'talent.arrived', extract(year from arrived_on)::int::text, count(*)::int from talents where employer_id = ${scope.enterpriseId} and arrived_on is not null group by 2
    union all
    select 'talent.left', extract(year from left_on)::int::text, count(*)::int from departures where employer_id = ${scope.enterpriseId} group by 2
    union all
    select 'map.destination', destination_region, count(*)::int from departures where employer_id = ${scope.enterpriseId} group by 2`);
}

/** Enterprises by "<industry>|<segment>" (zone: tallies; an enterprise: itself). */
export async function enterpriseSegmentCounts(executor: Executor, scope: AnalyticsScope): Promise<Count[]> {
  if (scope.kind === 'zone') {
    return queryRows<Count>(executor, sql`select dimension, key, sum(total)::int as total from ${tallies} where dimension = 'organisation.segment' group by 1, 2 having sum(total) <> 0`);
  }
  return queryRows<Count>(executor, sql`
    select 'organisation.segment' as dimension, coalesce(industry, '') || '|' || coalesce(chain_segment, '') as key, 1 as total
    from ${organisations} where id = ${scope.enterpriseId}`);
}

export type DemandCount = { industry: string; segment: string; discipline: string; openPosts: number; demands: number };

/** Open posts (headcount not yet filled) of demands open or partly filled, by industry, segment and discipline. */
export async function openDemandCounts(executor: Executor, scope: AnalyticsScope): Promise<DemandCount[]> {
  const own = scope.kind === 'enterprise' ? sql`and m.enterprise_id = ${scope.enterpriseId}` : sql``;
  return queryRows<DemandCount>(executor, sql`
    select m.industry, coalesce(m.chain_segment, o.chain_segment, '') as segment, m.discipline,
      sum(m.headcount - m.filled)::int as "openPosts", count(*)::int as demands
    from demands m join organisations o on o.id = m.enterprise_id
    where m.status in ('open', 'partlyFilled') ${own}
    group by 1, 2, 3`);
}

export type OtherDemand = { industry: string; segment: string; trainingHeadcount: number; challenges: number };

/** Open training orders (headcount) and open challenges (揭榜挂帅), by the ordering or posting enterprise's industry and segment. */
export async function otherDemandCounts(executor: Executor, scope: AnalyticsScope): Promise<OtherDemand[]> {
  const ownOrders = scope.kind === 'enterprise' ? sql`and r.enterprise_id = ${scope.enterpriseId}` : sql``;
  const ownChallenges = scope.kind === 'enterprise' ? sql`and c.poster_id = ${scope.enterpriseId}` : sql``;
  return queryRows<OtherDemand>(executor, sql`
    select industry, segment, sum(training)::int as "trainingHeadcount", sum(challenges)::int as challenges from (
      select coalesce(o.industry, '') as industry, coalesce(o.chain_segment, '') as segment, r.headcount as training, 0 as challenges
      from training_orders r join organisations o on o.id = r.enterprise_id where r.status = 'open' ${ownOrders}
      union all
      select coalesce(o.industry, ''), coalesce(o.chain_segment, ''), 0, 1
      from challenges c join organisations o on o.id = c.poster_id where c.status = 'open' ${ownChallenges}
    ) d group by 1, 2`);
}

export async function listIndustries(executor: Executor) {
  return executor.select({ code: industries.code, name: industries.name, nameEn: industries.nameEn, chain: industries.chain }).from(industries).orderBy(asc(industries.sortOrder), asc(industries.code));
}

export async function listChainProfiles(executor: Executor) {
  return executor.select().from(chainProfiles).orderBy(asc(chainProfiles.sortOrder), asc(chainProfiles.chain));
}

export async function listBenchmarks(executor: Executor) {
  return executor.select().from(chainBenchmarks).orderBy(asc(chainBenchmarks.chain), asc(chainBenchmarks.area));
}

export async function listDisciplineNames(executor: Executor) {
  return executor.select({ code: disciplines.code, name: disciplines.name, nameEn: disciplines.nameEn }).from(disciplines).orderBy(asc(disciplines.sortOrder));
}

/** The shortage index as the triggers left it, per discipline. */
export async function currentShortage(executor: Executor) {
  return executor.select().from(shortageIndices);
}

/** The index's dated history since `from`, per discipline. */
export async function shortageHistorySince(executor: Executor, from: string, codes?: string[]) {
  return executor
    .select({ discipline: shortageHistory.discipline, day: shortageHistory.day, value: shortageHistory.value })
    .from(shortageHistory)
    .where(and(gte(shortageHistory.day, from), codes ? inArray(shortageHistory.discipline, codes) : undefined))
    .orderBy(asc(shortageHistory.discipline), asc(shortageHistory.day));
}

/** Names of parks (platform organisations enterprises sit in), by id. */
export async function parkNames(executor: Executor, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await executor.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, ids));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The index of one discipline recomputed from the records (tests and the benchmark compare it with the maintained row). */
export async function recomputeShortage(executor: Executor, code: string) {
  await executor.execute(sql`select refresh_shortage(array[${code}]::text[])`);
  const [row] = await executor.select().from(shortageIndices).where(eq(shortageIndices.discipline, code));
  return row;
}

export type AskConditions = {
  industries: string[] | null;
  educations: string[];
  titles: string[];
  statuses: string[];
  routes: string[];
  bornAfter: string | null;
  bornOnOrBefore: string | null;
  /** With status left: left on or after this day; otherwise arrived on or after it. */
  since: string | null;
};

/** The talents a question's filters select (newest first, at most `limit` + 1 read to say whether there are more), in the scope. */
export async function askTalents(executor: Executor, conditions: AskConditions, scope: AnalyticsScope, limit: number, page: number) {
  const where: ReturnType<typeof sql>[] = [];
  if (scope.kind === 'enterprise') where.push(sql`t.employer_id = ${scope.enterpriseId}`);
  if (conditions.industries) where.push(conditions.industries.length ? sql`t.industry in (${sql.join(conditions.industries.map((code) => sql`${code}`), sql`, `)})` : sql`false`);
  const anyOf = (column: ReturnType<typeof sql>, values: string[]) => { if (values.length) where.push(sql`${column} in (${sql.join(values.map((value) => sql`${value}`), sql`, `)})`); };
  anyOf(sql`t.highest_education`, conditions.educations);
  anyOf(sql`t.highest_title`, conditions.titles);
  anyOf(sql`t.status`, conditions.statuses.length ? conditions.statuses : ['inZone']);
  anyOf(sql`t.arrival_route`, conditions.routes);
  if (conditions.bornAfter) where.push(sql`t.birth_date > ${conditions.bornAfter}`);
  if (conditions.bornOnOrBefore) where.push(sql`t.birth_date <= ${conditions.bornOnOrBefore}`);
  if (conditions.since) where.push(conditions.statuses.includes('left') ? sql`t.status_since >= ${conditions.since}` : sql`t.arrived_on >= ${conditions.since}`);
  const condition = sql.join(where, sql` and `);
  const [{ total }] = await queryRows<{ total: number }>(executor, sql`select count(*)::int as total from (select 1 from talents t where ${condition} limit ${limit + 1}) c`);
  const items = await queryRows<{ id: string; name: string; employer: string | null; post: string | null; industry: string | null; highestEducation: string | null; highestTitle: string | null; status: string; birthYear: number }>(executor, sql`
    select t.id, t.name, coalesce(o.name, t.employer_name) as employer, t.post, t.industry, t.highest_education as "highestEducation", t.highest_title as "highestTitle",
      t.status, extract(year from t.birth_date)::int as "birthYear"
    from talents t left join organisations o on o.id = t.employer_id
    where ${condition} order by t.updated_at desc, t.id limit 20 offset ${(page - 1) * 20}`);
  return { total: Math.min(total, limit), capped: total > limit, items };
}
