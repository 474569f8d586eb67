import type { ExplainNode, Explanation } from '../../../domain/rules';
import type {
  ApplicationStatus, AttachmentRequirement, EntitlementStatus, ParameterInput, PeriodKind, PolicyCategory, PolicyInput, PolicyMode, PolicyStatus, PolicyTarget,
  PolicyVersionInput, ReviewDecision, ReviewStepDefinition,
} from '../../../domain/policies/policy';
import type { SubjectKind } from '../../../domain/policies/facts';
import { api, apiDownload, apiUpload, type Page } from '../../app/api';

export type Budget = { total: number; committed: number; paid: number; remaining: number };

export type PolicySummary = {
  id: string;
  code: string;
  title: string;
  documentNo: string;
  documentUrl: string | null;
  summary: string;
  category: PolicyCategory;
  target: PolicyTarget;
  unit: { code: string; name: string };
  mode: PolicyMode;
  status: PolicyStatus;
  effectiveFrom: string;
  effectiveTo: string | null;
  exclusions: string[];
  budget: Budget;
  version: number;
};

export type PolicyVersion = {
  id: string;
  number: number;
  status: 'draft' | 'published' | 'superseded';
  eligibility: unknown;
  amount: unknown;
  periodKind: PeriodKind;
  periods: number;
  attachments: AttachmentRequirement[];
  steps: ReviewStepDefinition[];
  note: string;
  publishedAt: string | null;
};

export type ParameterKind = ParameterInput['kind'];
export type PolicyParameter = {
  name: string;
  label: string;
  kind: ParameterKind;
  fact: string | null;
  value: number | null;
  history: { value: number; effectiveFrom: string; legalReference: string }[];
};

export type PolicyDetail = PolicySummary & {
  published: PolicyVersion | null;
  draft: PolicyVersion | null;
  versions: { id: string; number: number; status: string; publishedAt: string | null; note: string }[];
  parameters: PolicyParameter[];
  /** The exclusions by title. */
  excludedPolicies: { id: string; code: string; title: string }[];
};

export type PolicyListQuery = { q?: string; category?: PolicyCategory; target?: PolicyTarget; mode?: PolicyMode; status?: PolicyStatus; page: number; pageSize: number };

export type CreatePolicyPayload = { policy: PolicyInput; version: PolicyVersionInput; parameters: ParameterInput[] };

export type Scan = { id: string; asOf: string; trigger: 'manual' | 'daily'; eligible: number; created: number; createdAt: string };
export type ScanResult = { policyId: string; asOf: string; eligible: number; granted: number; entitlements: number };

export const fetchPolicies = (query: PolicyListQuery) => api.get<Page<PolicySummary>>('/api/policies', query);
export const fetchPolicy = (id: string) => api.get<PolicyDetail>(`/api/policies/${id}`);
export const createPolicy = (payload: CreatePolicyPayload) => api.post<PolicyDetail>('/api/policies', payload);
export const updatePolicy = (id: string, payload: PolicyInput & { version: number }) => api.put<PolicyDetail>(`/api/policies/${id}`, payload);
export const saveDraft = (id: string, payload: PolicyVersionInput) => api.put<PolicyDetail>(`/api/policies/${id}/draft`, payload);
export const publishPolicy = (id: string) => api.post<PolicyDetail>(`/api/policies/${id}/publish`);
export const retirePolicy = (id: string) => api.post<PolicyDetail>(`/api/policies/${id}/retire`);
export const addParameterValue = (id: string, payload: ParameterInput) => api.post<PolicyDetail>(`/api/policies/${id}/parameters`, payload);
export const countMatches = (payload: { target: PolicyTarget; eligibility: unknown; params: Record<string, number>; asOf?: string }) =>
  api.post<{ matched: number; subjects: number; sql: boolean }>('/api/policies/match-count', payload);
export const scanPolicy = (id: string, asOf?: string) => api.post<ScanResult>(`/api/policies/${id}/scan`, asOf ? { asOf } : {});
export const fetchScans = (id: string) => api.get<Scan[]>(`/api/policies/${id}/scans`);
export const fetchParametersOn = (id: string, on: string) => api.get<Record<string, number>>(`/api/policies/${id}/parameters-on`, { on });

// ——— simulation ———

