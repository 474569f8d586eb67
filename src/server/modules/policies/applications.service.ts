import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { openApplicationStatuses, roundOf, addWorkingDays, subjectKindOf, type ApplicationStatus, type ReviewDecision } from '../../../domain/policies/policy';
import { applicationStatusLabels, inBothLanguages } from '../../../domain/policies/messages';
import type { Language } from '../../../domain/i18n';
import { factModels, type SubjectKind } from '../../../domain/policies/facts';
import type { Db, Executor } from '../../db/client';
import { applicationActions, applicationAttachments, applications, entitlements, organisations, policies, policyVersions, talents, units, users } from '../../db/schema';
import { AppError, invalid, notFound } from '../../errors';
import type { Actor, SessionUser } from '../../plugins/auth';
import { recordAudit } from '../audit/audit.service';
import { notify, officeStaff, subjectAccounts, unitStaff } from '../notifications/notifications.service';
import { decide, presentDecision, withoutBirthDate, type Decision } from './decision';
import { inboxCondition } from './inbox';
import { referenceLabels, subjectFacts } from './facts.repo';
import { usedFacts } from './decision-facts';
import { can } from '../../../domain/permissions';
import { talentReadScope } from '../talents/talents.policies';
import { enterpriseReadScope } from '../enterprises/enterprises.policies';
import { grantEntitlements } from './ledger.service';
import { findVersion, lockPolicy, parameterValuesOn, type PolicyRow, type PolicyVersionRow } from './policies.repo';

const today = () => new Date().toISOString().slice(0, 10);

export type Subject = { kind: SubjectKind; id: string; name: string };
/** What the applicant wrote, as the submission body allows it (policies.schemas.ts submitBody). */
export type ApplicationForm = Record<string, string | number | boolean | null>;
type StepState = 'done' | 'current' | 'waiting';

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

/** Applications a user may see: their own and their subjects'; reviewers those of policies their unit reviews; office and leaders all. */
export function applicationScope(user: SessionUser): SQL | undefined {
  if (user.roles.includes('office') || user.roles.includes('leader')) return undefined;
  const conditions: SQL[] = [eq(applications.submittedBy, user.id)];
  if (user.talentId) conditions.push(and(eq(applications.subjectKind, 'talent'), eq(applications.subjectId, user.talentId))!);
  if (user.roles.includes('enterprise') && user.organisationId) {
    conditions.push(and(eq(applications.subjectKind, 'enterprise'), eq(applications.subjectId, user.organisationId))!);
    conditions.push(and(eq(applications.subjectKind, 'talent'), sql`${applications.subjectId} in (select id from talents where employer_id = ${user.organisationId})`)!);
  }
  if (user.roles.includes('department') && user.unitId) {
    conditions.push(sql`exists (
      select 1 from policy_versions v, jsonb_array_elements(v.steps) step, units u
      where v.id = ${applications.versionId} and u.id = ${user.unitId} and step->'units' ? u.code)`);
  }
  return or(...conditions);
}

const isReviewerView = (user: SessionUser) => user.roles.some((role) => role === 'office' || role === 'department' || role === 'leader');

async function subjectName(executor: Executor, kind: SubjectKind, id: string) {
  const [row] =
    kind === 'talent'
      ? await executor.select({ name: talents.name }).from(talents).where(eq(talents.id, id))
      : await executor.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, id));
  return row?.name ?? '';
}

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

/** When the current step is due, and whether it is overdue. */
function stepDeadline(application: typeof applications.$inferSelect, version: PolicyVersionRow) {
  const step = version.steps[application.stepIndex];
  if (application.status !== 'inReview' || !step) return { dueAt: null, overdue: false };
  const dueAt = addWorkingDays(application.stepStartedAt, step.workingDays);
  return { dueAt: dueAt.toISOString(), overdue: dueAt.getTime() < Date.now() };
}

