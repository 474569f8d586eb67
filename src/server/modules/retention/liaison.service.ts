/**
 * Leader–talent pairing (结对联系, `/api/liaison`): the office pairs leaders with key talents (one by one, or every
 * talent of some tiers), each pair with a contact plan; a leader logs visits, symposiums, 联谊 and calls; a problem
 * raised becomes a service request recorded on the talent's behalf and is followed on the pair's page. A leader sees
 * their own pairs only (another's: 404); the office all. Overdue plans are flagged once by the daily work.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { addMonths, type ContactForm } from '../../../domain/retention';
import type { Db, Executor } from '../../db/client';
import { liaisonPairs, talents } from '../../db/schema';
import { AppError, invalid, notFound } from '../../errors';
import type { Actor, SessionUser } from '../../plugins/auth';
import { recordAudit } from '../audit/audit.service';
import { notify, officeStaff } from '../notifications/notifications.service';
import { raiseServiceRequest } from '../service-requests/service-requests.service';
import {
  closeTask, contactsOfPair, endPairRow, findPairRow, insertContact, insertEvents, insertPair, isLeader, leaderAccounts, listPairRows, markOverdueNotified,
  openProblemCounts, openTaskOf, overduePairs, pairScope, problemCases,
} from './retention.repo';
import { currentScores, presentScore, talentTasks, today } from './retention.service';

type PairRow = NonNullable<Awaited<ReturnType<typeof findPairRow>>>;

function nextContact(row: PairRow) {
  const since = row.lastContact ?? row.pair.pairedOn;
  return addMonths(since, row.pair.planMonths);
}

function presentPair(row: PairRow, openProblems: number, score: ReturnType<typeof presentScore>, day: string) {
  const next = nextContact(row);
  return {
    id: row.pair.id,
    talent: { id: row.pair.talentId, name: row.talentName, employer: row.employer, post: row.post, tier: row.tier, status: row.talentStatus },
    leader: { id: row.pair.leaderId, name: row.leaderName },
    basis: row.pair.basis,
    planMonths: row.pair.planMonths,
    pairedOn: row.pair.pairedOn,
    lastContact: row.lastContact,
    nextContact: next,
    overdue: next < day,
    openProblems,
    risk: score,
    version: row.pair.version,
  };
}

/** 我联系的人才 (a leader) or every pair (the office): each talent's card, last and next contact, open problems, risk. */
export async function listPairs(executor: Executor, user: SessionUser) {
  const rows = await listPairRows(executor, pairScope(user));
  const [open, scores] = await Promise.all([openProblemCounts(executor, rows.map((row) => row.pair.id)), currentScores(executor, rows.map((row) => row.pair.talentId))]);
  const day = today();
  return rows.map((row) => presentPair(row, open.get(row.pair.id) ?? 0, presentScore(scores.get(row.pair.talentId)), day));
}

/** A pair's page: the card, the contacts with the problems they raised and each request's status, the visit tasks. */
export async function pairDetail(executor: Executor, user: SessionUser, id: string) {
  const row = await findPairRow(executor, id, pairScope(user));
  if (!row) throw notFound();
  const [contacts, open, scores, tasks] = await Promise.all([
    contactsOfPair(executor, id), openProblemCounts(executor, [id]), currentScores(executor, [row.pair.talentId]), talentTasks(executor, row.pair.talentId),
  ]);
  const cases = new Map((await problemCases(executor, contacts.flatMap((contact) => contact.problems.map((problem) => problem.caseId)))).map((item) => [item.id, item]));
  return {
    ...presentPair(row, open.get(id) ?? 0, presentScore(scores.get(row.pair.talentId)), today()),
    contacts: contacts.map((contact) => ({
      id: contact.id,
      contactedOn: contact.contactedOn,
      form: contact.form,
      topics: contact.topics,
      problems: contact.problems.map((problem) => ({ title: problem.title, caseId: problem.caseId, status: cases.get(problem.caseId)?.status ?? 'inReview' })),
    })),
    tasks,
  };
}

export type PairInput = { leaderId: string; talentId: string; planMonths: number };

/** The office pairs a leader with a talent; one leader per talent at a time (409 otherwise). */
export async function createPair(db: Db, actor: Actor, user: SessionUser, input: PairInput) {
  return db.transaction(async (tx) => {
    if (!(await isLeader(tx, input.leaderId))) throw invalid({ leaderId: { code: 'retention.notLeader' } });
    const [talent] = await tx.select({ id: talents.id, status: talents.status }).from(talents).where(eq(talents.id, input.talentId));
    if (!talent) throw invalid({ talentId: { code: 'retention.talentUnknown' } });
    if (talent.status === 'left') throw invalid({ talentId: { code: 'retention.talentLeft' } });
    const row = await insertPair(tx, { leaderId: input.leaderId, talentId: input.talentId, planMonths: input.planMonths, basis: 'office', pairedOn: today(), createdBy: user.id });
    if (!row) throw new AppError(409, 'pairExists');
    await recordAudit(tx, actor, { action: 'liaison.pair', targetType: 'liaisonPair', targetId: row.id, changes: { leader: input.leaderId, talent: input.talentId, planMonths: input.planMonths } });
    return pairDetail(tx, user, row.id);
  });
}

