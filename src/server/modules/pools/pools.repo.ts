import { and, arrayOverlaps, asc, count, desc, eq, ilike, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { organisations, poolMemberEvents, poolMembers, talentPools, talents, talentTiers, units, users } from '../../db/schema';
import { pageOf, type Page } from '../../http/pagination';
import { escapeLike } from '../audit/audit.service';
import type { PoolMemberStatus, PoolNominator } from '../../../domain/pools';

export type PoolRow = typeof talentPools.$inferSelect;
export type MemberRow = typeof poolMembers.$inferSelect;

/**
 * Who sees which memberships (in every query, so another's is a 404 and never listed): `undefined` means all (the office
 * and leaders); a unit's staff the members their unit nominated; enterprise HR those their enterprise nominated.
 */
export type MemberScope = SQL | undefined;

/** The pools, all of them or those open to one of the given kinds of nominator. */
export async function listPoolRows(executor: Executor, options: { nominators?: string[] } = {}) {
  const where = options.nominators ? arrayOverlaps(talentPools.nominators, options.nominators as PoolNominator[]) : undefined;
  return executor.select().from(talentPools).where(where).orderBy(asc(talentPools.sort), asc(talentPools.code));
}

export async function findPool(executor: Executor, id: string, lock = false) {
  const query = executor.select().from(talentPools).where(eq(talentPools.id, id));
  const [row] = await (lock ? query.for('update') : query);
  return row;
}

export async function insertPool(executor: Executor, values: typeof talentPools.$inferInsert) {
  const [row] = await executor.insert(talentPools).values(values).returning();
  return row;
}

export async function updatePool(executor: Executor, id: string, values: Partial<typeof talentPools.$inferInsert>) {
  const [row] = await executor
    .update(talentPools)
    .set({ ...values, version: sql`${talentPools.version} + 1`, updatedAt: new Date() })
    .where(eq(talentPools.id, id))
    .returning();
  return row;
}

export async function poolCodeTaken(executor: Executor, code: string) {
  const [row] = await executor.select({ id: talentPools.id }).from(talentPools).where(eq(talentPools.code, code));
  return Boolean(row);
}

/** Members per pool and status within the reader's scope (the pools' tiles): one grouped count over the memberships. */
export async function countMembers(executor: Executor, scope: MemberScope) {
  return executor
    .select({ poolId: poolMembers.poolId, status: poolMembers.status, count: count() })
    .from(poolMembers)
    .where(scope)
    .groupBy(poolMembers.poolId, poolMembers.status);
}

const memberView = (executor: Executor) =>
  executor
    .select({
      member: poolMembers,
      poolName: talentPools.name,
      poolNameEn: talentPools.nameEn,
      talentName: talents.name,
      employerName: sql<string | null>`coalesce(${organisations.name}, ${talents.employerName})`,
      highestEducation: talents.highestEducation,
      highestTitle: talents.highestTitle,
      tierName: talentTiers.name,
      tierNameEn: talentTiers.nameEn,
      unitName: units.name,
      unitNameEn: units.nameEn,
      nominatorName: users.displayName,
    })
    .from(poolMembers)
    .innerJoin(talentPools, eq(talentPools.id, poolMembers.poolId))
    .innerJoin(talents, eq(talents.id, poolMembers.talentId))
    .leftJoin(organisations, eq(organisations.id, talents.employerId))
    .leftJoin(talentTiers, eq(talentTiers.code, talents.tier))
    .leftJoin(units, eq(units.id, poolMembers.nominatingUnitId))
    .innerJoin(users, eq(users.id, poolMembers.nominatedBy));

export type MemberViewRow = Awaited<ReturnType<typeof findMember>> & {};

export async function findMember(executor: Executor, id: string, scope: MemberScope, lock = false) {
  const query = memberView(executor).where(and(eq(poolMembers.id, id), scope));
  const [row] = await (lock ? query.for('update', { of: poolMembers }) : query);
  return row;
}

export type MemberQuery = {
  page: number;
  pageSize: number;
  pool?: string;
  status?: PoolMemberStatus;
  q?: string;
  /** Members whose yearly review falls on or before this day. */
  reviewDueBy?: string;
};

export async function listMembers(executor: Executor, query: MemberQuery, scope: MemberScope): Promise<Page<NonNullable<MemberViewRow>>> {
  const conditions: (SQL | undefined)[] = [scope];
  if (query.pool) conditions.push(eq(poolMembers.poolId, query.pool));
  if (query.status) conditions.push(eq(poolMembers.status, query.status));
  if (query.q) conditions.push(or(ilike(talents.name, `%${escapeLike(query.q)}%`), ilike(talents.nameInitials, `${escapeLike(query.q.toLowerCase())}%`)));
  if (query.reviewDueBy) conditions.push(inArray(poolMembers.status, ['inPool', 'used']), lte(poolMembers.nextReviewOn, query.reviewDueBy));
  const where = and(...conditions);
  const [items, [{ total }]] = await Promise.all([
    memberView(executor)
      .where(where)
      .orderBy(desc(poolMembers.nominatedAt), desc(poolMembers.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    executor.select({ total: count() }).from(poolMembers).innerJoin(talents, eq(talents.id, poolMembers.talentId)).where(where),
  ]);
  return pageOf(items, total);
}

/** The talent's active membership of the pool, if any (the partial unique index allows one). */
export async function findActiveMembership(executor: Executor, poolId: string, talentId: string) {
  const [row] = await executor
    .select({ id: poolMembers.id, status: poolMembers.status })
    .from(poolMembers)
    .where(and(eq(poolMembers.poolId, poolId), eq(poolMembers.talentId, talentId), inArray(poolMembers.status, ['nominated', 'inPool', 'used'])));
  return row;
}

export async function insertMember(executor: Executor, values: typeof poolMembers.$inferInsert) {
  const [row] = await executor.insert(poolMembers).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateMember(executor: Executor, id: string, values: Partial<typeof poolMembers.$inferInsert>) {
  const [row] = await executor
    .update(poolMembers)
    .set({ ...values, version: sql`${poolMembers.version} + 1`, updatedAt: new Date() })
    .where(eq(poolMembers.id, id))
    .returning();
  return row;
}

export async function insertEvent(executor: Executor, values: typeof poolMemberEvents.$inferInsert) {
  await executor.insert(poolMemberEvents).values(values);
}

export async function memberEvents(executor: Executor, memberId: string) {
  return executor
    .select({ event: poolMemberEvents, actorName: users.displayName })
    .from(poolMemberEvents)
    .leftJoin(users, eq(users.id, poolMemberEvents.actorId))
    .where(eq(poolMemberEvents.memberId, memberId))
    .orderBy(asc(poolMemberEvents.at), asc(poolMemberEvents.id));
}

/** Memberships whose yearly review is due by `day` and not yet announced for that due date (the daily reminder). */
export async function reviewsToAnnounce(executor: Executor, day: string, limit: number) {
  return executor
    .select({ id: poolMembers.id, nextReviewOn: poolMembers.nextReviewOn, nominatingUnitId: poolMembers.nominatingUnitId, poolName: talentPools.name, talentName: talents.name })
    .from(poolMembers)
    .innerJoin(talentPools, eq(talentPools.id, poolMembers.poolId))
    .innerJoin(talents, eq(talents.id, poolMembers.talentId))
    .where(
      and(
        inArray(poolMembers.status, ['inPool', 'used']),
        lte(poolMembers.nextReviewOn, day),
        or(isNull(poolMembers.reviewRemindedFor), sql`${poolMembers.reviewRemindedFor} < ${poolMembers.nextReviewOn}`),
      ),
    )
    .orderBy(asc(poolMembers.id))
    .limit(limit);
}

export async function markReviewAnnounced(executor: Executor, ids: string[]) {
  if (!ids.length) return;
  await executor.update(poolMembers).set({ reviewRemindedFor: sql`${poolMembers.nextReviewOn}` }).where(inArray(poolMembers.id, ids));
}

/** The department staff of a unit (by id), to tell them of their nominations' reviews. */
export async function unitCodesOf(executor: Executor, unitIds: string[]) {
  if (!unitIds.length) return [];
  const rows = await executor.select({ code: units.code }).from(units).where(inArray(units.id, unitIds));
  return rows.map((row) => row.code);
}
