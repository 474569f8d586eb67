/**
 * Skills training (技能培训): order-based training (订单式培训) — an enterprise files a skill order, the office matches a
 * provider and opens a class, trainees enrol (from the registry, or registered there first), attend, are assessed and
 * certified (the certificate is written onto the talent's profile), and are placed into the ordering enterprise (the
 * talent's employer updated through the registry's own update, audited there too). Also a school's enterprise order
 * classes (企业订单班) and management programmes (高级管理人才研修班) with sessions and participants.
 *
 * Scope: the office, leaders and departments read everything; an enterprise its own orders and classes (another's: 404).
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import { fulfilmentRate, trainingProviderKinds, type TrainingClassKind } from '../../../domain/growth';
import { trainingOrderStatusLabels } from '../../../domain/growth-messages';
import { can } from '../../../domain/permissions';
import { inBothLanguages } from '../../../domain/policies/messages';
import { talentInput, type TalentInput } from '../../../domain/talent';
import { parseIdNumber } from '../../../domain/validators/id-number';
import type { Db, Executor } from '../../db/client';
import { trainingClasses, trainingOrders } from '../../db/schema';
import { AppError, invalid, notFound, type FieldProblem } from '../../errors';
import type { Actor, SessionUser } from '../../plugins/auth';
import type { Secrets } from '../../security/secrets';
import { recordAudit } from '../audit/audit.service';
import { talentReadScope } from '../talents/talents.policies';
import { readSheetRows } from '../imports/imports.workbook';
import { findByIdNumberHash, findTalent, loadTalentChildren } from '../talents/talents.repo';
import { createTalent, problemsOfIssues, updateTalent } from '../talents/talents.service';
import {
  certificatesInYear, classesOfOrder, enrolmentsOfClass, findClass, findEnrolment, findEnrolmentOf, findOrder, findOrganisation, findSession, insertClass, insertEnrolments,
  insertOrder, insertSession, listClasses, listOrders, listProviders, lockClass, lockOrder, sessionsOfClass, setAttendance, trainingOfTalent, updateEnrolment, updateOrder,
  type ClassFilters, type ListedClass, type ListedOrder, type OrderFilters,
} from './training.repo';
import type { ClassInput, OrderInput } from './training.schemas';

const today = () => new Date().toISOString().slice(0, 10);
const readsAll = (user: SessionUser) => user.roles.some((role) => role === 'office' || role === 'leader' || role === 'department');

/** Orders the user may see: all for staff, an enterprise's own. */
export function orderScope(user: SessionUser): SQL | undefined {
  if (readsAll(user)) return undefined;
  if (user.roles.includes('enterprise') && user.organisationId) return eq(trainingOrders.enterpriseId, user.organisationId);
  return sql`false`;
}

/** Classes the user may see: all for staff, an enterprise's own (its orders' classes, its enterprise order classes). */
export function classScope(user: SessionUser): SQL | undefined {
  if (readsAll(user)) return undefined;
  if (user.roles.includes('enterprise') && user.organisationId) return eq(trainingClasses.enterpriseId, user.organisationId);
  return sql`false`;
}

const manages = (user: SessionUser) => can(user.roles, 'training.manage');
const named = (id: string | null, name: string | null) => (id && name ? { id, name } : null);

export const listTrainingProviders = (executor: Executor) => listProviders(executor);

function presentOrder(row: ListedOrder) {
  const { order } = row;
  return {
    id: order.id,
    enterprise: { id: order.enterpriseId, name: row.enterpriseName },
    skill: order.skill,
    headcount: order.headcount,
    deadline: order.deadline,
    demandId: order.demandId,
    provider: named(order.providerId, row.providerName),
    status: order.status,
    enrolled: row.enrolled,
    certified: row.certified,
    placed: row.placed,
    fulfilmentRate: fulfilmentRate(row.placed, order.headcount),
    createdAt: order.createdAt.toISOString(),
  };
}

function presentClass(row: ListedClass) {
  const item = row.trainingClass;
  return {
    id: item.id,
    kind: item.kind,
    name: item.name,
    orderId: item.orderId,
    provider: { id: item.providerId, name: row.providerName },
    enterprise: named(item.enterpriseId, row.enterpriseName),
    skill: item.skill,
    certificateName: item.certificateName,
    certificateLevel: item.certificateLevel,
    startsOn: item.startsOn,
    endsOn: item.endsOn,
    status: item.status,
    trainees: row.trainees,
    certified: row.certified,
    placed: row.placed,
  };
}