/** Every talent of the given tiers still in the zone and without a leader is paired, the leaders taken in turn. */
export async function pairByTier(db: Db, actor: Actor, input: { tiers: string[]; leaderIds: string[]; planMonths: number }) {
  return db.transaction(async (tx) => {
    for (const [index, leaderId] of input.leaderIds.entries()) if (!(await isLeader(tx, leaderId))) throw invalid({ [`leaderIds.${index}`]: { code: 'retention.notLeader' } });
    const unpaired = await tx
      .select({ id: talents.id })
      .from(talents)
      .leftJoin(liaisonPairs, and(eq(liaisonPairs.talentId, talents.id), isNull(liaisonPairs.endedOn)))
      .where(and(inArray(talents.tier, input.tiers), sql`${talents.status} <> 'left'`, isNull(liaisonPairs.id)))
      .orderBy(talents.tier, talents.name, talents.id);
    let paired = 0;
    for (const [index, talent] of unpaired.entries()) {
      const row = await insertPair(tx, { leaderId: input.leaderIds[index % input.leaderIds.length], talentId: talent.id, planMonths: input.planMonths, basis: 'tier', pairedOn: today(), createdBy: actor.userId });
      if (row) paired += 1;
    }
    await recordAudit(tx, actor, { action: 'liaison.pairByTier', targetType: 'liaisonPair', targetId: null, changes: { tiers: input.tiers, leaders: input.leaderIds, planMonths: input.planMonths, paired } });
    return { paired };
  });
}

export async function endPair(db: Db, actor: Actor, id: string, version: number) {
  return db.transaction(async (tx) => {
    const row = await endPairRow(tx, id, version, today());
    if (!row) {
      if (!(await findPairRow(tx, id, undefined))) throw notFound();
      throw new AppError(409, 'conflict');
    }
    await recordAudit(tx, actor, { action: 'liaison.end', targetType: 'liaisonPair', targetId: id, changes: {} });
    return { id, endedOn: row.endedOn };
  });
}

export type ContactInput = {
  contactedOn: string;
  contactForm: ContactForm;
  topics: string;
  problems: { requestCategory: string; requestTitle: string; requestText: string }[];
  outcome?: string;
};

/**
 * A contact of the pair, logged by its leader (or the office): the history gets a leader-contact event; each problem
 * raised becomes a service request recorded on the talent's behalf (routed by its category, followed on the pair's
 * page); an open visit task of the talent is closed with the outcome. One transaction: a refused problem saves nothing.
 */
export async function logContact(db: Db, actor: Actor, user: SessionUser, pairId: string, input: ContactInput) {
  return db.transaction(async (tx) => {
    const row = await findPairRow(tx, pairId, pairScope(user));
    if (!row || row.pair.endedOn) throw notFound();
    if (input.contactedOn > today()) throw invalid({ contactedOn: { code: 'retention.future' } });
    const problems: { title: string; caseId: string }[] = [];
    for (const [index, problem] of input.problems.entries()) {
      try {
        // the service-request service opens a savepoint inside this transaction
        const raised = await raiseServiceRequest(tx as unknown as Db, actor, user, { ...problem, attachmentIds: [], requesterKind: 'talent', requesterId: row.pair.talentId }, { onBehalf: true });
        problems.push({ title: problem.requestTitle, caseId: raised.id });
      } catch (error) {
        if (error instanceof AppError && error.fields) {
          throw new AppError(error.statusCode, error.code, error.params, Object.fromEntries(Object.entries(error.fields).map(([field, problem]) => [`problems.${index}.${field}`, problem])));
        }
        throw error;
      }
    }
    const task = await openTaskOf(tx, row.pair.talentId);
    const contact = await insertContact(tx, { pairId, contactedOn: input.contactedOn, form: input.contactForm, topics: input.topics, problems, taskId: task?.id ?? null, recordedBy: user.id });
    if (task) await closeTask(tx, task.id, { contactId: contact.id, outcome: input.outcome ?? '' });
    await insertEvents(tx, [{ talentId: row.pair.talentId, kind: 'leaderContact', occurredOn: input.contactedOn, detail: { form: input.contactForm }, source: 'liaison' }]);
    await recordAudit(tx, actor, {
      action: 'liaison.contact', targetType: 'liaisonPair', targetId: pairId,
      changes: { contactedOn: input.contactedOn, form: input.contactForm, problems: problems.map((problem) => problem.caseId), task: task?.id ?? null },
    });
    return pairDetail(tx, user, pairId);
  });
}

/** Overdue contact plans, flagged once per lapse to the leader and the office (the daily work). */
export async function flagOverduePlans(db: Db, day = today()) {
  return db.transaction(async (tx) => {
    const overdue = await overduePairs(tx, day);
    const office = await officeStaff(tx);
    for (const pair of overdue) {
      await notify(tx, [pair.leaderId, ...office], { kind: 'liaison', params: { policy: pair.talentName, event: 'overdue' }, link: `/my-talents/${pair.id}` });
    }
    await markOverdueNotified(tx, overdue.map((pair) => pair.id), day);
    return { overdue: overdue.length };
  });
}

export async function leaders(executor: Executor) {
  return leaderAccounts(executor);
}
