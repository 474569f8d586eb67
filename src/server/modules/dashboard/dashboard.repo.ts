import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { indicatorPlans, organisations, platforms, tallies } from '../../db/schema';

/** One month's change of a dated dimension (`month.*`, migration 0033), or one enterprise's month counted from its records. */
export type MonthRow = { dimension: string; key: string; total: number };

/** The dated dimensions of the tallies the dashboard reads. */
export const monthDimensions = [
  'month.arrived', 'month.arrived.master', 'month.arrived.doctorate', 'month.left', 'month.executives', 'month.teams', 'month.experts',
  'month.universities', 'month.trained', 'month.certified', 'month.interns', 'month.conversions', 'month.paid.count', 'month.paid.amount',
  'month.loans', 'month.loans.amount', 'month.moveIns', 'month.titles.declared', 'month.titles.passed', 'month.served',
] as const;

/**
 * The dated tallies of the months `first` … `last` (`YYYY-MM`), summed per (dimension, key): one grouped read of the
 * summary rows along `tallies_dimension_idx`, never of the records. `month.served` keys carry the enterprise
 * (`YYYY-MM <id>`), hence the upper bound `last~`.
 */
export async function readMonthTallies(executor: Executor, first: string, last: string): Promise<MonthRow[]> {
  const rows = await executor
    .select({ dimension: tallies.dimension, key: tallies.key, total: sql<number>`sum(${tallies.total})`.mapWith(Number) })
    .from(tallies)
    .where(and(inArray(tallies.dimension, [...monthDimensions]), gte(tallies.key, first), lt(tallies.key, `${last}~`)))
    .groupBy(tallies.dimension, tallies.key);
  return rows.filter((row) => row.total !== 0);
}

/**
 * One enterprise's months, counted from its own records (its staff's arrivals and departures, its executives, its title
 * declarations): a few hundred rows at most, read by their indexes, in the same shape as the tallies.
 */
export async function readEnterpriseMonths(executor: Executor, organisationId: string, from: string, to: string): Promise<MonthRow[]> {
  const rows = await queryRows<{ dimension: string; key: string; total: number }>(
    executor,
    sql`select d.dimension, d.key, sum(d.value)::int as total from (
        select 'month.arrived' as dimension, to_char(arrived_on, 'YYYY-MM') as key, 1 as value from talents
          where employer_id = ${organisationId} and arrived_on between ${from} and ${to}
        union all
        select 'month.arrived.' || highest_education, to_char(arrived_on, 'YYYY-MM'), 1 from talents
          where employer_id = ${organisationId} and arrived_on between ${from} and ${to} and highest_education in ('master', 'doctorate')
        union all
        select 'month.left', to_char(status_since, 'YYYY-MM'), 1 from talents
          where employer_id = ${organisationId} and status = 'left' and status_since between ${from} and ${to}
        union all
        select 'month.executives', to_char(term_start, 'YYYY-MM'), 1 from executives
          where enterprise_id = ${organisationId} and term_start between ${from} and ${to}
        union all
        select 'month.titles.declared', to_char(submitted_at at time zone 'Asia/Shanghai', 'YYYY-MM'), 1 from title_declarations
          where organisation_id = ${organisationId} and (submitted_at at time zone 'Asia/Shanghai')::date between ${from} and ${to}
        union all
        select 'month.titles.passed', to_char(decided_at at time zone 'Asia/Shanghai', 'YYYY-MM'), 1 from title_declarations
          where organisation_id = ${organisationId} and status = 'passed' and (decided_at at time zone 'Asia/Shanghai')::date between ${from} and ${to}
      ) d group by 1, 2`,
  );
  return rows.map((row) => ({ dimension: row.dimension, key: row.key, total: Number(row.total) }));
}

/** The dated dimensions counted from the records (the migration's view): what the tallies must equal. For tests and the benchmark. */
export async function countMonthFacts(executor: Executor, first: string, last: string): Promise<MonthRow[]> {
  const rows = await queryRows<MonthRow>(executor, sql`select dimension, key, total from dashboard_month_facts where key >= ${first} and key < ${`${last}~`}`);
  return rows.map((row) => ({ dimension: row.dimension, key: row.key, total: Number(row.total) }));
}

export async function plansOfYear(executor: Executor, year: number) {
  return executor.select().from(indicatorPlans).where(eq(indicatorPlans.year, year)).orderBy(asc(indicatorPlans.indicator));
}

export async function planOf(executor: Executor, year: number, indicator: string) {
  const [row] = await executor.select().from(indicatorPlans).where(and(eq(indicatorPlans.year, year), eq(indicatorPlans.indicator, indicator))).for('update');
  return row ?? null;
}

export async function insertPlan(executor: Executor, values: { year: number; indicator: string; target: number; note: string }) {
  const [row] = await executor.insert(indicatorPlans).values(values).returning();
  return row;
}

export async function updatePlan(executor: Executor, year: number, indicator: string, values: { target: number; note: string; version: number }) {
  const [row] = await executor
    .update(indicatorPlans)
    .set({ target: values.target, note: values.note, version: values.version + 1, updatedAt: new Date() })
    .where(and(eq(indicatorPlans.year, year), eq(indicatorPlans.indicator, indicator), eq(indicatorPlans.version, values.version)))
    .returning();
  return row ?? null;
}

export async function deletePlan(executor: Executor, year: number, indicator: string) {
  const [row] = await executor.delete(indicatorPlans).where(and(eq(indicatorPlans.year, year), eq(indicatorPlans.indicator, indicator))).returning();
  return row ?? null;
}

/** The zone's platforms for the 数据大屏's schematic: each with its type and level, its tenants and talents counted (tens of rows). */
export async function platformsOverview(executor: Executor) {
  const rows = await queryRows<{ id: string; name: string; type: string; level: string; tenants: number; talents: number }>(
    executor,
    sql`select o.id, o.name, p.type, p.level,
        (select count(*) from platform_tenants pt where pt.platform_id = p.organisation_id)::int as tenants,
        (select count(*) from platform_talents pk where pk.platform_id = p.organisation_id)::int as talents
      from ${platforms} p join ${organisations} o on o.id = p.organisation_id
      order by o.name_sort_key nulls last, o.name limit 24`,
  );
  return rows.map((row) => ({ ...row, tenants: Number(row.tenants), talents: Number(row.talents) }));
}
