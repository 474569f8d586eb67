/**
 * Start-up guaranteed loans (创业担保贷款) — the `loan` cases of the case engine. A loan goes through five stages, the
 * case's steps (受理, 银行审批, 放款, 贴息, 结清: `loanSteps`); approving a stage records its data (the bank's approval, the
 * disbursement, the settlement) in the loan's row, in the engine's transaction. At 贴息 the LOAN policy decides on the
 * applicant and the subsidy (balance × rate, at most the policy's yearly cap) becomes that policy's entitlements, one
 * per period of the term: they are paid in the ledger's batches like every other benefit (no second money path).
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { inBothLanguages } from '../../../domain/policies/messages';
import {
  basisPointsToRate, loanLimits, loanStageLabels, loanStages, loanSteps, loanSubsidyPolicyCode, maturityOf, rateToBasisPoints, stageFields, stageOf, subsidyPlan,
  type LoanInput, type LoanStage, type LoanStageData,
} from '../../../domain/loans';
import { subjectKindOf, type ApplicationStatus, type ReviewDecision } from '../../../domain/policies/policy';
import type { Db, Executor } from '../../db/client';
import { cases, loans } from '../../db/schema';
import { AppError, invalid, notFound, type FieldProblem } from '../../errors';
import type { Actor, SessionUser } from '../../plugins/auth';
import { recordAudit } from '../audit/audit.service';
import { notify, subjectAccounts, unitStaff } from '../notifications/notifications.service';
import { canActNow, decideStep, resubmitCase, stepDeadline, withdrawCase } from '../cases/cases.engine';
import {
  attachUploads, caseFiles, caseHistory, caseScope, findCase, insertAction, insertCase, lockCase, subjectName, unitNamesOf, usableUploads, type CaseRow,
} from '../cases/cases.repo';
import { findRequester } from '../service-requests/service-requests.repo';
import { grantEntitlements } from '../policies/ledger.service';
import { decisionFor } from '../policies/applications.service';
import { findPolicyByCode, findVersion, parameterValuesOn } from '../policies/policies.repo';
import {
  disbursementYears, findInstitution, findLoan, insertLoan, institutionsByCode, listInstitutionRows, listLoanRows, loanTotalsBy, subsidyEntitlements, takenPeriods, updateLoan,
  type InstitutionRow, type LoanRow,
} from './loans.repo';

const isLoan = eq(cases.type, 'loan');
const link = (id: string) => `/loans/${id}`;
const isStaff = (user: SessionUser) => user.roles.some((role) => role === 'office' || role === 'department' || role === 'leader');
/** Today in Beijing (dates of loans are Beijing dates). */
const beijingToday = (now = new Date()) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const beijingDayOf = (at: Date) => beijingToday(at);

/** Loans the user may see: the applicant's own, their enterprise's, those whose stages name the user's unit; office and leaders all. */
export function loanScope(user: SessionUser): SQL {
  return and(isLoan, caseScope(user))!;
}

type Subsidy = { eligible: boolean; basis: Record<'zh-CN' | 'en-US', string> | null; reasons: Record<'zh-CN' | 'en-US', string> | null };

export async function listInstitutions(executor: Executor) {
  const rows = await listInstitutionRows(executor);
  const of = (kind: InstitutionRow['kind']) => rows.filter((row) => row.kind === kind).map(({ code, name, nameEn }) => ({ code, name, nameEn }));
  return { banks: of('bank'), guarantors: of('guarantor') };
}

/** Who applies: a talent for themself, enterprise HR for its enterprise. */
async function applicantFor(executor: Executor, user: SessionUser) {
  const kind = user.talentId ? ('talent' as const) : user.roles.includes('enterprise') && user.organisationId ? ('enterprise' as const) : null;
  const id = kind === 'talent' ? user.talentId : kind === 'enterprise' ? user.organisationId : null;
  const found = kind && id ? await findRequester(executor, kind, id) : undefined;
  if (!kind || !found) throw invalid({ loanAmount: { code: 'loan.applicantUnknown' } });
  return { kind, id: found.id, name: found.name };
}

