/**
 * Policies (人才政策) as data: the catalogue entry, the versioned decision logic, the review chain, and the codes of
 * applications, entitlements and payments. Shared by server and web; the zod schemas are the one validation.
 */
import { z } from 'zod';
import { validateRule, type RuleProblem } from '../rules';
import { httpUrl } from '../text';
import type { SubjectKind } from './facts';

export const policyCategories = ['livingSubsidy', 'settlingSubsidy', 'housing', 'startup', 'research', 'introductionReward', 'teamReward', 'title', 'internship', 'other'] as const;
export type PolicyCategory = (typeof policyCategories)[number];

export const policyTargets = ['talent', 'enterprise', 'team'] as const;
export type PolicyTarget = (typeof policyTargets)[number];
/** Teams are organisations too: they are judged on the organisation facts. */
export const subjectKindOf = (target: PolicyTarget): SubjectKind => (target === 'talent' ? 'talent' : 'enterprise');

/** 申请制: the subject applies; 免申即享: a scan finds the eligible and grants without application. */
export const policyModes = ['apply', 'automatic'] as const;
export type PolicyMode = (typeof policyModes)[number];

export const policyStatuses = ['draft', 'published', 'retired'] as const;
export type PolicyStatus = (typeof policyStatuses)[number];

export const periodKinds = ['oneOff', 'monthly', 'yearly'] as const;
export type PeriodKind = (typeof periodKinds)[number];

export const applicationStatuses = ['inReview', 'returned', 'approved', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];
export const openApplicationStatuses: readonly ApplicationStatus[] = ['inReview', 'returned'];

export const applicationActions = ['submit', 'approve', 'reject', 'return', 'resubmit', 'withdraw', 'escalate', 'reassign'] as const;
export type ApplicationAction = (typeof applicationActions)[number];
export const reviewDecisions = ['approve', 'reject', 'return'] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];

/**
 * scheduled: approved, its period not yet due for payment; pending: found by a 免申即享 scan, awaiting the office's
 * confirmation; due → paid or failed (retried in a later batch); paused: no longer qualifies; declined by the subject.
 */
export const entitlementStatuses = ['pending', 'scheduled', 'inBatch', 'paid', 'failed', 'paused', 'declined'] as const;
export type EntitlementStatus = (typeof entitlementStatuses)[number];
/** Statuses whose amount counts against the budget. */
export const committedStatuses: readonly EntitlementStatus[] = ['pending', 'scheduled', 'inBatch', 'paid', 'failed'];

export const attachmentMediaTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentMediaType = (typeof attachmentMediaTypes)[number];
export const attachmentSizeLimit = 10 * 1024 * 1024;

export type AttachmentRequirement = { code: string; name: string; required: boolean };

/** One step of the review chain: its units, whether all must approve (会签) or any one (或签), its time limit. */
export type ReviewStepDefinition = { units: string[]; mode: 'all' | 'any'; workingDays: number; name: string };

const code = z.string().trim().regex(/^[A-Za-z][A-Za-z0-9_-]{1,39}$/);
const isoDate = z.iso.date();

/**
 * The placeholders of a rule problem's field message (`rule.invalid`, `rule.notSql`): the path of the bad node and the
 * reason in both languages, so the message of each language picks its own (`{detailZh}` or `{detailEn}`).
 */
export const ruleProblemParams = (problem: RuleProblem) => ({ path: problem.path, detailZh: problem.messageZh, detailEn: problem.message });

/** A JsonLogic rule: any JSON, checked by the engine's validator so a bad node is named at save time. */
export const ruleSchema = z.unknown().superRefine((rule, context) => {
  if (rule === undefined) {
    context.addIssue({ code: 'custom', message: 'required', params: { code: 'required' } });
    return;
  }
  for (const problem of validateRule(rule)) {
    context.addIssue({ code: 'custom', message: `${problem.path}: ${problem.message}`, params: { code: 'rule.invalid', ...ruleProblemParams(problem) } });
  }
});

export const attachmentRequirement = z.object({ code, name: z.string().trim().min(1).max(60), required: z.boolean() });
export const reviewStep = z.object({
  name: z.string().trim().min(1).max(60),
  units: z.array(z.string().trim().min(1)).min(1).max(19),
  mode: z.enum(['all', 'any']),
  workingDays: z.number().int().min(1).max(60),
});

export const policyInput = z.object({
  code,
  title: z.string().trim().min(2).max(120),
  documentNo: z.string().trim().max(80).default(''),
  documentUrl: httpUrl().nullish(),
  summary: z.string().trim().max(2000).default(''),
  category: z.enum(policyCategories),
  target: z.enum(policyTargets),
  unit: z.string().trim().min(1),
  mode: z.enum(policyModes),
  budgetTotal: z.number().int().min(0).max(10_000_000_000),
  effectiveFrom: isoDate,
  effectiveTo: isoDate.nullish(),
  exclusions: z.array(code).max(20).default([]),
});
export type PolicyInput = z.infer<typeof policyInput>;

export const policyVersionInput = z.object({
  eligibility: ruleSchema,
  amount: ruleSchema,
  periodKind: z.enum(periodKinds),
  periods: z.number().int().min(1).max(120),
  attachments: z.array(attachmentRequirement).max(10).default([]),
  steps: z.array(reviewStep).min(1).max(6),
  note: z.string().trim().max(500).default(''),
});
export type PolicyVersionInput = z.infer<typeof policyVersionInput>;

export const parameterInput = z.object({
  name: z.string().trim().regex(/^[a-z][A-Za-z0-9]{0,39}$/),
  label: z.string().trim().min(1).max(60),
  kind: z.enum(['number', 'yuan', 'rank']),
  fact: z.string().trim().nullish(),
  value: z.number().finite(),
  effectiveFrom: isoDate,
  legalReference: z.string().trim().min(2).max(200),
});
export type ParameterInput = z.infer<typeof parameterInput>;

/** Period keys: `once`, `2026`, `2026-11`. The n-th period of an entitlement starting on a date. */
export function periodKeys(kind: PeriodKind, periods: number, start: string): string[] {
  if (kind === 'oneOff') return ['once'];
  const [year, month] = start.split('-').map(Number);
  if (kind === 'yearly') return Array.from({ length: periods }, (_, index) => String(year + index));
  return Array.from({ length: periods }, (_, index) => {
    const months = year * 12 + (month - 1) + index;
    return `${Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, '0')}`;
  });
}

/** The application round of a policy on a date: the year for yearly policies, `once` otherwise. */
export const roundOf = (kind: PeriodKind, on: string) => (kind === 'yearly' ? on.slice(0, 4) : 'once');

/** Time limits run in working days on the Chinese calendar (holidays, 调休): one entry point, in `domain/calendar`. */
export { addWorkingDays } from '../calendar';
