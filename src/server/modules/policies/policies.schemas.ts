import { z } from 'zod';
import {
  applicationActions, applicationStatuses, entitlementStatuses, parameterInput, periodKinds, policyCategories, policyInput, policyModes, policyStatuses,
  policyTargets, policyVersionInput, reviewDecisions,
} from '../../../domain/policies/policy';
import { pageQuery, pageSchema } from '../../http/pagination';

// ——— what the API answers with: every field the services return is declared, so the OpenAPI document describes it
// and serialization keeps exactly these fields ———

const int = z.number().int();
const dateTime = z.iso.datetime();
const day = z.iso.date();
const subjectKind = z.enum(['talent', 'enterprise']);
const subjectSchema = z.object({ kind: subjectKind, id: z.uuid(), name: z.string() });
/** A rule as stored: JsonLogic is any JSON (an operation, or a literal such as `true` or `1500`). */
const ruleJson = z.unknown().describe('a JsonLogic rule (any JSON)');
const bilingual = z.object({ 'zh-CN': z.string(), 'en-US': z.string() });
const policyRef = z.object({ id: z.uuid(), code: z.string(), title: z.string() });
const attachmentRequirementSchema = z.object({ code: z.string(), name: z.string(), required: z.boolean() });
const reviewStepSchema = z.object({ name: z.string(), units: z.array(z.string()).describe('unit codes'), mode: z.enum(['all', 'any']).describe('all: 会签, any: 或签'), workingDays: int });

// The engine's documents (decisions and their `explain` traces) are stored as JSON with applications and entitlements
// and answered as stored: their fields are declared, and fields a later engine adds are kept (loose objects).

/** One node of the `explain` trace: a condition (leaf) or a combination, its status and its sentence in both languages. */
type ExplainNodeShape = {
  path: string;
  operator: string;
  status: 'met' | 'notMet' | 'missing';
  facts: string[];
  missing: string[];
  values?: unknown[];
  text: { 'zh-CN': string; 'en-US': string };
  children?: ExplainNodeShape[];
};
const explainNode: z.ZodType<ExplainNodeShape> = z.looseObject({
  path: z.string().describe('the node’s path in the rule (`and.1.<`; `$` for a literal rule)'),
  operator: z.string(),
  status: z.enum(['met', 'notMet', 'missing']),
  facts: z.array(z.string()),
  missing: z.array(z.string()).describe('facts the node reads that are unknown'),
  values: z.array(z.unknown()).optional().describe('conditions: the values compared'),
  text: bilingual,
  get children() {
    return z.array(explainNode).optional();
  },
}).meta({ id: 'ExplainNode' }); // recursive: a component of the OpenAPI document, referenced where it is used
export const explanationSchema = z.looseObject({
  eligible: z.boolean(),
  trace: explainNode,
  unmet: z.array(explainNode).describe('what would make the subject eligible'),
  missing: z.array(z.string()).describe('unknown facts among those conditions'),
});
const factValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);
/** A decision as stored with an application or an entitlement, so it can be replayed; a row written otherwise may lack fields. */
export const decisionSchema = z.looseObject({
  kind: subjectKind.optional(),
  status: z.enum(['eligible', 'notEligible', 'needsData']).optional(),
  eligible: z.boolean().optional(),
  amount: z.number().optional().describe('yuan per period'),
  explanation: explanationSchema.optional(),
  facts: z.record(z.string(), factValue).optional(),
  params: z.record(z.string(), z.number()).optional().describe('parameter values in force on the snapshot date'),
  versionId: z.uuid().optional(),
  asOf: day.optional().describe('the snapshot date'),
});

