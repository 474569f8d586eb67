import type {
  AgreementInput, ConversionInput, CooperationItemInput, InternshipBaseInput, InternshipInput, TechTransferInput, TransferStage,
} from '../../../domain/cooperation';
import type { Db, Executor } from '../../db/client';
import { AppError, invalid, notFound, type FieldProblem } from '../../errors';
import type { Actor, SessionUser } from '../../plugins/auth';
import { recordAudit } from '../audit/audit.service';
import { findTalentsByIds, organisationOfKind } from '../flexible-talent/flexible-talent.repo';
import { baseReadScope, baseWriteScope, transferReadScope } from './universities.policies';
import {
  findBase, findBasePair, findInternship, findTransfer, findUniversity, insertBase, insertInternships, insertItem, insertTransfer, internshipOfTalent,
  itemsOf, listBases, listInternships, listTransfers, listUniversities, markConverted, upsertAgreement,
  type InternshipFilters, type ListedBase, type ListedInternship, type ListedTransfer, type ListedUniversity,
} from './universities.repo';

type Paging = { page: number; pageSize: number };
const failIf = (problems: Record<string, FieldProblem>) => {
  if (Object.keys(problems).length) throw invalid(problems);
};

// ---- universities ----

const presentUniversity = (listed: ListedUniversity) => ({
  id: listed.id,
  name: listed.name,
  agreement: listed.agreement
    ? { signedOn: listed.agreement.signedOn, scope: listed.agreement.scope, contacts: listed.agreement.contacts, version: listed.agreement.version }
    : null,
  items: Number(listed.items),
  bases: Number(listed.bases),
  interns: Number(listed.interns),
});

export async function universityList(executor: Executor, query: Paging & { q?: string }) {
  const page = await listUniversities(executor, query);
  return { items: page.items.map(presentUniversity), total: page.total };
}

export async function universityDetail(executor: Executor, id: string) {
  const found = await findUniversity(executor, id);
  if (!found) throw notFound();
  const items = await itemsOf(executor, id);
  return {
    ...presentUniversity(found),
    itemList: items.map(({ item, enterpriseName }) => ({
      id: item.id, kind: item.kind, title: item.title, status: item.status, startedOn: item.startedOn,
      enterprise: item.enterpriseId && enterpriseName ? { id: item.enterpriseId, name: enterpriseName } : null,
    })),
  };
}

/** Records or replaces a university's framework agreement (version 0 for the first one; otherwise the version read). */
export async function saveAgreement(db: Db, actor: Actor, universityId: string, input: AgreementInput) {
  return db.transaction(async (tx) => {
    const found = await findUniversity(tx, universityId);
    if (!found) throw notFound();
    const { version, ...values } = input;
    if ((found.agreement?.version ?? 0) !== version) throw new AppError(409, 'conflict');
    const row = await upsertAgreement(tx, { universityId, ...values }, version);
    if (!row) throw new AppError(409, 'conflict');
    await recordAudit(tx, actor, { action: 'university.agreement', targetType: 'university', targetId: universityId, changes: { ...values } });
    return universityDetail(tx, universityId);
  });
}

export async function addCooperationItem(db: Db, actor: Actor, universityId: string, input: CooperationItemInput) {
  return db.transaction(async (tx) => {
    if (!(await findUniversity(tx, universityId))) throw notFound();
    if (input.enterpriseId && !(await organisationOfKind(tx, input.enterpriseId, ['enterprise']))) throw invalid({ enterpriseId: { code: 'cooperation.notEnterprise' } });
    const row = await insertItem(tx, { universityId, ...input, enterpriseId: input.enterpriseId ?? null, startedOn: input.startedOn ?? null });
    await recordAudit(tx, actor, { action: 'university.addItem', targetType: 'cooperationItem', targetId: row.id, changes: { universityId, ...input } });
    return universityDetail(tx, universityId);
  });
}