export async function listTrainingOrders(executor: Executor, user: SessionUser, query: { page: number; pageSize: number } & OrderFilters) {
  const { page, pageSize, ...filters } = query;
  const result = await listOrders(executor, { page, pageSize, filters }, orderScope(user));
  return { items: result.items.map(presentOrder), total: result.total };
}

export async function trainingOrderDetail(executor: Executor, user: SessionUser, id: string) {
  const row = await findOrder(executor, id, orderScope(user));
  if (!row) throw notFound();
  const classes = await classesOfOrder(executor, id);
  return { ...presentOrder(row), note: row.order.note, classes: classes.map(presentClass), version: row.order.version, permissions: { manage: manages(user) } };
}

async function enterpriseProblem(executor: Executor, id: string | null | undefined, field: string, problems: Record<string, FieldProblem>) {
  if (!id) return;
  const organisation = await findOrganisation(executor, id);
  if (organisation?.kind !== 'enterprise') problems[field] = { code: 'training.notEnterprise' };
}

/** An enterprise files a skill order for itself; the office files one for an enterprise it names. */
export async function fileTrainingOrder(db: Db, actor: Actor, user: SessionUser, input: OrderInput) {
  const forItself = !user.roles.includes('office');
  const enterpriseId = forItself ? user.organisationId : input.enterpriseId;
  const problems: Record<string, FieldProblem> = {};
  if (!enterpriseId) problems.enterpriseId = { code: 'required' };
  else if (!forItself) await enterpriseProblem(db, enterpriseId, 'enterpriseId', problems);
  if (input.deadline < today()) problems.deadline = { code: 'date.past' };
  if (Object.keys(problems).length || !enterpriseId) throw invalid(problems);
  return db.transaction(async (tx) => {
    const row = await insertOrder(tx, { enterpriseId, skill: input.skill, headcount: input.headcount, deadline: input.deadline, demandId: input.demandId ?? null, note: input.note, createdBy: actor.userId });
    await recordAudit(tx, actor, { action: 'trainingOrder.create', targetType: 'trainingOrder', targetId: row.id, changes: { enterpriseId, skill: input.skill, headcount: input.headcount, deadline: input.deadline, demandId: input.demandId ?? null } });
    return trainingOrderDetail(tx, user, row.id);
  });
}

async function providerProblem(executor: Executor, id: string, problems: Record<string, FieldProblem>) {
  const organisation = await findOrganisation(executor, id);
  if (!organisation || !(trainingProviderKinds as readonly string[]).includes(organisation.kind)) problems.providerId = { code: 'training.providerKind' };
}

/** The office matches a provider (a college, university or institute) to an order. */
export async function matchTrainingProvider(db: Db, actor: Actor, user: SessionUser, id: string, input: { providerId: string; version: number }) {
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, id, orderScope(user));
    if (!order) throw notFound();
    if (order.status === 'closed') throw new AppError(409, 'trainingOrderState', inBothLanguages('status', (language) => trainingOrderStatusLabels[order.status][language]));
    if (order.version !== input.version) throw new AppError(409, 'conflict');
    const problems: Record<string, FieldProblem> = {};
    await providerProblem(tx, input.providerId, problems);
    if (Object.keys(problems).length) throw invalid(problems);
    await updateOrder(tx, id, { providerId: input.providerId, status: 'matched' });
    await recordAudit(tx, actor, { action: 'trainingOrder.match', targetType: 'trainingOrder', targetId: id, changes: { providerId: { from: order.providerId, to: input.providerId } } });
    return trainingOrderDetail(tx, user, id);
  });
}

export async function listTrainingClasses(executor: Executor, user: SessionUser, query: { page: number; pageSize: number } & ClassFilters) {
  const { page, pageSize, ...filters } = query;
  const result = await listClasses(executor, { page, pageSize, filters }, classScope(user));
  return { items: result.items.map(presentClass), total: result.total };
}

