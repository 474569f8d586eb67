/**
 * Service requests (诉求) — the second case type of the engine. A category (data) routes a request to a unit by a rule
 * the office edits; the request is one step at that unit with the category's time limit in working days. Raised online
 * by a talent or an enterprise, or recorded at the window by staff on the requester's behalf (代办). A unit's staff see
 * their unit's requests only (another unit's: 404).
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { cases } from '../../db/schema';
import { AppError, invalid, notFound } from '../../errors';
import type { Actor, SessionUser } from '../../plugins/auth';
import { recordAudit } from '../audit/audit.service';
import { notify, officeStaff, subjectAccounts, unitStaff } from '../notifications/notifications.service';
import { actingUnit, canActNow, decideStep, decideSubtask, ownCase, reassignStep, resubmitCase, splitCase, stepDeadline, subtaskDeadline, withdrawCase, type SubtaskInput } from '../cases/cases.engine';
import {
  attachUploads, caseFiles, caseHistory, caseScope, findCase, insertAction, insertCase, listCaseRows, lockCase, subjectName, subtasksOf, unitByCode, unitById, unitNamesOf,
  updateCase, usableUploads, type CaseRow,
} from '../cases/cases.repo';
import {
  atUnit, closedBetween, findCategory, findRating, findRequester, insertRating, listCategoryRows, lockCategory, ratedCondition, requestTimingRows, unitsByCodes, updateCategory,
  wasReopened,
} from './service-requests.repo';
import { addWorkingDays, type ReviewDecision } from '../../../domain/policies/policy';
import { workingDaysBetween } from '../../../domain/calendar';
import { reopenScore, satisfiedScore, type RequestTiming, type SubtaskDecision } from '../../../domain/cases';

const isServiceRequest = eq(cases.type, 'serviceRequest');
const link = (id: string) => `/service-requests/${id}`;
const isStaff = (user: SessionUser) => user.roles.some((role) => role === 'office' || role === 'department' || role === 'leader');

/** Service requests the user may see. */
export function serviceRequestScope(user: SessionUser): SQL {
  return and(isServiceRequest, caseScope(user))!;
}

type Form = { title?: string; text?: string };

export async function listCategories(executor: Executor) {
  const rows = await listCategoryRows(executor);
  return rows.map(({ category, unitName, unitNameEn }) => ({
    code: category.code, name: category.name, nameEn: category.nameEn, unitCode: category.unitCode, unitName, unitNameEn, workingDays: category.workingDays, active: category.active,
    version: category.version,
  }));
}

export type CategoryInput = { unitCode: string; workingDays: number; active?: boolean; categoryName?: string; categoryNameEn?: string; version: number };

/**
 * The office changes a category: its routing rule (unit, time limit), whether it takes new requests, its labels.
 * Requests already raised keep their unit.
 */
export async function routeCategory(db: Db, actor: Actor, code: string, input: CategoryInput) {
  return db.transaction(async (tx) => {
    const category = await lockCategory(tx, code);
    if (!category) throw notFound();
    if (category.version !== input.version) throw new AppError(409, 'caseStale');
    if (!(await unitByCode(tx, input.unitCode))) throw invalid({ unitCode: { code: 'case.unitUnknown' } });
    await updateCategory(tx, code, {
      unitCode: input.unitCode, workingDays: input.workingDays, version: category.version + 1, active: input.active, name: input.categoryName, nameEn: input.categoryNameEn,
    });
    await recordAudit(tx, actor, {
      action: 'serviceRequest.route', targetType: 'serviceRequestCategory', targetId: null,
      changes: { category: code, from: category.unitCode, unit: input.unitCode, workingDays: input.workingDays, active: input.active ?? category.active, name: input.categoryName, nameEn: input.categoryNameEn },
    });
    return (await listCategories(tx)).find((row) => row.code === code)!;
  });
}

