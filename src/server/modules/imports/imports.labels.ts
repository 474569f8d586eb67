import {
  educationLabels, titleLabels, type ArrivalRoute, type ChainSegment, type Degree, type EnterpriseSize, type Gender, type PoliticalStatus,
  type TalentStatus,
} from '../../../domain/dictionaries';

/**
 * The Chinese labels offices write in their rosters, for the dictionary codes (the web shows the same words). A
 * spreadsheet cell holds the label; the import turns it into the code and the export back.
 */
export const arrivalRouteLabels: Record<ArrivalRoute, string> = {
  civilService: '体制内引进',
  marketHire: '市场化选聘',
  flexible: '柔性引进',
  localTraining: '本土培养',
  selfArrived: '自主来区',
};

export const talentStatusLabels: Record<TalentStatus, string> = { inZone: '在区', flexibleService: '柔性服务中', left: '已离开' };

export const degreeLabels: Record<Degree, string> = { doctor: '博士', master: '硕士', bachelor: '学士', none: '无' };

export const genderLabels: Record<Gender, string> = { male: '男', female: '女' };

export const politicalStatusLabels: Record<PoliticalStatus, string> = {
  cpcMember: '中共党员',
  cpcProbationary: '中共预备党员',
  cylMember: '共青团员',
  democraticParty: '民主党派',
  nonPartisan: '无党派人士',
  masses: '群众',
};

export const chainSegmentLabels: Record<ChainSegment, string> = { upstream: '上游', midstream: '中游', downstream: '下游' };

export const enterpriseSizeLabels: Record<EnterpriseSize, string> = { micro: '微型', small: '小型', medium: '中型', large: '大型' };

export { educationLabels, titleLabels };

/** Label → code; the code itself is accepted too (a file written by another system). */
export function reverseLabels<T extends string>(labels: Record<T, string>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [code, label] of Object.entries(labels) as [T, string][]) {
    map.set(label, code);
    map.set(code, code);
  }
  return map;
}