export const policySummarySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  documentNo: z.string(),
  documentUrl: z.string().nullable(),
  summary: z.string(),
  category: z.enum(policyCategories),
  target: z.enum(policyTargets),
  unit: z.object({ code: z.string(), name: z.string() }),
  mode: z.enum(policyModes),
  status: z.enum(policyStatuses),
  effectiveFrom: day,
  effectiveTo: day.nullable(),
  exclusions: z.array(z.string()).describe('codes of policies that cannot be combined with this one'),
  budget: z.object({ total: z.number(), committed: z.number(), paid: z.number(), remaining: z.number() }).describe('yuan'),
  version: int,
});
const policyVersionSchema = z.object({
  id: z.uuid(),
  number: int,
  status: z.enum(['draft', 'published', 'superseded']),
  eligibility: ruleJson,
  amount: ruleJson,
  periodKind: z.enum(periodKinds),
  periods: int,
  attachments: z.array(attachmentRequirementSchema),
  steps: z.array(reviewStepSchema),
  note: z.string(),
  publishedAt: dateTime.nullable(),
});
export const policySchema = policySummarySchema.extend({
  excludedPolicies: z.array(z.object({ id: z.uuid(), code: z.string(), title: z.string() })).describe('the exclusions by title (drafts only for the office)'),
  published: policyVersionSchema.nullable(),
  draft: policyVersionSchema.nullable().describe('office only'),
  versions: z.array(z.object({ id: z.uuid(), number: int, status: z.enum(['draft', 'published', 'superseded']), publishedAt: dateTime.nullable(), note: z.string() })).describe('office only'),
  parameters: z.array(
    z.object({
      name: z.string(),
      label: z.string(),
      kind: z.enum(['number', 'yuan', 'rank']),
      fact: z.string().nullable(),
      value: z.number().nullable().describe('in force today'),
      history: z.array(z.object({ value: z.number(), effectiveFrom: day, legalReference: z.string() })),
    }),
  ),
});
export const policyPage = pageSchema(policySummarySchema);

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
export const calculatorResponse = z.object({
  subject: subjectSchema,
  asOf: day,
  items: z.array(
    z.object({
      policy: z.object({ id: z.uuid(), code: z.string(), title: z.string(), category: z.enum(policyCategories), mode: z.enum(policyModes), documentNo: z.string(), unit: z.string().describe('responsible unit'), summary: z.string() }),
      status: z.enum(['eligible', 'notEligible', 'needsData']),
      amount: z.number().describe('yuan per period; 0 when not eligible'),
      periodKind: z.enum(periodKinds),
      periods: int,
      explanation: explanationSchema,
      application: z.object({ id: z.uuid(), status: z.enum(applicationStatuses) }).nullable().describe('my latest application'),
      entitlements: z.object({ count: int, total: z.number(), statuses: z.array(z.enum(entitlementStatuses)) }),
      attachments: z.array(attachmentRequirementSchema),
    }),
  ),
});

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

export const attachmentQuery = z.object({ requirement: z.string().trim().min(1).max(40), fileName: z.string().trim().min(1).max(200) });
export const attachmentSchema = z.object({ id: z.uuid(), requirement: z.string(), fileName: z.string(), mediaType: z.string(), size: z.number().int() });

const unitName = z.object({ code: z.string(), name: z.string(), nameEn: z.string() });
const deadline = { dueAt: dateTime.nullable().describe('when the current step is due (working days)'), overdue: z.boolean() };
export const applicationSchema = z.object({
  id: z.uuid(),
  policy: policyRef.extend({ target: z.enum(policyTargets) }),
  versionNumber: int,
  subject: subjectSchema.extend({ readable: z.boolean().describe('whether the caller may open the subject’s record (the registry or the enterprise)') }),
  round: z.string().describe('the year for yearly policies, `once` otherwise'),
  periodKind: z.enum(periodKinds).describe("the application's version: monthly, yearly or one-off periods"),
  status: z.enum(applicationStatuses),
  form: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  decision: decisionSchema.describe('the check at (re)submission'),
  usedFacts: z.array(z.object({ fact: z.string(), label: bilingual, value: bilingual })).describe('the facts the eligibility rule read, labelled, with their values on the snapshot date'),
  steps: z.array(
    reviewStepSchema.extend({
      unitNames: z.array(unitName).describe('the step’s units with their names in both languages'),
      state: z.enum(['done', 'current', 'waiting']),
    }),
  ),
  currentStep: z
    .object({ index: int, name: z.string(), units: z.array(z.string()), mode: z.enum(['all', 'any']), decidedUnits: z.array(z.string()).describe('units that approved the step (会签)'), ...deadline })
    .nullable(),
  escalated: z.boolean(),
  history: z.array(
    z.object({
      action: z.enum(applicationActions),
      stepIndex: int.nullable(),
      unit: z.string().nullable(),
      unitEn: z.string().nullable(),
      actor: z.string().nullable().describe('reviewers only'),
      comment: z.string(),
      internalNote: z.string().nullable().describe('reviewers only'),
      at: dateTime,
    }),
  ),
  attachments: z.array(attachmentSchema.extend({ requirementName: z.string().describe('the requirement’s name in the version (the code when it names none)') })),
  missingAttachments: z.array(z.object({ code: z.string(), name: z.string() })).describe('files the version requires that the application lacks'),
  entitlements: z.array(z.object({ id: z.uuid(), period: z.string(), amount: z.number(), status: z.enum(entitlementStatuses) })),
  submittedAt: dateTime,
  decidedAt: dateTime.nullable(),
  version: int,
  permissions: z.object({ review: z.boolean(), resubmit: z.boolean(), withdraw: z.boolean() }).describe('what the caller may do now'),
});
export const applicationPage = pageSchema(
  z.object({
    id: z.uuid(),
    policy: policyRef,
    subject: subjectSchema,
    status: z.enum(applicationStatuses),
    stepName: z.string().nullable(),
    amount: z.number(),
    escalated: z.boolean(),
    ...deadline,
    submittedAt: dateTime,
  }),
);