export type ServiceRequestInput = {
  requestCategory: string; requestTitle: string; requestText: string; attachmentIds: string[]; requesterKind?: 'talent' | 'enterprise'; requesterId?: string;
};

/** Who the request is about: oneself online (a talent, or enterprise HR's enterprise), or the one named at the window. */
async function requesterFor(executor: Executor, user: SessionUser, input: ServiceRequestInput, onBehalf = false) {
  const window = onBehalf || user.roles.includes('office') || user.roles.includes('department');
  if (window) {
    if (!input.requesterKind || !input.requesterId) throw invalid({ requesterId: { code: 'serviceRequest.subjectRequired' } });
    const found = await findRequester(executor, input.requesterKind, input.requesterId);
    if (!found) throw invalid({ requesterId: { code: 'serviceRequest.subjectUnknown' } });
    return { kind: input.requesterKind, id: found.id, name: found.name, channel: 'window' as const };
  }
  const kind = input.requesterKind ?? (user.talentId ? 'talent' : 'enterprise');
  const id = kind === 'talent' ? user.talentId : user.roles.includes('enterprise') ? user.organisationId : null;
  if (!id || (input.requesterId && input.requesterId !== id)) throw invalid({ requesterId: { code: 'serviceRequest.subjectUnknown' } });
  const found = await findRequester(executor, kind, id);
  if (!found) throw invalid({ requesterId: { code: 'serviceRequest.subjectUnknown' } });
  return { kind, id, name: found.name, channel: 'online' as const };
}

async function attach(executor: Executor, user: SessionUser, caseId: string, attachmentIds: string[]) {
  const usable = await usableUploads(executor, user.id, caseId, attachmentIds);
  const unknown = attachmentIds.findIndex((id) => !usable.some((file) => file.id === id));
  if (unknown >= 0) throw invalid({ [`attachmentIds.${unknown}`]: { code: 'attachment.unknown' } });
  await attachUploads(executor, caseId, usable.map((file) => file.id));
}

/**
 * A new request, routed by its category's rule to one unit, with the category's time limit. `onBehalf`: recorded for
 * the named requester as at the window (a problem a talent raised in a leader's visit, `retention/liaison.service.ts`).
 */
export async function raiseServiceRequest(db: Db, actor: Actor, user: SessionUser, input: ServiceRequestInput, options: { onBehalf?: boolean } = {}) {
  return db.transaction(async (tx) => {
    const category = await findCategory(tx, input.requestCategory);
    if (!category) throw invalid({ requestCategory: { code: 'serviceRequest.categoryUnknown' } });
    if (!category.active) throw invalid({ requestCategory: { code: 'serviceRequest.categoryInactive' } });
    const unit = category.unitCode ? await unitByCode(tx, category.unitCode) : undefined;
    if (!unit) throw new AppError(409, 'serviceRequestUnrouted');
    const requester = await requesterFor(tx, user, input, options.onBehalf);
    const row = await insertCase(tx, {
      type: 'serviceRequest', category: category.code, channel: requester.channel, subjectKind: requester.kind, subjectId: requester.id, round: 'once', status: 'inReview',
      form: { title: input.requestTitle, text: input.requestText }, steps: [{ name: category.name, units: [unit.code], mode: 'any', workingDays: category.workingDays }], submittedBy: user.id,
    });
    await attach(tx, user, row.id, input.attachmentIds);
    await insertAction(tx, { caseId: row.id, stepIndex: 0, actorId: user.id, action: 'submit', comment: requester.channel === 'window' ? '窗口代办' : '' });
    await recordAudit(tx, actor, { action: 'serviceRequest.submit', targetType: 'serviceRequest', targetId: row.id, changes: { category: category.code, unit: unit.code, channel: requester.channel, subject: requester.id } });
    await notify(tx, await unitStaff(tx, [unit.code]), { kind: 'serviceRequest', params: { policy: input.requestTitle, subject: requester.name, event: 'submitted', comment: '' }, link: link(row.id) });
    return serviceRequestDetail(tx, user, row.id);
  });
}

