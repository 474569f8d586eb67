import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { industries, organisations, talentTiers } from '../../db/schema';

export const listIndustries = (executor: Executor) => executor.select().from(industries).orderBy(asc(industries.sortOrder), asc(industries.code));
export const listTiers = (executor: Executor) => executor.select().from(talentTiers).orderBy(asc(talentTiers.sortOrder), asc(talentTiers.code));
export const listParks = (executor: Executor) =>
  executor.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.kind, 'platform')).orderBy(asc(organisations.name));

export async function findIndustry(executor: Executor, code: string) {
  return (await executor.select().from(industries).where(eq(industries.code, code)))[0] ?? null;
}

export async function findTier(executor: Executor, code: string) {
  return (await executor.select().from(talentTiers).where(eq(talentTiers.code, code)))[0] ?? null;
}

export async function upsertIndustry(executor: Executor, values: typeof industries.$inferInsert) {
  const [row] = await executor
    .insert(industries)
    .values(values)
    .onConflictDoUpdate({ target: industries.code, set: { name: values.name, nameEn: values.nameEn, chain: values.chain, sortOrder: values.sortOrder, active: values.active } })
    .returning();
  return row;
}