async function attach(executor: Executor, user: SessionUser, caseId: string, attachmentIds: string[]) {
  const usable = await usableUploads(executor, user.id, caseId, attachmentIds);
  const unknown = attachmentIds.findIndex((id) => !usable.some((file) => file.id === id));
  if (unknown >= 0) throw invalid({ [`attachmentIds.${unknown}`]: { code: 'attachment.unknown' } });
  await attachUploads(executor, caseId, usable.map((file) => file.id));
}

/** An application for a loan: checked against the bank and guarantor lists and the applicant's limit, then 受理 waits for 人社局. */
export async function applyForLoan(db: Db, actor: Actor, user: SessionUser, input: LoanInput) {
  return db.transaction(async (tx) => {
    const applicant = await applicantFor(tx, user);
    const problems: Record<string, FieldProblem> = {};
    const bank = await findInstitution(tx, input.bankCode, 'bank');
    if (!bank) problems.bankCode = { code: 'loan.bankUnknown' };
    if (!(await findInstitution(tx, input.guarantorCode, 'guarantor'))) problems.guarantorCode = { code: 'loan.guarantorUnknown' };
    const limit = loanLimits[applicant.kind];
    if (input.loanAmount > limit) problems.loanAmount = { code: 'loan.amountAboveLimit', params: { maximum: limit.toLocaleString('en-US'), applicant: applicant.kind === 'talent' ? '个人 / individual' : '小微企业 / small enterprise' } };
    if (Object.keys(problems).length) throw invalid(problems);
    const steps = loanSteps(input.termMonths);
    const row = await insertCase(tx, {
      type: 'loan', channel: 'online', subjectKind: applicant.kind, subjectId: applicant.id, round: 'once', status: 'inReview',
      form: { title: `${bank!.name} · ${input.loanAmount.toLocaleString('en-US')}` }, steps, submittedBy: user.id,
    });
    await insertLoan(tx, { caseId: row.id, bankCode: input.bankCode, guarantorCode: input.guarantorCode, amount: input.loanAmount, termMonths: input.termMonths, subsidyRateBp: rateToBasisPoints(input.subsidyRate), purpose: input.purpose });
    await attach(tx, user, row.id, input.attachmentIds);
    await insertAction(tx, { caseId: row.id, stepIndex: 0, actorId: user.id, action: 'submit' });
    await recordAudit(tx, actor, { action: 'loan.submit', targetType: 'loan', targetId: row.id, changes: { subject: applicant.id, bank: input.bankCode, guarantor: input.guarantorCode, amount: input.loanAmount, termMonths: input.termMonths, subsidyRate: input.subsidyRate } });
    await notify(tx, await unitStaff(tx, steps[0].units), { kind: 'loan', params: { policy: applicant.name, stage: 'accept', event: 'waiting', comment: '' }, link: link(row.id) });
    return loanDetail(tx, user, row.id);
  });
}

/** The stage a loan case is at: its current step while open; settled once completed. */
const stageNow = (row: CaseRow): LoanStage | 'settled' => (row.status === 'approved' ? 'settled' : stageOf(row.stepIndex));

function present(row: CaseRow, loan: LoanRow, subject: string, institutions: Map<string, InstitutionRow>, names: Map<string, { code: string; name: string; nameEn: string }>) {
  const step = row.steps[row.stepIndex];
  const institution = (code: string) => {
    const found = institutions.get(code);
    return { code, name: found?.name ?? code, nameEn: found?.nameEn ?? code };
  };
  return {
    id: row.id,
    applicant: { kind: row.subjectKind, id: row.subjectId, name: subject },
    bank: institution(loan.bankCode),
    guarantor: institution(loan.guarantorCode),
    loanAmount: loan.amount,
    termMonths: loan.termMonths,
    subsidyRate: basisPointsToRate(loan.subsidyRateBp),
    approvedAmount: loan.approvedAmount,
    disbursedAmount: loan.disbursedAmount,
    disbursedOn: loan.disbursedOn,
    subsidyTotal: loan.subsidyTotal,
    settledOn: loan.settledOn,
    status: row.status,
    stage: stageNow(row),
    unitNames: row.status === 'inReview' ? (step?.units ?? []).map((code) => names.get(code) ?? { code, name: code, nameEn: code }) : [],
    escalated: row.escalatedAt !== null,
    ...stepDeadline(row),
    submittedAt: row.submittedAt.toISOString(),
  };
}