/** Units by code with their names in both languages. */
async function unitNamesOf(executor: Executor, codes: string[]) {
  const unique = [...new Set(codes)];
  const rows = unique.length ? await executor.select({ code: units.code, name: units.name, nameEn: units.nameEn }).from(units).where(inArray(units.code, unique)) : [];
  return new Map(rows.map((row) => [row.code, row]));
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
    executor
      .select({ action: applicationActions, unitName: units.name, unitNameEn: units.nameEn, actorName: users.displayName })
      .from(applicationActions)
      .leftJoin(units, eq(units.id, applicationActions.unitId))
      .leftJoin(users, eq(users.id, applicationActions.actorId))
      .where(eq(applicationActions.applicationId, id))
      .orderBy(asc(applicationActions.at)),
    executor.select().from(applicationAttachments).where(eq(applicationAttachments.applicationId, id)),
    executor.select().from(entitlements).where(eq(entitlements.applicationId, id)).orderBy(asc(entitlements.period)),
  ]);
  const decision = presentDecision(application.decision as unknown as Decision);
  const step = version.steps[application.stepIndex];
  const decidedUnits = application.status === 'inReview' ? await unitsDecided(executor, application) : [];
  // the units' names in both languages, so an applicant (who may not read the unit list) sees names, not codes
  const named = await unitNamesOf(executor, version.steps.flatMap((definition) => definition.units));
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
    steps: version.steps.map((definition, index) => ({
      ...definition,
      unitNames: definition.units.map((code) => named.get(code) ?? { code, name: code, nameEn: code }),
      state: stepState(index),
    })),
    currentStep: step ? { index: application.stepIndex, name: step.name, units: step.units, mode: step.mode, decidedUnits, ...stepDeadline(application, version) } : null,
    escalated: application.escalatedAt !== null,
    history: history.map(({ action, unitName, unitNameEn, actorName }) => ({
      action: action.action,
      stepIndex: action.stepIndex,
      unit: unitName,
      unitEn: unitNameEn,
      // the applicant sees what was done and the comments meant for them, not who inside decided nor internal notes
      actor: internal ? actorName : null,
      comment: action.comment,
      internalNote: internal ? action.internalNote : null,
      at: action.at.toISOString(),
    })),
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
      review: await canReviewNow(executor, user, application, version),
      resubmit: application.status === 'returned' && application.submittedBy === user.id,
      withdraw: openApplicationStatuses.includes(application.status) && application.submittedBy === user.id,
    },
  };
}

export type ApplicationListQuery = { page: number; pageSize: number; status?: string; policyId?: string; inbox?: boolean };

