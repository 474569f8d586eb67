/** Server messages of selections (评选), merged into domain/i18n.ts. */
import type { NominationStatus, SelectionStatus } from './selections';

type Bilingual = { 'zh-CN': string; 'en-US': string };

export const selectionStatusWords: Record<SelectionStatus, [string, string]> = {
  nominating: ['推荐中', 'taking nominations'],
  reviewing: ['评审中', 'under review'],
  publicizing: ['公示中', 'publicised'],
  completed: ['已完成', 'completed'],
};

export const nominationStatusWords: Record<NominationStatus, [string, string]> = {
  nominated: ['待核验', 'to be checked'],
  eligible: ['符合条件', 'eligible'],
  ineligible: ['不符合条件', 'not eligible'],
  selected: ['入选', 'selected'],
  notSelected: ['未入选', 'not selected'],
};

export const selectionErrorMessages = {
  selectionExists: { 'zh-CN': '{year} 年已有同类评选', 'en-US': 'A selection of this kind already exists for {year}' },
  selectionState: { 'zh-CN': '评选当前状态（{statusZh}）下不能执行此操作，请刷新后查看', 'en-US': 'This cannot be done while the selection is {statusEn}; reload to see it' },
  nominationState: { 'zh-CN': '推荐当前状态（{statusZh}）下不能执行此操作，请刷新后查看', 'en-US': 'This cannot be done while the nomination is {statusEn}; reload to see it' },
  selectionWindowClosed: { 'zh-CN': '推荐时间为 {from} 至 {to}，当前不在推荐期内', 'en-US': 'Nominations are taken from {from} to {to}; this is outside that window' },
  selectionNominationExists: { 'zh-CN': '该人才已被推荐参加本次评选', 'en-US': 'This talent is already nominated for this selection' },
  selectionNoExperts: { 'zh-CN': '评选尚未组建评审专家组', 'en-US': 'The selection has no expert panel yet' },
  selectionUnchecked: { 'zh-CN': '还有 {count} 个推荐未核验资格', 'en-US': '{count} nomination(s) still wait for the eligibility check' },
  selectionScoresMissing: { 'zh-CN': '还有 {count} 个评分未完成', 'en-US': '{count} score(s) are still missing' },
  selectionPublicityRunning: { 'zh-CN': '公示期至 {until} 结束，结束后方可确认结果', 'en-US': 'The public notice runs until {until}; the results can be confirmed after it ends' },
  selectionObjectionsOpen: { 'zh-CN': '还有 {count} 个异议未处理', 'en-US': '{count} objection(s) are still open' },
  selectionNotExpert: { 'zh-CN': '您不是本次评选的评审专家', 'en-US': 'You are not on this selection\'s expert panel' },
  selectionExpertConflict: { 'zh-CN': '评审专家与被推荐人所在单位或推荐单位相同，须回避', 'en-US': 'The expert belongs to the nominee\'s employer or the nominating organisation and must abstain' },
  selectionNominator: { 'zh-CN': '只有企业人事或部门工作人员可以推荐', 'en-US': 'Only enterprise HR or a unit\'s staff may nominate' },
} satisfies Record<string, Bilingual>;

export const selectionFieldMessages = {
  'selection.kindUnknown': { 'zh-CN': '没有这个评选类别', 'en-US': 'no such kind of selection' },
  'selection.policyUnknown': { 'zh-CN': '请选择已发布的面向人才的政策', 'en-US': 'choose a published policy for talents' },
  'selection.windowOrder': { 'zh-CN': '结束日期不能早于开始日期', 'en-US': 'the end cannot be before the start' },
  'selection.userUnknown': { 'zh-CN': '没有这个用户', 'en-US': 'no such user' },
  'selection.organisationUnknown': { 'zh-CN': '没有这个单位', 'en-US': 'no such organisation' },
  'selection.expertRepeated': { 'zh-CN': '同一用户不能重复列入专家组', 'en-US': 'the same user is on the panel twice' },
  'selection.expertUnknown': { 'zh-CN': '该专家不在本次评选的专家组中', 'en-US': 'this expert is not on the selection\'s panel' },
  'selection.notStaff': { 'zh-CN': '只能推荐本单位在册人才', 'en-US': 'only your own staff in the registry can be nominated' },
  'selection.talentUnknown': { 'zh-CN': '没有这个人才', 'en-US': 'no such talent' },
  'selection.talentLeft': { 'zh-CN': '该人才已不在区内', 'en-US': 'this talent is no longer in the zone' },
} satisfies Record<string, Bilingual>;

export const selectionFieldLabels = {
  kind: { 'zh-CN': '评选类别', 'en-US': 'Kind of selection' },
  quota: { 'zh-CN': '名额', 'en-US': 'Places' },
  policyId: { 'zh-CN': '资格政策', 'en-US': 'Eligibility policy' },
  honour: { 'zh-CN': '荣誉称号', 'en-US': 'Honour' },
  honourEn: { 'zh-CN': '荣誉称号（英文）', 'en-US': 'Honour (English)' },
  nominateFrom: { 'zh-CN': '推荐开始日期', 'en-US': 'Nominations from' },
  nominateTo: { 'zh-CN': '推荐截止日期', 'en-US': 'Nominations until' },
  experts: { 'zh-CN': '评审专家', 'en-US': 'Experts' },
  expertId: { 'zh-CN': '评审专家', 'en-US': 'Expert' },
} satisfies Record<string, Bilingual>;

/** Labels that mean something else elsewhere (a selection's `title`, `reason`, `year`). */
export const selectionScopedLabels = {
  title: { 'zh-CN': '评选名称', 'en-US': 'Title of the selection' },
  titleEn: { 'zh-CN': '评选名称（英文）', 'en-US': 'Title (English)' },
  year: { 'zh-CN': '年度', 'en-US': 'Year' },
  reason: { 'zh-CN': '推荐理由', 'en-US': 'Reason for the nomination' },
  talentId: { 'zh-CN': '被推荐人', 'en-US': 'Nominee' },
  score: { 'zh-CN': '评分', 'en-US': 'Score' },
  opinion: { 'zh-CN': '评审意见', 'en-US': 'Opinion' },
} satisfies Record<string, Bilingual>;
