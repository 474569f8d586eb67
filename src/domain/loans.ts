/**
 * Start-up guaranteed loans (创业担保贷款) as data shared by server and web: the stages a loan case goes through (the
 * case engine's steps), the stage data each records, the limits of an application, and the interest-subsidy rule
 * (贴息) in words. The subsidy itself is paid as entitlements of the LOAN policy on the one ledger.
 */
import { z } from 'zod';
import type { Language } from './i18n';
import { formatMoney } from './money';
import { periodKeys, type PeriodKind, type ReviewStepDefinition } from './policies/policy';

/** The policy whose entitlements carry a loan's interest subsidy (its parameter `yearlyInterest` caps a year's subsidy). */
export const loanSubsidyPolicyCode = 'LOAN';

export const loanStages = ['accept', 'bankApproval', 'disbursement', 'subsidy', 'settlement'] as const;
export type LoanStage = (typeof loanStages)[number];

export const loanStageLabels: Record<LoanStage, Record<Language, string>> = {
  accept: { 'zh-CN': '受理', 'en-US': 'Acceptance' },
  bankApproval: { 'zh-CN': '银行审批', 'en-US': 'Bank approval' },
  disbursement: { 'zh-CN': '放款', 'en-US': 'Disbursement' },
  subsidy: { 'zh-CN': '贴息', 'en-US': 'Interest subsidy' },
  settlement: { 'zh-CN': '结清', 'en-US': 'Settlement' },
};

/**
 * The steps of every loan case: 受理 by 人社局 (就业创业服务), then the 财政金融局 (创业担保贷款贴息) records the bank's
 * approval, the disbursement, grants the subsidy and records the settlement. The settlement step waits for the loan's
 * term: its time limit is the term in working days (22 a month) plus ten.
 */
export function loanSteps(termMonths: number): ReviewStepDefinition[] {
  const step = (stage: LoanStage, unit: string, workingDays: number) => ({ name: loanStageLabels[stage]['zh-CN'], units: [unit], mode: 'any' as const, workingDays });
  return [step('accept', 'U07', 5), step('bankApproval', 'U06', 15), step('disbursement', 'U06', 10), step('subsidy', 'U06', 10), step('settlement', 'U06', termMonths * 22 + 10)];
}

/** The stage a case's step index stands for. */
export const stageOf = (stepIndex: number): LoanStage => loanStages[Math.min(Math.max(stepIndex, 0), loanStages.length - 1)];

/** Applicant limits: a person at most 300,000 yuan, a small enterprise at most 3,000,000; terms up to three years. */
export const loanLimits = { talent: 300_000, enterprise: 3_000_000, minimum: 10_000, termMonths: { min: 6, max: 36 }, subsidyRate: { min: 0.1, max: 5 } } as const;

const isoDate = z.iso.date();
const yuan = z.number().int().min(0).max(100_000_000);

/** The application: bank and guarantor (data), amount, term in months, interest-subsidy rate in percent a year. */
export const loanInput = z.object({
  bankCode: z.string().trim().min(1).max(40),
  guarantorCode: z.string().trim().min(1).max(40),
  loanAmount: z.number().int().min(loanLimits.minimum).max(loanLimits.enterprise),
  termMonths: z.number().int().min(loanLimits.termMonths.min).max(loanLimits.termMonths.max),
  subsidyRate: z.number().min(loanLimits.subsidyRate.min).max(loanLimits.subsidyRate.max).multipleOf(0.01),
  purpose: z.string().trim().min(2).max(500),
  attachmentIds: z.array(z.uuid()).max(10).default([]),
});
export type LoanInput = z.infer<typeof loanInput>;

/**
 * What a stage records, sent with its approval: 银行审批 the approved amount and the bank's reference; 放款 the amount
 * and date; 贴息 the balance the subsidy is computed on (the disbursed amount when left out); 结清 the settlement date.
 * Which are required depends on the stage (the service names a missing one as a field error).
 */
export const loanStageData = z.object({
  approvedAmount: yuan.optional(),
  bankReference: z.string().trim().min(1).max(60).optional(),
  disbursedAmount: yuan.optional(),
  disbursedOn: isoDate.optional(),
  balance: yuan.optional(),
  settledOn: isoDate.optional(),
});
export type LoanStageData = z.infer<typeof loanStageData>;

