/**
 * Enterprise talent demand (岗位需求), recruitment campaigns (引才) and market-hired executives (市场化选聘): the codes,
 * the inputs shared by the server and the web forms, and the matching reasons in words. Disciplines and the skill
 * dictionary are data (tables `disciplines`, `skills`), not code.
 */
import { z } from 'zod';
import { chainSegments, educationLevels, educationRank, salaryBands, titleLevels, type EducationLevel, type TitleLevel } from './dictionaries';
import { safeText } from './text';

export const demandStatuses = ['open', 'partlyFilled', 'filled', 'closed'] as const;
export type DemandStatus = (typeof demandStatuses)[number];

export const demandUrgencies = ['normal', 'urgent', 'critical'] as const;
export type DemandUrgency = (typeof demandUrgencies)[number];

/** How a hire filled a demand: a recruitment campaign, an order-based training class, a flexible expert, or the enterprise's own hiring. */
export const fillChannels = ['campaign', 'trainingOrder', 'flexibleExpert', 'ownHiring'] as const;
export type FillChannel = (typeof fillChannels)[number];

export const campaignTypes = ['campusRecruitment', 'urgentTalent', 'marketSelection', 'openRecruitment'] as const;
export type CampaignType = (typeof campaignTypes)[number];

/** The stages a campaign may use, in their natural order (报名, 资格审查, 笔试, 面试, 体检, 考察, 公示, 录用). */
export const campaignStages = ['registration', 'qualification', 'writtenExam', 'interview', 'medical', 'inspection', 'publicity', 'offer'] as const;
export type CampaignStage = (typeof campaignStages)[number];
export const stageLabels: Record<CampaignStage, { 'zh-CN': string; 'en-US': string }> = {
  registration: { 'zh-CN': '报名', 'en-US': 'Registration' },
  qualification: { 'zh-CN': '资格审查', 'en-US': 'Qualification check' },
  writtenExam: { 'zh-CN': '笔试', 'en-US': 'Written exam' },
  interview: { 'zh-CN': '面试', 'en-US': 'Interview' },
  medical: { 'zh-CN': '体检', 'en-US': 'Medical' },
  inspection: { 'zh-CN': '考察', 'en-US': 'Inspection' },
  publicity: { 'zh-CN': '公示', 'en-US': 'Publicity' },
  offer: { 'zh-CN': '录用', 'en-US': 'Offer' },
};
/** Stages that carry a score (the rest are passed or not). */
export const scoredStages: readonly CampaignStage[] = ['writtenExam', 'interview'];

export const applicantStates = ['inProgress', 'failed', 'withdrawn', 'hired'] as const;
export type ApplicantState = (typeof applicantStates)[number];
/** The states as the roster export writes them (the web has its own locale texts). */
export const applicantStateLabels: Record<ApplicantState, { 'zh-CN': string; 'en-US': string }> = {
  inProgress: { 'zh-CN': '进行中', 'en-US': 'In progress' },
  failed: { 'zh-CN': '未通过', 'en-US': 'Not passed' },
  withdrawn: { 'zh-CN': '已撤回', 'en-US': 'Withdrawn' },
  hired: { 'zh-CN': '已录用', 'en-US': 'Hired' },
};

/** The arrival route a hire of each campaign type is registered with (体制内引进 for campus and urgently-needed talent). */
export const campaignArrivalRoute: Record<CampaignType, 'civilService' | 'marketHire'> = {
  campusRecruitment: 'civilService',
  urgentTalent: 'civilService',
  marketSelection: 'marketHire',
  openRecruitment: 'marketHire',
};

export const appraisalOutcomes = ['renew', 'adjustPay', 'endTerm'] as const;
export type AppraisalOutcome = (typeof appraisalOutcomes)[number];
export const executiveStatuses = ['serving', 'ended'] as const;
export type ExecutiveStatus = (typeof executiveStatuses)[number];
/** A term's end is announced this many days ahead (the daily work's `executiveTerms` job). */
export const termReminderDays = 60;

const isoDate = z.iso.date();
const code = z.string().trim().min(1).max(40);
const shortText = (max: number) => safeText(z.string().trim().min(1).max(max));

