import { and, count, eq, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { entitlements, organisations, tallies, talents } from '../../db/schema';

/** The counts of the tallies (summary table, migration 0014) by dimension and key, and how many rows hold them. */
export async function readTallies(executor: Executor) {
  const rows = await executor
    .select({ dimension: tallies.dimension, key: tallies.key, total: sql<number>`sum(${tallies.total})`.mapWith(Number), rows: count() })
    .from(tallies)
    .groupBy(tallies.dimension, tallies.key);
  const byDimension = new Map<string, Record<string, number>>();
  for (const row of rows) {
    if (row.total === 0) continue;
    const counts = byDimension.get(row.dimension) ?? {};
    counts[row.key] = row.total;
    byDimension.set(row.dimension, counts);
  }
  return { of: (dimension: string) => byDimension.get(dimension) ?? {}, rows: rows.reduce((sum, row) => sum + Number(row.rows), 0) };
}

export type Tallies = Awaited<ReturnType<typeof readTallies>>;

/** One count of the tallies: a dimension's total (every talent, for a talent dimension), or one key's. */
export async function countTallied(executor: Executor, dimension: string, key?: string) {
  const [row] = await executor
    .select({ total: sql<number>`coalesce(sum(${tallies.total}), 0)`.mapWith(Number) })
    .from(tallies)
    .where(and(eq(tallies.dimension, dimension), key === undefined ? undefined : eq(tallies.key, key)));
  return row.total;
}

/** Past this many rows a read of the tallies folds them (`compactTallies`). */
export const tallyRowsToCompact = 1000;

/**
 * Folds each key's rows of the tallies into one. One statement: it deletes the rows it can see and inserts their sums,
 * so rows appended meanwhile by writers not yet committed stay as they are; an advisory lock keeps two folds apart.
 */
export async function compactTallies(executor: Executor) {
  await executor.transaction(async (tx) => {
    const [{ locked }] = await queryRows<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(hashtext('tz tallies')) as locked`);
    if (!locked) return;
    await tx.execute(sql`
      with gone as (delete from ${tallies} returning dimension, key, total)
      insert into ${tallies} (dimension, key, total)
      select dimension, key, sum(total) from gone group by 1, 2 having sum(total) <> 0`);
  });
}

/**
 * Counts the tallies again from the records, in one statement (one snapshot: what it deletes and what it counts agree,
 * and rows appended by writers not yet committed stay). The migration's backfill is the same statement. For after
 * whatever writes talents or organisations with triggers off (the dashboard's dated dimensions come from the view
 * `dashboard_month_facts` of migration 0033) (a restore's data load, a bulk load that disables them).
 */
export async function refreshSummaries(executor: Executor) {
  await executor.execute(sql`
    with gone as (delete from ${tallies})
    insert into ${tallies} (dimension, key, total)
    select d.dimension, d.key, count(*) from ${talents} t
      cross join lateral (values
        ('talent.status', t.status),
        ('talent.route', t.arrival_route),
        ('talent.education', coalesce(t.highest_education, '')),
        ('talent.industry', coalesce(t.industry, '')),
        ('talent.arrived', extract(year from t.arrived_on)::int::text),
        ('talent.left', case when t.status = 'left' then extract(year from t.status_since)::int::text end)
      ) as d(dimension, key)
      where d.key is not null group by 1, 2
    union all
    select 'organisation.kind', kind, count(*) from ${organisations} group by 2
    union all
    select 'entitlement.amount', policy_id::text || ' ' || status, sum(amount) from ${entitlements} group by 2
    union all
    select 'entitlement.count', policy_id::text || ' ' || status, count(*) from ${entitlements} group by 2
    union all
    select dimension, key, total from dashboard_month_facts
    union all
    select dimension, key, total from analytics_tally_rows()`);
  // the maps' dimensions (migration 0034): talent.discipline feeds the shortage index, recounted with them
  await executor.execute(sql`select refresh_shortage(array(select code from disciplines order by code))`);
}

/**
 * The entitlements' money by policy from the tallies (`entitlement.amount` and `entitlement.count`, keyed
 * "<policy id> <status>"): per policy, the amount and the number of entitlements in each status.
 */
export function moneyByPolicy(counts: Tallies) {
  const byPolicy = new Map<string, { amount: Record<string, number>; count: Record<string, number> }>();
  for (const [dimension, field] of [['entitlement.amount', 'amount'], ['entitlement.count', 'count']] as const) {
    for (const [key, total] of Object.entries(counts.of(dimension))) {
      const [policyId, status] = key.split(' ');
      const entry = byPolicy.get(policyId) ?? { amount: {}, count: {} };
      entry[field][status] = total;
      byPolicy.set(policyId, entry);
    }
  }
  return byPolicy;
}
