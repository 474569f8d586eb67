import { and, eq, inArray, max, sql } from 'drizzle-orm';
import { factModels } from '../../../domain/policies/facts';
import { ruleProblemParams, subjectKindOf, type ParameterInput, type PolicyInput, type PolicyVersionInput } from '../../../domain/policies/policy';
import { unknownReferences } from '../../../domain/policies/references';
import { toSql } from '../../../domain/rules';
import type { Db, Executor } from '../../db/client';
import { parameterValues, policies, policyParameters, policyVersions, units } from '../../db/schema';
import { AppError, invalid, notFound, type FieldProblem } from '../../errors';
import type { Actor, SessionUser } from '../../plugins/auth';
import { diff, recordAudit } from '../audit/audit.service';
import { factColumn } from './facts.repo';
import {
  budgetUse, draftOf, findPolicy, findPolicyByCode, listPolicyRows, lockPolicy, parametersOf, parameterValuesOn, policiesByCodes, versionsOf,
  type PolicyFilters, type PolicyRow, type PolicyVersionRow,
} from './policies.repo';

const today = () => new Date().toISOString().slice(0, 10);

/** The office sees every policy; everyone else the published ones and those retired (history of their benefits). */
export const policyReadScope = (user: SessionUser) => (user.roles.includes('office') ? undefined : inArray(policies.status, ['published', 'retired']));

type Listed = { policy: PolicyRow; unitName: string; unitCode: string };

function presentPolicy({ policy, unitName, unitCode }: Listed, use: { committed: number; paid: number } | undefined) {
  const committed = use?.committed ?? 0;
  return {
    id: policy.id,
    code: policy.code,
    title: policy.title,
    documentNo: policy.documentNo,
    documentUrl: policy.documentUrl,
    summary: policy.summary,
    category: policy.category,
    target: policy.target,
    unit: { code: unitCode, name: unitName },
    mode: policy.mode,
    status: policy.status,
    effectiveFrom: policy.effectiveFrom,
    effectiveTo: policy.effectiveTo,
    exclusions: policy.exclusions,
    budget: { total: policy.budgetTotal, committed, paid: use?.paid ?? 0, remaining: policy.budgetTotal - committed },
    version: policy.version,
  };
}

const presentVersion = (version: PolicyVersionRow) => ({
  id: version.id,
  number: version.number,
  status: version.status,
  eligibility: version.eligibility,
  amount: version.amount,
  periodKind: version.periodKind,
  periods: version.periods,
  attachments: version.attachments,
  steps: version.steps,
  note: version.note,
  publishedAt: version.publishedAt?.toISOString() ?? null,
});

export async function listPolicies(executor: Executor, user: SessionUser, query: PolicyFilters & { page: number; pageSize: number }) {
  const { page, pageSize, ...filters } = query;
  const { items, total } = await listPolicyRows(executor, filters, policyReadScope(user), page, pageSize);
  const use = await budgetUse(executor, items.map((item) => item.policy.id));
  return { items: items.map((item) => presentPolicy(item, use.get(item.policy.id))), total };
}

export async function policyDetail(executor: Executor, user: SessionUser, id: string) {
  const found = await findPolicy(executor, id, policyReadScope(user));
  if (!found) throw notFound();
  const office = user.roles.includes('office');
  const [use, versions, parameters] = await Promise.all([budgetUse(executor, [id]), versionsOf(executor, id), parametersOf(executor, id)]);
  const published = versions.find((version) => version.id === found.policy.publishedVersionId);
  const draft = office ? versions.find((version) => version.status === 'draft') : undefined;
  const inForce = await parameterValuesOn(executor, id, today());
  // The policies it cannot be combined with, by their titles (a draft's title only for the office, who may read drafts).
  const excluded = (await policiesByCodes(executor, found.policy.exclusions)).filter((row) => office || row.status !== 'draft');
  return {
    ...presentPolicy(found, use.get(id)),
    excludedPolicies: found.policy.exclusions.flatMap((code) => excluded.filter((row) => row.code === code).map((row) => ({ id: row.id, code: row.code, title: row.title }))),
    published: published ? presentVersion(published) : null,
    draft: draft ? presentVersion(draft) : null,
    versions: office ? versions.map((version) => ({ id: version.id, number: version.number, status: version.status, publishedAt: version.publishedAt?.toISOString() ?? null, note: version.note })) : [],
    parameters: parameters.map(({ parameter, values }) => ({
      name: parameter.name,
      label: parameter.label,
      kind: parameter.kind,
      fact: parameter.fact,
      value: inForce[parameter.name] ?? null,
      history: values.map((value) => ({ value: Number(value.value), effectiveFrom: value.effectiveFrom, legalReference: value.legalReference })),
    })),
  };
}

/** The parameter values of a policy in force on a date, for those who may read the policy (a draft: the office). */
export async function parameterValuesFor(executor: Executor, user: SessionUser, id: string, on: string) {
  if (!(await findPolicy(executor, id, policyReadScope(user)))) throw notFound();
  return parameterValuesOn(executor, id, on);
}