export const demandInput = z
  .object({
    /** Office only: the enterprise the demand is for (enterprise HR always posts for its own). */
    enterpriseId: z.uuid().optional(),
    post: shortText(60),
    industry: code,
    chainSegment: z.enum(chainSegments).nullable().default(null),
    discipline: code,
    education: z.enum(educationLevels).nullable().default(null),
    title: z.enum(titleLevels).nullable().default(null),
    minYears: z.number().int().min(0).max(40).default(0),
    skills: z.array(shortText(30)).max(20).default([]),
    headcount: z.number().int().min(1).max(500),
    salaryBand: z.enum(salaryBands).nullable().default(null),
    urgency: z.enum(demandUrgencies).default('normal'),
    deadline: isoDate.nullable().default(null),
    description: safeText(z.string().trim().max(2000)).default(''),
  });
export type DemandInput = z.infer<typeof demandInput>;

export const fillInput = z.object({
  channel: z.enum(fillChannels),
  count: z.number().int().min(1).max(500),
  filledOn: isoDate,
  talentId: z.uuid().nullable().default(null),
  note: safeText(z.string().trim().max(200)).default(''),
  /** Training orders, experts and other records the fill came from, by id (other modules link here, never the reverse). */
  sourceId: z.uuid().nullable().default(null),
});
export type FillInput = z.infer<typeof fillInput>;

export const campaignInput = z
  .object({
    type: z.enum(campaignTypes),
    name: shortText(80),
    year: z.number().int().min(2000).max(2100),
    stages: z.array(z.enum(campaignStages)).min(1).max(campaignStages.length),
    plan: z.array(z.object({ discipline: code, planned: z.number().int().min(1).max(10_000) })).max(30).default([]),
  })
  .superRefine((value, context) => {
    const order = value.stages.map((stage) => campaignStages.indexOf(stage));
    const ordered = order.every((position, index) => index === 0 || position > order[index - 1]);
    if (!ordered) context.addIssue({ code: 'custom', message: 'campaign.stageOrder', params: { code: 'campaign.stageOrder' }, path: ['stages'] });
    else if (value.stages[value.stages.length - 1] !== 'offer') context.addIssue({ code: 'custom', message: 'campaign.stageOffer', params: { code: 'campaign.stageOffer' }, path: ['stages'] });
    const seen = new Set<string>();
    value.plan.forEach((line, index) => {
      if (seen.has(line.discipline)) context.addIssue({ code: 'custom', message: 'campaign.planTwice', params: { code: 'campaign.planTwice' }, path: ['plan', index, 'discipline'] });
      seen.add(line.discipline);
    });
  });
export type CampaignInput = z.infer<typeof campaignInput>;

export const campaignPostInput = z.object({
  title: shortText(60),
  discipline: code,
  headcount: z.number().int().min(1).max(500),
  /** Tied to a demand: hires fill it, and the employer is the demand's enterprise. */
  demandId: z.uuid().nullable().default(null),
  /** The employer when no demand is tied (a 公开招聘 for the zone's own bodies, say). */
  enterpriseId: z.uuid().nullable().default(null),
});

export const executiveTermInput = z
  .object({
    termStart: isoDate,
    termEnd: isoDate,
    /** 协议工资: the agreed salary a year, in yuan. */
    agreementSalary: z.number().int().min(0).max(100_000_000),
  })
  .superRefine((value, context) => {
    if (value.termEnd <= value.termStart) context.addIssue({ code: 'custom', message: 'executive.termOrder', params: { code: 'executive.termOrder' }, path: ['termEnd'] });
  });

export const appraisalInput = z
  .object({
    cycle: safeText(z.string().trim().min(1).max(20)),
    targets: safeText(z.string().trim().min(1).max(1000)),
    score: z.number().int().min(0).max(100),
    outcome: z.enum(appraisalOutcomes),
    /** adjustPay: the new agreement salary; renew: the new term end. */
    newSalary: z.number().int().min(0).max(100_000_000).nullable().default(null),
    newTermEnd: isoDate.nullable().default(null),
    version: z.number().int().min(1),
  })
  .superRefine((value, context) => {
    if (value.outcome === 'adjustPay' && value.newSalary === null) context.addIssue({ code: 'custom', message: 'required', params: { code: 'executive.newSalaryRequired' }, path: ['newSalary'] });
    if (value.outcome === 'renew' && value.newTermEnd === null) context.addIssue({ code: 'custom', message: 'required', params: { code: 'executive.newTermEndRequired' }, path: ['newTermEnd'] });
  });

