import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { caseActions, caseRatings, cases, organisations, serviceRequestCategories, talents, units } from '../../db/schema';

export type CategoryRow = typeof serviceRequestCategories.$inferSelect;

/** The categories with the name of the unit each routes to. */
export async function listCategoryRows(executor: Executor) {
  return executor
    .select({ category: serviceRequestCategories, unitName: units.name, unitNameEn: units.nameEn })
    .from(serviceRequestCategories)
    .leftJoin(units, eq(units.code, serviceRequestCategories.unitCode))
    .orderBy(asc(serviceRequestCategories.sort), asc(serviceRequestCategories.code));
}

export async function findCategory(executor: Executor, code: string) {
  const [row] = await executor.select().from(serviceRequestCategories).where(eq(serviceRequestCategories.code, code));
  return row;
}

export async function lockCategory(executor: Executor, code: string) {
  const [row] = await executor.select().from(serviceRequestCategories).where(eq(serviceRequestCategories.code, code)).for('update');
  return row;
}

export async function updateCategory(executor: Executor, code: string, values: { unitCode: string; workingDays: number; version: number; active?: boolean; name?: string; nameEn?: string }) {
  await executor.update(serviceRequestCategories).set({ ...values, updatedAt: new Date() }).where(eq(serviceRequestCategories.code, code));
}

/** The talent or enterprise a request is about, with its name, if it exists. */
export async function findRequester(executor: Executor, kind: 'talent' | 'enterprise', id: string) {
  const [row] =
    kind === 'talent'
      ? await executor.select({ id: talents.id, name: talents.name }).from(talents).where(eq(talents.id, id))
      : await executor.select({ id: organisations.id, name: organisations.name }).from(organisations).where(and(eq(organisations.id, id), sql`${organisations.kind} in ('enterprise', 'team')`));
  return row;
}

export async function findRating(executor: Executor, caseId: string) {
  const [row] = await executor.select().from(caseRatings).where(eq(caseRatings.caseId, caseId));
  return row;
}

/** The one rating of a case; a second one hits the primary key and inserts nothing (the caller answers 409). */
export async function insertRating(executor: Executor, values: typeof caseRatings.$inferInsert) {
  const rows = await executor.insert(caseRatings).values(values).onConflictDoNothing().returning();
  return rows.length > 0;
}

export async function wasReopened(executor: Executor, caseId: string) {
  const [row] = await executor.select({ id: caseActions.id }).from(caseActions).where(and(eq(caseActions.caseId, caseId), eq(caseActions.action, 'reopen'))).limit(1);
  return row !== undefined;
}

/** The unit a service request is at: the first unit of its current (for a closed one: its last) step. */
export const requestUnit = sql<string>`${cases.steps} -> ${cases.stepIndex} -> 'units' ->> 0`;
export const atUnit = (unitCode: string) => sql`${cases.steps} -> ${cases.stepIndex} -> 'units' ? ${unitCode}`;

/** Closed between two instants (办结 or 不予受理). */
export const closedBetween = (from: Date, until: Date) =>
  and(inArray(cases.status, ['approved', 'rejected']), sql`${cases.decidedAt} >= ${from.toISOString()}`, sql`${cases.decidedAt} < ${until.toISOString()}`)!;

export const ratedCondition = (satisfiedFrom?: number) =>
  sql`exists (select 1 from case_ratings r where r.case_id = ${cases.id}${satisfiedFrom ? sql` and r.score >= ${satisfiedFrom}` : sql``})`;

/**
 * What the performance table and its timing filter count: the service requests matching the condition with their unit,
 * their timing (submission, start of the closing step, closing) and their rating. Bounded by the period and the unit.
 */
export async function requestTimingRows(executor: Executor, where: SQL) {
  return executor
    .select({ row: cases, unitCode: requestUnit, score: caseRatings.score })
    .from(cases)
    .leftJoin(caseRatings, eq(caseRatings.caseId, cases.id))
    .where(and(eq(cases.type, 'serviceRequest'), where));
}

export async function unitsByCodes(executor: Executor, codes: string[]) {
  return codes.length ? executor.select({ code: units.code, name: units.name, nameEn: units.nameEn }).from(units).where(inArray(units.code, codes)).orderBy(asc(units.code)) : [];
}