export type SimulationSide = { eligible: number; perPeriod: number; total: number };
export type BreakdownRow = { key: string | null; baseline: number; variant: number };
export type Simulation = {
  id: string;
  policyId: string;
  name: string;
  asOf: string;
  change: { params: Record<string, number>; eligibility: unknown; amount: unknown };
  result: {
    subjects: number;
    baseline: SimulationSide;
    variant: SimulationSide;
    newlyEligible: { count: number; items: { id: string; name: string }[] };
    noLongerEligible: { count: number; items: { id: string; name: string }[] };
    budget: { total: number; committed: number; remaining: number };
    breakdown: { industry: BreakdownRow[]; education: BreakdownRow[]; tier: BreakdownRow[] };
    versionNumber: number;
    baseParams: Record<string, number>;
  };
  createdAt: string;
};
export type SimulationPayload = { name: string; asOf: string; params: Record<string, number>; eligibility?: unknown; amount?: unknown };

export const runSimulation = (policyId: string, payload: SimulationPayload) => api.post<Simulation>(`/api/policies/${policyId}/simulations`, payload);
export const fetchSimulations = (policyId: string) => api.get<Simulation[]>(`/api/policies/${policyId}/simulations`);

// ——— calculator and applications ———

export type CalculatorItem = {
  policy: { id: string; code: string; title: string; category: PolicyCategory; mode: PolicyMode; documentNo: string; unit: string; summary: string };
  status: 'eligible' | 'notEligible' | 'needsData';
  amount: number;
  periodKind: PeriodKind;
  periods: number;
  explanation: Explanation;
  application: { id: string; status: ApplicationStatus } | null;
  entitlements: { count: number; total: number; statuses: EntitlementStatus[] };
  attachments: AttachmentRequirement[];
};
export type CalculatorResult = { subject: { kind: SubjectKind; id: string; name: string }; asOf: string; items: CalculatorItem[] };
export type { ExplainNode };

export const fetchCalculator = (target: PolicyTarget, subjectId?: string) => api.get<CalculatorResult>('/api/calculator', { target, subjectId });

export type Attachment = { id: string; requirement: string; fileName: string; mediaType: string; size: number };
export const uploadAttachment = (file: File, requirement: string) =>
  apiUpload<Attachment>('/api/attachments', file, file.type || 'application/octet-stream', { requirement, fileName: file.name });
export const downloadAttachment = (attachment: Attachment) => apiDownload(`/api/attachments/${attachment.id}`, undefined, attachment.fileName);

export type ApplicationSummary = {
  id: string;
  policy: { id: string; code: string; title: string };
  subject: { kind: SubjectKind; id: string; name: string };
  status: ApplicationStatus;
  stepName: string | null;
  amount: number;
  escalated: boolean;
  dueAt: string | null;
  overdue: boolean;
  submittedAt: string;
};

/** A unit of a review step with its names in both languages (an applicant may not read the units list). */
export type StepUnit = { code: string; name: string; nameEn: string };
export type HistoryEntry = { action: string; stepIndex: number | null; unit: string | null; unitEn: string | null; actor: string | null; comment: string; internalNote: string | null; at: string };

export type ApplicationDetail = {
  id: string;
  policy: { id: string; code: string; title: string; target: PolicyTarget };
  versionNumber: number;
  subject: { kind: SubjectKind; id: string; name: string; readable: boolean };
  round: string;
  periodKind: PeriodKind;
  status: ApplicationStatus;
  form: Record<string, string | number | boolean | null>;
  decision: { status?: string; amount?: number; explanation?: Explanation; asOf?: string } | null;
  /** The facts the eligibility rule read, labelled, with their values on the snapshot date (both languages). */
  usedFacts: { fact: string; label: Record<'zh-CN' | 'en-US', string>; value: Record<'zh-CN' | 'en-US', string> }[];
  /** Files the version requires that the application lacks. */
  missingAttachments: { code: string; name: string }[];
  steps: (ReviewStepDefinition & { unitNames: StepUnit[]; state: 'done' | 'current' | 'waiting' })[];
  currentStep: { index: number; name: string; units: string[]; mode: 'all' | 'any'; decidedUnits: string[]; dueAt: string | null; overdue: boolean } | null;
  escalated: boolean;
  history: HistoryEntry[];
  attachments: (Attachment & { requirementName: string })[];
  entitlements: { id: string; period: string; amount: number; status: EntitlementStatus }[];
  submittedAt: string;
  decidedAt: string | null;
  version: number;
  permissions: { review: boolean; resubmit: boolean; withdraw: boolean };
};

