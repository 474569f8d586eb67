/**
 * The fact model of policies: the named facts a rule may read with `{"var": …}`, for a talent and for an enterprise.
 * Each fact has a type (what values it takes, so `toSql` can translate comparisons faithfully and `explain` can say
 * them in words), Chinese and English labels, and — for ordinal facts — the label of each rank, so "education ≥ 6"
 * reads "学历为本科，须为硕士研究生及以上".
 *
 * Facts are computed on a snapshot date (the "as of" of a calculation, a scan or a simulation): `age` and
 * `yearsInZone` are whole years on that date. A fact the registry does not know is `null`.
 *
 * Parameters are read as `{"var": "params.<name>"}`: a rule names a parameter, the parameter's dated value is put
 * into the data next to the facts (and into SQL as a literal), so a change of threshold is a new value, not a new rule.
 */
import { educationLabels, educationLevels, titleLabels, titleLevels, type EducationLevel, type TitleLevel } from '../dictionaries';

export type FactType =
  /** A whole number (age, years, counts); ordering comparisons allowed. */
  | 'number'
  /** A rank with labels (education 1–7, title 1–4, salary band 1–6); higher is more. */
  | 'ordinal'
  /** One code out of a list (industry, tier, arrival route …); equality and `in` only. */
  | 'code'
  /** A list of codes (tags, school categories); `in` with a literal needle. */
  | 'codes'
  /** An ISO date `YYYY-MM-DD`; ordering comparisons as strings, `age_at`/`years_between`. */
  | 'date'
  | 'boolean';

export type Fact = {
  type: FactType;
  label: { 'zh-CN': string; 'en-US': string };
  /** For ordinal facts: the label of each rank (1 is the lowest). */
  ranks?: Record<number, { 'zh-CN': string; 'en-US': string }>;
  /** For code(s) facts with a fixed list (the rest come from reference data: industries, tiers). */
  codes?: readonly string[];
  /** Where the codes come from when they are data (`industries`, `tiers`, `schoolCategories`). */
  reference?: 'industries' | 'tiers' | 'schoolCategories' | 'units';
  /** For code(s) facts with a fixed list: the label of each code, so `explain` can say "引进方式: 市场化选聘". */
  codeLabels?: Record<string, { 'zh-CN': string; 'en-US': string }>;
  /** For number facts: the unit a sentence puts after the value ("43 岁", "3 years"); empty where a language needs none. */
  unit?: { 'zh-CN': string; 'en-US': string };
};

export type SubjectKind = 'talent' | 'enterprise';

const l = (zh: string, en: string) => ({ 'zh-CN': zh, 'en-US': en });

/** Education as a rank: 7 博士研究生 … 1 高中及以下 (the reverse of `educationLevels`, which lists the highest first). */
export const educationRankOf = (level: EducationLevel | null | undefined): number | null =>
  level ? educationLevels.length - educationLevels.indexOf(level) : null;
const educationEnglish: Record<EducationLevel, string> = {
  doctorate: 'Doctorate', master: "Master's", bachelor: "Bachelor's", juniorCollege: 'Junior college', higherVocational: 'Higher vocational',
  secondaryVocational: 'Secondary vocational', highSchoolOrBelow: 'High school or below',
};
const educationRanks = Object.fromEntries(
  educationLevels.map((level) => [educationRankOf(level)!, l(educationLabels[level], educationEnglish[level])]),
);

/** Title as a rank: 4 正高级 … 1 初级. */
export const titleRankOf = (level: TitleLevel | null | undefined): number | null => (level ? titleLevels.indexOf(level) + 1 : null);
const titleEnglish: Record<TitleLevel, string> = { junior: 'Junior', intermediate: 'Intermediate', associateSenior: 'Associate senior', senior: 'Senior' };
const titleRanks = Object.fromEntries(titleLevels.map((level) => [titleRankOf(level)!, l(titleLabels[level], titleEnglish[level])]));

/** Salary band as a rank: 1 below ¥5k … 6 above ¥30k a month. */
export const salaryBandRanks = {
  1: l('5千元以下', 'below ¥5k'), 2: l('5千–8千元', '¥5k–8k'), 3: l('8千–1.2万元', '¥8k–12k'), 4: l('1.2万–2万元', '¥12k–20k'),
  5: l('2万–3万元', '¥20k–30k'), 6: l('3万元以上', 'above ¥30k'),
};

/** School categories (学校类别), the codes of the `codes` fact `schoolCategories`; which school has which is data. */
export const schoolCategories = ['c985', 'c211', 'doubleFirstClass', 'overseasTop'] as const;
export type SchoolCategory = (typeof schoolCategories)[number];
export const schoolCategoryLabels: Record<SchoolCategory, { 'zh-CN': string; 'en-US': string }> = {
  c985: l('985高校', '985 university'), c211: l('211高校', '211 university'), doubleFirstClass: l('双一流高校', 'Double First-Class university'),
  overseasTop: l('境外高水平大学', 'top overseas university'),
};

