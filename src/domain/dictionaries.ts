/** Dictionaries shared by server and web. Values are stable codes; labels live in the web's i18n resources. */
export const organisationKinds = ['enterprise', 'platform', 'university', 'college', 'researchInstitute', 'team'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/** How a talent came to the zone (the source's 体制内引进 / 市场化选聘 / 柔性引进 / 本土培养 / 自主来区). */
export const arrivalRoutes = ['civilService', 'marketHire', 'flexible', 'localTraining', 'selfArrived'] as const;
export type ArrivalRoute = (typeof arrivalRoutes)[number];

export const talentStatuses = ['inZone', 'flexibleService', 'left'] as const;
export type TalentStatus = (typeof talentStatuses)[number];

/** Education levels, highest first (the order defines "highest"). */
export const educationLevels = ['doctorate', 'master', 'bachelor', 'juniorCollege', 'higherVocational', 'secondaryVocational', 'highSchoolOrBelow'] as const;
export type EducationLevel = (typeof educationLevels)[number];
export const educationLabels: Record<EducationLevel, string> = {
  doctorate: '博士研究生',
  master: '硕士研究生',
  bachelor: '本科',
  juniorCollege: '大专',
  higherVocational: '高职',
  secondaryVocational: '中职',
  highSchoolOrBelow: '高中及以下',
};
/** Lower rank is higher education. */
export const educationRank = (level: EducationLevel) => educationLevels.indexOf(level);

export const degrees = ['doctor', 'master', 'bachelor', 'none'] as const;
export type Degree = (typeof degrees)[number];

export const titleLevels = ['junior', 'intermediate', 'associateSenior', 'senior'] as const;
export type TitleLevel = (typeof titleLevels)[number];
export const titleLabels: Record<TitleLevel, string> = { junior: '初级', intermediate: '中级', associateSenior: '副高级', senior: '正高级' };

export const skillLevels = [1, 2, 3, 4, 5] as const;
/** 一级 (高级技师) is the highest skill level. */
export const skillLevelLabels: Record<number, string> = { 1: '一级', 2: '二级', 3: '三级', 4: '四级', 5: '五级' };

export const politicalStatuses = ['cpcMember', 'cpcProbationary', 'cylMember', 'democraticParty', 'nonPartisan', 'masses'] as const;
export type PoliticalStatus = (typeof politicalStatuses)[number];

export const salaryBands = ['below5k', '5kTo8k', '8kTo12k', '12kTo20k', '20kTo30k', 'above30k'] as const;
export type SalaryBand = (typeof salaryBands)[number];

export const chainSegments = ['upstream', 'midstream', 'downstream'] as const;
export type ChainSegment = (typeof chainSegments)[number];

export const enterpriseSizes = ['micro', 'small', 'medium', 'large'] as const;
export type EnterpriseSize = (typeof enterpriseSizes)[number];

export const genders = ['male', 'female'] as const;
export type Gender = (typeof genders)[number];

/** The 56 ethnic groups, by their Chinese names (GB/T 3304 order). */
export const ethnicities = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族', '满族', '侗族', '瑶族', '白族', '土家族',
  '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族', '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族', '景颇族', '柯尔克孜族',
  '土族', '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族', '普米族', '塔吉克族', '怒族',
  '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族', '独龙族', '鄂伦春族', '赫哲族', '门巴族',
  '珞巴族', '基诺族',
] as const;