// ---- internship bases ----

const presentBase = (listed: ListedBase) => ({
  id: listed.base.id,
  enterprise: { id: listed.base.enterpriseId, name: listed.enterpriseName },
  university: { id: listed.base.universityId, name: listed.universityName },
  establishedOn: listed.base.establishedOn,
  capacity: listed.base.capacity,
  interns: Number(listed.interns),
  hired: Number(listed.hired),
});

export async function baseList(executor: Executor, user: SessionUser, query: Paging & { universityId?: string }) {
  const page = await listBases(executor, query, baseReadScope(user));
  return { items: page.items.map(presentBase), total: page.total };
}

export async function createBase(db: Db, actor: Actor, user: SessionUser, input: InternshipBaseInput) {
  const problems: Record<string, FieldProblem> = {};
  if (!(await organisationOfKind(db, input.enterpriseId, ['enterprise']))) problems.enterpriseId = { code: 'cooperation.notEnterprise' };
  if (!(await findUniversity(db, input.universityId))) problems.universityId = { code: 'cooperation.notUniversity' };
  else if (await findBasePair(db, input.enterpriseId, input.universityId)) problems.universityId = { code: 'cooperation.duplicate' };
  failIf(problems);
  return db.transaction(async (tx) => {
    const row = await insertBase(tx, input);
    await recordAudit(tx, actor, { action: 'internshipBase.create', targetType: 'internshipBase', targetId: row.id, changes: { ...input } });
    return presentBase((await findBase(tx, row.id, baseReadScope(user)))!);
  });
}

// ---- internships ----

export const presentInternship = (listed: ListedInternship) => ({
  id: listed.internship.id,
  baseId: listed.internship.baseId,
  enterprise: { id: listed.enterpriseId, name: listed.enterpriseName },
  university: { id: listed.universityId, name: listed.universityName },
  studentName: listed.internship.studentName,
  major: listed.internship.major,
  periodFrom: listed.internship.periodFrom,
  periodTo: listed.internship.periodTo,
  mentor: listed.internship.mentor,
  evaluation: listed.internship.evaluation,
  evaluationNote: listed.internship.evaluationNote,
  hired: listed.internship.hiredTalentId && listed.hiredName ? { talentId: listed.internship.hiredTalentId, name: listed.hiredName, hiredOn: listed.internship.hiredOn } : null,
  version: listed.internship.version,
});

export async function internshipList(executor: Executor, user: SessionUser, query: Paging & InternshipFilters) {
  const page = await listInternships(executor, query, baseReadScope(user));
  return { items: page.items.map(presentInternship), total: page.total };
}

export async function internshipDetail(executor: Executor, user: SessionUser, id: string) {
  const found = await findInternship(executor, id, baseReadScope(user));
  if (!found) throw notFound();
  return presentInternship(found);
}

/** Checks interns' bases against the writer's scope (a base outside it is "not one of the allowed values", like an unknown one). */
export async function internshipProblems(executor: Executor, user: SessionUser, inputs: InternshipInput[]) {
  const writable = new Map<string, boolean>();
  for (const input of inputs) {
    if (!writable.has(input.baseId)) writable.set(input.baseId, Boolean(await findBase(executor, input.baseId, baseWriteScope(user))));
  }
  return inputs.map((input): Record<string, FieldProblem> => (writable.get(input.baseId) ? {} : { baseId: { code: 'reference.unknown' } }));
}

const internshipValues = (input: InternshipInput) => ({ ...input, evaluation: input.evaluation ?? null });

export async function createInternship(db: Db, actor: Actor, user: SessionUser, input: InternshipInput) {
  failIf((await internshipProblems(db, user, [input]))[0]);
  return db.transaction(async (tx) => {
    const [row] = await insertInternships(tx, [internshipValues(input)]);
    await recordAudit(tx, actor, { action: 'internship.create', targetType: 'internship', targetId: row.id, changes: { ...input } });
    return internshipDetail(tx, user, row.id);
  });
}

