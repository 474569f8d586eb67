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
import {
  insertAction, insertSubtasks, lockSubtask, openSubtaskUnits, subjectName, unescalatedOpenCases, unescalatedOpenSubtasks, unitByCode, unitById, unitsDecided, updateCase, updateSubtask,
  type CaseRow, type SubtaskRow,
} from './cases.repo';
import type { SubtaskDecision } from '../../../domain/cases';
import { caseLink } from '../../../domain/cases';

/** The refusal codes of each type: policy applications keep the codes their API always answered. */
const refusals: Record<CaseType, Record<'stale' | 'state' | 'notYourStep' | 'alreadyDecided' | 'own', ErrorCode>> = {
  policy: { stale: 'applicationStale', state: 'applicationState', notYourStep: 'reviewNotYourStep', alreadyDecided: 'reviewAlreadyDecided', own: 'reviewOwnApplication' },
  serviceRequest: { stale: 'caseStale', state: 'caseState', notYourStep: 'caseNotYourStep', alreadyDecided: 'reviewAlreadyDecided', own: 'caseOwn' },
  apartment: { stale: 'caseStale', state: 'caseState', notYourStep: 'caseNotYourStep', alreadyDecided: 'reviewAlreadyDecided', own: 'caseOwn' },
  loan: { stale: 'caseStale', state: 'caseState', notYourStep: 'caseNotYourStep', alreadyDecided: 'reviewAlreadyDecided', own: 'loanOwn' },
};

/** The audit action prefix of each type (`application.approve`, `serviceRequest.approve` …). */
export const auditPrefix: Record<CaseType, string> = { policy: 'application', serviceRequest: 'serviceRequest', apartment: 'apartmentApplication', loan: 'loan' };
/** The audit target type and the key of the escalated ids in an `*.escalate` row, per type. */
const escalationTarget: Record<CaseType, { targetType: string; key: string }> = {
  policy: { targetType: 'application', key: 'applications' },
  serviceRequest: { targetType: 'serviceRequest', key: 'serviceRequests' },
  apartment: { targetType: 'apartmentApplication', key: 'apartmentApplications' },
  loan: { targetType: 'loan', key: 'loans' },
};

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
  // 联办: the case closes when every sub-task is ended, not before (a return to the requester is still possible)
  if (input.decision !== 'return' && (await openSubtaskUnits(tx, row.id)).length) throw new AppError(409, 'caseSubtasksOpen');
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

/** When a 联办 sub-task is due (its start plus its time limit in working days), and whether it is overdue. */
export function subtaskDeadline(subtask: SubtaskRow, now = new Date()) {
  if (subtask.status !== 'open') return { dueAt: addWorkingDays(subtask.startedAt, subtask.workingDays).toISOString(), overdue: false };
  const dueAt = addWorkingDays(subtask.startedAt, subtask.workingDays);
  return { dueAt: dueAt.toISOString(), overdue: dueAt.getTime() < now.getTime() };
}

export type SubtaskInput = { unitCode: string; task: string; workingDays: number };

/**
 * 联办: the handling unit of the current step (or the office) hands parts of an open case to other units, each with what
 * to do and a time limit in working days. A unit gets one open sub-task per case, never the handling unit itself. The
 * case sees the history entry `split` per sub-task; the caller notifies the units.
 */
export async function splitCase(tx: Executor, user: SessionUser, row: CaseRow, input: { subtasks: SubtaskInput[]; version: number }) {
  const codes = refusals[row.type];
  if (ownCase(user, row)) throw new AppError(403, codes.own);
  requireVersion(row, input.version);
  if (row.status !== 'inReview') throw stateRefusal(row);
  const unit = await actingUnit(tx, user, row);
  if (!unit && !user.roles.includes('office')) throw new AppError(409, codes.notYourStep);
  const stepUnits = row.steps[row.stepIndex]?.units ?? [];
  const open = await openSubtaskUnits(tx, row.id);
  const fields: Record<string, { code: 'case.unitUnknown' | 'subtask.unitSame' | 'subtask.unitTwice' }> = {};
  const found: { id: string; code: string }[] = [];
  for (const [index, subtask] of input.subtasks.entries()) {
    const target = await unitByCode(tx, subtask.unitCode);
    if (!target) fields[`subtasks.${index}.unitCode`] = { code: 'case.unitUnknown' };
    else if (stepUnits.includes(target.code)) fields[`subtasks.${index}.unitCode`] = { code: 'subtask.unitSame' };
    else if (open.includes(target.code) || input.subtasks.findIndex((other) => other.unitCode === subtask.unitCode) !== index) fields[`subtasks.${index}.unitCode`] = { code: 'subtask.unitTwice' };
    else found.push({ id: target.id, code: target.code });
  }
  if (Object.keys(fields).length) throw invalid(fields);
  const now = new Date();
  const created = await insertSubtasks(tx, input.subtasks.map((subtask) => ({ caseId: row.id, unitCode: subtask.unitCode, task: subtask.task, workingDays: subtask.workingDays, startedAt: now, createdBy: user.id })));
  for (const [index, subtask] of input.subtasks.entries()) {
    await insertAction(tx, { caseId: row.id, stepIndex: row.stepIndex, unitId: found[index].id, actorId: user.id, action: 'split', comment: subtask.task });
  }
  await updateCase(tx, row.id, { version: row.version + 1, updatedAt: now });
  return created;
}

