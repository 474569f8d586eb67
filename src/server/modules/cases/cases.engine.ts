/**
 * The case engine (办件): one set of actions for every case type. A case carries its steps (units, 会签 `all` / 或签
 * `any`, time limit in working days); the engine keeps its status, current step, deadline, escalation (督办), the
 * history (internal notes for staff only) and the optimistic version (409 on a stale one). A case type adds what is
 * its own around these calls (a policy's eligibility check and entitlements, a service request's routing), in the
 * same transaction: the engine never commits on its own.
 */
import { addWorkingDays, type ReviewDecision } from '../../../domain/policies/policy';
import { applicationStatusLabels, inBothLanguages } from '../../../domain/policies/messages';
import type { CaseType } from '../../../domain/cases';
import type { ErrorCode } from '../../../domain/i18n';
import type { Db, Executor } from '../../db/client';
import { AppError, invalid } from '../../errors';
import type { Actor, SessionUser } from '../../plugins/auth';
import { recordAudit } from '../audit/audit.service';
import { notify, officeStaff } from '../notifications/notifications.service';
import { insertAction, subjectName, unescalatedOpenCases, unitByCode, unitById, unitsDecided, updateCase, type CaseRow } from './cases.repo';
import { caseLink } from '../../../domain/cases';

/** The refusal codes of each type: policy applications keep the codes their API always answered. */
const refusals: Record<CaseType, Record<'stale' | 'state' | 'notYourStep' | 'alreadyDecided' | 'own', ErrorCode>> = {
  policy: { stale: 'applicationStale', state: 'applicationState', notYourStep: 'reviewNotYourStep', alreadyDecided: 'reviewAlreadyDecided', own: 'reviewOwnApplication' },
  serviceRequest: { stale: 'caseStale', state: 'caseState', notYourStep: 'caseNotYourStep', alreadyDecided: 'reviewAlreadyDecided', own: 'caseOwn' },
  loan: { stale: 'caseStale', state: 'caseState', notYourStep: 'caseNotYourStep', alreadyDecided: 'reviewAlreadyDecided', own: 'loanOwn' },
};

/** The audit action prefix of each type (`application.approve`, `serviceRequest.approve` …). */
export const auditPrefix: Record<CaseType, string> = { policy: 'application', serviceRequest: 'serviceRequest', loan: 'loan' };

export const stateRefusal = (row: CaseRow) =>
  new AppError(409, refusals[row.type].state, inBothLanguages('status', (language) => applicationStatusLabels[row.status][language]));

export function requireVersion(row: CaseRow, version: number) {
  if (row.version !== version) throw new AppError(409, refusals[row.type].stale);
}

/** When the current step is due (its start plus its time limit in working days), and whether it is overdue. */
export function stepDeadline(row: CaseRow, now = new Date()) {
  const step = row.steps[row.stepIndex];
  if (row.status !== 'inReview' || !step) return { dueAt: null, overdue: false };
  const dueAt = addWorkingDays(row.stepStartedAt, step.workingDays);
  return { dueAt: dueAt.toISOString(), overdue: dueAt.getTime() < now.getTime() };
}

/** The requester's own case, or one about them: they may not decide it. */
export const ownCase = (user: SessionUser, row: CaseRow) => row.submittedBy === user.id || (row.subjectKind === 'talent' && row.subjectId === user.talentId);

/** The unit a user acts for on the current step: their own unit if the step names it; the office for an escalated step (act-for). */
export async function actingUnit(executor: Executor, user: SessionUser, row: CaseRow) {
  const step = row.steps[row.stepIndex];
  if (!step) return null;
  if (user.unitId && user.roles.includes('department')) {
    const unit = await unitById(executor, user.unitId);
    if (unit && step.units.includes(unit.code)) return unit;
  }
  if (user.roles.includes('office') && row.escalatedAt) {
    const decided = await unitsDecided(executor, row);
    const code = step.units.find((candidate) => !decided.includes(candidate));
    return (code ? await unitByCode(executor, code) : undefined) ?? null;
  }
  return null;
}

export async function canActNow(executor: Executor, user: SessionUser, row: CaseRow) {
  if (row.status !== 'inReview' || ownCase(user, row)) return false;
  const unit = await actingUnit(executor, user, row);
  return unit !== null && !(await unitsDecided(executor, row)).includes(unit.code);
}

export type StepDecisionInput = { decision: ReviewDecision; comment: string; internalNote: string; version: number };
/** What a decision did: returned, rejected, approved by one unit of a 会签 step (waiting), moved to the next step, or completed. */
export type StepOutcome =
  | { kind: 'returned' | 'rejected' | 'waiting' | 'completed'; unitCode: string }
  | { kind: 'advanced'; unitCode: string; nextUnits: string[] };

/**
 * A unit's decision on the current step of a locked case. 会签 (all) completes when every unit of the step approved,
 * 或签 (any) on the first approval; the last step's completion completes the case (status `approved`). Stale version,
 * a step that is not the unit's, or a second decision of one unit: 409. Writes the state and the history; the caller
 * adds its type's consequences, notices and audit in the same transaction.
 */
