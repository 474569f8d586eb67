import { and, asc, count, desc, eq, gte, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { ChallengeStatus } from '../../../domain/growth';
import type { Executor } from '../../db/client';
import { challengeMilestones, challengeProposals, challengeReviewers, challenges, challengeScores, organisations, talents, users } from '../../db/schema';
import { pageOf } from '../../http/pagination';

export type ChallengeRow = typeof challenges.$inferSelect;
export type ProposalRow = typeof challengeProposals.$inferSelect;

const proposalCount = sql<number>`(select count(*) from ${challengeProposals} p where p.challenge_id = ${challenges.id})`.mapWith(Number);
const columns = { challenge: challenges, posterName: organisations.name, proposals: proposalCount };
export type ListedChallenge = { challenge: ChallengeRow; posterName: string | null; proposals: number };

/** The challenges an account reviews (for the read scope). */
export const reviewedBy = (userId: string) => sql`exists (select 1 from ${challengeReviewers} r where r.challenge_id = ${challenges.id} and r.user_id = ${userId})`;
export const postedBy = (organisationId: string) => eq(challenges.posterId, organisationId);

export async function listChallenges(executor: Executor, query: { page: number; pageSize: number; status?: ChallengeStatus }, scope: SQL | undefined) {
  const where = and(scope, query.status ? eq(challenges.status, query.status) : undefined);
  const [items, [{ total }]] = await Promise.all([
    executor
      .select(columns)
      .from(challenges)
      .leftJoin(organisations, eq(organisations.id, challenges.posterId))
      .where(where)
      .orderBy(desc(challenges.createdAt), asc(challenges.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    executor.select({ total: count() }).from(challenges).where(where),
  ]);
  return pageOf<ListedChallenge>(items as ListedChallenge[], total);
}

/** Open challenges still taking proposals (the 榜单 board). */
export async function openChallenges(executor: Executor, today: string) {
  return (await executor
    .select(columns)
    .from(challenges)
    .leftJoin(organisations, eq(organisations.id, challenges.posterId))
    .where(and(eq(challenges.status, 'open'), gte(challenges.deadline, today)))
    .orderBy(asc(challenges.deadline), asc(challenges.id))
    .limit(200)) as ListedChallenge[];
}

export async function findChallenge(executor: Executor, id: string, scope: SQL | undefined): Promise<ListedChallenge | null> {
  const [row] = await executor.select(columns).from(challenges).leftJoin(organisations, eq(organisations.id, challenges.posterId)).where(and(eq(challenges.id, id), scope));
  return (row as ListedChallenge | undefined) ?? null;
}

export async function lockChallenge(executor: Executor, id: string) {
  const [row] = await executor.select().from(challenges).where(eq(challenges.id, id)).for('update');
  return row ?? null;
}

export async function insertChallenge(executor: Executor, values: typeof challenges.$inferInsert) {
  const [row] = await executor.insert(challenges).values(values).returning();
  return row;
}

export async function updateChallenge(executor: Executor, id: string, values: Partial<typeof challenges.$inferInsert>) {
  await executor.update(challenges).set({ ...values, version: sql`${challenges.version} + 1`, updatedAt: new Date() }).where(eq(challenges.id, id));
}

export async function reviewersOf(executor: Executor, challengeId: string) {
  return executor
    .select({ id: users.id, name: users.displayName })
    .from(challengeReviewers)
    .innerJoin(users, eq(users.id, challengeReviewers.userId))
    .where(eq(challengeReviewers.challengeId, challengeId))
    .orderBy(asc(challengeReviewers.appointedAt));
}

export async function isReviewer(executor: Executor, challengeId: string, userId: string) {
  const [row] = await executor.select({ userId: challengeReviewers.userId }).from(challengeReviewers).where(and(eq(challengeReviewers.challengeId, challengeId), eq(challengeReviewers.userId, userId)));
  return Boolean(row);
}

export async function insertReviewer(executor: Executor, values: typeof challengeReviewers.$inferInsert) {
  await executor.insert(challengeReviewers).values(values).onConflictDoNothing();
}

export async function findUserByUsername(executor: Executor, username: string) {
  const [row] = await executor.select().from(users).where(eq(users.username, username));
  return row ?? null;
}

/** The organisation an account belongs to: an enterprise account's enterprise, a talent's employer; null for staff. */
export async function organisationOfUser(executor: Executor, user: { organisationId: string | null; talentId: string | null }) {
  if (user.organisationId) {
    const [row] = await executor.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.id, user.organisationId));
    return row ? { id: row.id as string | null, name: row.name } : null;
  }
  if (user.talentId) {
    const [row] = await executor
      .select({ id: talents.employerId, name: sql<string | null>`coalesce(${organisations.name}, ${talents.employerName})` })
      .from(talents)
      .leftJoin(organisations, eq(organisations.id, talents.employerId))
      .where(eq(talents.id, user.talentId));
    return row?.name ? { id: row.id, name: row.name } : null;
  }
  return null;
}

export async function findOrganisationName(executor: Executor, id: string) {
  const [row] = await executor.select({ id: organisations.id, name: organisations.name, kind: organisations.kind }).from(organisations).where(eq(organisations.id, id));
  return row ?? null;
}

export async function proposalsOf(executor: Executor, challengeId: string) {
  return executor.select().from(challengeProposals).where(eq(challengeProposals.challengeId, challengeId)).orderBy(asc(challengeProposals.createdAt), asc(challengeProposals.id));
}

export async function findProposal(executor: Executor, challengeId: string, proposalId: string) {
  const [row] = await executor.select().from(challengeProposals).where(and(eq(challengeProposals.id, proposalId), eq(challengeProposals.challengeId, challengeId)));
  return row ?? null;
}

export async function insertProposal(executor: Executor, values: typeof challengeProposals.$inferInsert) {
  const [row] = await executor.insert(challengeProposals).values(values).returning();
  return row;
}

export async function settleProposals(executor: Executor, challengeId: string, awardedId: string) {
  await executor.update(challengeProposals).set({ status: 'awarded' }).where(eq(challengeProposals.id, awardedId));
  await executor.update(challengeProposals).set({ status: 'notAwarded' }).where(and(eq(challengeProposals.challengeId, challengeId), ne(challengeProposals.id, awardedId)));
}

/** A submitter's proposals: their own, and for an enterprise account its enterprise's. */
export async function proposalsBy(executor: Executor, userId: string, organisationId: string | null) {
  return executor
    .select({ proposal: challengeProposals, title: challenges.title, status: challenges.status, deadline: challenges.deadline })
    .from(challengeProposals)
    .innerJoin(challenges, eq(challenges.id, challengeProposals.challengeId))
    .where(organisationId ? sql`(${challengeProposals.submittedBy} = ${userId} or ${challengeProposals.organisationId} = ${organisationId})` : eq(challengeProposals.submittedBy, userId))
    .orderBy(desc(challengeProposals.createdAt), asc(challengeProposals.id))
    .limit(200);
}

export async function scoresOf(executor: Executor, proposalIds: string[]) {
  if (proposalIds.length === 0) return [];
  return executor
    .select({ proposalId: challengeScores.proposalId, reviewerId: challengeScores.reviewerId, reviewer: users.displayName, score: challengeScores.score, comment: challengeScores.comment })
    .from(challengeScores)
    .innerJoin(users, eq(users.id, challengeScores.reviewerId))
    .where(inArray(challengeScores.proposalId, proposalIds))
    .orderBy(asc(challengeScores.scoredAt));
}

export async function upsertScore(executor: Executor, values: typeof challengeScores.$inferInsert) {
  await executor
    .insert(challengeScores)
    .values(values)
    .onConflictDoUpdate({ target: [challengeScores.proposalId, challengeScores.reviewerId], set: { score: values.score, comment: values.comment, scoredAt: new Date() } });
}

export async function milestonesOf(executor: Executor, challengeId: string) {
  return executor.select().from(challengeMilestones).where(eq(challengeMilestones.challengeId, challengeId)).orderBy(asc(challengeMilestones.dueOn), asc(challengeMilestones.createdAt));
}

export async function insertMilestone(executor: Executor, values: typeof challengeMilestones.$inferInsert) {
  const [row] = await executor.insert(challengeMilestones).values(values).returning();
  return row;
}

export async function findMilestone(executor: Executor, challengeId: string, id: string) {
  const [row] = await executor.select().from(challengeMilestones).where(and(eq(challengeMilestones.id, id), eq(challengeMilestones.challengeId, challengeId))).for('update');
  return row ?? null;
}

export async function updateMilestone(executor: Executor, id: string, version: number, values: Partial<typeof challengeMilestones.$inferInsert>) {
  const [row] = await executor
    .update(challengeMilestones)
    .set({ ...values, version: sql`${challengeMilestones.version} + 1` })
    .where(and(eq(challengeMilestones.id, id), eq(challengeMilestones.version, version)))
    .returning();
  return row ?? null;
}
