import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { applicationActions, openApplicationStatuses, roundOf, subjectKindOf, type ReviewDecision } from '../../../domain/policies/policy';
import { inBothLanguages } from '../../../domain/policies/messages';
import type { Language } from '../../../domain/i18n';
import { factModels, type SubjectKind } from '../../../domain/policies/facts';
import type { Db, Executor } from '../../db/client';
import { cases, entitlements, organisations, policies, policyVersions, talents } from '../../db/schema';
import { AppError, invalid, notFound } from '../../errors';
import type { Actor, SessionUser } from '../../plugins/auth';
import { recordAudit } from '../audit/audit.service';
import { notify, subjectAccounts, unitStaff } from '../notifications/notifications.service';
import { canActNow, decideStep, escalateOverdueCases, resubmitCase, stepDeadline, withdrawCase } from '../cases/cases.engine';
import { attachUploads, caseFiles, caseHistory, caseScope, findCase, insertAction, insertCase, lockCase, subjectName, unitNamesOf, unitsDecided, usableUploads, type CaseRow } from '../cases/cases.repo';
import { decide, presentDecision, withoutBirthDate, type Decision } from './decision';
import { inboxCondition } from './inbox';
import { referenceLabels, subjectFacts } from './facts.repo';
import { usedFacts } from './decision-facts';
import { can } from '../../../domain/permissions';
import { talentReadScope } from '../talents/talents.policies';
import { enterpriseReadScope } from '../enterprises/enterprises.policies';
import { grantEntitlements } from './ledger.service';
import { findVersion, lockPolicy, parameterValuesOn, type PolicyRow, type PolicyVersionRow } from './policies.repo';

/**
 * Policy applications (申请) are the `policy` cases of the case engine (modules/cases): the engine keeps their steps,
 * decisions, returns, escalation and history; this file adds what is a policy's own — who may apply for whom, the
 * eligibility check against the published rule, the required attachments, the entitlements on approval.
 */

const today = () => new Date().toISOString().slice(0, 10);


const isApplicationAction = (action: string): action is (typeof applicationActions)[number] => (applicationActions as readonly string[]).includes(action);
export type Subject = { kind: SubjectKind; id: string; name: string };
/** What the applicant wrote, as the submission body allows it (policies.schemas.ts submitBody). */
export type ApplicationForm = Record<string, string | number | boolean | null>;
type StepState = 'done' | 'current' | 'waiting';
const applications = cases;
const isPolicy = eq(cases.type, 'policy');

/**
 * Who a user may apply for: a talent for themself; enterprise HR for its enterprise (enterprise and team policies) and
 * for its staff (talent policies). Anything else is not found, as for records outside one's scope.
 */
export async function subjectFor(executor: Executor, user: SessionUser, target: PolicyRow['target'], subjectId?: string): Promise<Subject> {
  const kind = subjectKindOf(target);
  if (kind === 'talent') {
    const id = subjectId ?? user.talentId;
    if (!id) throw notFound();
    const [talent] = await executor.select({ id: talents.id, name: talents.name, employerId: talents.employerId }).from(talents).where(eq(talents.id, id));
    const own = user.talentId === id;
    const staff = user.roles.includes('enterprise') && user.organisationId !== null && talent?.employerId === user.organisationId;
    if (!talent || !(own || staff)) throw notFound();
    return { kind, id, name: talent.name };
  }
  const id = subjectId ?? user.organisationId;
  if (!id || id !== user.organisationId || !user.roles.includes('enterprise')) throw notFound();
  const [organisation] = await executor.select({ id: organisations.id, name: organisations.name, kind: organisations.kind }).from(organisations).where(eq(organisations.id, id));
  if (!organisation || organisation.kind !== (target === 'team' ? 'team' : 'enterprise')) throw notFound();
  return { kind, id, name: organisation.name };
}

/** Applications a user may see: the policy cases of the engine's scope (own and their subjects'; reviewers those their unit reviews; office and leaders all). */
export function applicationScope(user: SessionUser): SQL {
  return and(isPolicy, caseScope(user))!;
}

const isReviewerView = (user: SessionUser) => user.roles.some((role) => role === 'office' || role === 'department' || role === 'leader');

