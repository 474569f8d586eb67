/** Server messages of the case engine and service requests (诉求), in both languages; merged into i18n.ts. */
type Bilingual = Record<'zh-CN' | 'en-US', string>;

export const caseErrorMessages = {
  // placeholders ending in Zh/En carry a value in each language (inBothLanguages)
  caseState: { 'zh-CN': '办件当前状态为“{statusZh}”，不能执行此操作', 'en-US': 'The case is "{statusEn}"; this action is not possible now' },
  caseStale: { 'zh-CN': '办件已被他人处理或已更新，请刷新后重试', 'en-US': 'The case was handled or changed by someone else; reload and try again' },
  caseNotYourStep: { 'zh-CN': '当前办理环节不属于您的单位', 'en-US': 'The current step is not assigned to your unit' },
  caseOwn: { 'zh-CN': '不能办理本人提出或涉及本人的诉求', 'en-US': 'You cannot handle a request you raised or that concerns you' },
  serviceRequestUnrouted: { 'zh-CN': '该类诉求尚未指定承办单位，请联系人才办', 'en-US': 'No unit handles this category yet; contact the talent office' },
} satisfies Record<string, Bilingual>;

export const caseFieldMessages = {
  'case.unitUnknown': { 'zh-CN': '不是有效的单位', 'en-US': 'is not a unit' },
  'serviceRequest.categoryUnknown': { 'zh-CN': '不是有效的诉求类别', 'en-US': 'is not a request category' },
  'serviceRequest.subjectUnknown': { 'zh-CN': '找不到该人才或企业', 'en-US': 'no such talent or enterprise' },
  'serviceRequest.subjectRequired': { 'zh-CN': '窗口代办时必须选择诉求人', 'en-US': 'choose the requester when recording at the window' },
} satisfies Record<string, Bilingual>;

export const caseFieldLabels: Record<string, Bilingual> = {
  requestCategory: { 'zh-CN': '诉求类别', 'en-US': 'Category' },
  requestTitle: { 'zh-CN': '诉求标题', 'en-US': 'Subject' },
  requestText: { 'zh-CN': '诉求内容', 'en-US': 'Details' },
  requesterKind: { 'zh-CN': '诉求人类型', 'en-US': 'Requester type' },
  requesterId: { 'zh-CN': '诉求人', 'en-US': 'Requester' },
  unitCode: { 'zh-CN': '承办单位', 'en-US': 'Handling unit' },
  tab: { 'zh-CN': '分类', 'en-US': 'Tab' },
};