export async function decideStep(tx: Executor, user: SessionUser, row: CaseRow, input: StepDecisionInput): Promise<StepOutcome> {
  const codes = refusals[row.type];
  if (ownCase(user, row)) throw new AppError(403, codes.own);
  requireVersion(row, input.version);
  if (row.status !== 'inReview') throw stateRefusal(row);
  if (input.decision !== 'approve' && !input.comment.trim()) throw invalid({ comment: { code: 'review.commentRequired' } });
  const unit = await actingUnit(tx, user, row);
  if (!unit) throw new AppError(409, codes.notYourStep);
  const decided = await unitsDecided(tx, row);
  if (decided.includes(unit.code)) throw new AppError(409, codes.alreadyDecided);
  await insertAction(tx, { caseId: row.id, stepIndex: row.stepIndex, unitId: unit.id, actorId: user.id, action: input.decision, comment: input.comment, internalNote: input.internalNote });
  const next = { version: row.version + 1, updatedAt: new Date() };
  if (input.decision === 'return') {
    await updateCase(tx, row.id, { ...next, status: 'returned' });
    return { kind: 'returned', unitCode: unit.code };
  }
  if (input.decision === 'reject') {
    await updateCase(tx, row.id, { ...next, status: 'rejected', decidedAt: new Date() });
    return { kind: 'rejected', unitCode: unit.code };
  }
  const step = row.steps[row.stepIndex];
  const stepDone = step.mode === 'any' || step.units.every((code) => code === unit.code || decided.includes(code));
  if (!stepDone) {
    await updateCase(tx, row.id, next);
    return { kind: 'waiting', unitCode: unit.code };
  }
  if (row.stepIndex + 1 < row.steps.length) {
    await updateCase(tx, row.id, { ...next, stepIndex: row.stepIndex + 1, stepStartedAt: new Date(), escalatedAt: null });
    return { kind: 'advanced', unitCode: unit.code, nextUnits: row.steps[row.stepIndex + 1].units };
  }
  await updateCase(tx, row.id, { ...next, status: 'approved', decidedAt: new Date() });
  return { kind: 'completed', unitCode: unit.code };
}

/** 补正: the requester sends a returned case again; the step that returned it starts over. The caller checks the content. */
export async function resubmitCase(tx: Executor, user: SessionUser, row: CaseRow, version: number, changes: { form?: Record<string, unknown>; decision?: Record<string, unknown> }) {
  requireVersion(row, version);
  if (row.status !== 'returned') throw stateRefusal(row);
  await updateCase(tx, row.id, { ...changes, status: 'inReview', stepStartedAt: new Date(), escalatedAt: null, version: row.version + 1, updatedAt: new Date() });
  await insertAction(tx, { caseId: row.id, stepIndex: row.stepIndex, actorId: user.id, action: 'resubmit' });
}

/** The requester withdraws an open case. */
export async function withdrawCase(tx: Executor, user: SessionUser, row: CaseRow, version: number) {
  requireVersion(row, version);
  if (row.status !== 'inReview' && row.status !== 'returned') throw stateRefusal(row);
  await updateCase(tx, row.id, { status: 'withdrawn', decidedAt: new Date(), version: version + 1, updatedAt: new Date() });
  await insertAction(tx, { caseId: row.id, stepIndex: row.stepIndex, actorId: user.id, action: 'withdraw' });
}

/**
 * The office moves the current step of an open case to another unit (改派): the step's units become that unit, its time
 * limit starts again, the escalation flag is cleared. Decisions already made on the step stay in the history.
 */
export async function reassignStep(tx: Executor, user: SessionUser, row: CaseRow, input: { unitCode: string; internalNote: string; version: number }) {
  requireVersion(row, input.version);
  if (row.status !== 'inReview') throw stateRefusal(row);
  const unit = await unitByCode(tx, input.unitCode);
  if (!unit) throw invalid({ unitCode: { code: 'case.unitUnknown' } });
  const steps = row.steps.map((step, index) => (index === row.stepIndex ? { ...step, units: [unit.code], mode: 'any' as const } : step));
  await updateCase(tx, row.id, { steps, stepStartedAt: new Date(), escalatedAt: null, version: row.version + 1, updatedAt: new Date() });
  await insertAction(tx, { caseId: row.id, stepIndex: row.stepIndex, unitId: unit.id, actorId: user.id, action: 'reassign', internalNote: input.internalNote });
  return unit;
}

/**
 * Steps past their time limit (working days on the calendar of `addWorkingDays`) are flagged once and escalated to the
 * office (督办), for every case type: one history entry each, the office notified, one audit row per type. Run by the
 * daily work, as the system; reading an inbox changes nothing.
 */
export async function escalateOverdueCases(db: Db, actor: Actor, now = new Date()) {
  return db.transaction(async (tx) => {
    const open = await unescalatedOpenCases(tx);
    const overdue = open.filter(({ row }) => stepDeadline(row, now).overdue);
    if (!overdue.length) return 0;
    const office = await officeStaff(tx);
    for (const { row, policyTitle, categoryName } of overdue) {
      await updateCase(tx, row.id, { escalatedAt: now });
      await insertAction(tx, { caseId: row.id, stepIndex: row.stepIndex, action: 'escalate', internalNote: '超过办理时限，已提交人才办督办' });
      const step = row.steps[row.stepIndex];
      await notify(tx, office, { kind: 'overdue', params: { policy: policyTitle ?? categoryName ?? '', subject: await subjectName(tx, row.subjectKind, row.subjectId), step: step.name }, link: caseLink(row.type, row.id) });
    }
    for (const type of new Set(overdue.map(({ row }) => row.type))) {
      const ids = overdue.filter(({ row }) => row.type === type).map(({ row }) => row.id);
      await recordAudit(tx, actor, { action: `${auditPrefix[type]}.escalate`, targetType: auditPrefix[type], changes: { [`${auditPrefix[type]}s`]: ids } });
    }
    return overdue.length;
  });
}
