import { eq, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { poolMembers } from '../../db/schema';
import { AppError, forbidden, invalid, notFound } from '../../errors';
import type { Actor, SessionUser } from '../../plugins/auth';
import { nextTurn } from '../../db/turns';
import { recordAudit } from '../audit/audit.service';
import { notify, officeStaff, unitStaff } from '../notifications/notifications.service';
import { findTalent } from '../talents/talents.repo';
import { talentReadScope } from '../talents/talents.policies';
import { beijingDate } from '../../../domain/calendar';
import { canDecide, nextReviewOn, poolDecisions, poolTransitions, type PoolDecision, type PoolMemberStatus, type PoolNominator } from '../../../domain/pools';
import {
  countMembers, findActiveMembership, findMember, findPool, insertEvent, insertMember, insertPool, listMembers, listPoolRows, markReviewAnnounced, memberEvents,
  poolCodeTaken, reviewsToAnnounce, unitCodesOf, updateMember, updatePool, type MemberQuery, type MemberScope, type PoolRow,
} from './pools.repo';

const nothing = sql`false`;

/**
 * Who sees which memberships: the office and leaders all; a unit's staff those their unit nominated; enterprise HR those
 * their enterprise nominated. A membership outside it answers 404 and is never listed or counted.
 */
export function memberScope(user: SessionUser): MemberScope {
  if (user.roles.includes('office') || user.roles.includes('leader')) return undefined;
  const conditions: SQL[] = [];
  if (user.roles.includes('department') && user.unitId) conditions.push(eq(poolMembers.nominatingUnitId, user.unitId));
  if (user.roles.includes('enterprise') && user.organisationId) conditions.push(eq(poolMembers.nominatingOrgId, user.organisationId));
  return conditions.length ? or(...conditions) : nothing;
}

/** What the user nominates as: the office, a unit, or an enterprise (the first the user is). */
function nominatorOf(user: SessionUser): PoolNominator | null {
  if (user.roles.includes('office')) return 'office';
  if (user.roles.includes('department') && user.unitId) return 'department';
  if (user.roles.includes('enterprise') && user.organisationId) return 'enterprise';
  return null;
}

/** The pools a user works with: the office and leaders every pool; a unit's staff and enterprise HR those open to them. */
function visiblePools(user: SessionUser) {
  if (user.roles.includes('office') || user.roles.includes('leader')) return {};
  const nominators: PoolNominator[] = [];
  if (user.roles.includes('department')) nominators.push('department');
  if (user.roles.includes('enterprise')) nominators.push('enterprise');
  return { nominators };
}

const poolView = (pool: PoolRow, counts: Partial<Record<PoolMemberStatus, number>>, user: SessionUser) => ({
  id: pool.id,
  code: pool.code,
  name: pool.name,
  nameEn: pool.nameEn,
  description: pool.description,
  descriptionEn: pool.descriptionEn,
  nominators: pool.nominators,
  reviewMonths: pool.reviewMonths,
  active: pool.active,
  sort: pool.sort,
  version: pool.version,
  counts: { nominated: counts.nominated ?? 0, inPool: counts.inPool ?? 0, used: counts.used ?? 0, exited: counts.exited ?? 0, declined: counts.declined ?? 0 },
  canNominate: pool.active && pool.nominators.includes(nominatorOf(user) ?? ('' as PoolNominator)),
});

/** The pools with how many members each has per status, counted within the reader's scope. */
export async function listPools(db: Db, user: SessionUser) {
  const [pools, counts] = await Promise.all([listPoolRows(db, visiblePools(user)), countMembers(db, memberScope(user))]);
  const byPool = new Map<string, Partial<Record<PoolMemberStatus, number>>>();
  for (const row of counts) byPool.set(row.poolId, { ...byPool.get(row.poolId), [row.status]: Number(row.count) });
  return pools.map((pool) => poolView(pool, byPool.get(pool.id) ?? {}, user));
}

export type PoolInput = {
  code: string; name: string; nameEn: string; description: string; descriptionEn: string; nominators: PoolNominator[]; reviewMonths: number; active: boolean; sort: number;
};

export async function createPool(db: Db, actor: Actor, user: SessionUser, input: PoolInput) {
  return db.transaction(async (tx) => {
    if (await poolCodeTaken(tx, input.code)) throw invalid({ code: { code: 'pool.codeTaken' } });
    const pool = await insertPool(tx, input);
    await recordAudit(tx, actor, { action: 'pool.create', targetType: 'pool', targetId: pool.id, changes: { ...input } });
    return poolView(pool, {}, user);
  });
}

export async function changePool(db: Db, actor: Actor, user: SessionUser, id: string, input: Omit<PoolInput, 'code'> & { version: number }) {
  return db.transaction(async (tx) => {
    const pool = await findPool(tx, id, true);
    if (!pool) throw notFound();
    if (pool.version !== input.version) throw new AppError(409, 'poolStale');
    const { version: _version, ...values } = input;
    const changed = await updatePool(tx, id, values);
    const before = Object.fromEntries(Object.keys(values).map((key) => [key, pool[key as keyof PoolRow]]));
    await recordAudit(tx, actor, { action: 'pool.update', targetType: 'pool', targetId: id, changes: { before, after: values } });
    return poolView(changed, {}, user);
  });
}

type MemberView = NonNullable<Awaited<ReturnType<typeof findMember>>>;

const memberItem = (row: MemberView) => ({
  id: row.member.id,
  pool: { id: row.member.poolId, name: row.poolName, nameEn: row.poolNameEn },
  talent: { id: row.member.talentId, name: row.talentName, employerName: row.employerName, highestEducation: row.highestEducation, highestTitle: row.highestTitle, tierName: row.tierName, tierNameEn: row.tierNameEn },
  status: row.member.status,
  nominator: { kind: row.member.nominatorKind, unitName: row.unitName, unitNameEn: row.unitNameEn, userName: row.nominatorName },
  nominatedAt: row.member.nominatedAt.toISOString(),
  score: row.member.score,
  enteredOn: row.member.enteredOn,
  nextReviewOn: row.member.nextReviewOn,
  leftOn: row.member.leftOn,
  version: row.member.version,
});

export async function listPoolMembers(db: Db, user: SessionUser, query: MemberQuery & { reviewDue?: boolean }, now = new Date()) {
  const { reviewDue, ...rest } = query;
  const page = await listMembers(db, { ...rest, reviewDueBy: reviewDue ? beijingDate(now) : undefined }, memberScope(user));
  return { items: page.items.map(memberItem), total: page.total };
}

async function memberDetailIn(executor: Executor, user: SessionUser, id: string) {
  const row = await findMember(executor, id, memberScope(user));
  if (!row) throw notFound();
  const events = await memberEvents(executor, id);
  const decides = user.roles.includes('office');
  return {
    ...memberItem(row),
    reason: row.member.reason,
    opinion: row.member.opinion,
    lastReviewedOn: row.member.lastReviewedOn,
    history: events.map(({ event, actorName }) => ({
      action: event.action,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      score: event.score,
      note: event.note,
      actor: actorName,
      at: event.at.toISOString(),
    })),
    decisions: decides ? poolDecisions.filter((decision) => canDecide(decision, row.member.status)) : [],
  };
}

export const poolMemberDetail = (db: Db, user: SessionUser, id: string) => memberDetailIn(db, user, id);

/**
 * Nominates a talent into a pool (推荐入库): the pool must be in use and open to the nominator's kind (an enterprise:
 * its own staff only, the registry's scope); one active membership per talent and pool (two nominations at once: the
 * partial unique index lets one through, the other is the same 409). The office is told.
 */
export async function nominate(db: Db, actor: Actor, user: SessionUser, input: { poolId: string; talentId: string; reason: string }) {
  const kind = nominatorOf(user);
  if (!kind) throw forbidden();
  return db.transaction(async (tx) => {
    const pool = await findPool(tx, input.poolId);
    if (!pool) throw invalid({ poolId: { code: 'binding.notFound' } });
    if (!pool.active) throw invalid({ poolId: { code: 'pool.inactive' } });
    if (!pool.nominators.includes(kind)) throw new AppError(403, 'poolNominator');
    const talent = (await findTalent(tx, input.talentId, talentReadScope(user)))?.talent;
    if (!talent) throw invalid({ talentId: { code: 'binding.notFound' } });
    if (talent.status === 'left') throw invalid({ talentId: { code: 'pool.talentLeft' } });
    if (await findActiveMembership(tx, pool.id, talent.id)) throw new AppError(409, 'poolMemberExists');
    const member = await insertMember(tx, {
      poolId: pool.id,
      talentId: talent.id,
      status: 'nominated',
      reason: input.reason,
      nominatedBy: user.id,
      nominatorKind: kind,
      nominatingUnitId: kind === 'department' ? user.unitId : null,
      nominatingOrgId: kind === 'enterprise' ? user.organisationId : null,
    });
    if (!member) throw new AppError(409, 'poolMemberExists');
    await insertEvent(tx, { memberId: member.id, action: 'nominate', fromStatus: null, toStatus: 'nominated', note: input.reason, actorId: user.id });
    await recordAudit(tx, actor, {
      action: 'poolMember.nominate', targetType: 'poolMember', targetId: member.id,
      changes: { poolId: pool.id, pool: pool.name, talentId: talent.id, talent: talent.name, nominatorKind: kind, reason: input.reason },
    });
    await notify(tx, await officeStaff(tx), { kind: 'poolNomination', params: { policy: pool.name, subject: talent.name }, link: `/pools/members/${member.id}` });
    return memberDetailIn(tx, user, member.id);
  });
}

export type DecisionInput = { decision: PoolDecision; score?: number | null; opinion: string; version: number };

/**
 * The office's decisions on a membership: admit (入库, with the assessment score), decline (不予入库), use (使用:
 * appointed or sent), review (年度复核: the next review a cycle later) and exit (退出). Each from the statuses it allows
 * (else 409 naming the status), on the version the office saw (else 409), with its history entry and audit row; the
 * nominator is told of admit and decline.
 */
export async function decideMember(db: Db, actor: Actor, user: SessionUser, id: string, input: DecisionInput, now = new Date()) {
  if (input.decision === 'admit' && (input.score === undefined || input.score === null)) throw invalid({ score: { code: 'pool.scoreRequired' } });
  if (input.decision !== 'admit' && !input.opinion) throw invalid({ opinion: { code: 'pool.opinionRequired' } });
  return db.transaction(async (tx) => {
    const row = await findMember(tx, id, memberScope(user), true);
    if (!row) throw notFound();
    const { member } = row;
    if (member.version !== input.version) throw new AppError(409, 'poolStale');
    if (!canDecide(input.decision, member.status)) throw new AppError(409, 'poolMemberState', { status: member.status });
    const pool = (await findPool(tx, member.poolId))!;
    const today = beijingDate(now);
    const to = poolTransitions[input.decision].to ?? member.status;
    const score = input.score ?? null;
    const values: Partial<typeof poolMembers.$inferInsert> = { status: to };
    if (input.decision === 'admit') Object.assign(values, { score, opinion: input.opinion || null, decidedAt: now, enteredOn: today, nextReviewOn: nextReviewOn(today, pool.reviewMonths) });
    if (input.decision === 'decline') Object.assign(values, { opinion: input.opinion, decidedAt: now });
    if (input.decision === 'review') Object.assign(values, { lastReviewedOn: today, nextReviewOn: nextReviewOn(today, pool.reviewMonths), ...(score !== null ? { score } : {}) });
    if (input.decision === 'exit') Object.assign(values, { leftOn: today, nextReviewOn: null });
    await updateMember(tx, id, values);
    await insertEvent(tx, { memberId: id, action: input.decision, fromStatus: member.status, toStatus: to, score, note: input.opinion, actorId: user.id });
    await recordAudit(tx, actor, {
      action: `poolMember.${input.decision}`, targetType: 'poolMember', targetId: id,
      changes: { pool: row.poolName, talent: row.talentName, from: member.status, to, score, opinion: input.opinion },
    });
    if (input.decision === 'admit' || input.decision === 'decline') {
      await notify(tx, [member.nominatedBy], { kind: 'poolDecision', params: { policy: row.poolName, subject: row.talentName, admitted: input.decision === 'admit' }, link: `/pools/members/${id}` });
    }
    return memberDetailIn(tx, user, id);
  });
}

/**
 * The daily reminder of yearly reviews (年度复核): each membership in use whose review is due today or earlier and not yet
 * announced for that due date is announced once to the office and to the unit that nominated it, 500 per transaction.
 */
export async function announceDueReviews(db: Db, now = new Date()) {
  const today = beijingDate(now);
  let announced = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const due = await reviewsToAnnounce(tx, today, 500);
      if (!due.length) return true;
      const office = await officeStaff(tx);
      for (const member of due) {
        const unitUsers = member.nominatingUnitId ? await unitStaff(tx, await unitCodesOf(tx, [member.nominatingUnitId])) : [];
        await notify(tx, [...office, ...unitUsers], { kind: 'poolReview', params: { policy: member.poolName, subject: member.talentName, due: member.nextReviewOn! }, link: `/pools/members/${member.id}` });
      }
      await markReviewAnnounced(tx, due.map((member) => member.id));
      announced += due.length;
      return due.length < 500;
    });
    if (done) return announced;
    await nextTurn();
  }
}
