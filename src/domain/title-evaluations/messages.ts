/** Server messages of title evaluation (职称评聘), merged into domain/i18n.ts. */
type Bilingual = Record<'zh-CN' | 'en-US', string>;

export const titleErrorMessages = {
  // placeholders ending in Zh/En carry a value in each language
  titleRoundState: { 'zh-CN': '评审批次当前为“{statusZh}”，不能执行此操作', 'en-US': 'The round is "{statusEn}"; this action is not possible now' },
  titleDeclarationState: { 'zh-CN': '申报当前为“{statusZh}”，不能执行此操作', 'en-US': 'The declaration is "{statusEn}"; this action is not possible now' },
  titleRoundExists: { 'zh-CN': '{year} 年该系列的评审批次已存在', 'en-US': 'A round of this series for {year} already exists' },
  titleDeclarationExists: { 'zh-CN': '该人才已在本批次申报', 'en-US': 'This talent has already been declared in this round' },
  titleWindowClosed: { 'zh-CN': '不在申报时间内（{from} 至 {to}）', 'en-US': 'Outside the declaration window ({from} to {to})' },
  titleUnchecked: { 'zh-CN': '还有 {count} 份申报未审核，审核后才能开始评审', 'en-US': '{count} declaration(s) are not checked yet; check them before the review starts' },
  titleNoExperts: { 'zh-CN': '评审批次尚未组建专家组', 'en-US': 'The round has no expert group yet' },
  titleUndecided: { 'zh-CN': '还有 {count} 份申报未作出评审结论', 'en-US': '{count} declaration(s) have no result yet' },
  titleScoresMissing: { 'zh-CN': '还有 {count} 位专家未评分', 'en-US': '{count} expert(s) have not scored yet' },
  titleExpertConflict: { 'zh-CN': '专家与申报人同属一个单位，须回避，不能评分', 'en-US': 'The expert works for the candidate’s enterprise and must abstain' },
  titleNotExpert: { 'zh-CN': '您不是本批次的评审专家', 'en-US': 'You are not an expert of this round' },
  titlePublicityRunning: { 'zh-CN': '公示期至 {until} 结束，结束后才能公布最终结果', 'en-US': 'The public notice runs until {until}; the final results can be recorded after it ends' },
  titleObjectionsOpen: { 'zh-CN': '还有 {count} 条异议未处理', 'en-US': '{count} objection(s) are still open' },
} satisfies Record<string, Bilingual>;

export const titleFieldMessages = {
  'title.seriesUnknown': { 'zh-CN': '不是有效的职称系列', 'en-US': 'is not a title series' },
  'title.levelClosed': { 'zh-CN': '本批次不评审该级别', 'en-US': 'this round does not evaluate that level' },
  'title.notStaff': { 'zh-CN': '不是本单位在册人才', 'en-US': 'is not on your enterprise’s staff' },
  'title.talentUnknown': { 'zh-CN': '找不到该人才', 'en-US': 'no such talent' },
  'title.windowOrder': { 'zh-CN': '截止日期不能早于开始日期', 'en-US': 'must not be before the start date' },
  'title.expertUnknown': { 'zh-CN': '不是本批次的专家', 'en-US': 'is not an expert of this round' },
  'title.userUnknown': { 'zh-CN': '找不到该用户', 'en-US': 'no such user' },
  'title.organisationUnknown': { 'zh-CN': '找不到该单位', 'en-US': 'no such organisation' },
  'title.expertRepeated': { 'zh-CN': '专家重复', 'en-US': 'the expert is listed twice' },
  'title.commentRequired': { 'zh-CN': '退回补正时须说明原因', 'en-US': 'say why when returning for correction' },
} satisfies Record<string, Bilingual>;

export const titleFieldLabels: Record<string, Bilingual> = {
  series: { 'zh-CN': '职称系列', 'en-US': 'Series' },
  levels: { 'zh-CN': '评审级别', 'en-US': 'Levels' },
  declareFrom: { 'zh-CN': '申报开始日期', 'en-US': 'Declarations from' },
  declareTo: { 'zh-CN': '申报截止日期', 'en-US': 'Declarations until' },
  publicityDays: { 'zh-CN': '公示工作日数', 'en-US': 'Public notice (working days)' },
  experts: { 'zh-CN': '专家组', 'en-US': 'Expert group' },
  expertId: { 'zh-CN': '专家', 'en-US': 'Expert' },
  score: { 'zh-CN': '评分', 'en-US': 'Score' },
  opinion: { 'zh-CN': '评审意见', 'en-US': 'Opinion' },
  materials: { 'zh-CN': '申报材料', 'en-US': 'Materials' },
  outcome: { 'zh-CN': '结论', 'en-US': 'Outcome' },
  result: { 'zh-CN': '评审结论', 'en-US': 'Result' },
  objector: { 'zh-CN': '异议人', 'en-US': 'Raised by' },
  resolution: { 'zh-CN': '处理意见', 'en-US': 'Resolution' },
};

/** Labels that mean something else elsewhere (a round's `name`, a declaration's `level`, an expert's `organisationId`). */
export const titleScopedLabels: Record<string, Bilingual> = {
  name: { 'zh-CN': '批次名称', 'en-US': 'Round name' },
  year: { 'zh-CN': '评审年度', 'en-US': 'Year' },
  level: { 'zh-CN': '申报级别', 'en-US': 'Level sought' },
  talentId: { 'zh-CN': '申报人', 'en-US': 'Candidate' },
  comment: { 'zh-CN': '意见', 'en-US': 'Comment' },
  content: { 'zh-CN': '异议内容', 'en-US': 'Objection' },
};

/** Statuses as placeholders of the state refusals, in both languages. */
export const titleRoundStatusWords = {
  declaring: ['申报中', 'Declaring'], reviewing: ['评审中', 'Under review'], publicizing: ['公示中', 'Public notice'], completed: ['已完成', 'Completed'],
} as const;
export const titleDeclarationStatusWords = {
  submitted: ['待审核', 'Awaiting check'], returned: ['退回补正', 'Returned for correction'], accepted: ['待评审', 'Awaiting review'], passed: ['通过', 'Passed'], failed: ['未通过', 'Not passed'],
} as const;
