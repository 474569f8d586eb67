import { and, arrayOverlaps, desc, eq, inArray } from 'drizzle-orm';
import type { AdminRole } from '../../../domain/roles';
import type { Executor } from '../../db/client';
import { adminRequests, users, type AdminApproval } from '../../db/schema';

export type AdminRequestRow = typeof adminRequests.$inferSelect;

export async function insertAdminRequest(executor: Executor, values: typeof adminRequests.$inferInsert) {
  const [row] = await executor.insert(adminRequests).values(values).returning();
  return row;
}

/** The request, locked for the rest of the transaction (two approvals at once are decided one after the other). */
export async function lockAdminRequest(executor: Executor, id: string) {
  const [row] = await executor.select().from(adminRequests).where(eq(adminRequests.id, id)).for('update');
  return row ?? null;
}

export async function updateAdminRequest(
  executor: Executor,
  id: string,
  values: { approvals?: AdminApproval[]; status?: AdminRequestRow['status']; decidedBy?: string; decidedAt?: Date; targetId?: string },
) {
  const [row] = await executor.update(adminRequests).set(values).where(eq(adminRequests.id, id)).returning();
  return row;
}

/** Pending requests first, then the latest decided ones, with the names of requester and target. */
export async function listAdminRequests(executor: Executor, limit = 50) {
  const rows = await executor.select().from(adminRequests).orderBy(desc(adminRequests.createdAt)).limit(limit);
  const ids = [...new Set(rows.flatMap((row) => [row.requestedBy, row.targetId].filter((id): id is string => !!id)))];
  const names = ids.length ? await executor.select({ id: users.id, username: users.username }).from(users).where(inArray(users.id, ids)) : [];
  const nameOf = new Map(names.map((row) => [row.id, row.username]));
  return rows
    .sort((a, b) => Number(b.status === 'pending') - Number(a.status === 'pending'))
    .map((row) => ({ row, requester: nameOf.get(row.requestedBy) ?? '', target: row.targetId ? (nameOf.get(row.targetId) ?? '') : null }));
}

/** Active accounts holding the role, with their ids. */
export async function activeHolders(executor: Executor, role: AdminRole) {
  return executor.select({ id: users.id, username: users.username }).from(users).where(and(eq(users.disabled, false), arrayOverlaps(users.roles, [role])));
}