function present(row: CaseRow, names: Map<string, { code: string; name: string; nameEn: string }>, category: { code: string; name: string; nameEn: string }, subject: string) {
  const step = row.steps[row.stepIndex];
  const form = row.form as Form;
  return {
    id: row.id,
    category,
    title: form.title ?? '',
    subject: { kind: row.subjectKind, id: row.subjectId, name: subject },
    channel: row.channel,
    status: row.status,
    unitNames: (step?.units ?? []).map((code) => names.get(code) ?? { code, name: code, nameEn: code }),
    escalated: row.escalatedAt !== null,
    ...stepDeadline(row),
    submittedAt: row.submittedAt.toISOString(),
  };
}

export type ServiceRequestListQuery = {
  page: number; pageSize: number; status?: CaseRow['status']; requestCategory?: string; unitCode?: string; decidedFrom?: string; decidedTo?: string; timing?: RequestTiming;
  rating?: 'rated' | 'satisfied';
};

/** The instant a Beijing date starts (UTC+8, no daylight saving). */
const beijingStart = (date: string) => new Date(`${date}T00:00:00+08:00`);
const dayAfter = (date: string) => new Date(beijingStart(date).getTime() + 24 * 3600 * 1000);

/** Whether a closed request was closed within the time limit of its closing step (working days on the calendar). */
function closedOnTime(row: CaseRow) {
  const step = row.steps[row.stepIndex];
  return !step || !row.decidedAt || row.decidedAt.getTime() <= addWorkingDays(row.stepStartedAt, step.workingDays).getTime();
}

/**
 * The timing filters of the list (the performance table's click-through): deadlines are working days on the calendar,
 * computed in the process, so the matching ids are found among the rows of the other filters (a unit and a period).
 */
async function timingCondition(executor: Executor, where: SQL, timing: RequestTiming) {
  const candidates = await requestTimingRows(executor, and(where, timing === 'overdue' ? eq(cases.status, 'inReview') : inArray(cases.status, ['approved', 'rejected']))!);
  const ids = candidates
    .filter(({ row }) => (timing === 'overdue' ? stepDeadline(row).overdue : closedOnTime(row) === (timing === 'onTime')))
    .map(({ row }) => row.id);
  return ids.length ? inArray(cases.id, ids) : sql`false`;
}

export async function listServiceRequests(executor: Executor, user: SessionUser, query: ServiceRequestListQuery) {
  const conditions: (SQL | undefined)[] = [serviceRequestScope(user)];
  if (query.status) conditions.push(eq(cases.status, query.status));
  if (query.requestCategory) conditions.push(eq(cases.category, query.requestCategory));
  if (query.unitCode) conditions.push(atUnit(query.unitCode));
  if (query.decidedFrom || query.decidedTo) {
    conditions.push(closedBetween(query.decidedFrom ? beijingStart(query.decidedFrom) : new Date(0), query.decidedTo ? dayAfter(query.decidedTo) : new Date(8.64e15)));
  }
  if (query.rating) conditions.push(ratedCondition(query.rating === 'satisfied' ? satisfiedScore : undefined));
  if (query.timing) conditions.push(await timingCondition(executor, and(...conditions)!, query.timing));
  const { rows, total } = await listCaseRows(executor, and(...conditions), query.page, query.pageSize);
  const names = await unitNamesOf(executor, rows.flatMap(({ row }) => row.steps.flatMap((step) => step.units)));
  const items = rows.map(({ row, categoryName, categoryNameEn, subjectName: name }) =>
    present(row, names, { code: row.category ?? '', name: categoryName ?? '', nameEn: categoryNameEn ?? '' }, name),
  );
  return { items, total };
}

