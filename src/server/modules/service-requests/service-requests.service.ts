/**
 * Service requests (诉求) — the second case type of the engine. A category (data) routes a request to a unit by a rule
 * the office edits; the request is one step at that unit with the category's time limit in working days. Raised online
 * by a talent or an enterprise, or recorded at the window by staff on the requester's behalf (代办). A unit's staff see
 * their unit's requests only (another unit's: 404).
 */
import { and, eq, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { cases } from '../../db/schema';
import { AppError, invalid, notFound } from '../../errors';
import type { Actor, SessionUser } from '../../plugins/auth';
import { recordAudit } from '../audit/audit.service';
import { notify, subjectAccounts, unitStaff } from '../notifications/notifications.service';
import { canActNow, decideStep, reassignStep, resubmitCase, stepDeadline, withdrawCase } from '../cases/cases.engine';
import {
  attachUploads, caseFiles, caseHistory, caseScope, findCase, insertAction, insertCase, listCaseRows, lockCase, subjectName, unitByCode, unitNamesOf, usableUploads, type CaseRow,
} from '../cases/cases.repo';
import { findCategory, findRequester, listCategoryRows, lockCategory, updateCategory } from './service-requests.repo';
import type { ReviewDecision } from '../../../domain/policies/policy';

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
    code: category.code, name: category.name, nameEn: category.nameEn, unitCode: category.unitCode, unitName, unitNameEn, workingDays: category.workingDays, version: category.version,
  }));
}

/** The office changes a category's routing rule: its unit and time limit. Requests already raised keep their unit. */
export async function routeCategory(db: Db, actor: Actor, code: string, input: { unitCode: string; workingDays: number; version: number }) {
  return db.transaction(async (tx) => {
    const category = await lockCategory(tx, code);
    if (!category) throw notFound();
    if (category.version !== input.version) throw new AppError(409, 'caseStale');
    if (!(await unitByCode(tx, input.unitCode))) throw invalid({ unitCode: { code: 'case.unitUnknown' } });
    await updateCategory(tx, code, { unitCode: input.unitCode, workingDays: input.workingDays, version: category.version + 1 });
    await recordAudit(tx, actor, { action: 'serviceRequest.route', targetType: 'serviceRequestCategory', targetId: null, changes: { category: code, from: category.unitCode, unit: input.unitCode, workingDays: input.workingDays } });
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

export type ServiceRequestListQuery = { page: number; pageSize: number; status?: CaseRow['status']; requestCategory?: string };

export async function listServiceRequests(executor: Executor, user: SessionUser, query: ServiceRequestListQuery) {
  const conditions: (SQL | undefined)[] = [serviceRequestScope(user)];
  if (query.status) conditions.push(eq(cases.status, query.status));
  if (query.requestCategory) conditions.push(eq(cases.category, query.requestCategory));
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
    permissions: {
      handle: await canActNow(executor, user, row),
      resubmit: row.status === 'returned' && mine,
      withdraw: (row.status === 'inReview' || row.status === 'returned') && mine,
      reassign: row.status === 'inReview' && user.roles.includes('office'),
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
