import { z } from 'zod';
import { applicationStatuses, entitlementStatuses, reviewDecisions } from '../../../domain/policies/policy';
import { caseActions } from '../../../domain/cases';
import { loanInput, loanStageData, loanStages } from '../../../domain/loans';
import { safeText } from '../../../domain/text';
import { pageQuery, pageSchema } from '../../http/pagination';

const dateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();
const int = z.number().int();
const version = z.number().int().min(1);
const bilingual = z.object({ 'zh-CN': z.string(), 'en-US': z.string() });
const named = z.object({ code: z.string(), name: z.string(), nameEn: z.string() });

export const institutionList = z.object({ banks: z.array(named), guarantors: z.array(named) });

export const loanBody = loanInput.extend({ purpose: safeText(loanInput.shape.purpose) });
export const stageBody = z.object({
  decision: z.enum(reviewDecisions),
  comment: safeText(z.string().trim().max(1000)).default(''),
  internalNote: safeText(z.string().trim().max(1000)).default(''),
  version,
  data: loanStageData.extend({ bankReference: safeText(z.string().trim().min(1).max(60)).optional() }).default({}),
});
export const resubmitBody = z.object({ purpose: safeText(z.string().trim().min(2).max(500)).optional(), attachmentIds: z.array(z.uuid()).max(10).default([]), version });
export const versionBody = z.object({ version });

const stageOrSettled = z.enum([...loanStages, 'settled']);
export const loanListQuery = pageQuery.extend({
  status: z.enum(applicationStatuses).optional(),
  stage: stageOrSettled.optional(),
  bankCode: z.string().trim().max(40).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  applicantKind: z.enum(['talent', 'enterprise']).optional(),
});
export const totalsQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional(), bankCode: z.string().trim().max(40).optional() });

export const loanItem = z.object({
  id: z.uuid(),
  applicant: z.object({ kind: z.enum(['talent', 'enterprise']), id: z.uuid(), name: z.string() }),
  bank: named,
  guarantor: named,
  loanAmount: int.describe('yuan applied for'),
  termMonths: int,
  subsidyRate: z.number().describe('interest-subsidy rate, percent a year'),
  approvedAmount: int.nullable(),
  disbursedAmount: int.nullable(),
  disbursedOn: isoDate.nullable(),
  subsidyTotal: int.nullable(),
  settledOn: isoDate.nullable(),
  status: z.enum(applicationStatuses),
  stage: stageOrSettled.describe('the current stage (the case step), or settled'),
  unitNames: z.array(named),
  escalated: z.boolean(),
  dueAt: dateTime.nullable().describe('when the current stage is due (working days)'),
  overdue: z.boolean(),
  submittedAt: dateTime,
});
export const loanPage = pageSchema(loanItem);

export const loanSchema = loanItem.extend({
  purpose: z.string(),
  bankReference: z.string().nullable(),
  approvedAt: dateTime.nullable(),
  maturityOn: isoDate.nullable(),
  subsidy: z
    .object({
      eligible: z.boolean(),
      basis: bilingual.nullable().describe('how the subsidy was computed, in words'),
      reasons: bilingual.nullable().describe('why there is none'),
      balance: int.nullable(),
      total: int,
      entitlements: z.array(z.object({ id: z.uuid(), period: z.string(), amount: int, status: z.enum(entitlementStatuses), paidAt: dateTime.nullable() })),
    })
    .nullable()
    .describe('decided at 贴息; null before'),
  stages: z.array(z.object({ stage: z.enum(loanStages), name: z.string(), unitNames: z.array(named), workingDays: int, state: z.enum(['done', 'current', 'waiting']) })),
  history: z.array(
    z.object({
      action: z.enum(caseActions),
      stage: z.enum(loanStages).nullable(),
      unit: z.string().nullable(),
      unitEn: z.string().nullable(),
      actor: z.string().nullable().describe('staff only'),
      comment: z.string(),
      internalNote: z.string().nullable().describe('staff only'),
      at: dateTime,
    }),
  ),
  attachments: z.array(z.object({ id: z.uuid(), requirement: z.string(), fileName: z.string(), mediaType: z.string(), size: int })),
  decidedAt: dateTime.nullable(),
  version: int,
  permissions: z.object({ handle: z.boolean(), resubmit: z.boolean(), withdraw: z.boolean() }),
});

const figures = { count: int, amount: z.number().describe('yuan disbursed (helped)'), subsidyGranted: z.number(), subsidyPaid: z.number() };
export const totalsSchema = z.object({
  byYear: z.array(z.object({ year: int, ...figures })),
  byBank: z.array(z.object({ bank: named, ...figures })),
  total: z.object(figures),
  years: z.array(int).describe('years with disbursed loans'),
});