/**
 * Whether the user may open the subject's record, by the same scoping as the registry and the enterprise pages: the
 * review page links to it only then (the record shows its numbers masked, as everywhere).
 */
async function subjectReadable(executor: Executor, user: SessionUser, kind: SubjectKind, id: string) {
  if (kind === 'talent') {
    if (!can(user.roles, 'talents.read')) return false;
    const [row] = await executor.select({ id: talents.id }).from(talents).where(and(eq(talents.id, id), talentReadScope(user)));
    return row !== undefined;
  }
  if (!can(user.roles, 'enterprises.read')) return false;
  const [row] = await executor.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.id, id), eq(organisations.kind, 'enterprise'), enterpriseReadScope(user)));
  return row !== undefined;
}

export async function applicationDetail(executor: Executor, user: SessionUser, id: string) {
  const [found] = await executor
    .select({ application: applications, policy: policies, version: policyVersions })
    .from(applications)
    .innerJoin(policies, eq(policies.id, applications.policyId))
    .innerJoin(policyVersions, eq(policyVersions.id, applications.versionId))
    .where(and(eq(applications.id, id), applicationScope(user)));
  if (!found) throw notFound();
  const { application, policy, version } = found;
  const internal = isReviewerView(user);
  const [history, files, granted] = await Promise.all([
    caseHistory(executor, id),
    caseFiles(executor, id),
    executor.select().from(entitlements).where(eq(entitlements.applicationId, id)).orderBy(entitlements.period),
  ]);
  const decision = presentDecision(application.decision as unknown as Decision);
  const step = application.steps[application.stepIndex];
  const decidedUnits = application.status === 'inReview' ? await unitsDecided(executor, application) : [];
  // the units' names in both languages, so an applicant (who may not read the unit list) sees names, not codes
  const named = await unitNamesOf(executor, application.steps.flatMap((definition) => definition.units));
  const stepState = (index: number): StepState =>
    index < application.stepIndex || application.status === 'approved' ? 'done' : index === application.stepIndex ? 'current' : 'waiting';
  return {
    id: application.id,
    policy: { id: policy.id, code: policy.code, title: policy.title, target: policy.target },
    versionNumber: version.number,
    subject: {
      kind: application.subjectKind,
      id: application.subjectId,
      name: await subjectName(executor, application.subjectKind, application.subjectId),
      readable: await subjectReadable(executor, user, application.subjectKind, application.subjectId),
    },
    round: application.round,
    periodKind: version.periodKind,
    status: application.status,
    form: application.form as ApplicationForm,
    decision,
    usedFacts: await usedFacts(executor, application.subjectKind, decision),
    steps: application.steps.map((definition, index) => ({
      ...definition,
      unitNames: definition.units.map((code) => named.get(code) ?? { code, name: code, nameEn: code }),
      state: stepState(index),
    })),
    currentStep: step ? { index: application.stepIndex, name: step.name, units: step.units, mode: step.mode, decidedUnits, ...stepDeadline(application) } : null,
    escalated: application.escalatedAt !== null,
    // a policy case only has the policy actions (联办 and ratings are service requests'); the filter narrows the type
    history: history.flatMap(({ action, unitName, unitNameEn, actorName }) => (!isApplicationAction(action.action) ? [] : [{
      action: action.action,
      stepIndex: action.stepIndex,
      unit: unitName,
      unitEn: unitNameEn,
      // the applicant sees what was done and the comments meant for them, not who inside decided nor internal notes
      actor: internal ? actorName : null,
      comment: action.comment,
      internalNote: internal ? action.internalNote : null,
      at: action.at.toISOString(),
    }])),
    // each file under the name of the document it is (学历学位证书), from the policy version's requirements
    attachments: files.map((file) => ({
      id: file.id,
      requirement: file.requirement,
      requirementName: version.attachments.find((requirement) => requirement.code === file.requirement)?.name ?? file.requirement,
      fileName: file.fileName,
      mediaType: file.mediaType,
      size: file.size,
    })),
    missingAttachments: version.attachments
      .filter((requirement) => requirement.required && !files.some((file) => file.requirement === requirement.code))
      .map(({ code, name }) => ({ code, name })),
    entitlements: granted.map((row) => ({ id: row.id, period: row.period, amount: row.amount, status: row.status })),
    submittedAt: application.submittedAt.toISOString(),
    decidedAt: application.decidedAt?.toISOString() ?? null,
    version: application.version,
    permissions: {
      review: await canActNow(executor, user, application),
      resubmit: application.status === 'returned' && application.submittedBy === user.id,
      withdraw: openApplicationStatuses.includes(application.status) && application.submittedBy === user.id,
    },
  };
}