export async function serviceRequestDetail(executor: Executor, user: SessionUser, id: string) {
  const row = await findCase(executor, id, serviceRequestScope(user));
  if (!row) throw notFound();
  const category = (await findCategory(executor, row.category!))!;
  const [history, files, names] = await Promise.all([caseHistory(executor, id), caseFiles(executor, id), unitNamesOf(executor, row.steps.flatMap((step) => step.units))]);
  const internal = isStaff(user);
  const mine = row.submittedBy === user.id || (await subjectAccounts(executor, row.subjectKind, row.subjectId)).includes(user.id);
  const [subtasks, rating, reopened] = await Promise.all([subtasksOf(executor, id), findRating(executor, id), wasReopened(executor, id)]);
  const ownUnit = user.unitId && user.roles.includes('department') ? await unitById(executor, user.unitId) : undefined;
  const handlingUnit = row.status === 'inReview' && !ownCase(user, row) ? await actingUnit(executor, user, row) : null;
  const stepState = (index: number) => (index < row.stepIndex || row.status === 'approved' ? 'done' : index === row.stepIndex ? 'current' : 'waiting') as 'done' | 'current' | 'waiting';
  return {
    ...present(row, names, { code: category.code, name: category.name, nameEn: category.nameEn }, await subjectName(executor, row.subjectKind, row.subjectId)),
    text: (row.form as Form).text ?? '',
    steps: row.steps.map((step, index) => ({ ...step, unitNames: step.units.map((code) => names.get(code) ?? { code, name: code, nameEn: code }), state: stepState(index) })),
    history: history.map(({ action, unitName, unitNameEn, actorName }) => ({
      action: action.action,
      unit: unitName,
      unitEn: unitNameEn,
      // the requester sees what was done and the replies meant for them, not who inside handled it nor internal notes
      actor: internal ? actorName : null,
      comment: action.comment,
      internalNote: internal ? action.internalNote : null,
      at: action.at.toISOString(),
    })),
    attachments: files.map((file) => ({ id: file.id, requirement: file.requirement, fileName: file.fileName, mediaType: file.mediaType, size: file.size })),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    version: row.version,
    subtasks: subtasks.map(({ subtask, unitName, unitNameEn }) => ({
      id: subtask.id,
      unit: { code: subtask.unitCode, name: unitName ?? subtask.unitCode, nameEn: unitNameEn ?? subtask.unitCode },
      task: subtask.task,
      workingDays: subtask.workingDays,
      status: subtask.status,
      note: subtask.note,
      startedAt: subtask.startedAt.toISOString(),
      ...subtaskDeadline(subtask),
      escalated: subtask.escalatedAt !== null,
      decidedAt: subtask.decidedAt?.toISOString() ?? null,
      canDecide:
        row.status === 'inReview' && subtask.status === 'open' && !ownCase(user, row) &&
        (ownUnit?.code === subtask.unitCode || (user.roles.includes('office') && subtask.escalatedAt !== null)),
    })),
    rating: rating ? { score: rating.score, comment: rating.comment, ratedAt: rating.ratedAt.toISOString() } : null,
    reopened,
    permissions: {
      handle: await canActNow(executor, user, row),
      resubmit: row.status === 'returned' && mine,
      withdraw: (row.status === 'inReview' || row.status === 'returned') && mine,
      reassign: row.status === 'inReview' && user.roles.includes('office'),
      split: row.status === 'inReview' && (handlingUnit !== null || user.roles.includes('office')) && !ownCase(user, row),
      rate: row.status === 'approved' && mine && !rating,
      reopen: row.status === 'approved' && mine && !!rating && rating.score <= reopenScore && !reopened,
    },
  };
}

const requesterAccounts = async (executor: Executor, row: CaseRow) => [row.submittedBy, ...(await subjectAccounts(executor, row.subjectKind, row.subjectId))];

