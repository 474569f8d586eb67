/**
 * Flexible talent (柔性引才) and the think tank, university cooperation (省校合作) and innovation platforms (平台载体):
 * dictionaries and the inputs the API and the web forms share.
 */
import { z } from 'zod';
import { safeText } from './text';

/** 招商引资项目 status. */
export const projectStatuses = ['negotiating', 'signed', 'building', 'operating'] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

/** Kinds of flexibly engaged experts: 博士, 产业顾问, 返聘专家, 院士. */
export const expertKinds = ['doctor', 'industryAdviser', 'retiredExpert', 'academician'] as const;
export type ExpertKind = (typeof expertKinds)[number];

/** 问诊把脉 follow-up. */
export const followUpStatuses = ['open', 'inProgress', 'done'] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];

/** 省校合作 cooperation items: 实习实训基地, 项目研发, 成果转化, 人才培养. */
export const cooperationKinds = ['internshipBase', 'jointResearch', 'techTransfer', 'talentTraining'] as const;
export type CooperationKind = (typeof cooperationKinds)[number];
export const cooperationStatuses = ['planned', 'active', 'completed'] as const;
export type CooperationStatus = (typeof cooperationStatuses)[number];

/** An intern's evaluation at the end of the placement. */
export const internEvaluations = ['excellent', 'good', 'pass', 'fail'] as const;
export type InternEvaluation = (typeof internEvaluations)[number];

/** Tech-transfer stages: 对接, 中试, 产业化. */
export const transferStages = ['matching', 'pilot', 'industrialisation'] as const;
export type TransferStage = (typeof transferStages)[number];

/** Platform types (平台载体). */
export const platformTypes = [
  'incubator', 'makerSpace', 'industryInstitute', 'newRdInstitution', 'keyLaboratory', 'innovationCentre', 'postdocStation', 'leadingTalentCentre',
] as const;
export type PlatformType = (typeof platformTypes)[number];
export const platformLevels = ['national', 'provincial', 'municipal', 'zone'] as const;
export type PlatformLevel = (typeof platformLevels)[number];

const isoDate = z.iso.date();
const name = (maximum: number) => safeText(z.string().trim().min(1).max(maximum));
const note = (maximum: number) => safeText(z.string().trim().max(maximum)).default('');
/** 万元, a whole number. */
const tenThousands = z.number().int().min(0).max(100_000_000);

const dateOrder = <T extends z.ZodObject>(schema: T, from: string, to: string) =>
  schema.superRefine((value: Record<string, unknown>, context) => {
    const start = value[from];
    const end = value[to];
    if (typeof start === 'string' && typeof end === 'string' && end < start) {
      context.addIssue({ code: 'custom', path: [to], params: { code: 'dateRange.order' }, message: 'the start must not be after the end' });
    }
  });

export const projectInput = z.strictObject({
  name: name(100),
  investor: name(100),
  industry: z.string().trim().min(1).max(40),
  amount: tenThousands.describe('investment in 万元'),
  status: z.enum(projectStatuses),
  signedOn: isoDate.nullish(),
  description: note(2000),
});
export type ProjectInput = z.infer<typeof projectInput>;

export const teamInput = dateOrder(
  z.strictObject({
    organisationId: z.uuid().describe('the team as an organisation of kind team'),
    leaderTalentId: z.uuid().nullish(),
    projectId: z.uuid().nullish(),
    serviceFrom: isoDate,
    serviceTo: isoDate.nullish(),
    description: note(2000),
  }),
  'serviceFrom',
  'serviceTo',
);
export type TeamInput = z.infer<typeof teamInput>;

export const teamMemberInput = z.strictObject({
  talentId: z.uuid(),
  memberRole: note(60),
});

