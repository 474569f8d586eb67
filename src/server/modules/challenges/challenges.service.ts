/**
 * 揭榜挂帅: an enterprise or the office posts a challenge (problem, budget, deadline, requirements); teams propose (a team:
 * name, organisation, members, plan, budget); reviewers the office appointed score each proposal, except a reviewer of
 * the same organisation as the team (conflict of interest: 409 naming the organisation); the office awards one proposal
 * and keeps the milestones of the awarded work.
 *
 * Scope: the office and leaders read every challenge; an enterprise the challenges it posted; a reviewer those it was
 * appointed to (anything else: 404). Open challenges are on the board (榜单) for proposers; a proposer sees its own proposals.
 */
import { or, sql, type SQL } from 'drizzle-orm';
import { challengeStatusLabels } from '../../../domain/growth-messages';
import { can } from '../../../domain/permissions';
import { averageScore, mustAbstain, sameOrganisationName as sameName } from '../../../domain/panels';
import { inBothLanguages } from '../../../domain/policies/messages';
import type { Db, Executor } from '../../db/client';
import { AppError, invalid, notFound, type FieldProblem } from '../../errors';
import type { Actor, SessionUser } from '../../plugins/auth';
import type { Language } from '../../../domain/demands';
import { recordAudit } from '../audit/audit.service';
import { candidateKinds } from '../demands/matching';
import { suggestCandidates } from '../demands/suggestions.service';
import {
  findChallenge, findMilestone, findOrganisationName, findProposal, findUserByUsername, insertChallenge, insertMilestone, insertProposal, insertReviewer, isReviewer,
  listChallenges, lockChallenge, milestonesOf, openChallenges, organisationOfUser, postedBy, proposalsBy, proposalsOf, reviewedBy, reviewersOf, scoresOf, settleProposals,
  updateChallenge, updateMilestone, upsertScore, type ChallengeRow, type ListedChallenge,
} from './challenges.repo';
import type { ChallengeInput, ProposalInput } from './challenges.schemas';
import type { ChallengeStatus, MilestoneStatus } from '../../../domain/growth';

const today = () => new Date().toISOString().slice(0, 10);

export function challengeScope(user: SessionUser): SQL | undefined {
  if (user.roles.includes('office') || user.roles.includes('leader')) return undefined;
  const mine = [reviewedBy(user.id), user.roles.includes('enterprise') && user.organisationId ? postedBy(user.organisationId) : undefined].filter(Boolean) as SQL[];
  return or(...mine) ?? sql`false`;
}

const stateError = (status: ChallengeStatus) => new AppError(409, 'challengeState', inBothLanguages('status', (language) => challengeStatusLabels[status][language]));

function presentItem(row: ListedChallenge) {
  const { challenge } = row;
  return {
    id: challenge.id,
    title: challenge.title,
    poster: challenge.posterId && row.posterName ? { id: challenge.posterId, name: row.posterName } : null,
    budget: challenge.budget,
    deadline: challenge.deadline,
    status: challenge.status,
    proposals: row.proposals,
    createdAt: challenge.createdAt.toISOString(),
  };
}

export async function listChallengeSummaries(executor: Executor, user: SessionUser, query: { page: number; pageSize: number; status?: ChallengeStatus }) {
  const result = await listChallenges(executor, query, challengeScope(user));
  return { items: result.items.map(presentItem), total: result.total };
}

export async function challengeBoard(executor: Executor) {
  const rows = await openChallenges(executor, today());
  return rows.map((row) => {
    const item = presentItem(row);
    return { id: item.id, title: item.title, poster: item.poster, problem: row.challenge.problem, requirements: row.challenge.requirements, budget: item.budget, deadline: item.deadline };
  });
}

/** 回避 (the shared panel's rule): the account's organisation is the team's (same registered organisation, or the same name). */
function conflicts(mine: { id: string | null; name: string } | null, proposal: { organisationId: string | null; organisationName: string }) {
  return mustAbstain(mine, [{ id: proposal.organisationId, name: proposal.organisationName }]);
}

