/** Server messages of retention (留才: pairs, visits, departures, the early warning), in both languages; merged into i18n.ts. */
type Bilingual = Record<'zh-CN' | 'en-US', string>;

export const retentionErrorMessages = {
  pairExists: { 'zh-CN': '该人才已有结对联系的领导', 'en-US': 'This talent is already paired with a leader' },
  departureRecorded: { 'zh-CN': '该人才已登记离开高新区', 'en-US': 'This talent is already recorded as having left' },
} satisfies Record<string, Bilingual>;

export const retentionFieldMessages = {
  'retention.signalTwice': { 'zh-CN': '同一信号只能出现一次', 'en-US': 'appears more than once' },
  'retention.notLeader': { 'zh-CN': '不是领导干部账户', 'en-US': 'is not a leader account' },
  'retention.talentUnknown': { 'zh-CN': '找不到该人才', 'en-US': 'no such talent' },
  'retention.talentLeft': { 'zh-CN': '该人才已离开高新区', 'en-US': 'this talent has left the zone' },
  'retention.future': { 'zh-CN': '不能晚于今天', 'en-US': 'cannot be after today' },
  'retention.range': { 'zh-CN': '起止月份有误（最多 36 个月）', 'en-US': 'wrong range of months (at most 36)' },
} satisfies Record<string, Bilingual>;

export const retentionFieldLabels: Record<string, Bilingual> = {
  leaderId: { 'zh-CN': '联系领导', 'en-US': 'Leader' },
  planMonths: { 'zh-CN': '联系周期（月）', 'en-US': 'Contact every (months)' },
  contactedOn: { 'zh-CN': '联系日期', 'en-US': 'Date' },
  contactForm: { 'zh-CN': '联系形式', 'en-US': 'Form' },
  topics: { 'zh-CN': '交流内容', 'en-US': 'Topics' },
  problems: { 'zh-CN': '反映的问题', 'en-US': 'Problems raised' },
  outcome: { 'zh-CN': '走访结果', 'en-US': 'Outcome' },
  leftOn: { 'zh-CN': '离开日期', 'en-US': 'Left on' },
  destinationRegion: { 'zh-CN': '去向地区', 'en-US': 'Destination' },
  destinationKind: { 'zh-CN': '去向单位类型', 'en-US': 'Destination type' },
  reasons: { 'zh-CN': '离开原因', 'en-US': 'Reasons' },
  exitInterview: { 'zh-CN': '离职面谈', 'en-US': 'Exit interview' },
  weights: { 'zh-CN': '信号权重', 'en-US': 'Signal weights' },
  dimension: { 'zh-CN': '统计维度', 'en-US': 'Breakdown' },
};