const arrivalRouteLabels = {
  civilService: l('体制内引进', 'civil-service introduction'), marketHire: l('市场化选聘', 'market hire'), flexible: l('柔性引进', 'flexible introduction'),
  localTraining: l('本土培养', 'local training'), selfArrived: l('自主来区', 'self-arrived'),
};
const statusLabels = { inZone: l('在区', 'in the zone'), flexibleService: l('柔性服务', 'flexible service'), left: l('已离区', 'left') };
const genderLabels = { male: l('男', 'male'), female: l('女', 'female') };
const sizeLabels = { micro: l('微型', 'micro'), small: l('小型', 'small'), medium: l('中型', 'medium'), large: l('大型', 'large') };
const chainSegmentLabels = { upstream: l('上游', 'upstream'), midstream: l('中游', 'midstream'), downstream: l('下游', 'downstream') };

export const talentFacts = {
  education: { type: 'ordinal', label: l('学历', 'Education'), ranks: educationRanks },
  schoolCategories: { type: 'codes', label: l('毕业院校类别', 'School category'), codes: schoolCategories, reference: 'schoolCategories', codeLabels: schoolCategoryLabels },
  overseas: { type: 'boolean', label: l('境外学历', 'Overseas degree') },
  title: { type: 'ordinal', label: l('职称', 'Professional title'), ranks: titleRanks },
  skillLevel: { type: 'ordinal', label: l('职业技能等级', 'Skill level'), ranks: { 1: l('五级', 'level 5'), 2: l('四级', 'level 4'), 3: l('三级', 'level 3'), 4: l('二级', 'level 2'), 5: l('一级', 'level 1') } },
  tier: { type: 'code', label: l('人才类别', 'Talent tier'), reference: 'tiers' },
  industry: { type: 'code', label: l('所在产业', 'Industry'), reference: 'industries' },
  chain: { type: 'code', label: l('产业链', 'Industry chain') },
  arrivalRoute: { type: 'code', label: l('引进方式', 'Arrival route'), codes: ['civilService', 'marketHire', 'flexible', 'localTraining', 'selfArrived'], codeLabels: arrivalRouteLabels },
  status: { type: 'code', label: l('在区状态', 'Status'), codes: ['inZone', 'flexibleService', 'left'], codeLabels: statusLabels },
  gender: { type: 'code', label: l('性别', 'Gender'), codes: ['male', 'female'], codeLabels: genderLabels },
  salaryBand: { type: 'ordinal', label: l('薪酬区间', 'Salary band'), ranks: salaryBandRanks },
  tags: { type: 'codes', label: l('人才标签', 'Tags') },
  age: { type: 'number', label: l('年龄', 'Age'), unit: l('岁', '') },
  yearsInZone: { type: 'number', label: l('在区年限', 'Years in the zone'), unit: l('年', '') },
  birthDate: { type: 'date', label: l('出生日期', 'Birth date') },
  arrivedOn: { type: 'date', label: l('来区日期', 'Arrival date') },
  employerId: { type: 'code', label: l('工作单位', 'Employer') },
  employerIndustry: { type: 'code', label: l('单位所属产业', "Employer's industry"), reference: 'industries' },
  employerSize: { type: 'code', label: l('单位规模', "Employer's size"), codes: ['micro', 'small', 'medium', 'large'], codeLabels: sizeLabels },
} as const satisfies Record<string, Fact>;

export const enterpriseFacts = {
  industry: { type: 'code', label: l('所属产业', 'Industry'), reference: 'industries' },
  chain: { type: 'code', label: l('产业链', 'Industry chain') },
  chainSegment: { type: 'code', label: l('产业链环节', 'Chain segment'), codes: ['upstream', 'midstream', 'downstream'], codeLabels: chainSegmentLabels },
  size: { type: 'code', label: l('企业规模', 'Size'), codes: ['micro', 'small', 'medium', 'large'], codeLabels: sizeLabels },
  foundedOn: { type: 'date', label: l('成立日期', 'Founding date') },
  yearsSinceFounded: { type: 'number', label: l('成立年限', 'Years since founding'), unit: l('年', '') },
  staffTotal: { type: 'number', label: l('在区人才数', 'Talents employed'), unit: l('人', '') },
  staffDoctorate: { type: 'number', label: l('博士人数', 'Doctorates employed'), unit: l('人', '') },
  staffMaster: { type: 'number', label: l('硕士人数', "Master's employed"), unit: l('人', '') },
  staffSeniorTitle: { type: 'number', label: l('高级职称人数', 'Senior titles employed'), unit: l('人', '') },
} as const satisfies Record<string, Fact>;

export type TalentFactName = keyof typeof talentFacts;
export type EnterpriseFactName = keyof typeof enterpriseFacts;
export type FactModel = Record<string, Fact>;

export const factModels: Record<SubjectKind, FactModel> = { talent: talentFacts, enterprise: enterpriseFacts };

/** A subject's facts as the engine sees them: every fact of the model present, `null` when unknown. */
export type Facts = Record<string, string | number | boolean | string[] | null>;

/** Rule data: the facts, plus the parameter values under `params` (read as `{"var": "params.<name>"}`). */
export type RuleData = Facts & { params?: Record<string, unknown> };