export async function trainingClassDetail(executor: Executor, user: SessionUser, id: string) {
  const row = await findClass(executor, id, classScope(user));
  if (!row) throw notFound();
  const [sessions, enrolments, order] = await Promise.all([
    sessionsOfClass(executor, id),
    enrolmentsOfClass(executor, id),
    row.trainingClass.orderId ? findOrder(executor, row.trainingClass.orderId, undefined) : null,
  ]);
  return {
    ...presentClass(row),
    order: order ? { id: order.order.id, skill: order.order.skill, headcount: order.order.headcount } : null,
    sessions: sessions.map((session) => ({ id: session.id, heldOn: session.heldOn, topic: session.topic, lecturer: session.lecturer, present: session.present })),
    enrolments: enrolments.map(({ enrolment, talentName, placedName, attended }) => ({
      id: enrolment.id,
      classId: enrolment.classId,
      talent: { id: enrolment.talentId, name: talentName },
      enrolledOn: enrolment.enrolledOn,
      attended,
      sessions: sessions.length,
      assessmentScore: enrolment.assessmentScore,
      assessmentPassed: enrolment.assessmentPassed,
      assessedOn: enrolment.assessedOn,
      certificateNumber: enrolment.certificateNumber,
      certificateIssuedOn: enrolment.certificateIssuedOn,
      placedEnterprise: named(enrolment.placedEnterpriseId, placedName),
      placedOn: enrolment.placedOn,
      version: enrolment.version,
    })),
    version: row.trainingClass.version,
    permissions: { manage: manages(user) },
  };
}

/**
 * The office opens a class: of an order (its enterprise and skill; the order's provider is set when it had none), a
 * school's enterprise order class (with its enterprise), or a management programme.
 */
export async function openTrainingClass(db: Db, actor: Actor, user: SessionUser, input: ClassInput) {
  return db.transaction(async (tx) => {
    const problems: Record<string, FieldProblem> = {};
    await providerProblem(tx, input.providerId, problems);
    if (input.endsOn < input.startsOn) problems.endsOn = { code: 'date.beforeStart' };
    let enterpriseId = input.enterpriseId ?? null;
    let skill = input.skill ?? null;
    const order = input.kind === 'order' && input.orderId ? await lockOrder(tx, input.orderId, undefined) : null;
    if (input.kind === 'order') {
      if (!input.orderId) problems.orderId = { code: 'training.kindNeedsOrder' };
      else if (!order) problems.orderId = { code: 'training.orderUnknown' };
      else if (order.status === 'closed') throw new AppError(409, 'trainingOrderState', inBothLanguages('status', (language) => trainingOrderStatusLabels[order.status][language]));
      enterpriseId = order?.enterpriseId ?? null;
      skill ??= order?.skill ?? null;
    } else {
      if (input.kind === 'enterpriseClass' && !enterpriseId) problems.enterpriseId = { code: 'training.kindNeedsEnterprise' };
      await enterpriseProblem(tx, enterpriseId, 'enterpriseId', problems);
      if (!skill) problems.skill = { code: 'required' };
    }
    if (Object.keys(problems).length || !skill) throw invalid(problems);
    const row = await insertClass(tx, {
      kind: input.kind as TrainingClassKind,
      name: input.className,
      orderId: order?.id ?? null,
      providerId: input.providerId,
      enterpriseId,
      skill,
      certificateName: input.certificateName ?? null,
      certificateLevel: input.certificateLevel ?? null,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
    });
    if (order && !order.providerId) await updateOrder(tx, order.id, { providerId: input.providerId, status: 'matched' });
    await recordAudit(tx, actor, { action: 'trainingClass.create', targetType: 'trainingClass', targetId: row.id, changes: { ...input } });
    return trainingClassDetail(tx, user, row.id);
  });
}

/** The class, locked; 404 outside the scope, 409 once finished. */
async function openClassFor(tx: Executor, user: SessionUser, id: string) {
  if (!(await findClass(tx, id, classScope(user)))) throw notFound();
  const row = await lockClass(tx, id);
  if (!row) throw notFound();
  if (row.status === 'finished') throw new AppError(409, 'trainingClassFinished');
  return row;
}

export async function addTrainingSession(db: Db, actor: Actor, user: SessionUser, classId: string, input: { heldOn: string; topic: string; lecturer: string }) {
  return db.transaction(async (tx) => {
    await openClassFor(tx, user, classId);
    const row = await insertSession(tx, { classId, ...input });
    await recordAudit(tx, actor, { action: 'trainingClass.session', targetType: 'trainingClass', targetId: classId, changes: { sessionId: row.id, ...input } });
    return trainingClassDetail(tx, user, classId);
  });
}