export type ApplicationListQuery = { status?: ApplicationStatus; policyId?: string; inbox?: boolean; page: number; pageSize: number };
export type SubmitPayload = { policyId: string; subjectId?: string; form: Record<string, string>; attachmentIds: string[] };

export const fetchApplications = (query: ApplicationListQuery) =>
  api.get<Page<ApplicationSummary>>('/api/applications', { ...query, inbox: query.inbox ? 'true' : undefined });
export const fetchApplication = (id: string) => api.get<ApplicationDetail>(`/api/applications/${id}`);
export const submitApplication = (payload: SubmitPayload) => api.post<ApplicationDetail>('/api/applications', payload);
export const reviewApplication = (id: string, payload: { decision: ReviewDecision; comment: string; internalNote: string; version: number }) =>
  api.post<ApplicationDetail>(`/api/applications/${id}/review`, payload);
export const resubmitApplication = (id: string, payload: { form: Record<string, string>; attachmentIds: string[]; version: number }) =>
  api.post<ApplicationDetail>(`/api/applications/${id}/resubmit`, payload);
export const withdrawApplication = (id: string, version: number) => api.post<ApplicationDetail>(`/api/applications/${id}/withdraw`, { version });

// ——— ledger and batches ———

export type Entitlement = {
  id: string;
  policy: { id: string; code: string; title: string };
  subject: { kind: SubjectKind; id: string; name: string };
  period: string;
  amount: number;
  source: 'application' | 'automatic';
  status: EntitlementStatus;
  statusReason: string | null;
  paidAt: string | null;
  version: number;
  /** The start-up loan whose interest subsidy this is (LOAN policy). */
  loan: { id: string; amount: number; bank: { code: string; name: string; nameEn: string }; basis: { 'zh-CN': string; 'en-US': string } | null } | null;
};
export type EntitlementQuery = { policyId?: string; status?: EntitlementStatus; period?: string; subjectId?: string; page: number; pageSize: number };

export const fetchEntitlements = (query: EntitlementQuery) => api.get<Page<Entitlement> & { sums: { amount: number; paid: number } }>('/api/entitlements', query);
export const confirmEntitlements = (ids: string[]) => api.post<{ confirmed: number }>('/api/entitlements/confirm', { ids });
export const declineEntitlement = (id: string) => api.post<{ declined: number }>(`/api/entitlements/${id}/decline`);

export type BatchSummary = { id: string; policyId: string; policyTitle: string; period: string; status: 'open' | 'closed'; count: number; total: number; createdAt: string };
export type Payment = { entitlementId: string; subject: { kind: SubjectKind; id: string; name: string }; amount: number; status: 'pending' | 'paid' | 'failed'; reason: string | null };
export type BatchDetail = {
  id: string;
  policy: { id: string; code: string; title: string };
  period: string;
  status: 'open' | 'closed';
  control: { count: number; total: number };
  settled: { paid: number; failed: number; pending: number };
  payments: Payment[];
  createdAt: string;
};

export const fetchBatches = (policyId?: string) => api.get<BatchSummary[]>('/api/batches', { policyId });
export const fetchBatch = (id: string) => api.get<BatchDetail>(`/api/batches/${id}`);
/** Money-moving requests carry an Idempotency-Key: a retry with the same key gives the first answer, never a second batch. */
const idempotent = (idempotencyKey: string) => ({ headers: { 'Idempotency-Key': idempotencyKey } });
export const createBatch = (policyId: string, period: string, idempotencyKey: string) =>
  api.post<BatchDetail>(`/api/policies/${policyId}/batches`, { period }, idempotent(idempotencyKey));
export const settlePayments = (batchId: string, results: { entitlementId: string; status: 'paid' | 'failed'; reason?: string }[], idempotencyKey: string) =>
  api.post<BatchDetail>(`/api/batches/${batchId}/payments`, { results }, idempotent(idempotencyKey));
export const exportBatch = (batch: { id: string; period: string }) => apiDownload(`/api/batches/${batch.id}/export`, undefined, `batch-${batch.period}.xlsx`);