export type ApplicationListQuery = { page: number; pageSize: number; status?: string; policyId?: string; inbox?: boolean };

export async function listApplications(executor: Executor, user: SessionUser, query: ApplicationListQuery) {
  const conditions: (SQL | undefined)[] = [applicationScope(user)];
  if (query.status) conditions.push(eq(applications.status, query.status as CaseRow['status']));
  if (query.policyId) conditions.push(eq(applications.policyId, query.policyId));
  if (query.inbox) conditions.push(inboxCondition(user));
  const where = and(...conditions);
  const [rows, [{ total }]] = await Promise.all([
    executor
      .select({ application: applications, policy: policies })
      .from(applications)
      .innerJoin(policies, eq(policies.id, applications.policyId))
      .where(where)
      .orderBy(desc(applications.submittedAt))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    executor.select({ total: sql<number>`count(*)::int` }).from(applications).where(where),
  ]);
  const items = await Promise.all(
    rows.map(async ({ application, policy }) => ({
      id: application.id,
      policy: { id: policy.id, code: policy.code, title: policy.title },
      subject: {
      kind: application.subjectKind,
      id: application.subjectId,
      name: await subjectName(executor, application.subjectKind, application.subjectId),
      readable: await subjectReadable(executor, user, application.subjectKind, application.subjectId),
    },
      status: application.status,
      stepName: application.steps[application.stepIndex]?.name ?? null,
      amount: Number((application.decision as { amount?: number }).amount ?? 0),
      escalated: application.escalatedAt !== null,
      ...stepDeadline(application),
      submittedAt: application.submittedAt.toISOString(),
    })),
  );
  return { items, total };
}

/** The decision of a policy's published version on a subject today, with the parameter values in force. */
export async function decisionFor(executor: Executor, policy: PolicyRow, version: PolicyVersionRow, subject: Subject, asOf = today()): Promise<Decision> {
  const facts = await subjectFacts(executor, subject.kind, subject.id, asOf);
  if (!facts) throw notFound();
  const params = await parameterValuesOn(executor, policy.id, asOf);
  return decide(subject.kind, version, facts, params, asOf, await referenceLabels(executor));
}

/** Refuses a decision that does not make the subject eligible, naming the conditions missed or the facts missing (in both languages). */
function requireEligible(decision: Decision) {
  if (decision.eligible) return;
  if (decision.status === 'needsData') {
    const model = factModels[decision.kind];
    const facts = (language: Language) => decision.explanation.missing.map((fact) => model[fact]?.label[language] ?? fact).join(language === 'zh-CN' ? '、' : ', ');
    throw new AppError(400, 'policyMissingData', inBothLanguages('facts', facts));
  }
  const reasons = (language: Language) => withoutBirthDate(decision.explanation.unmet.map((item) => item.text[language]).join(language === 'zh-CN' ? '；' : '; '), decision.facts.birthDate);
  throw new AppError(400, 'policyNotEligible', inBothLanguages('reasons', reasons));
}

/** Policies the subject already benefits from that exclude this one, or that this one excludes. */
async function exclusionClash(executor: Executor, policy: PolicyRow, subject: Subject) {
  const rows = await executor
    .selectDistinct({ code: policies.code, title: policies.title, exclusions: policies.exclusions })
    .from(entitlements)
    .innerJoin(policies, eq(policies.id, entitlements.policyId))
    .where(and(eq(entitlements.subjectKind, subject.kind), eq(entitlements.subjectId, subject.id), inArray(entitlements.status, ['pending', 'scheduled', 'inBatch', 'paid', 'failed'])));
  return rows.filter((row) => row.code !== policy.code && (policy.exclusions.includes(row.code) || row.exclusions.includes(policy.code)));
}