export type EnrolInput = { talentId?: string; newTalent?: TalentInput; enrolledOn?: string };

/**
 * Enrols a trainee: a talent of the registry, or a new person registered in the registry first (the registry's own
 * create: ID number checks, duplicates, audit), in the same transaction.
 */
export async function enrolTrainee(db: Db, secrets: Secrets, actor: Actor, user: SessionUser, classId: string, input: EnrolInput) {
  if (Boolean(input.talentId) === Boolean(input.newTalent)) throw invalid({ talentId: { code: 'training.oneTrainee' } });
  return db.transaction(async (tx) => {
    await openClassFor(tx, user, classId);
    let talentId = input.talentId ?? null;
    if (input.newTalent) talentId = (await createTalent(tx as Db, secrets, actor, user, input.newTalent)).id;
    const talent = talentId ? await findTalent(tx, talentId, undefined) : null;
    if (!talent || !talentId) throw invalid({ talentId: { code: 'training.talentUnknown' } });
    if (await findEnrolmentOf(tx, classId, talentId)) throw new AppError(409, 'trainingAlreadyEnrolled', { name: talent.talent.name });
    const [row] = await insertEnrolments(tx, [{ classId, talentId, enrolledOn: input.enrolledOn ?? today() }]);
    await recordAudit(tx, actor, { action: 'trainingEnrolment.create', targetType: 'trainingEnrolment', targetId: row.id, changes: { classId, talentId, newTalent: Boolean(input.newTalent) } });
    return trainingClassDetail(tx, user, classId);
  });
}

/** A session's attendance: the trainees present; every other trainee of the class is recorded absent. */
export async function recordAttendance(db: Db, actor: Actor, user: SessionUser, classId: string, sessionId: string, presentIds: string[]) {
  return db.transaction(async (tx) => {
    await openClassFor(tx, user, classId);
    if (!(await findSession(tx, classId, sessionId))) throw notFound();
    const enrolmentIds = (await enrolmentsOfClass(tx, classId)).map((row) => row.enrolment.id);
    const known = new Set(enrolmentIds);
    const problems: Record<string, FieldProblem> = {};
    presentIds.forEach((id, index) => {
      if (!known.has(id)) problems[`presentEnrolmentIds.${index}`] = { code: 'training.notInClass' };
    });
    if (Object.keys(problems).length) throw invalid(problems);
    await setAttendance(tx, sessionId, enrolmentIds, new Set(presentIds));
    await recordAudit(tx, actor, { action: 'trainingClass.attendance', targetType: 'trainingClass', targetId: classId, changes: { sessionId, present: presentIds.length, absent: enrolmentIds.length - new Set(presentIds).size } });
    return trainingClassDetail(tx, user, classId);
  });
}

/** The enrolment (locked) and its class, within the user's scope. */
async function enrolmentFor(tx: Executor, user: SessionUser, id: string, version: number) {
  const enrolment = await findEnrolment(tx, id);
  if (!enrolment) throw notFound();
  const trainingClass = await findClass(tx, enrolment.classId, classScope(user));
  if (!trainingClass) throw notFound();
  if (enrolment.version !== version) throw new AppError(409, 'conflict');
  return { enrolment, trainingClass };
}

export async function assessTrainee(db: Db, actor: Actor, user: SessionUser, id: string, input: { score: number; passed: boolean; assessedOn: string; version: number }) {
  return db.transaction(async (tx) => {
    const { enrolment } = await enrolmentFor(tx, user, id, input.version);
    if (enrolment.certificateIssuedOn) throw new AppError(409, 'trainingCertificateIssued', { number: enrolment.certificateNumber ?? '' });
    if (input.assessedOn > today()) throw invalid({ assessedOn: { code: 'date.future' } });
    const row = await updateEnrolment(tx, id, input.version, { assessmentScore: input.score, assessmentPassed: input.passed, assessedOn: input.assessedOn });
    if (!row) throw new AppError(409, 'conflict');
    await recordAudit(tx, actor, { action: 'trainingEnrolment.assess', targetType: 'trainingEnrolment', targetId: id, changes: { score: input.score, passed: input.passed, assessedOn: input.assessedOn } });
    return trainingClassDetail(tx, user, enrolment.classId);
  });
}