export async function challengeDetail(executor: Executor, user: SessionUser, id: string) {
  const row = await findChallenge(executor, id, challengeScope(user));
  if (!row) throw notFound();
  const manage = can(user.roles, 'challenges.manage');
  const [reviewers, proposals, milestones, reviewing, mine] = await Promise.all([
    reviewersOf(executor, id),
    proposalsOf(executor, id),
    milestonesOf(executor, id),
    isReviewer(executor, id, user.id),
    organisationOfUser(executor, user),
  ]);
  const scores = await scoresOf(executor, proposals.map((proposal) => proposal.id));
  const day = today();
  return {
    ...presentItem(row),
    problem: row.challenge.problem,
    requirements: row.challenge.requirements,
    demandId: row.challenge.demandId,
    awardedProposalId: row.challenge.awardedProposalId,
    awardedOn: row.challenge.awardedOn,
    reviewers,
    proposalList: proposals.map((proposal) => {
      const own = scores.filter((score) => score.proposalId === proposal.id);
      const average = averageScore(own.map((score) => score.score));
      return {
        id: proposal.id,
        teamName: proposal.teamName,
        organisationName: proposal.organisationName,
        members: proposal.members,
        plan: proposal.plan,
        budget: proposal.budget,
        status: proposal.status,
        averageScore: average,
        scoreCount: own.length,
        myScore: own.find((score) => score.reviewerId === user.id)?.score ?? null,
        conflictOfInterest: reviewing && (proposal.submittedBy === user.id || conflicts(mine, proposal)),
        scores: manage ? own.map(({ reviewer, score, comment }) => ({ reviewer, score, comment })) : null,
        submittedAt: proposal.createdAt.toISOString(),
      };
    }),
    milestones: milestones.map((milestone) => ({
      id: milestone.id, title: milestone.title, dueOn: milestone.dueOn, doneOn: milestone.doneOn, status: milestone.status, overdue: milestone.status !== 'done' && milestone.dueOn < day, version: milestone.version,
    })),
    version: row.challenge.version,
    permissions: { manage, review: reviewing && row.challenge.status === 'open' },
  };
}

/** An enterprise posts for itself; the office for an enterprise it names or for the zone. */
export async function postChallenge(db: Db, actor: Actor, user: SessionUser, input: ChallengeInput) {
  const office = user.roles.includes('office');
  const posterId = office ? (input.posterId ?? null) : user.organisationId;
  const problems: Record<string, FieldProblem> = {};
  if (!office && !posterId) problems.posterId = { code: 'required' };
  if (office && posterId && (await findOrganisationName(db, posterId))?.kind !== 'enterprise') problems.posterId = { code: 'training.notEnterprise' };
  if (input.deadline < today()) problems.deadline = { code: 'date.past' };
  if (Object.keys(problems).length) throw invalid(problems);
  return db.transaction(async (tx) => {
    const row = await insertChallenge(tx, {
      posterId, title: input.title, problem: input.problem, requirements: input.requirements, budget: input.budget, deadline: input.deadline, demandId: input.demandId ?? null, createdBy: actor.userId,
    });
    await recordAudit(tx, actor, { action: 'challenge.create', targetType: 'challenge', targetId: row.id, changes: { ...input, posterId } });
    return challengeDetail(tx, user, row.id);
  });
}

async function lockedChallenge(tx: Executor, user: SessionUser, id: string): Promise<ChallengeRow> {
  if (!(await findChallenge(tx, id, challengeScope(user)))) throw notFound();
  const row = await lockChallenge(tx, id);
  if (!row) throw notFound();
  return row;
}

/** The office appoints a reviewer: an enabled account that may review (experts, departments, enterprise staff). */
export async function appointReviewer(db: Db, actor: Actor, user: SessionUser, id: string, username: string) {
  return db.transaction(async (tx) => {
    const challenge = await lockedChallenge(tx, user, id);
    if (challenge.status !== 'open') throw stateError(challenge.status);
    const reviewer = await findUserByUsername(tx, username);
    if (!reviewer || reviewer.disabled || !can(reviewer.roles, 'challenges.review')) throw invalid({ username: { code: 'challenge.reviewerUnknown' } });
    await insertReviewer(tx, { challengeId: id, userId: reviewer.id, appointedBy: actor.userId });
    await recordAudit(tx, actor, { action: 'challenge.appointReviewer', targetType: 'challenge', targetId: id, changes: { reviewerId: reviewer.id, username: reviewer.username } });
    return challengeDetail(tx, user, id);
  });
}

