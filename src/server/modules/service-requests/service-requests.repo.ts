import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { organisations, serviceRequestCategories, talents, units } from '../../db/schema';

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

export async function updateCategory(executor: Executor, code: string, values: { unitCode: string; workingDays: number; version: number }) {
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