/** A unit handles the request: 办结 (approve, with the reply as comment), 退回补正 (return) or 不予受理 (reject). */
export async function decideServiceRequest(db: Db, actor: Actor, user: SessionUser, id: string, input: { decision: ReviewDecision; comment: string; internalNote: string; version: number }) {
  return db.transaction(async (tx) => {
    const row = await lockCase(tx, id, serviceRequestScope(user));
    if (!row) throw notFound();
    const outcome = await decideStep(tx, user, row, input);
    const title = (row.form as Form).title ?? '';
    const subject = await subjectName(tx, row.subjectKind, row.subjectId);
    const event = ({ returned: 'returned', rejected: 'rejected', completed: 'handled' } as const)[outcome.kind as 'returned' | 'rejected' | 'completed'];
    if (event) await notify(tx, await requesterAccounts(tx, row), { kind: 'serviceRequest', params: { policy: title, subject, event, comment: input.comment }, link: link(id) });
    await recordAudit(tx, actor, { action: `serviceRequest.${input.decision}`, targetType: 'serviceRequest', targetId: id, changes: { step: row.stepIndex, unit: outcome.unitCode, comment: input.comment } });
    return serviceRequestDetail(tx, user, id);
  });
}

/** The requester who may change it: the one who raised it, or the accounts of the one it is about. */
async function lockOwn(tx: Executor, user: SessionUser, id: string) {
  const row = await lockCase(tx, id, serviceRequestScope(user));
  if (!row || !(await requesterAccounts(tx, row)).includes(user.id)) throw notFound();
  return row;
}

/** 补正: the requester corrects a returned request; the unit's step starts over. */
export async function resubmitServiceRequest(db: Db, actor: Actor, user: SessionUser, id: string, input: { requestText: string; attachmentIds: string[]; version: number }) {
  return db.transaction(async (tx) => {
    const row = await lockOwn(tx, user, id);
    await resubmitCase(tx, user, row, input.version, { form: { ...(row.form as Form), text: input.requestText } });
    await attach(tx, user, id, input.attachmentIds);
    await recordAudit(tx, actor, { action: 'serviceRequest.resubmit', targetType: 'serviceRequest', targetId: id });
    const subject = await subjectName(tx, row.subjectKind, row.subjectId);
    await notify(tx, await unitStaff(tx, row.steps[row.stepIndex].units), { kind: 'serviceRequest', params: { policy: (row.form as Form).title ?? '', subject, event: 'resubmitted', comment: '' }, link: link(id) });
    return serviceRequestDetail(tx, user, id);
  });
}

export async function withdrawServiceRequest(db: Db, actor: Actor, user: SessionUser, id: string, version: number) {
  return db.transaction(async (tx) => {
    const row = await lockOwn(tx, user, id);
    await withdrawCase(tx, user, row, version);
    await recordAudit(tx, actor, { action: 'serviceRequest.withdraw', targetType: 'serviceRequest', targetId: id });
    return serviceRequestDetail(tx, user, id);
  });
}

/** The office moves an open request to another unit (改派); the new unit is told. */
export async function reassignServiceRequest(db: Db, actor: Actor, user: SessionUser, id: string, input: { unitCode: string; internalNote: string; version: number }) {
  return db.transaction(async (tx) => {
    const row = await lockCase(tx, id, serviceRequestScope(user));
    if (!row) throw notFound();
    const unit = await reassignStep(tx, user, row, input);
    const subject = await subjectName(tx, row.subjectKind, row.subjectId);
    await notify(tx, await unitStaff(tx, [unit.code]), { kind: 'serviceRequest', params: { policy: (row.form as Form).title ?? '', subject, event: 'reassigned', comment: '' }, link: link(id) });
    await recordAudit(tx, actor, { action: 'serviceRequest.reassign', targetType: 'serviceRequest', targetId: id, changes: { from: row.steps[row.stepIndex]?.units, unit: unit.code } });
    return serviceRequestDetail(tx, user, id);
  });
}

