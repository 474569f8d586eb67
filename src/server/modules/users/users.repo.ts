import { and, arrayOverlaps, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Role } from '../../../domain/roles';
import type { Executor } from '../../db/client';
import { organisations, talents, units, users } from '../../db/schema';
import { escapeLike } from '../audit/audit.service';
import { pageOf } from '../../http/pagination';

export type UserRow = typeof users.$inferSelect;

export const findUserByUsername = async (executor: Executor, username: string) =>
  (await executor.select().from(users).where(eq(users.username, username.toLowerCase())))[0] ?? null;

export const findUserById = async (executor: Executor, id: string) =>
  (await executor.select().from(users).where(eq(users.id, id)))[0] ?? null;

export const countUsers = async (executor: Executor) => (await executor.select({ total: count() }).from(users))[0].total;

export async function countUsersHolding(executor: Executor, roles: readonly Role[]) {
  return (await executor.select({ total: count() }).from(users).where(arrayOverlaps(users.roles, [...roles])))[0].total;
}

export async function insertUser(executor: Executor, values: typeof users.$inferInsert) {
  const [row] = await executor.insert(users).values({ ...values, username: values.username.toLowerCase() }).returning();
  return row;
}

export async function updateUser(executor: Executor, id: string, values: Partial<typeof users.$inferInsert>) {
  const [row] = await executor.update(users).set({ ...values, updatedAt: new Date() }).where(eq(users.id, id)).returning();
  return row;
}

export type UserListQuery = { page: number; pageSize: number; q?: string; role?: Role };

export async function listUsers(executor: Executor, query: UserListQuery) {
  const conditions: SQL[] = [];
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern))!);
  }
  if (query.role) conditions.push(arrayOverlaps(users.roles, [query.role]));
  const where = conditions.length ? and(...conditions) : undefined;
  const [items, [{ total }]] = await Promise.all([
    executor
      .select({
        user: users,
        talentName: talents.name,
        organisationName: organisations.name,
        unitName: units.name,
      })
      .from(users)
      .leftJoin(talents, eq(talents.id, users.talentId))
      .leftJoin(organisations, eq(organisations.id, users.organisationId))
      .leftJoin(units, eq(units.id, users.unitId))
      .where(where)
      .orderBy(asc(users.username))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    executor.select({ total: count() }).from(users).where(where),
  ]);
  return pageOf(items, total);
}