export type LoanListQuery = { page: number; pageSize: number; status?: ApplicationStatus; stage?: LoanStage | 'settled'; bankCode?: string; year?: number; applicantKind?: 'talent' | 'enterprise' };

function listConditions(user: SessionUser, query: Omit<LoanListQuery, 'page' | 'pageSize'>) {
  const conditions: (SQL | undefined)[] = [loanScope(user)];
  if (query.status) conditions.push(eq(cases.status, query.status));
  if (query.stage === 'settled') conditions.push(eq(cases.status, 'approved'));
  else if (query.stage) conditions.push(and(inArray(cases.status, ['inReview', 'returned']), eq(cases.stepIndex, loanStages.indexOf(query.stage))));
  if (query.bankCode) conditions.push(eq(loans.bankCode, query.bankCode));
  if (query.year) conditions.push(sql`extract(year from ${loans.disbursedOn}) = ${query.year}`);
  if (query.applicantKind) conditions.push(eq(cases.subjectKind, query.applicantKind));
  return and(...conditions);
}

/** The loans the user may see, with the office's filters: status, stage, bank, year of disbursement, applicant kind. */
export async function listLoans(executor: Executor, user: SessionUser, query: LoanListQuery) {
  const { rows, total } = await listLoanRows(executor, listConditions(user, query), query.page, query.pageSize);
  const [institutions, names] = await Promise.all([
    institutionsByCode(executor, rows.flatMap(({ loan }) => [loan.bankCode, loan.guarantorCode])),
    unitNamesOf(executor, rows.flatMap(({ row }) => row.steps[row.stepIndex]?.units ?? [])),
  ]);
  return { items: rows.map(({ row, loan, subjectName: name }) => present(row, loan, name, institutions, names)), total };
}

