import { and, asc, desc, eq, ilike, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { committedStatuses } from '../../../domain/policies/policy';
import type { Executor } from '../../db/client';
import { entitlements, parameterValues, policies, policyParameters, policyVersions, units } from '../../db/schema';

export type PolicyRow = typeof policies.$inferSelect;
export type PolicyVersionRow = typeof policyVersions.$inferSelect;

export type PolicyFilters = { q?: string; category?: string; status?: string; target?: string; mode?: string };

function filterConditions(filters: PolicyFilters, scope: SQL | undefined): SQL | undefined {
  const conditions: (SQL | undefined)[] = [scope];
  if (filters.q) {
    const pattern = `%${filters.q.replace(/[\\%_]/g, '\\$&')}%`;
    conditions.push(or(ilike(policies.title, pattern), ilike(policies.documentNo, pattern), ilike(policies.code, pattern)));
  }
  if (filters.category) conditions.push(eq(policies.category, filters.category as PolicyRow['category']));
  if (filters.status) conditions.push(eq(policies.status, filters.status as PolicyRow['status']));
  if (filters.target) conditions.push(eq(policies.target, filters.target as PolicyRow['target']));
  if (filters.mode) conditions.push(eq(policies.mode, filters.mode as PolicyRow['mode']));
  return and(...conditions);
}

export async function listPolicyRows(executor: Executor, filters: PolicyFilters, scope: SQL | undefined, page: number, pageSize: number) {
  const where = filterConditions(filters, scope);
  const [items, [{ total }]] = await Promise.all([
    executor
      .select({ policy: policies, unitName: units.name, unitCode: units.code })
      .from(policies)
      .innerJoin(units, eq(units.id, policies.unitId))
      .where(where)
      .orderBy(asc(policies.code))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    executor.select({ total: sql<number>`count(*)::int` }).from(policies).where(where),
  ]);
  return { items, total };
}

export async function findPolicy(executor: Executor, id: string, scope?: SQL) {
  const [row] = await executor
    .select({ policy: policies, unitName: units.name, unitCode: units.code })
    .from(policies)
    .innerJoin(units, eq(units.id, policies.unitId))
    .where(and(eq(policies.id, id), scope));
  return row;
}

/** The policy row locked for the rest of the transaction: budget checks and publication are serialised per policy. */
export async function lockPolicy(executor: Executor, id: string): Promise<PolicyRow | undefined> {
  const [row] = await executor.select().from(policies).where(eq(policies.id, id)).for('update');
  return row;
}

export async function findPolicyByCode(executor: Executor, code: string) {
  const [row] = await executor.select().from(policies).where(eq(policies.code, code));
  return row;
}

export async function policiesByCodes(executor: Executor, codes: string[]) {
  return codes.length ? executor.select({ id: policies.id, code: policies.code, title: policies.title, status: policies.status }).from(policies).where(inArray(policies.code, codes)) : [];
}

export async function versionsOf(executor: Executor, policyId: string) {
  return executor.select().from(policyVersions).where(eq(policyVersions.policyId, policyId)).orderBy(desc(policyVersions.number));
}

export async function findVersion(executor: Executor, id: string) {
  const [row] = await executor.select().from(policyVersions).where(eq(policyVersions.id, id));
  return row;
}

export async function draftOf(executor: Executor, policyId: string) {
  const [row] = await executor.select().from(policyVersions).where(and(eq(policyVersions.policyId, policyId), eq(policyVersions.status, 'draft')));
  return row;
}

export async function parametersOf(executor: Executor, policyId: string) {
  const rows = await executor
    .select({ parameter: policyParameters, value: parameterValues })
    .from(policyParameters)
    .leftJoin(parameterValues, eq(parameterValues.parameterId, policyParameters.id))
    .where(eq(policyParameters.policyId, policyId))
    .orderBy(asc(policyParameters.name), desc(parameterValues.effectiveFrom));
  const byName = new Map<string, { parameter: typeof policyParameters.$inferSelect; values: (typeof parameterValues.$inferSelect)[] }>();
  for (const { parameter, value } of rows) {
    const entry = byName.get(parameter.name) ?? { parameter, values: [] };
    if (value) entry.values.push(value);
    byName.set(parameter.name, entry);
  }
  return [...byName.values()];
}

/** The value of each parameter in force on a date: the latest one from on or before it. */
export async function parameterValuesOn(executor: Executor, policyId: string, on: string): Promise<Record<string, number>> {
  const rows = await executor
    .selectDistinctOn([policyParameters.name], { name: policyParameters.name, value: parameterValues.value })
    .from(policyParameters)
    .innerJoin(parameterValues, eq(parameterValues.parameterId, policyParameters.id))
    .where(and(eq(policyParameters.policyId, policyId), lte(parameterValues.effectiveFrom, on)))
    .orderBy(policyParameters.name, desc(parameterValues.effectiveFrom));
  return Object.fromEntries(rows.map((row) => [row.name, Number(row.value)]));
}

/** Budget use of policies: committed (reserved by live entitlements) and paid, in yuan. */
export async function budgetUse(executor: Executor, policyIds: string[]) {
  if (!policyIds.length) return new Map<string, { committed: number; paid: number }>();
  const rows = await executor
    .select({
      policyId: entitlements.policyId,
      committed: sql<number>`coalesce(sum(${entitlements.amount}) filter (where ${inArray(entitlements.status, [...committedStatuses])}), 0)::bigint`,
      paid: sql<number>`coalesce(sum(${entitlements.amount}) filter (where ${entitlements.status} = 'paid'), 0)::bigint`,
    })
    .from(entitlements)
    .where(inArray(entitlements.policyId, policyIds))
    .groupBy(entitlements.policyId);
  return new Map(rows.map((row) => [row.policyId, { committed: Number(row.committed), paid: Number(row.paid) }]));
}