/**
 * Issues the class's certificate to a trainee who passed: a numbered, dated record (the talent's training records, which
 * the profile shows), and — for a skill certificate (a class with a certificate level) — a certificate written onto the
 * talent's registry record through the registry's update (audited as talent.update, searchable).
 */
export async function issueCertificate(db: Db, secrets: Secrets, actor: Actor, user: SessionUser, id: string, input: { issuedOn: string; version: number }) {
  return db.transaction(async (tx) => {
    const { enrolment, trainingClass } = await enrolmentFor(tx, user, id, input.version);
    if (enrolment.certificateIssuedOn) throw new AppError(409, 'trainingCertificateIssued', { number: enrolment.certificateNumber ?? '' });
    if (!enrolment.assessmentPassed) throw new AppError(409, 'trainingNotPassed');
    if (input.issuedOn > today()) throw invalid({ issuedOn: { code: 'date.future' } });
    const year = Number(input.issuedOn.slice(0, 4));
    const number = `PX${year}${String((await certificatesInYear(tx, year)) + 1).padStart(5, '0')}`;
    const row = await updateEnrolment(tx, id, input.version, { certificateNumber: number, certificateIssuedOn: input.issuedOn });
    if (!row) throw new AppError(409, 'conflict');
    const item = trainingClass.trainingClass;
    const name = item.certificateName ?? item.skill;
    if (item.certificateLevel) {
      const talent = await findTalent(tx, enrolment.talentId, undefined);
      if (!talent) throw notFound();
      const { certificates } = await loadTalentChildren(tx, enrolment.talentId);
      const kept = certificates.map(({ name: certificate, level, issuer, year: issued }) => ({ name: certificate, level, issuer, year: issued }));
      await updateTalent(tx as Db, secrets, actor, user, enrolment.talentId, {
        certificates: [...kept, { name, level: item.certificateLevel, issuer: trainingClass.providerName, year }],
        version: talent.talent.version,
      });
    }
    await recordAudit(tx, actor, { action: 'trainingEnrolment.certify', targetType: 'trainingEnrolment', targetId: id, changes: { talentId: enrolment.talentId, certificate: name, number, issuedOn: input.issuedOn } });
    return trainingClassDetail(tx, user, enrolment.classId);
  });
}

/**
 * Places a trainee into the class's enterprise (the ordering enterprise, or the 订单班's): the talent's employer is
 * updated through the registry's update (audited as talent.update with the employer's change) and the placement is a
 * dated record, from which the order's fulfilment rate is counted.
 */
export async function placeTrainee(db: Db, secrets: Secrets, actor: Actor, user: SessionUser, id: string, input: { placedOn: string; version: number }) {
  return db.transaction(async (tx) => {
    const { enrolment, trainingClass } = await enrolmentFor(tx, user, id, input.version);
    const enterpriseId = trainingClass.trainingClass.enterpriseId;
    if (!enterpriseId) throw new AppError(409, 'trainingNoEnterprise');
    if (enrolment.placedOn) throw new AppError(409, 'trainingAlreadyPlaced', { date: enrolment.placedOn });
    if (input.placedOn > today()) throw invalid({ placedOn: { code: 'date.future' } });
    const talent = await findTalent(tx, enrolment.talentId, undefined);
    if (!talent) throw notFound();
    if (talent.talent.employerId !== enterpriseId) {
      await updateTalent(tx as Db, secrets, actor, user, enrolment.talentId, { employerId: enterpriseId, version: talent.talent.version });
    }
    const row = await updateEnrolment(tx, id, input.version, { placedEnterpriseId: enterpriseId, placedOn: input.placedOn });
    if (!row) throw new AppError(409, 'conflict');
    await recordAudit(tx, actor, {
      action: 'trainingEnrolment.place', targetType: 'trainingEnrolment', targetId: id,
      changes: { talentId: enrolment.talentId, employerId: { from: talent.talent.employerId, to: enterpriseId }, placedOn: input.placedOn },
    });
    return trainingClassDetail(tx, user, enrolment.classId);
  });
}

/** A talent's training records (the profile shows them), for whoever may read that talent. */
export async function talentTrainingRecords(executor: Executor, user: SessionUser, talentId: string) {
  if (!(await findTalent(executor, talentId, talentReadScope(user)))) throw notFound();
  const rows = await trainingOfTalent(executor, talentId);
  return rows.map(({ enrolment, className, kind, certificateName, providerName }) => ({
    enrolmentId: enrolment.id,
    class: { id: enrolment.classId, name: className, kind },
    provider: providerName,
    certificateName: enrolment.certificateIssuedOn ? certificateName : null,
    certificateNumber: enrolment.certificateNumber,
    certificateIssuedOn: enrolment.certificateIssuedOn,
    placedOn: enrolment.placedOn,
  }));
}