/** The fields each stage asks for (required ones first). */
export const stageFields: Record<LoanStage, { required: (keyof LoanStageData)[]; optional: (keyof LoanStageData)[] }> = {
  accept: { required: [], optional: [] },
  bankApproval: { required: ['approvedAmount', 'bankReference'], optional: [] },
  disbursement: { required: ['disbursedAmount', 'disbursedOn'], optional: [] },
  subsidy: { required: [], optional: ['balance'] },
  settlement: { required: ['settledOn'], optional: [] },
};

/** A rate held in basis points (300 = 3.00 %). */
export const rateToBasisPoints = (rate: number) => Math.round(rate * 100);
export const basisPointsToRate = (basisPoints: number) => basisPoints / 100;

export type SubsidyPlan = {
  /** One entitlement per period: the period key and its amount. */
  periods: { period: string; amount: number }[];
  /** The subsidy of one year: the balance × the rate, at most the policy's cap. */
  yearly: number;
  total: number;
  /** How it was computed, in both languages. */
  basis: Record<Language, string>;
};

/**
 * The interest subsidy of a loan: a year's subsidy is the balance × the subsidy rate, rounded to the yuan and at most
 * the policy's yearly cap; it is owed for each period of the policy's version that the loan's term covers (a yearly
 * policy: one per year of the term, at most the version's periods, from the disbursement date's year; a monthly one:
 * a twelfth of it a month).
 */
export function subsidyPlan(input: { balance: number; rateBasisPoints: number; termMonths: number; disbursedOn: string; cap: number; periodKind: PeriodKind; periods: number }): SubsidyPlan {
  const raw = Math.round((input.balance * input.rateBasisPoints) / 10_000);
  const yearly = input.cap > 0 ? Math.min(raw, input.cap) : raw;
  const count = input.periodKind === 'oneOff' ? 1 : input.periodKind === 'yearly' ? Math.min(input.periods, Math.ceil(input.termMonths / 12)) : Math.min(input.periods, input.termMonths);
  const amount = input.periodKind === 'monthly' ? Math.round(yearly / 12) : yearly;
  const keys = periodKeys(input.periodKind, count, input.disbursedOn);
  const periods = keys.map((period) => ({ period, amount }));
  const total = periods.reduce((sum, entry) => sum + entry.amount, 0);
  const rate = `${basisPointsToRate(input.rateBasisPoints)}%`;
  const capped = input.cap > 0 && raw > input.cap;
  const zh = [
    `贷款余额 ${formatMoney(input.balance, 'zh-CN')} × 贴息利率 ${rate} = ${formatMoney(raw, 'zh-CN')}/年`,
    capped ? `超过政策年度贴息上限，按上限 ${formatMoney(input.cap, 'zh-CN')}/年` : `不超过政策年度贴息上限 ${formatMoney(input.cap, 'zh-CN')}`,
    `贷款期限 ${input.termMonths} 个月，贴息 ${keys.length} 期（${keys.join('、')}），每期 ${formatMoney(amount, 'zh-CN')}，合计 ${formatMoney(total, 'zh-CN')}`,
  ].join('；');
  const en = [
    `Balance ${formatMoney(input.balance, 'en-US')} × subsidy rate ${rate} = ${formatMoney(raw, 'en-US')} a year`,
    capped ? `above the policy's yearly cap, so the cap of ${formatMoney(input.cap, 'en-US')} a year` : `within the policy's yearly cap of ${formatMoney(input.cap, 'en-US')}`,
    `term ${input.termMonths} months: ${keys.length} period(s) (${keys.join(', ')}) of ${formatMoney(amount, 'en-US')}, ${formatMoney(total, 'en-US')} in total`,
  ].join('; ');
  return { periods, yearly, total, basis: { 'zh-CN': zh, 'en-US': en } };
}

/** The day a loan of `termMonths` disbursed on `disbursedOn` falls due (the same day of the month, or the month's last). */
export function maturityOf(disbursedOn: string, termMonths: number): string {
  const [year, month, day] = disbursedOn.split('-').map(Number);
  const months = year * 12 + (month - 1) + termMonths;
  const targetYear = Math.floor(months / 12);
  const targetMonth = (months % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return `${targetYear}-${String(targetMonth).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}