/** Checks a catalogue entry against the data: the unit, the exclusions, the code. */
async function catalogueProblems(executor: Executor, input: PolicyInput, current?: PolicyRow) {
  const problems: Record<string, FieldProblem> = {};
  const [unit] = await executor.select().from(units).where(eq(units.code, input.unit));
  if (!unit?.isResponsibleUnit) problems.unit = { code: 'policy.unknownUnit' };
  const holder = await findPolicyByCode(executor, input.code);
  if (holder && holder.id !== current?.id) problems.code = { code: 'policy.codeTaken' };
  const known = new Set((await policiesByCodes(executor, input.exclusions)).map((row) => row.code));
  const unknown = input.exclusions.find((code) => !known.has(code) || code === input.code);
  if (unknown) problems.exclusions = { code: 'policy.unknownExclusion', params: { code: unknown } };
  if (input.effectiveTo && input.effectiveTo < input.effectiveFrom) problems.effectiveTo = { code: 'dateRange.order' };
  return { problems, unitId: unit?.id };
}

/** Checks a version's rules: every fact exists for the target, every parameter is defined; units of the steps exist. */
async function versionProblems(executor: Executor, input: PolicyVersionInput, target: PolicyRow['target'], parameterNames: ReadonlySet<string>) {
  const problems: Record<string, FieldProblem> = {};
  for (const field of ['eligibility', 'amount'] as const) {
    const [first] = unknownReferences(input[field], subjectKindOf(target), parameterNames);
    if (first) problems[field] = first.code === 'rule.unknownFact' ? { code: first.code, params: { fact: first.fact } } : { code: first.code, params: { name: first.name } };
  }
  const unitCodes = [...new Set(input.steps.flatMap((step) => step.units))];
  const found = unitCodes.length ? await executor.select({ code: units.code }).from(units).where(inArray(units.code, unitCodes)) : [];
  input.steps.forEach((step, index) => {
    step.units.forEach((code, unitIndex) => {
      if (!found.some((row) => row.code === code)) problems[`steps.${index}.units.${unitIndex}`] = { code: 'reference.unknown' };
    });
  });
  return problems;
}

/** A 免申即享 policy is scanned in the database: its eligibility rule must have a SQL form. */
function scanProblems(eligibility: unknown, target: PolicyRow['target'], params: Record<string, number>): Record<string, FieldProblem> {
  const translated = toSql(eligibility, { model: factModels[subjectKindOf(target)], column: factColumn, params });
  if (translated.ok) return {};
  const [problem] = translated.problems;
  return { eligibility: { code: 'rule.notSql', params: ruleProblemParams(problem) } };
}

const versionValues = (input: PolicyVersionInput) => ({
  eligibility: input.eligibility as object,
  amount: input.amount as object,
  periodKind: input.periodKind,
  periods: input.periodKind === 'oneOff' ? 1 : input.periods,
  attachments: input.attachments,
  steps: input.steps,
  note: input.note,
});

export type CreatePolicyInput = { policy: PolicyInput; version: PolicyVersionInput; parameters: ParameterInput[] };

export async function createPolicy(db: Db, actor: Actor, user: SessionUser, input: CreatePolicyInput) {
  return db.transaction(async (tx) => {
    const { problems, unitId } = await catalogueProblems(tx, input.policy);
    const names = new Set(input.parameters.map((parameter) => parameter.name));
    Object.assign(problems, await versionProblems(tx, input.version, input.policy.target, names));
    if (Object.keys(problems).length) throw invalid(problems);
    const { unit: _unit, ...catalogue } = input.policy;
    const [policy] = await tx.insert(policies).values({ ...catalogue, documentUrl: catalogue.documentUrl ?? null, effectiveTo: catalogue.effectiveTo ?? null, unitId: unitId! }).returning();
    await tx.insert(policyVersions).values({ policyId: policy.id, number: 1, status: 'draft', createdBy: actor.userId, ...versionValues(input.version) });
    for (const parameter of input.parameters) await insertParameter(tx, actor, policy.id, parameter);
    await recordAudit(tx, actor, { action: 'policy.create', targetType: 'policy', targetId: policy.id, changes: { ...input.policy, version: input.version, parameters: input.parameters } });
    return policyDetail(tx, user, policy.id);
  });
}

export async function updatePolicy(db: Db, actor: Actor, user: SessionUser, id: string, body: PolicyInput & { version: number }) {
  const { version, ...input } = body;
  return db.transaction(async (tx) => {
    const current = await lockPolicy(tx, id);
    if (!current) throw notFound();
    const { problems, unitId } = await catalogueProblems(tx, input, current);
    if (Object.keys(problems).length) throw invalid(problems);
    if (current.version !== version) throw new AppError(409, 'conflict');
    const { unit: _unit, ...catalogue } = input;
    const next = { ...catalogue, documentUrl: catalogue.documentUrl ?? null, effectiveTo: catalogue.effectiveTo ?? null, unitId: unitId! };
    const changes = diff(current as unknown as Record<string, unknown>, next);
    if (Object.keys(changes).length) {
      await tx.update(policies).set({ ...next, version: version + 1, updatedAt: new Date() }).where(eq(policies.id, id));
      await recordAudit(tx, actor, { action: 'policy.update', targetType: 'policy', targetId: id, changes });
    }
    return policyDetail(tx, user, id);
  });
}