async function attachFiles(executor: Executor, user: SessionUser, applicationId: string, version: PolicyVersionRow, attachmentIds: string[]) {
  const usable = await usableUploads(executor, user.id, applicationId, attachmentIds);
  const unknown = attachmentIds.findIndex((id) => !usable.some((file) => file.id === id));
  if (unknown >= 0) throw invalid({ [`attachmentIds.${unknown}`]: { code: 'attachment.unknown' } });
  const present = new Set([...usable.map((file) => file.requirement), ...(await caseFiles(executor, applicationId)).map((row) => row.requirement)]);
  const missing = version.attachments.find((requirement) => requirement.required && !present.has(requirement.code));
  if (missing) throw invalid({ attachmentIds: { code: 'attachment.missing', params: { name: missing.name } } });
  await attachUploads(executor, applicationId, usable.map((file) => file.id));
}

export type SubmitInput = { policyId: string; subjectId?: string; form: Record<string, unknown>; attachmentIds: string[] };

export async function submitApplication(db: Db, actor: Actor, user: SessionUser, input: SubmitInput) {
  return db.transaction(async (tx) => {
    const policy = await lockPolicy(tx, input.policyId);
    if (!policy || policy.status !== 'published' || !policy.publishedVersionId) throw new AppError(409, 'policyNotPublished');
    const version = (await findVersion(tx, policy.publishedVersionId))!;
    const subject = await subjectFor(tx, user, policy.target, input.subjectId);
    const round = roundOf(version.periodKind, today());
    const [open] = await tx
      .select({ id: applications.id })
      .from(applications)
      .where(and(isPolicy, eq(applications.policyId, policy.id), eq(applications.subjectKind, subject.kind), eq(applications.subjectId, subject.id), eq(applications.round, round), inArray(applications.status, [...openApplicationStatuses])));
    if (open) throw new AppError(409, 'applicationOpen');
    if (await alreadyGranted(tx, policy.id, subject, round)) throw new AppError(409, 'applicationAlreadyGranted');
    const clash = await exclusionClash(tx, policy, subject);
    if (clash.length) throw new AppError(409, 'policyExcluded', { policies: clash.map((row) => row.title).join('、') });
    const decision = await decisionFor(tx, policy, version, subject);
    requireEligible(decision);
    const application = await insertCase(tx, {
      type: 'policy', policyId: policy.id, versionId: version.id, subjectKind: subject.kind, subjectId: subject.id, round, status: 'inReview', form: input.form, decision, steps: version.steps, submittedBy: user.id,
    });
    await attachFiles(tx, user, application.id, version, input.attachmentIds);
    await insertAction(tx, { caseId: application.id, stepIndex: 0, actorId: user.id, action: 'submit' });
    await recordAudit(tx, actor, { action: 'application.submit', targetType: 'application', targetId: application.id, changes: { policy: policy.code, subject: subject.id, round, amount: decision.amount } });
    await notify(tx, await unitStaff(tx, version.steps[0].units), { kind: 'review', params: { policy: policy.title, subject: subject.name, event: 'submitted' }, link: `/applications/${application.id}` });
    return applicationDetail(tx, user, application.id);
  });
}

async function alreadyGranted(executor: Executor, policyId: string, subject: Subject, round: string) {
  const [row] = await executor
    .select({ id: applications.id })
    .from(applications)
    .where(and(isPolicy, eq(applications.policyId, policyId), eq(applications.subjectKind, subject.kind), eq(applications.subjectId, subject.id), eq(applications.round, round), eq(applications.status, 'approved')));
  return Boolean(row);
}

export type ReviewInput = { decision: ReviewDecision; comment: string; internalNote: string; version: number };

/**
 * A unit's decision on the current step, through the engine (会签/或签, 409 on a stale version, another unit's step or a
 * second decision of one unit); the last step's completion approves the application and grants its entitlements
 * (budget permitting).
 */