/**
 * A team proposes for an open challenge before its deadline: an enterprise account as its enterprise, a talent as the
 * organisation they name (their employer's name by default). Nobody proposes for their own organisation's challenge.
 */
export async function submitProposal(db: Db, actor: Actor, user: SessionUser, id: string, input: ProposalInput) {
  return db.transaction(async (tx) => {
    const challenge = await lockChallenge(tx, id);
    if (!challenge || !(challenge.status === 'open' || challenge.posterId === user.organisationId)) throw notFound();
    if (challenge.status !== 'open') throw stateError(challenge.status);
    if (challenge.deadline < today()) throw new AppError(409, 'challengeDeadlinePassed', { date: challenge.deadline });
    const mine = await organisationOfUser(tx, user);
    const asEnterprise = user.roles.includes('enterprise') && user.organisationId;
    const organisationName = asEnterprise ? mine?.name : (input.organisationName ?? mine?.name);
    if (!organisationName) throw invalid({ organisationName: { code: 'required' } });
    const organisationId = mine && sameName(mine.name, organisationName) ? mine.id : null;
    if (challenge.posterId && organisationId === challenge.posterId) throw new AppError(409, 'challengeOwnChallenge');
    const row = await insertProposal(tx, {
      challengeId: id, teamName: input.teamName, organisationName, organisationId, members: input.members.map(({ name, role }) => ({ name, role: role ?? '' })), plan: input.plan, budget: input.budget, submittedBy: actor.userId,
    });
    await recordAudit(tx, actor, { action: 'challenge.propose', targetType: 'challengeProposal', targetId: row.id, changes: { challengeId: id, teamName: input.teamName, organisationName, members: input.members.length, budget: input.budget } });
    return myProposals(tx, user);
  });
}

export async function myProposals(executor: Executor, user: SessionUser) {
  const rows = await proposalsBy(executor, user.id, user.roles.includes('enterprise') ? user.organisationId : null);
  return rows.map(({ proposal, title, status, deadline }) => ({
    id: proposal.id,
    challenge: { id: proposal.challengeId, title, status, deadline },
    teamName: proposal.teamName,
    organisationName: proposal.organisationName,
    budget: proposal.budget,
    status: proposal.status,
    submittedAt: proposal.createdAt.toISOString(),
  }));
}

/**
 * An appointed reviewer scores a proposal (again: the new score replaces the old). Refused: a reviewer not appointed
 * (403), one of the team's organisation or its submitter (409 conflict of interest, naming the organisation), a
 * challenge no longer open (409).
 */
export async function scoreProposal(db: Db, actor: Actor, user: SessionUser, id: string, proposalId: string, input: { score: number; comment: string }) {
  try {
    return await scoreInTransaction(db, actor, user, id, proposalId, input);
  } catch (error) {
    // the refusal rolled its transaction back: the attempt is recorded on its own
    if (error instanceof AppError && error.code === 'challengeConflictOfInterest') {
      await recordAudit(db, actor, { action: 'challenge.score', targetType: 'challengeProposal', targetId: proposalId, result: 'denied', detail: 'conflictOfInterest', changes: { challengeId: id, organisation: error.params.organisation } });
    }
    throw error;
  }
}