export const entitlementQuery = pageQuery.extend({
  policyId: z.uuid().optional(),
  status: z.enum(entitlementStatuses).optional(),
  period: z.string().trim().max(10).optional(),
  subjectId: z.uuid().optional(),
});
const subjectOfRow = subjectSchema.extend({ name: z.string().nullable() });
export const entitlementPage = pageSchema(
  z.object({
    id: z.uuid(),
    policy: policyRef,
    subject: subjectOfRow,
    period: z.string().describe('`once`, `2026` or `2026-11`'),
    amount: z.number(),
    source: z.enum(['application', 'automatic']),
    status: z.enum(entitlementStatuses),
    statusReason: z.string().nullable(),
    decision: decisionSchema,
    paidAt: dateTime.nullable(),
    version: int,
    loan: z
      .object({
        id: z.uuid(),
        amount: z.number().describe('the amount disbursed (applied for, before disbursement)'),
        bank: z.object({ code: z.string(), name: z.string(), nameEn: z.string() }),
        basis: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }).nullable().describe('how the subsidy was computed'),
      })
      .nullable()
      .describe('the start-up loan whose interest subsidy this is (LOAN policy), if any'),
  }),
).extend({ sums: z.object({ amount: z.number(), paid: z.number() }) });
export const confirmBody = z.object({ ids: z.array(z.uuid()).min(1).max(5000) });

export const idempotencyHeaders = z.looseObject({ 'idempotency-key': z.string().trim().min(8).max(100).describe('one request, one key: the same key and body get the first answer (409 idempotencyKeyInUse with Retry-After while it runs); another body 422') });
export const batchBody = z.object({ period: z.string().trim().regex(/^(once|\d{4}|\d{4}-\d{2})$/) });
export const settleBody = z.object({
  results: z.array(z.object({ entitlementId: z.uuid(), status: z.enum(['paid', 'failed']), reason: z.string().trim().max(200).nullish() })).min(1).max(5000),
});
const batchStatus = z.enum(['open', 'closed']);
export const batchSchema = z.object({
  id: z.uuid(),
  policy: policyRef,
  period: z.string(),
  status: batchStatus,
  control: z.object({ count: int, total: z.number() }).describe('control totals at creation'),
  settled: z.object({ paid: z.number(), failed: z.number(), pending: z.number() }).describe('yuan by payment status'),
  payments: z.array(z.object({ entitlementId: z.uuid(), subject: subjectOfRow, amount: z.number(), status: z.enum(['pending', 'paid', 'failed']), reason: z.string().nullable() })),
  createdAt: dateTime,
});
export const batchList = z.array(z.object({ id: z.uuid(), policyId: z.uuid(), policyTitle: z.string(), period: z.string(), status: batchStatus, count: int, total: z.number(), createdAt: dateTime }));

export const scanBody = z.object({ asOf: z.iso.date().optional() });
export const scanResponse = z.object({
  policyId: z.uuid(),
  asOf: day,
  eligible: int.describe('subjects the rule selects that had no entitlement of the policy'),
  granted: int.describe('subjects granted (pending the office’s confirmation)'),
  entitlements: int.describe('entitlement rows created (one per period)'),
});
export const scanList = z.array(z.object({ id: z.uuid(), asOf: day, trigger: z.enum(['manual', 'daily']), eligible: int, created: int, createdAt: dateTime }));

export const simulationBody = z.object({
  name: z.string().trim().min(1).max(60),
  asOf: z.iso.date(),
  params: z.record(z.string(), z.number()).default({}),
  eligibility: z.unknown().optional(),
  amount: z.unknown().optional(),
});
const side = z.object({ eligible: int, perPeriod: z.number(), total: z.number().describe('over all periods') });
const named = z.object({ count: int, items: z.array(z.object({ id: z.uuid(), name: z.string() })).describe('at most 200, by name') });
const breakdown = z.array(z.object({ key: z.string().nullable(), baseline: int, variant: int }));
export const simulationSchema = z.object({
  id: z.uuid(),
  policyId: z.uuid(),
  name: z.string(),
  asOf: day,
  change: z.object({ params: z.record(z.string(), z.number()), eligibility: ruleJson.describe('the changed rule, or null'), amount: ruleJson.describe('the changed rule, or null') }),
  result: z.object({
    subjects: int,
    baseline: side,
    variant: side,
    newlyEligible: named,
    noLongerEligible: named,
    budget: z.object({ total: z.number(), committed: z.number(), remaining: z.number() }),
    breakdown: z.object({ industry: breakdown, education: breakdown, tier: breakdown }),
    versionNumber: int,
    baseParams: z.record(z.string(), z.number()),
  }),
  createdAt: dateTime,
});

export const notificationPage = pageSchema(
  z.object({
    id: z.uuid(),
    kind: z.string().describe('review, returned, rejected, approved, overdue, automatic, paid'),
    title: z.string().describe('in the request’s language'),
    body: z.string(),
    link: z.string().nullable(),
    read: z.boolean(),
    createdAt: dateTime,
  }),
).extend({ unread: int });