export async function loanDetail(executor: Executor, user: SessionUser, id: string) {
  const row = await findCase(executor, id, loanScope(user));
  if (!row) throw notFound();
  const loan = (await findLoan(executor, id))!;
  const [history, files, names, institutions, granted] = await Promise.all([
    caseHistory(executor, id),
    caseFiles(executor, id),
    unitNamesOf(executor, row.steps.flatMap((step) => step.units)),
    institutionsByCode(executor, [loan.bankCode, loan.guarantorCode]),
    subsidyEntitlements(executor, id),
  ]);
  const internal = isStaff(user);
  const mine = row.submittedBy === user.id || (await subjectAccounts(executor, row.subjectKind, row.subjectId)).includes(user.id);
  const stepState = (index: number) => (index < row.stepIndex || row.status === 'approved' ? 'done' : index === row.stepIndex ? 'current' : 'waiting') as 'done' | 'current' | 'waiting';
  const subsidy = ((row.decision as { subsidy?: Subsidy }).subsidy ?? null) as Subsidy | null;
  return {
    ...present(row, loan, await subjectName(executor, row.subjectKind, row.subjectId), institutions, names),
    purpose: loan.purpose,
    bankReference: loan.bankReference,
    approvedAt: loan.approvedAt?.toISOString() ?? null,
    maturityOn: loan.disbursedOn ? maturityOf(loan.disbursedOn, loan.termMonths) : null,
    subsidy: subsidy && {
      ...subsidy,
      balance: loan.subsidyBalance,
      total: loan.subsidyTotal ?? 0,
      entitlements: granted.map((entry) => ({ id: entry.id, period: entry.period, amount: entry.amount, status: entry.status, paidAt: entry.paidAt?.toISOString() ?? null })),
    },
    stages: row.steps.map((step, index) => ({
      stage: loanStages[index] ?? stageOf(index),
      name: step.name,
      unitNames: step.units.map((code) => names.get(code) ?? { code, name: code, nameEn: code }),
      workingDays: step.workingDays,
      state: stepState(index),
    })),
    history: history.map(({ action, unitName, unitNameEn, actorName }) => ({
      action: action.action,
      stage: action.stepIndex === null ? null : stageOf(action.stepIndex),
      unit: unitName,
      unitEn: unitNameEn,
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
    },
  };
}

const requesterAccounts = async (executor: Executor, row: CaseRow) => [row.submittedBy, ...(await subjectAccounts(executor, row.subjectKind, row.subjectId))];

/** The stage data's problems: a field the stage does not record, a required one missing, amounts and dates out of order. */
function stageProblems(stage: LoanStage, row: CaseRow, loan: LoanRow, data: LoanStageData, today: string) {
  const problems: Record<string, FieldProblem> = {};
  const fields = stageFields[stage];
  const stageName = inBothLanguages('stage', (language) => loanStageLabels[stage][language]);
  for (const key of Object.keys(data) as (keyof LoanStageData)[]) {
    if (data[key] !== undefined && !fields.required.includes(key) && !fields.optional.includes(key)) problems[`data.${key}`] = { code: 'loan.notThisStage', params: { stage: `${stageName.stageZh} / ${stageName.stageEn}` } };
  }
  for (const key of fields.required) if (data[key] === undefined) problems[`data.${key}`] = { code: 'required' };
  const money = (amount: number) => amount.toLocaleString('en-US');
  if (stage === 'bankApproval' && data.approvedAmount !== undefined) {
    if (data.approvedAmount <= 0) problems['data.approvedAmount'] = { code: 'loan.positive' };
    else if (data.approvedAmount > loan.amount) problems['data.approvedAmount'] = { code: 'loan.aboveRequested', params: { maximum: money(loan.amount) } };
  }
  if (stage === 'disbursement') {
    if (data.disbursedAmount !== undefined) {
      if (data.disbursedAmount <= 0) problems['data.disbursedAmount'] = { code: 'loan.positive' };
      else if (data.disbursedAmount > (loan.approvedAmount ?? 0)) problems['data.disbursedAmount'] = { code: 'loan.aboveApproved', params: { maximum: money(loan.approvedAmount ?? 0) } };
    }
    const submitted = beijingDayOf(row.submittedAt);
    if (data.disbursedOn !== undefined) {
      if (data.disbursedOn > today) problems['data.disbursedOn'] = { code: 'date.future' };
      else if (data.disbursedOn < submitted) problems['data.disbursedOn'] = { code: 'loan.beforeSubmission', params: { date: submitted } };
    }
  }
  if (stage === 'subsidy' && data.balance !== undefined) {
    if (data.balance <= 0) problems['data.balance'] = { code: 'loan.positive' };
    else if (data.balance > (loan.disbursedAmount ?? 0)) problems['data.balance'] = { code: 'loan.aboveDisbursed', params: { maximum: money(loan.disbursedAmount ?? 0) } };
  }
  if (stage === 'settlement' && data.settledOn !== undefined) {
    if (data.settledOn > today) problems['data.settledOn'] = { code: 'date.future' };
    else if (loan.disbursedOn && data.settledOn < loan.disbursedOn) problems['data.settledOn'] = { code: 'loan.beforeDisbursement', params: { date: loan.disbursedOn } };
  }
  return problems;
}

/**
 * 贴息: the LOAN policy's published version decides on the applicant today. Eligible: the subsidy (balance × rate, at
 * most the policy's yearly cap, one entitlement per period of the term) is granted on the ledger, scheduled for
 * payment, under the policy's budget lock. Not eligible (the policy's conditions unmet, or an enterprise where the policy
 * is for talents): nothing is granted and the reasons are kept. Periods already subsidised for the applicant: 409.
 */
async function grantSubsidy(tx: Executor, actor: Actor, row: CaseRow, loan: LoanRow, balance: number): Promise<Subsidy & { total: number }> {
  const policy = await findPolicyByCode(tx, loanSubsidyPolicyCode);
  const version = policy?.status === 'published' && policy.publishedVersionId ? await findVersion(tx, policy.publishedVersionId) : undefined;
  if (!policy || !version) throw new AppError(409, 'loanPolicyMissing', { code: loanSubsidyPolicyCode });
  const subject = { kind: row.subjectKind, id: row.subjectId, name: await subjectName(tx, row.subjectKind, row.subjectId) };
  const today = beijingToday();
  if (subjectKindOf(policy.target) !== subject.kind) {
    const reasons = { 'zh-CN': `贴息政策“${policy.title}”面向${policy.target === 'talent' ? '人才个人' : '企业'}，本笔贷款不予贴息`, 'en-US': `The subsidy policy "${policy.title}" is for ${policy.target === 'talent' ? 'individual talents' : 'enterprises'}; this loan gets no subsidy` };
    return { eligible: false, basis: null, reasons, total: 0 };
  }
  const decision = await decisionFor(tx, policy, version, subject, today);
  if (!decision.eligible) {
    const unmet = (language: 'zh-CN' | 'en-US') => decision.explanation.unmet.map((item) => item.text[language]).join(language === 'zh-CN' ? '；' : '; ') || (language === 'zh-CN' ? '不符合贴息政策条件' : 'Not eligible under the subsidy policy');
    return { eligible: false, basis: null, reasons: { 'zh-CN': unmet('zh-CN'), 'en-US': unmet('en-US') }, total: 0 };
  }
  const params = await parameterValuesOn(tx, policy.id, today);
  const plan = subsidyPlan({ balance, rateBasisPoints: loan.subsidyRateBp, termMonths: loan.termMonths, disbursedOn: loan.disbursedOn!, cap: params.yearlyInterest ?? 0, periodKind: version.periodKind, periods: version.periods });
  const taken = await takenPeriods(tx, policy.id, subject, plan.periods.map((entry) => entry.period));
  if (taken.length) throw new AppError(409, 'loanSubsidyTaken', { periods: taken.join(', ') });
  await grantEntitlements(tx, actor, {
    policy, version, subject, decision: { ...decision, amount: plan.yearly, loan: { caseId: row.id, basis: plan.basis } } as typeof decision, applicationId: row.id, source: 'application', status: 'scheduled', start: loan.disbursedOn!, periods: plan.periods,
  });
  return { eligible: true, basis: plan.basis, reasons: null, total: plan.total };
}

export type StageInput = { decision: ReviewDecision; comment: string; internalNote: string; version: number; data: LoanStageData };

/**
 * The unit of the current stage decides it: approve (with the stage's data: the stage is done and the loan moves on),
 * return for correction (补正) or refuse. The engine checks the unit, the version and the state first; the stage's data
 * is then checked (a 400 naming each field) and recorded, all in one transaction.
 */
export async function decideLoanStage(db: Db, actor: Actor, user: SessionUser, id: string, input: StageInput) {
  return db.transaction(async (tx) => {
    const row = await lockCase(tx, id, loanScope(user));
    if (!row) throw notFound();
    const loan = (await findLoan(tx, id))!;
    const stage = stageOf(row.stepIndex);
    const outcome = await decideStep(tx, user, row, input);
    const subject = await subjectName(tx, row.subjectKind, row.subjectId);
    const applicants = await requesterAccounts(tx, row);
    const changes: Record<string, unknown> = { stage, unit: outcome.unitCode, comment: input.comment };
    if (input.decision === 'approve') {
      const problems = stageProblems(stage, row, loan, input.data, beijingToday());
      if (Object.keys(problems).length) throw invalid(problems);
      const { data } = input;
      if (stage === 'bankApproval') await updateLoan(tx, id, { approvedAmount: data.approvedAmount, bankReference: data.bankReference, approvedAt: new Date() });
      if (stage === 'disbursement') await updateLoan(tx, id, { disbursedAmount: data.disbursedAmount, disbursedOn: data.disbursedOn });
      if (stage === 'settlement') await updateLoan(tx, id, { settledOn: data.settledOn });
      if (stage === 'subsidy') {
        const balance = data.balance ?? loan.disbursedAmount!;
        const { total, ...subsidy } = await grantSubsidy(tx, actor, row, loan, balance);
        await updateLoan(tx, id, { subsidyBalance: balance, subsidyTotal: total, subsidyAt: new Date() });
        await tx.update(cases).set({ decision: { subsidy } }).where(eq(cases.id, id));
        changes.subsidy = { eligible: subsidy.eligible, balance, total };
      }
      Object.assign(changes, data);
    }
    if (outcome.kind === 'advanced') {
      await notify(tx, await unitStaff(tx, outcome.nextUnits), { kind: 'loan', params: { policy: subject, stage: stageOf(row.stepIndex + 1), event: 'waiting', comment: '' }, link: link(id) });
      await notify(tx, applicants, { kind: 'loan', params: { policy: subject, stage, event: 'advanced', comment: input.comment }, link: link(id) });
    } else if (outcome.kind === 'completed') {
      await notify(tx, applicants, { kind: 'loan', params: { policy: subject, stage, event: 'settled', comment: input.comment }, link: link(id) });
    } else if (outcome.kind === 'returned' || outcome.kind === 'rejected') {
      await notify(tx, applicants, { kind: 'loan', params: { policy: subject, stage, event: outcome.kind, comment: input.comment }, link: link(id) });
    }
    await recordAudit(tx, actor, { action: `loan.${input.decision}`, targetType: 'loan', targetId: id, changes });
    return loanDetail(tx, user, id);
  });
}

async function lockOwn(tx: Executor, user: SessionUser, id: string) {
  const row = await lockCase(tx, id, loanScope(user));
  if (!row || !(await requesterAccounts(tx, row)).includes(user.id)) throw notFound();
  return row;
}

/** 补正: the applicant sends a returned loan again, with the files asked for and, if they wish, a corrected purpose; the stage that returned it starts over. */
export async function resubmitLoan(db: Db, actor: Actor, user: SessionUser, id: string, input: { purpose?: string; attachmentIds: string[]; version: number }) {
  return db.transaction(async (tx) => {
    const row = await lockOwn(tx, user, id);
    await resubmitCase(tx, user, row, input.version, {});
    if (input.purpose) await updateLoan(tx, id, { purpose: input.purpose });
    await attach(tx, user, id, input.attachmentIds);
    await recordAudit(tx, actor, { action: 'loan.resubmit', targetType: 'loan', targetId: id, changes: { files: input.attachmentIds.length, purpose: input.purpose !== undefined } });
    const subject = await subjectName(tx, row.subjectKind, row.subjectId);
    await notify(tx, await unitStaff(tx, row.steps[row.stepIndex].units), { kind: 'loan', params: { policy: subject, stage: stageOf(row.stepIndex), event: 'waiting', comment: '' }, link: link(id) });
    return loanDetail(tx, user, id);
  });
}

export async function withdrawLoan(db: Db, actor: Actor, user: SessionUser, id: string, version: number) {
  return db.transaction(async (tx) => {
    const row = await lockOwn(tx, user, id);
    await withdrawCase(tx, user, row, version);
    await recordAudit(tx, actor, { action: 'loan.withdraw', targetType: 'loan', targetId: id });
    return loanDetail(tx, user, id);
  });
}

/**
 * Totals of the loans disbursed, from the records: by year of disbursement and by bank — count, amount helped, subsidy
 * granted and subsidy paid (the loan's entitlements marked paid on the ledger) — and the grand total. Optional filters:
 * one year, one bank.
 */
export async function loanTotals(executor: Executor, user: SessionUser, query: { year?: number; bankCode?: string }) {
  const where = listConditions(user, { year: query.year, bankCode: query.bankCode });
  const [byYear, byBank, years] = await Promise.all([loanTotalsBy(executor, 'year', where), loanTotalsBy(executor, 'bank', where), disbursementYears(executor)]);
  const institutions = await institutionsByCode(executor, byBank.map((row) => row.key));
  const figures = (row: { count: number; amount: number; subsidyGranted: number; subsidyPaid: number }) => ({
    count: row.count, amount: Number(row.amount), subsidyGranted: Number(row.subsidyGranted), subsidyPaid: Number(row.subsidyPaid),
  });
  const byYearOut = byYear.map((row) => ({ year: Number(row.key), ...figures(row) }));
  const total = byYearOut.reduce((sum, row) => ({ count: sum.count + row.count, amount: sum.amount + row.amount, subsidyGranted: sum.subsidyGranted + row.subsidyGranted, subsidyPaid: sum.subsidyPaid + row.subsidyPaid }), { count: 0, amount: 0, subsidyGranted: 0, subsidyPaid: 0 });
  return {
    byYear: byYearOut,
    byBank: byBank.map((row) => ({ bank: { code: row.key, name: institutions.get(row.key)?.name ?? row.key, nameEn: institutions.get(row.key)?.nameEn ?? row.key }, ...figures(row) })).sort((a, b) => b.amount - a.amount),
    total,
    years,
  };
}