/** Inserts checked interns (an import) and audits each, in the caller's transaction. */
export async function storeInternships(tx: Executor, actor: Actor, inputs: InternshipInput[], detail: string) {
  const rows = await insertInternships(tx, inputs.map(internshipValues));
  for (const [index, row] of rows.entries()) {
    await recordAudit(tx, actor, { action: 'internship.create', targetType: 'internship', targetId: row.id, changes: { ...inputs[index] }, detail });
  }
  return rows.length;
}

/**
 * An intern hired: links the placement to the talent's record in the registry, who must be employed by the base's
 * enterprise (register the hire first) and not linked to another placement. Once only (409 `internshipConverted`).
 */
export async function convertInternship(db: Db, actor: Actor, user: SessionUser, id: string, input: ConversionInput) {
  return db.transaction(async (tx) => {
    const found = await findInternship(tx, id, baseWriteScope(user));
    if (!found) throw notFound();
    if (found.internship.hiredTalentId) throw new AppError(409, 'internshipConverted');
    const [talent] = await findTalentsByIds(tx, [input.talentId]);
    const problems: Record<string, FieldProblem> = {};
    if (!talent) problems.talentId = { code: 'reference.unknown' };
    else if (talent.employerId !== found.enterpriseId) problems.talentId = { code: 'internship.notStaff' };
    else if (await internshipOfTalent(tx, input.talentId)) problems.talentId = { code: 'internship.talentTaken' };
    if (input.hiredOn < found.internship.periodFrom) problems.hiredOn = { code: 'internship.hiredBeforeStart' };
    failIf(problems);
    if (found.internship.version !== input.version) throw new AppError(409, 'conflict');
    if (!(await markConverted(tx, id, input.version, input.talentId, input.hiredOn))) throw new AppError(409, 'conflict');
    await recordAudit(tx, actor, { action: 'internship.convert', targetType: 'internship', targetId: id, changes: { talentId: input.talentId, hiredOn: input.hiredOn } });
    return internshipDetail(tx, user, id);
  });
}

// ---- tech transfers ----

const presentTransfer = (listed: ListedTransfer) => ({
  id: listed.transfer.id,
  technology: listed.transfer.technology,
  source: { id: listed.transfer.sourceId, name: listed.sourceName },
  enterprise: { id: listed.transfer.enterpriseId, name: listed.enterpriseName },
  stage: listed.transfer.stage,
  investment: listed.transfer.investment,
  startedOn: listed.transfer.startedOn,
  outputs: listed.transfer.outputs,
});

export async function transferList(executor: Executor, user: SessionUser, query: Paging & { q?: string; stage?: TransferStage; sourceId?: string }) {
  const page = await listTransfers(executor, query, transferReadScope(user));
  return { items: page.items.map(presentTransfer), total: page.total };
}

export async function transferDetail(executor: Executor, user: SessionUser, id: string) {
  const found = await findTransfer(executor, id, transferReadScope(user));
  if (!found) throw notFound();
  return presentTransfer(found);
}

export async function createTransfer(db: Db, actor: Actor, user: SessionUser, input: TechTransferInput) {
  const problems: Record<string, FieldProblem> = {};
  if (!(await organisationOfKind(db, input.sourceId, ['university', 'researchInstitute', 'college']))) problems.sourceId = { code: 'cooperation.notSource' };
  if (!(await organisationOfKind(db, input.enterpriseId, ['enterprise']))) problems.enterpriseId = { code: 'cooperation.notEnterprise' };
  failIf(problems);
  return db.transaction(async (tx) => {
    const row = await insertTransfer(tx, input);
    await recordAudit(tx, actor, { action: 'techTransfer.create', targetType: 'techTransfer', targetId: row.id, changes: { ...input } });
    return transferDetail(tx, user, row.id);
  });
}