/** 联办: the handling unit (or the office) hands parts of an open request to other units; each unit is told. */
export async function splitServiceRequest(db: Db, actor: Actor, user: SessionUser, id: string, input: { subtasks: SubtaskInput[]; version: number }) {
  return db.transaction(async (tx) => {
    const row = await lockCase(tx, id, serviceRequestScope(user));
    if (!row) throw notFound();
    const created = await splitCase(tx, user, row, input);
    const subject = await subjectName(tx, row.subjectKind, row.subjectId);
    for (const subtask of created) {
      await notify(tx, await unitStaff(tx, [subtask.unitCode]), { kind: 'serviceRequest', params: { policy: (row.form as Form).title ?? '', subject, event: 'subtask', comment: subtask.task }, link: link(id) });
    }
    await recordAudit(tx, actor, { action: 'serviceRequest.split', targetType: 'serviceRequest', targetId: id, changes: { subtasks: input.subtasks } });
    return serviceRequestDetail(tx, user, id);
  });
}

/** A 联办 unit ends its sub-task: done or returned; the handling unit is told. */
export async function decideServiceSubtask(db: Db, actor: Actor, user: SessionUser, id: string, subtaskId: string, input: { decision: SubtaskDecision; note: string }) {
  return db.transaction(async (tx) => {
    const row = await lockCase(tx, id, serviceRequestScope(user));
    if (!row) throw notFound();
    const subtask = await decideSubtask(tx, user, row, subtaskId, input);
    if (!subtask) throw notFound();
    const subject = await subjectName(tx, row.subjectKind, row.subjectId);
    await notify(tx, await unitStaff(tx, row.steps[row.stepIndex]?.units ?? []), { kind: 'serviceRequest', params: { policy: (row.form as Form).title ?? '', subject, event: 'subtaskEnded', comment: input.note }, link: link(id) });
    await recordAudit(tx, actor, { action: `serviceRequest.subtask.${input.decision}`, targetType: 'serviceRequest', targetId: id, changes: { subtask: subtaskId, unit: subtask.unitCode, note: input.note } });
    return serviceRequestDetail(tx, user, id);
  });
}

/** 好差评: the requester rates a closed (已办结) request once, with a comment. */
export async function rateServiceRequest(db: Db, actor: Actor, user: SessionUser, id: string, input: { score: number; comment: string }) {
  return db.transaction(async (tx) => {
    const row = await lockOwn(tx, user, id);
    if (row.status !== 'approved') throw new AppError(409, 'caseNotRatable');
    if (!(await insertRating(tx, { caseId: id, score: input.score, comment: input.comment, ratedBy: user.id }))) throw new AppError(409, 'caseRatedOnce');
    await insertAction(tx, { caseId: id, stepIndex: row.stepIndex, actorId: user.id, action: 'rate', comment: input.comment });
    await recordAudit(tx, actor, { action: 'serviceRequest.rate', targetType: 'serviceRequest', targetId: id, changes: { score: input.score, comment: input.comment } });
    return serviceRequestDetail(tx, user, id);
  });
}

/**
 * After an unsatisfied rating (不满意 or 非常不满意) the requester reopens a closed request once: it goes back to the
 * unit of its last step, whose time limit starts again; the office and the unit are told. A second reopen: 409.
 */