export async function reviewApplication(db: Db, actor: Actor, user: SessionUser, id: string, input: ReviewInput) {
  return db.transaction(async (tx) => {
    const application = await lockCase(tx, id, applicationScope(user));
    if (!application) throw notFound();
    const outcome = await decideStep(tx, user, application, input);
    const [policy] = await tx.select().from(policies).where(eq(policies.id, application.policyId!));
    const applicants = await applicantAccounts(tx, application);
    if (outcome.kind === 'returned') {
      await notify(tx, applicants, { kind: 'returned', params: { policy: policy.title, comment: input.comment }, link: `/applications/${id}` });
    } else if (outcome.kind === 'rejected') {
      await notify(tx, applicants, { kind: 'rejected', params: { policy: policy.title, comment: input.comment }, link: `/applications/${id}` });
    } else if (outcome.kind === 'advanced') {
      const subject = await subjectName(tx, application.subjectKind, application.subjectId);
      await notify(tx, await unitStaff(tx, outcome.nextUnits), { kind: 'review', params: { policy: policy.title, subject, event: 'advanced' }, link: `/applications/${id}` });
    } else if (outcome.kind === 'completed') {
      const version = (await findVersion(tx, application.versionId!))!;
      const subject = { kind: application.subjectKind, id: application.subjectId, name: await subjectName(tx, application.subjectKind, application.subjectId) };
      const decision = application.decision as unknown as Decision;
      await grantEntitlements(tx, actor, { policy, version, subject, decision, applicationId: id, source: 'application', status: 'scheduled', start: today() });
      await notify(tx, applicants, { kind: 'approved', params: { policy: policy.title, amount: decision.amount, periodKind: version.periodKind }, link: `/applications/${id}` });
    }
    await recordAudit(tx, actor, { action: `application.${input.decision}`, targetType: 'application', targetId: id, changes: { step: application.stepIndex, unit: outcome.unitCode, comment: input.comment } });
    return applicationDetail(tx, user, id);
  });
}

async function applicantAccounts(executor: Executor, application: CaseRow) {
  return [application.submittedBy, ...(await subjectAccounts(executor, application.subjectKind, application.subjectId))];
}

export type ResubmitInput = { form: Record<string, unknown>; attachmentIds: string[]; version: number };

/** 补正: the applicant corrects a returned application; it goes back to the step that returned it, checked again. */
export async function resubmitApplication(db: Db, actor: Actor, user: SessionUser, id: string, input: ResubmitInput) {
  return db.transaction(async (tx) => {
    const application = await lockCase(tx, id, applicationScope(user));
    if (!application || application.submittedBy !== user.id) throw notFound();
    if (application.version !== input.version) throw new AppError(409, 'applicationStale');
    const [policy] = await tx.select().from(policies).where(eq(policies.id, application.policyId!));
    const version = (await findVersion(tx, application.versionId!))!;
    const subject = { kind: application.subjectKind, id: application.subjectId, name: await subjectName(tx, application.subjectKind, application.subjectId) };
    if (application.status === 'returned') {
      const decision = await decisionFor(tx, policy, version, subject);
      requireEligible(decision);
      await attachFiles(tx, user, id, version, input.attachmentIds);
      await resubmitCase(tx, user, application, input.version, { form: input.form, decision });
    } else {
      await resubmitCase(tx, user, application, input.version, {});
    }
    await recordAudit(tx, actor, { action: 'application.resubmit', targetType: 'application', targetId: id, changes: { form: input.form } });
    await notify(tx, await unitStaff(tx, application.steps[application.stepIndex].units), { kind: 'review', params: { policy: policy.title, subject: subject.name, event: 'resubmitted' }, link: `/applications/${id}` });
    return applicationDetail(tx, user, id);
  });
}

export async function withdrawApplication(db: Db, actor: Actor, user: SessionUser, id: string, version: number) {
  return db.transaction(async (tx) => {
    const application = await lockCase(tx, id, and(isPolicy, eq(cases.submittedBy, user.id)));
    if (!application) throw notFound();
    await withdrawCase(tx, user, application, version);
    await recordAudit(tx, actor, { action: 'application.withdraw', targetType: 'application', targetId: id });
    return applicationDetail(tx, user, id);
  });
}

/** Overdue steps of every case type are escalated to the office by the engine (督办); the daily work calls this. */
export async function escalateOverdue(db: Db, actor: Actor, now = new Date()) {
  return escalateOverdueCases(db, actor, now);
}

/** A policy case of any status, if the user may see it (attachments ask this). */
export async function findApplication(executor: Executor, user: SessionUser, id: string) {
  return findCase(executor, id, applicationScope(user));
}