export const expertFields = z.strictObject({
  name: name(60),
  kind: z.enum(expertKinds),
  field: name(100),
  affiliation: name(100).describe('the expert\'s home institution'),
  talentId: z.uuid().nullish().describe('the expert\'s record in the talent registry'),
  teamId: z.uuid().nullish(),
  projectId: z.uuid().nullish(),
  engagementTerms: note(500),
  engagedFrom: isoDate,
  engagedTo: isoDate.nullish(),
  serviceDays: z.number().int().min(0).max(10_000).default(0),
  outputs: note(2000),
});
export const expertInput = dateOrder(expertFields, 'engagedFrom', 'engagedTo');
/** An update replaces the whole engagement, with the version read. */
export const expertUpdateInput = dateOrder(expertFields.extend({ version: z.number().int().min(1) }), 'engagedFrom', 'engagedTo');
export type ExpertInput = z.infer<typeof expertInput>;

export const consultationInput = z.strictObject({
  topic: name(200),
  enterpriseId: z.uuid(),
  heldOn: isoDate,
  expertIds: z.array(z.uuid()).min(1).max(20),
  recommendations: note(4000),
  followUpStatus: z.enum(followUpStatuses).default('open'),
  followUpNote: note(1000),
});
export type ConsultationInput = z.infer<typeof consultationInput>;

export const agreementInput = z.strictObject({
  signedOn: isoDate,
  scope: name(1000),
  contacts: note(500),
  version: z.number().int().min(0).describe('0 for the first agreement, else the version read'),
});
export type AgreementInput = z.infer<typeof agreementInput>;

export const cooperationItemInput = z.strictObject({
  kind: z.enum(cooperationKinds),
  title: name(200),
  enterpriseId: z.uuid().nullish(),
  status: z.enum(cooperationStatuses),
  startedOn: isoDate.nullish(),
});
export type CooperationItemInput = z.infer<typeof cooperationItemInput>;

export const internshipBaseInput = z.strictObject({
  enterpriseId: z.uuid(),
  universityId: z.uuid(),
  establishedOn: isoDate,
  capacity: z.number().int().min(1).max(10_000),
});
export type InternshipBaseInput = z.infer<typeof internshipBaseInput>;

export const internshipInput = dateOrder(
  z.strictObject({
    baseId: z.uuid(),
    studentName: name(60),
    major: name(100),
    periodFrom: isoDate,
    periodTo: isoDate,
    mentor: name(60),
    evaluation: z.enum(internEvaluations).nullish(),
    evaluationNote: note(1000),
  }),
  'periodFrom',
  'periodTo',
);
export type InternshipInput = z.infer<typeof internshipInput>;

export const conversionInput = z.strictObject({
  talentId: z.uuid().describe('the hired intern in the talent registry, employed by the base\'s enterprise'),
  hiredOn: isoDate,
  version: z.number().int().min(1),
});
export type ConversionInput = z.infer<typeof conversionInput>;

export const techTransferInput = z.strictObject({
  technology: name(200),
  sourceId: z.uuid().describe('a university or research institute'),
  enterpriseId: z.uuid(),
  stage: z.enum(transferStages),
  investment: tenThousands.describe('万元'),
  startedOn: isoDate,
  outputs: note(2000),
});
export type TechTransferInput = z.infer<typeof techTransferInput>;

export const platformInput = z.strictObject({
  organisationId: z.uuid().describe('the platform as an organisation of kind platform'),
  type: z.enum(platformTypes),
  level: z.enum(platformLevels),
  host: name(100),
  capacity: z.number().int().min(0).max(100_000).describe('enterprises it can host'),
  establishedOn: isoDate.nullish(),
});
export type PlatformInput = z.infer<typeof platformInput>;

export const tenantInput = z.strictObject({ enterpriseId: z.uuid(), since: isoDate });
export const hostedTalentInput = z.strictObject({ talentId: z.uuid(), since: isoDate });

/** The Chinese names of expert kinds and intern evaluations as the office's spreadsheets write them. */
export const expertKindNames: Record<ExpertKind, string> = { doctor: '博士', industryAdviser: '产业顾问', retiredExpert: '返聘专家', academician: '院士' };
export const internEvaluationNames: Record<InternEvaluation, string> = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' };