/** The trainee sheet the office fills (姓名, 身份证号码, 手机号码): what `importTrainees` reads. */
export const traineeColumns = [
  { key: 'name', header: '姓名', width: 12, required: true },
  { key: 'idNumber', header: '身份证号码', width: 22, required: true, text: true },
  { key: 'phone', header: '手机号码', width: 16, text: true },
] as const;
const traineeRowLimit = 500;

/**
 * Enrols the trainees of a sheet (.xlsx, 姓名 / 身份证号码 / 手机号码) into a class, all or nothing: a registered ID number
 * enrols that talent (the name must agree), an unknown one registers the person in the registry first (the registry's
 * create: checks, audit); one already in the class is skipped. A bad row is a 400 naming its sheet row and column
 * (`rows.<row − 1>.<column>`, shown as #row), and nothing is written.
 */
export async function importTrainees(db: Db, secrets: Secrets, actor: Actor, user: SessionUser, classId: string, bytes: Buffer) {
  const rows = await readSheetRows(bytes, traineeColumns, traineeRowLimit);
  return db.transaction(async (tx) => {
    await openClassFor(tx, user, classId);
    const problems: Record<string, FieldProblem> = {};
    const field = (row: number, key: string) => `rows.${row - 1}.${key}`;
    const seen = new Map<string, number>();
    const planned: { row: number; talentId: string | null; input: TalentInput | null }[] = [];
    for (const { row, cells } of rows) {
      const raw = { name: cells.name?.text ?? '', idNumber: cells.idNumber?.text ?? '', phone: cells.phone?.text || undefined, arrivalRoute: 'localTraining' as const };
      if (cells.idNumber?.number !== undefined) {
        problems[field(row, 'idNumber')] = { code: 'import.numberCell' };
        continue;
      }
      const parsed = talentInput.safeParse(raw, { reportInput: true });
      if (!parsed.success) {
        for (const [path, problem] of Object.entries(problemsOfIssues(parsed.error.issues))) problems[field(row, path)] = problem;
        continue;
      }
      const identity = parseIdNumber(parsed.data.idNumber);
      const number = identity.ok ? identity.value.idNumber : parsed.data.idNumber;
      const earlier = seen.get(number);
      if (earlier) {
        problems[field(row, 'idNumber')] = { code: 'training.duplicateInFile', params: { row: earlier } };
        continue;
      }
      seen.set(number, row);
      const existing = await findByIdNumberHash(tx, secrets.lookupHash(number), undefined);
      if (existing && existing.name !== parsed.data.name) problems[field(row, 'name')] = { code: 'training.nameMismatch', params: { name: existing.name } };
      planned.push({ row, talentId: existing?.id ?? null, input: existing ? null : parsed.data });
    }
    if (rows.length === 0) throw new AppError(400, 'importNothingToImport');
    if (Object.keys(problems).length) throw invalid(problems);
    let registered = 0;
    let enrolled = 0;
    let skipped = 0;
    for (const entry of planned) {
      let talentId = entry.talentId;
      if (!talentId && entry.input) {
        try {
          talentId = (await createTalent(tx as Db, secrets, actor, user, entry.input, { confirmPossibleDuplicate: true })).id;
        } catch (error) {
          if (error instanceof AppError && error.statusCode === 400) {
            throw invalid(Object.fromEntries(Object.entries(error.fields).map(([path, problem]) => [field(entry.row, path), problem])));
          }
          throw error;
        }
        registered += 1;
      }
      if (!talentId) continue;
      if (await findEnrolmentOf(tx, classId, talentId)) {
        skipped += 1;
        continue;
      }
      const [row] = await insertEnrolments(tx, [{ classId, talentId, enrolledOn: today() }]);
      await recordAudit(tx, actor, { action: 'trainingEnrolment.create', targetType: 'trainingEnrolment', targetId: row.id, changes: { classId, talentId, newTalent: Boolean(entry.input), sheetRow: entry.row } });
      enrolled += 1;
    }
    return { enrolled, registered, skipped };
  });
}