/** Demand status from its headcount and what filled it (closed is the enterprise's or office's choice and stays). */
export function demandStatusOf(headcount: number, filled: number, closed: boolean): DemandStatus {
  if (closed) return 'closed';
  if (filled >= headcount) return 'filled';
  return filled > 0 ? 'partlyFilled' : 'open';
}

// ——— matching reasons in words ———

export const matchFactors = ['discipline', 'skill', 'education', 'title', 'experience', 'availability'] as const;
export type MatchFactor = (typeof matchFactors)[number];
/** One line of an explanation: what the candidate has, what the demand asks, whether it is met. */
export type MatchReason = { factor: MatchFactor; met: 'yes' | 'partly' | 'no'; value: string | null; required: string | null };

export type Language = 'zh-CN' | 'en-US';
const factorLabels: Record<MatchFactor, Record<Language, string>> = {
  discipline: { 'zh-CN': '学科', 'en-US': 'Discipline' },
  skill: { 'zh-CN': '技能', 'en-US': 'Skill' },
  education: { 'zh-CN': '学历', 'en-US': 'Education' },
  title: { 'zh-CN': '职称', 'en-US': 'Title' },
  experience: { 'zh-CN': '经验', 'en-US': 'Experience' },
  availability: { 'zh-CN': '可到岗', 'en-US': 'Availability' },
};
export const matchFactorLabel = (factor: MatchFactor, language: Language) => factorLabels[factor][language];
const marks = { yes: '✓', partly: '≈', no: '✗' } as const;
const requiredWord: Record<Language, string> = { 'zh-CN': '要求', 'en-US': 'wanted' };
const noneWord: Record<Language, string> = { 'zh-CN': '无', 'en-US': 'none' };

/** "技能: 电池材料 ✓" / "学历: 本科 (要求硕士研究生) ✗": a reason whose values are already labels in the language. */
export function reasonText(reason: MatchReason, language: Language): string {
  const value = reason.value ?? noneWord[language];
  const required = reason.required && reason.met !== 'yes' ? ` (${requiredWord[language]}${language === 'zh-CN' ? '' : ' '}${reason.required})` : '';
  return `${matchFactorLabel(reason.factor, language)}: ${value}${required} ${marks[reason.met]}`;
}

const educationNames: Record<EducationLevel, Record<Language, string>> = {
  doctorate: { 'zh-CN': '博士研究生', 'en-US': 'Doctorate' }, master: { 'zh-CN': '硕士研究生', 'en-US': "Master's" }, bachelor: { 'zh-CN': '本科', 'en-US': "Bachelor's" },
  juniorCollege: { 'zh-CN': '大专', 'en-US': 'Junior college' }, higherVocational: { 'zh-CN': '高职', 'en-US': 'Higher vocational' },
  secondaryVocational: { 'zh-CN': '中职', 'en-US': 'Secondary vocational' }, highSchoolOrBelow: { 'zh-CN': '高中及以下', 'en-US': 'High school or below' },
};
const titleNames: Record<TitleLevel, Record<Language, string>> = {
  junior: { 'zh-CN': '初级', 'en-US': 'Junior' }, intermediate: { 'zh-CN': '中级', 'en-US': 'Intermediate' },
  associateSenior: { 'zh-CN': '副高级', 'en-US': 'Associate senior' }, senior: { 'zh-CN': '正高级', 'en-US': 'Senior' },
};
export const educationName = (level: EducationLevel, language: Language) => educationNames[level][language];
export const titleName = (level: TitleLevel, language: Language) => titleNames[level][language];
export const yearsText = (years: number, language: Language) => (language === 'zh-CN' ? `${years} 年` : `${years} yr`);
export const availabilityNames = {
  free: { 'zh-CN': '可到岗', 'en-US': 'available' },
  flexible: { 'zh-CN': '柔性服务中', 'en-US': 'in flexible service' },
  employed: { 'zh-CN': '在职', 'en-US': 'employed' },
  left: { 'zh-CN': '已离区', 'en-US': 'left the zone' },
} as const;
export type Availability = keyof typeof availabilityNames;

export const educationMeets = (has: EducationLevel | null, wanted: EducationLevel | null) => wanted === null || (has !== null && educationRank(has) <= educationRank(wanted));
export const titleMeets = (has: TitleLevel | null, wanted: TitleLevel | null) => wanted === null || (has !== null && titleLevels.indexOf(has) >= titleLevels.indexOf(wanted));