export async function listApplications(executor: Executor, user: SessionUser, query: ApplicationListQuery) {
  const conditions: (SQL | undefined)[] = [applicationScope(user)];
  if (query.status) conditions.push(eq(applications.status, query.status as typeof applications.$inferSelect.status));
  if (query.policyId) conditions.push(eq(applications.policyId, query.policyId));
  if (query.inbox) conditions.push(inboxCondition(user));
  const where = and(...conditions);
  const [rows, [{ total }]] = await Promise.all([
    executor
      .select({ application: applications, policy: policies, version: policyVersions })
      .from(applications)
      .innerJoin(policies, eq(policies.id, applications.policyId))
      .innerJoin(policyVersions, eq(policyVersions.id, applications.versionId))
      .where(where)
      .orderBy(desc(applications.submittedAt))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    executor.select({ total: sql<number>`count(*)::int` }).from(applications).innerJoin(policyVersions, eq(policyVersions.id, applications.versionId)).where(where),
  ]);
  const items = await Promise.all(
    rows.map(async ({ application, policy, version }) => ({
      id: application.id,
      policy: { id: policy.id, code: policy.code, title: policy.title },
      subject: {
      kind: application.subjectKind,
      id: application.subjectId,
      name: await subjectName(executor, application.subjectKind, application.subjectId),
      readable: await subjectReadable(executor, user, application.subjectKind, application.subjectId),
    },
      status: application.status,
      stepName: version.steps[application.stepIndex]?.name ?? null,
      amount: Number((application.decision as { amount?: number }).amount ?? 0),
      escalated: application.escalatedAt !== null,
      ...stepDeadline(application, version),
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

const stateRefusal = (status: ApplicationStatus) => new AppError(409, 'applicationState', inBothLanguages('status', (language) => applicationStatusLabels[status][language]));

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
  const files = attachmentIds.length
    ? await executor.select().from(applicationAttachments).where(and(inArray(applicationAttachments.id, attachmentIds), eq(applicationAttachments.uploadedBy, user.id)))
    : [];
  const usable = files.filter((file) => file.applicationId === null || file.applicationId === applicationId);
  const unknown = attachmentIds.findIndex((id) => !usable.some((file) => file.id === id));
  if (unknown >= 0) throw invalid({ [`attachmentIds.${unknown}`]: { code: 'attachment.unknown' } });
  const present = new Set([
    ...usable.map((file) => file.requirement),
    ...(await executor.select({ requirement: applicationAttachments.requirement }).from(applicationAttachments).where(eq(applicationAttachments.applicationId, applicationId))).map((row) => row.requirement),
  ]);
  const missing = version.attachments.find((requirement) => requirement.required && !present.has(requirement.code));
  if (missing) throw invalid({ attachmentIds: { code: 'attachment.missing', params: { name: missing.name } } });
  if (usable.length) await executor.update(applicationAttachments).set({ applicationId }).where(inArray(applicationAttachments.id, usable.map((file) => file.id)));
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
      .where(and(eq(applications.policyId, policy.id), eq(applications.subjectKind, subject.kind), eq(applications.subjectId, subject.id), eq(applications.round, round), inArray(applications.status, [...openApplicationStatuses])));
    if (open) throw new AppError(409, 'applicationOpen');
    if (await alreadyGranted(tx, policy.id, subject, round)) throw new AppError(409, 'applicationAlreadyGranted');
    const clash = await exclusionClash(tx, policy, subject);
    if (clash.length) throw new AppError(409, 'policyExcluded', { policies: clash.map((row) => row.title).join('、') });
    const decision = await decisionFor(tx, policy, version, subject);
    requireEligible(decision);
    const [application] = await tx
      .insert(applications)
      .values({ policyId: policy.id, versionId: version.id, subjectKind: subject.kind, subjectId: subject.id, round, status: 'inReview', form: input.form, decision, submittedBy: user.id })
      .returning();
    await attachFiles(tx, user, application.id, version, input.attachmentIds);
    await tx.insert(applicationActions).values({ applicationId: application.id, stepIndex: 0, actorId: user.id, action: 'submit' });
    await recordAudit(tx, actor, { action: 'application.submit', targetType: 'application', targetId: application.id, changes: { policy: policy.code, subject: subject.id, round, amount: decision.amount } });
    await notify(tx, await unitStaff(tx, version.steps[0].units), { kind: 'review', params: { policy: policy.title, subject: subject.name, event: 'submitted' }, link: `/applications/${application.id}` });
    return applicationDetail(tx, user, application.id);
  });
}

async function alreadyGranted(executor: Executor, policyId: string, subject: Subject, round: string) {
  const [row] = await executor
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.policyId, policyId), eq(applications.subjectKind, subject.kind), eq(applications.subjectId, subject.id), eq(applications.round, round), eq(applications.status, 'approved')));
  return Boolean(row);
}

/** Units that have approved the current step since it (re)started. */
async function unitsDecided(executor: Executor, application: typeof applications.$inferSelect) {
  const rows = await executor
    .select({ code: units.code })
    .from(applicationActions)
    .innerJoin(units, eq(units.id, applicationActions.unitId))
    .where(
      and(
        eq(applicationActions.applicationId, application.id),
        eq(applicationActions.stepIndex, application.stepIndex),
        eq(applicationActions.action, 'approve'),
        sql`${applicationActions.at} >= ${application.stepStartedAt.toISOString()}`,
      ),
    );
  return rows.map((row) => row.code);
}

/** The unit a reviewer acts for on the current step: their own unit if the step has it; the office for an escalated step. */
async function actingUnit(executor: Executor, user: SessionUser, application: typeof applications.$inferSelect, version: PolicyVersionRow) {
  const step = version.steps[application.stepIndex];
  if (!step) return null;
  if (user.unitId && user.roles.includes('department')) {
    const [unit] = await executor.select().from(units).where(eq(units.id, user.unitId));
    if (unit && step.units.includes(unit.code)) return unit;
  }
  if (user.roles.includes('office') && application.escalatedAt) {
    const decided = await unitsDecided(executor, application);
    const code = step.units.find((candidate) => !decided.includes(candidate));
    const [unit] = code ? await executor.select().from(units).where(eq(units.code, code)) : [];
    return unit ?? null;
  }
  return null;
}

const ownApplication = (user: SessionUser, application: typeof applications.$inferSelect) =>
  application.submittedBy === user.id || (application.subjectKind === 'talent' && application.subjectId === user.talentId);

async function canReviewNow(executor: Executor, user: SessionUser, application: typeof applications.$inferSelect, version: PolicyVersionRow) {
  if (application.status !== 'inReview' || ownApplication(user, application)) return false;
  const unit = await actingUnit(executor, user, application, version);
  return unit !== null && !(await unitsDecided(executor, application)).includes(unit.code);
}