/** Writes the draft version: edits the open draft, or starts a new one after the published version. */
export async function saveDraft(db: Db, actor: Actor, user: SessionUser, id: string, input: PolicyVersionInput) {
  return db.transaction(async (tx) => {
    const policy = await lockPolicy(tx, id);
    if (!policy) throw notFound();
    const names = new Set((await parametersOf(tx, id)).map((entry) => entry.parameter.name));
    const problems = await versionProblems(tx, input, policy.target, names);
    if (Object.keys(problems).length) throw invalid(problems);
    const draft = await draftOf(tx, id);
    if (draft) {
      await tx.update(policyVersions).set(versionValues(input)).where(eq(policyVersions.id, draft.id));
    } else {
      const [{ last }] = await tx.select({ last: max(policyVersions.number) }).from(policyVersions).where(eq(policyVersions.policyId, id));
      await tx.insert(policyVersions).values({ policyId: id, number: (last ?? 0) + 1, status: 'draft', createdBy: actor.userId, ...versionValues(input) });
    }
    await recordAudit(tx, actor, { action: 'policy.draft', targetType: 'policy', targetId: id, changes: { ...input } });
    return policyDetail(tx, user, id);
  });
}

/** Publishing freezes the draft: it becomes the version decisions use, the previous one is superseded. */
export async function publishDraft(db: Db, actor: Actor, user: SessionUser, id: string) {
  return db.transaction(async (tx) => {
    const policy = await lockPolicy(tx, id);
    if (!policy) throw notFound();
    const draft = await draftOf(tx, id);
    if (!draft) throw new AppError(409, 'policyNoDraft');
    if (policy.mode === 'automatic') {
      const problems = scanProblems(draft.eligibility, policy.target, await parameterValuesOn(tx, id, today()));
      if (Object.keys(problems).length) throw invalid(problems);
    }
    await tx.update(policyVersions).set({ status: 'superseded' }).where(and(eq(policyVersions.policyId, id), eq(policyVersions.status, 'published')));
    await tx.update(policyVersions).set({ status: 'published', publishedAt: new Date(), publishedBy: actor.userId }).where(eq(policyVersions.id, draft.id));
    await tx.update(policies).set({ status: 'published', publishedVersionId: draft.id, version: sql`${policies.version} + 1`, updatedAt: new Date() }).where(eq(policies.id, id));
    await recordAudit(tx, actor, { action: 'policy.publish', targetType: 'policy', targetId: id, changes: { version: draft.number } });
    return policyDetail(tx, user, id);
  });
}

export async function retirePolicy(db: Db, actor: Actor, user: SessionUser, id: string) {
  return db.transaction(async (tx) => {
    const policy = await lockPolicy(tx, id);
    if (!policy) throw notFound();
    if (policy.status !== 'published') throw new AppError(409, 'policyNotPublished');
    await tx.update(policies).set({ status: 'retired', version: sql`${policies.version} + 1`, updatedAt: new Date() }).where(eq(policies.id, id));
    await recordAudit(tx, actor, { action: 'policy.retire', targetType: 'policy', targetId: id });
    return policyDetail(tx, user, id);
  });
}

async function insertParameter(executor: Executor, actor: Actor, policyId: string, input: ParameterInput) {
  const [existing] = await executor.select().from(policyParameters).where(and(eq(policyParameters.policyId, policyId), eq(policyParameters.name, input.name)));
  const parameter =
    existing ??
    (await executor.insert(policyParameters).values({ policyId, name: input.name, label: input.label, kind: input.kind, fact: input.fact ?? null }).returning())[0];
  const [clash] = await executor
    .select({ id: parameterValues.id })
    .from(parameterValues)
    .where(and(eq(parameterValues.parameterId, parameter.id), eq(parameterValues.effectiveFrom, input.effectiveFrom)));
  if (clash) throw invalid({ effectiveFrom: { code: 'parameter.exists' } });
  await executor.insert(parameterValues).values({ parameterId: parameter.id, value: input.value, effectiveFrom: input.effectiveFrom, legalReference: input.legalReference, createdBy: actor.userId });
}

/** A new dated value of a parameter (or a new parameter): a change of threshold is data, the published rule stays. */
export async function addParameterValue(db: Db, actor: Actor, user: SessionUser, id: string, input: ParameterInput) {
  return db.transaction(async (tx) => {
    const policy = await lockPolicy(tx, id);
    if (!policy) throw notFound();
    if (input.kind === 'rank' && (!input.fact || !(input.fact in factModels[subjectKindOf(policy.target)]))) throw invalid({ fact: { code: 'reference.unknown' } });
    await insertParameter(tx, actor, id, input);
    await recordAudit(tx, actor, { action: 'policy.parameter', targetType: 'policy', targetId: id, changes: { ...input } });
    return policyDetail(tx, user, id);
  });
}

