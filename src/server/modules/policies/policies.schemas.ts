import { z } from 'zod';
import { entitlementStatuses, applicationStatuses, parameterInput, policyCategories, policyInput, policyModes, policyStatuses, policyTargets, policyVersionInput, reviewDecisions } from '../../../domain/policies/policy';
import { pageQuery } from '../../http/pagination';

/** Bodies the API answers with: documented by their main keys; nested traces and rules are JSON as the engine gives them. */
const record = (description: string) => z.looseObject({}).describe(description);
export const policySchema = record('a policy: catalogue fields, budget {total, committed, paid, remaining}, published and draft versions, parameters');
export const policyPage = z.object({ items: z.array(record('a policy of the catalogue')), total: z.number().int() });

export const policyListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional().describe('part of the title, document number or code'),
  category: z.enum(policyCategories).optional(),
  status: z.enum(policyStatuses).optional(),
  target: z.enum(policyTargets).optional(),
  mode: z.enum(policyModes).optional(),
});

export const createPolicyBody = z.object({ policy: policyInput, version: policyVersionInput, parameters: z.array(parameterInput).max(20).default([]) });
export const updatePolicyBody = policyInput.extend({ version: z.number().int().min(1) });
export { parameterInput, policyVersionInput };

export const matchCountBody = z.object({
  target: z.enum(policyTargets),
  eligibility: z.unknown(),
  params: z.record(z.string(), z.number()).default({}),
  asOf: z.iso.date().optional(),
});
export const matchCountResponse = z.object({ matched: z.number().int(), subjects: z.number().int(), sql: z.boolean().describe('counted by the SQL form of the rule (else by the engine)') });

export const calculatorQuery = z.object({ target: z.enum(policyTargets).default('talent'), subjectId: z.uuid().optional() });

export const applicationListQuery = pageQuery.extend({
  status: z.enum(applicationStatuses).optional(),
  policyId: z.uuid().optional(),
  inbox: z.enum(['true', 'false']).optional().transform((value) => value === 'true').describe('only those waiting for my unit (office: and escalated ones)'),
});
export const submitBody = z.object({
  policyId: z.uuid(),
  subjectId: z.uuid().optional().describe('enterprise HR: the staff member or the enterprise; a talent applies for themself'),
  form: z.record(z.string(), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()])).default({}),
  attachmentIds: z.array(z.uuid()).max(20).default([]),
});
export const reviewBody = z.object({
  decision: z.enum(reviewDecisions),
  comment: z.string().trim().max(1000).default(''),
  internalNote: z.string().trim().max(1000).default(''),
  version: z.number().int().min(1),
});
export const resubmitBody = submitBody.pick({ form: true, attachmentIds: true }).extend({ version: z.number().int().min(1) });
export const versionBody = z.object({ version: z.number().int().min(1) });
export const applicationSchema = record('an application: status, steps, current step with its deadline, history (internal notes for reviewers only), attachments, entitlements');
export const applicationPage = z.object({ items: z.array(record('an application')), total: z.number().int() });

export const attachmentQuery = z.object({ requirement: z.string().trim().min(1).max(40), fileName: z.string().trim().min(1).max(200) });
export const attachmentSchema = z.object({ id: z.uuid(), requirement: z.string(), fileName: z.string(), mediaType: z.string(), size: z.number().int() });

export const entitlementQuery = pageQuery.extend({
  policyId: z.uuid().optional(),
  status: z.enum(entitlementStatuses).optional(),
  period: z.string().trim().max(10).optional(),
  subjectId: z.uuid().optional(),
});
export const entitlementPage = z.object({ items: z.array(record('an entitlement')), total: z.number().int(), sums: z.object({ amount: z.number(), paid: z.number() }) });
export const confirmBody = z.object({ ids: z.array(z.uuid()).min(1).max(5000) });

export const idempotencyHeaders = z.looseObject({ 'idempotency-key': z.string().trim().min(8).max(100).describe('the same key and body give the same result once') });
export const batchBody = z.object({ period: z.string().trim().regex(/^(once|\d{4}|\d{4}-\d{2})$/) });
export const settleBody = z.object({
  results: z.array(z.object({ entitlementId: z.uuid(), status: z.enum(['paid', 'failed']), reason: z.string().trim().max(200).nullish() })).min(1).max(5000),
});
export const batchSchema = record('a disbursement batch: control totals, settled sums, payments');

export const scanBody = z.object({ asOf: z.iso.date().optional() });
export const scanResponse = z.object({ policyId: z.uuid(), asOf: z.string(), eligible: z.number().int(), granted: z.number().int(), entitlements: z.number().int() });

export const simulationBody = z.object({
  name: z.string().trim().min(1).max(60),
  asOf: z.iso.date(),
  params: z.record(z.string(), z.number()).default({}),
  eligibility: z.unknown().optional(),
  amount: z.unknown().optional(),
});
export const simulationSchema = record('a saved simulation: the change, the snapshot date, the results');