export type ReviewInput = { decision: ReviewDecision; comment: string; internalNote: string; version: number };

/**
 * A unit's decision on the current step. 会签 (all) completes when every unit of the step approved, 或签 (any) on the
 * first approval; the last step's completion approves the application and grants its entitlements (budget permitting).
 * A decision on a stale version, on a step that is not the unit's, or twice by one unit answers 409.
 */
export async function reviewApplication(db: Db, actor: Actor, user: SessionUser, id: string, input: ReviewInput) {
  return db.transaction(async (tx) => {
    const [application] = await tx.select().from(applications).where(and(eq(applications.id, id), applicationScope(user))).for('update');
    if (!application) throw notFound();
    if (ownApplication(user, application)) throw new AppError(403, 'reviewOwnApplication');
    if (application.version !== input.version) throw new AppError(409, 'applicationStale');
    if (application.status !== 'inReview') throw stateRefusal(application.status);
    if (input.decision !== 'approve' && !input.comment.trim()) throw invalid({ comment: { code: 'review.commentRequired' } });
    const version = (await findVersion(tx, application.versionId))!;
    const unit = await actingUnit(tx, user, application, version);
    if (!unit) throw new AppError(409, 'reviewNotYourStep');
    if ((await unitsDecided(tx, application)).includes(unit.code)) throw new AppError(409, 'reviewAlreadyDecided');
    await tx.insert(applicationActions).values({ applicationId: id, stepIndex: application.stepIndex, unitId: unit.id, actorId: user.id, action: input.decision, comment: input.comment, internalNote: input.internalNote });
    const [policy] = await tx.select().from(policies).where(eq(policies.id, application.policyId));
    const applicants = await applicantAccounts(tx, application);
    const next = { version: application.version + 1, updatedAt: new Date() };
    if (input.decision === 'return') {
      await tx.update(applications).set({ ...next, status: 'returned' }).where(eq(applications.id, id));
      await notify(tx, applicants, { kind: 'returned', params: { policy: policy.title, comment: input.comment }, link: `/applications/${id}` });
    } else if (input.decision === 'reject') {
      await tx.update(applications).set({ ...next, status: 'rejected', decidedAt: new Date() }).where(eq(applications.id, id));
      await notify(tx, applicants, { kind: 'rejected', params: { policy: policy.title, comment: input.comment }, link: `/applications/${id}` });
    } else {
      const step = version.steps[application.stepIndex];
      const decided = [...(await unitsDecided(tx, application))];
      const stepDone = step.mode === 'any' || step.units.every((code) => decided.includes(code));
      if (!stepDone) {
        await tx.update(applications).set(next).where(eq(applications.id, id));
      } else if (application.stepIndex + 1 < version.steps.length) {
        await tx.update(applications).set({ ...next, stepIndex: application.stepIndex + 1, stepStartedAt: new Date(), escalatedAt: null }).where(eq(applications.id, id));
        const subject = await subjectName(tx, application.subjectKind, application.subjectId);
        await notify(tx, await unitStaff(tx, version.steps[application.stepIndex + 1].units), { kind: 'review', params: { policy: policy.title, subject, event: 'advanced' }, link: `/applications/${id}` });
      } else {
        await tx.update(applications).set({ ...next, status: 'approved', decidedAt: new Date() }).where(eq(applications.id, id));
        const subject = { kind: application.subjectKind, id: application.subjectId, name: await subjectName(tx, application.subjectKind, application.subjectId) };
        const decision = application.decision as unknown as Decision;
        await grantEntitlements(tx, actor, { policy, version, subject, decision, applicationId: id, source: 'application', status: 'scheduled', start: today() });
        await notify(tx, applicants, { kind: 'approved', params: { policy: policy.title, amount: decision.amount, periodKind: version.periodKind }, link: `/applications/${id}` });
      }
    }
    await recordAudit(tx, actor, { action: `application.${input.decision}`, targetType: 'application', targetId: id, changes: { step: application.stepIndex, unit: unit.code, comment: input.comment } });
    return applicationDetail(tx, user, id);
  });
}

async function applicantAccounts(executor: Executor, application: typeof applications.$inferSelect) {
  return [application.submittedBy, ...(await subjectAccounts(executor, application.subjectKind, application.subjectId))];
}

export type ResubmitInput = { form: Record<string, unknown>; attachmentIds: string[]; version: number };

