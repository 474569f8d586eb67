/**
 * Market-hired executives (市场化选聘): 任期制 (a term of office), 协议工资制 (an agreement salary), 绩效考核制 (appraisal
 * cycles with targets, score and outcome: renew the term, adjust the pay, or end the term). A term starts with the hire
 * of a 市场化选聘 campaign; the office records appraisals; the daily work reminds the office and the enterprise
 * `termReminderDays` before a term ends. Enterprise HR reads its own executives (another's: 404).
 */
import { and, eq, type SQL } from 'drizzle-orm';
import { termReminderDays, type AppraisalOutcome, type ExecutiveStatus } from '../../../domain/demands';
import type { Db, Executor } from '../../db/client';
import { executives } from '../../db/schema';
import { AppError, invalid, notFound } from '../../errors';
import type { Actor, SessionUser } from '../../plugins/auth';
import { recordAudit } from '../audit/audit.service';
import { notify, officeStaff, subjectAccounts } from '../notifications/notifications.service';
import { findAppraisal, findExecutive, insertAppraisal, listAppraisals, listExecutiveRows, lockExecutive, markReminded, termsToRemind, updateExecutive } from './campaigns.repo';

export function executiveScope(user: SessionUser): SQL | undefined {
  if (user.roles.some((role) => role === 'office' || role === 'leader')) return undefined;
  if (user.roles.includes('enterprise') && user.organisationId) return eq(executives.enterpriseId, user.organisationId);
  return eq(executives.id, '00000000-0000-0000-0000-000000000000');
}

type ExecutiveJoined = NonNullable<Awaited<ReturnType<typeof findExecutive>>>;

const present = ({ executive, talentName, enterpriseName }: ExecutiveJoined) => ({
  id: executive.id,
  talent: { id: executive.talentId, name: talentName },
  enterprise: executive.enterpriseId && enterpriseName ? { id: executive.enterpriseId, name: enterpriseName } : null,
  post: executive.post,
  termStart: executive.termStart,
  termEnd: executive.termEnd,
  agreementSalary: executive.agreementSalary,
  status: executive.status,
  remindedFor: executive.remindedFor,
  version: executive.version,
});

export async function listExecutives(executor: Executor, user: SessionUser, query: { page: number; pageSize: number; status?: ExecutiveStatus }) {
  const { rows, total } = await listExecutiveRows(executor, and(executiveScope(user), query.status ? eq(executives.status, query.status) : undefined), query.page, query.pageSize);
  return { items: rows.map(present), total };
}

export async function executiveDetail(executor: Executor, user: SessionUser, id: string) {
  const row = await findExecutive(executor, id, executiveScope(user));
  if (!row) throw notFound();
  const appraisals = await listAppraisals(executor, id);
  return {
    ...present(row),
    appraisals: appraisals.map((appraisal) => ({
      id: appraisal.id, cycle: appraisal.cycle, targets: appraisal.targets, score: appraisal.score, outcome: appraisal.outcome, newSalary: appraisal.newSalary, newTermEnd: appraisal.newTermEnd,
      at: appraisal.createdAt.toISOString(),
    })),
  };
}

export type AppraisalInput = { cycle: string; targets: string; score: number; outcome: AppraisalOutcome; newSalary: number | null; newTermEnd: string | null; version: number };

/** An appraisal cycle's result and its consequence: renew (a new term end), adjust pay (a new salary) or end the term. */
export async function recordAppraisal(db: Db, actor: Actor, user: SessionUser, id: string, input: AppraisalInput) {
  return db.transaction(async (tx) => {
    const executive = await lockExecutive(tx, id);
    if (!executive) throw notFound();
    if (executive.version !== input.version) throw new AppError(409, 'conflict');
    if (executive.status !== 'serving') throw new AppError(409, 'executiveEnded');
    if (await findAppraisal(tx, id, input.cycle)) throw invalid({ cycle: { code: 'executive.cycleTwice' } });
    if (input.outcome === 'renew' && input.newTermEnd! <= executive.termEnd) throw invalid({ newTermEnd: { code: 'executive.termOrder' } });
    await insertAppraisal(tx, {
      executiveId: id, cycle: input.cycle, targets: input.targets, score: input.score, outcome: input.outcome,
      newSalary: input.outcome === 'adjustPay' ? input.newSalary : null, newTermEnd: input.outcome === 'renew' ? input.newTermEnd : null, recordedBy: user.id,
    });
    const change =
      input.outcome === 'renew' ? { termEnd: input.newTermEnd! } : input.outcome === 'adjustPay' ? { agreementSalary: input.newSalary! } : { status: 'ended' as const };
    await updateExecutive(tx, id, change);
    await recordAudit(tx, actor, { action: 'executive.appraise', targetType: 'executive', targetId: id, changes: { cycle: input.cycle, score: input.score, outcome: input.outcome, ...change } });
    return executiveDetail(tx, user, id);
  });
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The daily job `executiveTerms`: every serving executive whose term ends within `termReminderDays` of `today` and whose
 * current end was not announced yet is announced to the office and the enterprise's accounts (a renewal moves the end,
 * so the new end is announced again when due). One transaction, audited as the system.
 */
export async function remindExecutiveTerms(db: Db, actor: Actor, today: string) {
  return db.transaction(async (tx) => {
    const due = await termsToRemind(tx, addDays(today, termReminderDays));
    if (due.length === 0) return 0;
    const office = await officeStaff(tx);
    for (const row of due) {
      const enterprise = row.executive.enterpriseId ? await subjectAccounts(tx, 'enterprise', row.executive.enterpriseId) : [];
      await notify(tx, [...office, ...enterprise], {
        kind: 'executiveTerm',
        params: { policy: `${row.talentName}（${row.executive.post}）`, subject: row.enterpriseName ?? '', termEnd: row.executive.termEnd },
        link: `/executives/${row.executive.id}`,
      });
      await markReminded(tx, row.executive.id, row.executive.termEnd);
    }
    await recordAudit(tx, actor, { action: 'executive.remind', targetType: 'executive', targetId: null, changes: { executives: due.map((row) => row.executive.id), termEnds: due.map((row) => row.executive.termEnd) } });
    return due.length;
  });
}