/**
 * A sub-task's unit ends it: done (with a note) or returned to the handling unit (the note says why). The office may act
 * for the unit once the sub-task is escalated. A sub-task ended already: 409; another unit's: 409.
 */
export async function decideSubtask(tx: Executor, user: SessionUser, row: CaseRow, subtaskId: string, input: { decision: SubtaskDecision; note: string }) {
  if (ownCase(user, row)) throw new AppError(403, refusals[row.type].own);
  const subtask = await lockSubtask(tx, row.id, subtaskId);
  if (!subtask) return null;
  if (row.status !== 'inReview') throw stateRefusal(row);
  if (subtask.status !== 'open') throw new AppError(409, 'subtaskState');
  const own = user.unitId && user.roles.includes('department') ? await unitById(tx, user.unitId) : undefined;
  const mine = own?.code === subtask.unitCode;
  if (!mine && !(user.roles.includes('office') && subtask.escalatedAt)) throw new AppError(409, 'subtaskNotYours');
  if (input.decision === 'return' && !input.note.trim()) throw invalid({ note: { code: 'subtask.noteRequired' } });
  const unit = await unitByCode(tx, subtask.unitCode);
  const now = new Date();
  await updateSubtask(tx, subtask.id, { status: input.decision === 'done' ? 'done' : 'returned', note: input.note, decidedBy: user.id, decidedAt: now });
  await insertAction(tx, { caseId: row.id, stepIndex: row.stepIndex, unitId: unit?.id ?? null, actorId: user.id, action: input.decision === 'done' ? 'subtaskDone' : 'subtaskReturn', comment: input.note });
  await updateCase(tx, row.id, { version: row.version + 1, updatedAt: now });
  return subtask;
}

/**
 * Steps and 联办 sub-tasks past their time limit (working days on the calendar of `addWorkingDays`) are flagged once and
 * escalated to the office (督办), for every case type: one history entry each, the office notified, one audit row per type. Run by the
 * daily work, as the system; reading an inbox changes nothing.
 */
export async function escalateOverdueCases(db: Db, actor: Actor, now = new Date()) {
  return db.transaction(async (tx) => {
    const open = await unescalatedOpenCases(tx);
    const overdue = open.filter(({ row }) => stepDeadline(row, now).overdue);
    const office = await officeStaff(tx);
    for (const { row, policyTitle, categoryName } of overdue) {
      await updateCase(tx, row.id, { escalatedAt: now });
      await insertAction(tx, { caseId: row.id, stepIndex: row.stepIndex, action: 'escalate', internalNote: '超过办理时限，已提交人才办督办' });
      const step = row.steps[row.stepIndex];
      await notify(tx, office, { kind: 'overdue', params: { policy: policyTitle ?? categoryName ?? '', subject: await subjectName(tx, row.subjectKind, row.subjectId), step: step.name }, link: caseLink(row.type, row.id) });
    }
    // 联办 sub-tasks past their own time limit, flagged once each like a step
    const lateSubtasks = (await unescalatedOpenSubtasks(tx)).filter(({ subtask }) => subtaskDeadline(subtask, now).overdue);
    for (const { subtask, row, unitId, categoryName } of lateSubtasks) {
      await updateSubtask(tx, subtask.id, { escalatedAt: now });
      await insertAction(tx, { caseId: row.id, stepIndex: row.stepIndex, unitId, action: 'escalate', internalNote: '联办事项超过办理时限，已提交人才办督办' });
      await notify(tx, office, { kind: 'overdue', params: { policy: categoryName ?? '', subject: await subjectName(tx, row.subjectKind, row.subjectId), step: subtask.task }, link: caseLink(row.type, row.id) });
    }
    const escalated = [...overdue.map(({ row }) => row), ...lateSubtasks.map(({ row }) => row)];
    for (const type of new Set(escalated.map((row) => row.type))) {
      const ids = [...new Set(escalated.filter((row) => row.type === type).map((row) => row.id))];
      await recordAudit(tx, actor, { action: `${auditPrefix[type]}.escalate`, targetType: escalationTarget[type].targetType, changes: { [escalationTarget[type].key]: ids } });
    }
    return overdue.length + lateSubtasks.length;
  });
}