async function scoreInTransaction(db: Db, actor: Actor, user: SessionUser, id: string, proposalId: string, input: { score: number; comment: string }) {
  return db.transaction(async (tx) => {
    const challenge = await lockedChallenge(tx, user, id);
    const proposal = await findProposal(tx, id, proposalId);
    if (!proposal) throw notFound();
    if (!(await isReviewer(tx, id, user.id))) throw new AppError(403, 'challengeNotReviewer');
    if (challenge.status !== 'open') throw stateError(challenge.status);
    const mine = await organisationOfUser(tx, user);
    if (proposal.submittedBy === user.id || conflicts(mine, proposal)) throw new AppError(409, 'challengeConflictOfInterest', { organisation: proposal.organisationName });
    await upsertScore(tx, { proposalId, reviewerId: user.id, score: input.score, comment: input.comment });
    await recordAudit(tx, actor, { action: 'challenge.score', targetType: 'challengeProposal', targetId: proposalId, changes: { challengeId: id, score: input.score } });
    return challengeDetail(tx, user, id);
  });
}

/** The office awards one proposal (揭榜成功): the others are marked not awarded; milestones can then be kept. */
export async function awardChallenge(db: Db, actor: Actor, user: SessionUser, id: string, input: { proposalId: string; version: number }) {
  return db.transaction(async (tx) => {
    const challenge = await lockedChallenge(tx, user, id);
    if (challenge.status !== 'open') throw stateError(challenge.status);
    if (challenge.version !== input.version) throw new AppError(409, 'conflict');
    const proposal = await findProposal(tx, id, input.proposalId);
    if (!proposal) throw invalid({ proposalId: { code: 'challenge.proposalUnknown' } });
    const awardedOn = today();
    await updateChallenge(tx, id, { status: 'awarded', awardedProposalId: proposal.id, awardedOn });
    await settleProposals(tx, id, proposal.id);
    await recordAudit(tx, actor, { action: 'challenge.award', targetType: 'challenge', targetId: id, changes: { proposalId: proposal.id, teamName: proposal.teamName, organisationName: proposal.organisationName, awardedOn } });
    return challengeDetail(tx, user, id);
  });
}

export async function addMilestone(db: Db, actor: Actor, user: SessionUser, id: string, input: { title: string; dueOn: string }) {
  return db.transaction(async (tx) => {
    const challenge = await lockedChallenge(tx, user, id);
    if (challenge.status !== 'awarded') throw stateError(challenge.status);
    const row = await insertMilestone(tx, { challengeId: id, title: input.title, dueOn: input.dueOn });
    await recordAudit(tx, actor, { action: 'challenge.milestone', targetType: 'challenge', targetId: id, changes: { milestoneId: row.id, ...input } });
    return challengeDetail(tx, user, id);
  });
}

export async function updateMilestoneStatus(db: Db, actor: Actor, user: SessionUser, id: string, milestoneId: string, input: { status: MilestoneStatus; doneOn?: string | null; version: number }) {
  return db.transaction(async (tx) => {
    await lockedChallenge(tx, user, id);
    const milestone = await findMilestone(tx, id, milestoneId);
    if (!milestone) throw notFound();
    if (milestone.version !== input.version) throw new AppError(409, 'conflict');
    const doneOn = input.status === 'done' ? (input.doneOn ?? today()) : null;
    if (doneOn && doneOn > today()) throw invalid({ doneOn: { code: 'date.future' } });
    const row = await updateMilestone(tx, milestoneId, input.version, { status: input.status, doneOn });
    if (!row) throw new AppError(409, 'conflict');
    await recordAudit(tx, actor, { action: 'challenge.milestone', targetType: 'challenge', targetId: id, changes: { milestoneId, status: { from: milestone.status, to: input.status }, doneOn } });
    return challengeDetail(tx, user, id);
  });
}

/**
 * 推荐人选 for a challenge the reader may see (another's: 404): talents, flexible experts and resident teams ranked by the
 * matcher against the tied demand, or against the challenge's own title, problem and requirements.
 */
export async function challengeCandidates(executor: Executor, user: SessionUser, id: string, language: Language, limit: number) {
  const row = await findChallenge(executor, id, challengeScope(user));
  if (!row) throw notFound();
  const { challenge } = row;
  const subject = { id, enterpriseId: challenge.posterId, demandId: challenge.demandId, text: [challenge.title, challenge.problem, challenge.requirements].join('\n') };
  return suggestCandidates(executor, user, subject, candidateKinds, language, limit);
}