/** 补正: the applicant corrects a returned application; it goes back to the step that returned it, checked again. */
export async function resubmitApplication(db: Db, actor: Actor, user: SessionUser, id: string, input: ResubmitInput) {
  return db.transaction(async (tx) => {
    const [application] = await tx.select().from(applications).where(and(eq(applications.id, id), applicationScope(user))).for('update');
    if (!application) throw notFound();
    if (application.submittedBy !== user.id) throw notFound();
    if (application.version !== input.version) throw new AppError(409, 'applicationStale');
    if (application.status !== 'returned') throw stateRefusal(application.status);
    const [policy] = await tx.select().from(policies).where(eq(policies.id, application.policyId));
    const version = (await findVersion(tx, application.versionId))!;
    const subject = { kind: application.subjectKind, id: application.subjectId, name: await subjectName(tx, application.subjectKind, application.subjectId) };
    const decision = await decisionFor(tx, policy, version, subject);
    requireEligible(decision);
    await attachFiles(tx, user, id, version, input.attachmentIds);
    await tx
      .update(applications)
      .set({ status: 'inReview', form: input.form, decision, stepStartedAt: new Date(), escalatedAt: null, version: application.version + 1, updatedAt: new Date() })
      .where(eq(applications.id, id));
    await tx.insert(applicationActions).values({ applicationId: id, stepIndex: application.stepIndex, actorId: user.id, action: 'resubmit' });
    await recordAudit(tx, actor, { action: 'application.resubmit', targetType: 'application', targetId: id, changes: { form: input.form } });
    await notify(tx, await unitStaff(tx, version.steps[application.stepIndex].units), { kind: 'review', params: { policy: policy.title, subject: subject.name, event: 'resubmitted' }, link: `/applications/${id}` });
    return applicationDetail(tx, user, id);
  });
}

export async function withdrawApplication(db: Db, actor: Actor, user: SessionUser, id: string, version: number) {
  return db.transaction(async (tx) => {
    const [application] = await tx.select().from(applications).where(and(eq(applications.id, id), eq(applications.submittedBy, user.id))).for('update');
    if (!application) throw notFound();
    if (application.version !== version) throw new AppError(409, 'applicationStale');
    if (!openApplicationStatuses.includes(application.status)) throw stateRefusal(application.status);
    await tx.update(applications).set({ status: 'withdrawn', decidedAt: new Date(), version: version + 1, updatedAt: new Date() }).where(eq(applications.id, id));
    await tx.insert(applicationActions).values({ applicationId: id, stepIndex: application.stepIndex, actorId: user.id, action: 'withdraw' });
    await recordAudit(tx, actor, { action: 'application.withdraw', targetType: 'application', targetId: id });
    return applicationDetail(tx, user, id);
  });
}

/** Steps past their time limit are flagged once and escalated to the office (督办). Run by the daily work, as the system. */
export async function escalateOverdue(db: Db, actor: Actor, now = new Date()) {
  return db.transaction(async (tx) => {
    const open = await tx
      .select({ application: applications, version: policyVersions, title: policies.title })
      .from(applications)
      .innerJoin(policyVersions, eq(policyVersions.id, applications.versionId))
      .innerJoin(policies, eq(policies.id, applications.policyId))
      .where(and(eq(applications.status, 'inReview'), sql`${applications.escalatedAt} is null`));
    const overdue = open.filter(({ application, version }) => {
      const step = version.steps[application.stepIndex];
      return step && addWorkingDays(application.stepStartedAt, step.workingDays).getTime() < now.getTime();
    });
    if (!overdue.length) return 0;
    const office = await officeStaff(tx);
    for (const { application, version, title } of overdue) {
      await tx.update(applications).set({ escalatedAt: now }).where(eq(applications.id, application.id));
      await tx.insert(applicationActions).values({ applicationId: application.id, stepIndex: application.stepIndex, action: 'escalate', internalNote: '超过办理时限，已提交人才办督办' });
      const step = version.steps[application.stepIndex];
      await notify(tx, office, { kind: 'overdue', params: { policy: title, subject: await subjectName(tx, application.subjectKind, application.subjectId), step: step.name }, link: `/applications/${application.id}` });
    }
    await recordAudit(tx, actor, { action: 'application.escalate', targetType: 'application', changes: { applications: overdue.map(({ application }) => application.id) } });
    return overdue.length;
  });
}