export async function reopenServiceRequest(db: Db, actor: Actor, user: SessionUser, id: string, input: { comment: string; version: number }) {
  return db.transaction(async (tx) => {
    const row = await lockOwn(tx, user, id);
    if (await wasReopened(tx, id)) throw new AppError(409, 'caseReopenedOnce');
    if (row.version !== input.version) throw new AppError(409, 'caseStale');
    const rating = await findRating(tx, id);
    if (row.status !== 'approved' || !rating || rating.score > reopenScore) throw new AppError(409, 'caseReopenNotAllowed');
    const now = new Date();
    await updateCase(tx, id, { status: 'inReview', stepStartedAt: now, escalatedAt: null, decidedAt: null, version: row.version + 1, updatedAt: now });
    await insertAction(tx, { caseId: id, stepIndex: row.stepIndex, actorId: user.id, action: 'reopen', comment: input.comment });
    const subject = await subjectName(tx, row.subjectKind, row.subjectId);
    const told = new Set([...(await officeStaff(tx)), ...(await unitStaff(tx, row.steps[row.stepIndex]?.units ?? []))]);
    await notify(tx, told, { kind: 'serviceRequest', params: { policy: (row.form as Form).title ?? '', subject, event: 'reopened', comment: input.comment }, link: link(id) });
    await recordAudit(tx, actor, { action: 'serviceRequest.reopen', targetType: 'serviceRequest', targetId: id, changes: { score: rating.score, comment: input.comment } });
    return serviceRequestDetail(tx, user, id);
  });
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * The unit performance table for a period (Beijing dates, both included): per unit, the requests closed in it, the share
 * closed within the time limit, the average working days from submission to closing, the ratings of those requests
 * (share 满意+ and average score), and the requests open and overdue now. Counted from the records (cases, their
 * ratings) for the period only; a unit's staff get their own unit's row.
 */
export async function servicePerformance(executor: Executor, user: SessionUser, query: { from: string; to: string }) {
  if (query.to < query.from) throw invalid({ to: { code: 'serviceRequest.periodOrder' } });
  const scoped = !user.roles.includes('office') && !user.roles.includes('leader');
  const own = scoped && user.unitId ? await unitById(executor, user.unitId) : undefined;
  if (scoped && !own) return { ...query, rows: [] };
  const unitFilter = own ? atUnit(own.code) : undefined;
  const [closed, open] = await Promise.all([
    requestTimingRows(executor, and(closedBetween(beijingStart(query.from), dayAfter(query.to)), unitFilter)!),
    requestTimingRows(executor, and(eq(cases.status, 'inReview'), unitFilter)!),
  ]);
  const figures = new Map<string, { handled: number; onTime: number; days: number; rated: number; satisfied: number; scores: number; open: number; overdue: number }>();
  const of = (code: string) => {
    let entry = figures.get(code);
    if (!entry) figures.set(code, (entry = { handled: 0, onTime: 0, days: 0, rated: 0, satisfied: 0, scores: 0, open: 0, overdue: 0 }));
    return entry;
  };
  for (const { row, unitCode, score } of closed) {
    const entry = of(unitCode);
    entry.handled += 1;
    if (closedOnTime(row)) entry.onTime += 1;
    entry.days += workingDaysBetween(row.submittedAt, row.decidedAt ?? row.submittedAt);
    if (score !== null) {
      entry.rated += 1;
      entry.scores += score;
      if (score >= satisfiedScore) entry.satisfied += 1;
    }
  }
  for (const { row, unitCode } of open) {
    const entry = of(unitCode);
    entry.open += 1;
    if (stepDeadline(row).overdue) entry.overdue += 1;
  }
  const names = await unitsByCodes(executor, [...figures.keys()]);
  return {
    ...query,
    rows: names.map((unit) => {
      const entry = figures.get(unit.code)!;
      return {
        unitCode: unit.code, unitName: unit.name, unitNameEn: unit.nameEn,
        handled: entry.handled,
        onTime: entry.onTime,
        onTimeRate: entry.handled ? round(entry.onTime / entry.handled, 4) : null,
        averageWorkingDays: entry.handled ? round(entry.days / entry.handled, 1) : null,
        rated: entry.rated,
        satisfied: entry.satisfied,
        satisfiedRate: entry.rated ? round(entry.satisfied / entry.rated, 4) : null,
        averageScore: entry.rated ? round(entry.scores / entry.rated, 2) : null,
        open: entry.open,
        overdue: entry.overdue,
      };
    }),
  };
}
