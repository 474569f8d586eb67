/** Server messages of the case engine and service requests (诉求), in both languages; merged into i18n.ts. */
type Bilingual = Record<'zh-CN' | 'en-US', string>;

export const caseErrorMessages = {
  // placeholders ending in Zh/En carry a value in each language (inBothLanguages)
  caseState: { 'zh-CN': '办件当前状态为“{statusZh}”，不能执行此操作', 'en-US': 'The case is "{statusEn}"; this action is not possible now' },
  caseStale: { 'zh-CN': '办件已被他人处理或已更新，请刷新后重试', 'en-US': 'The case was handled or changed by someone else; reload and try again' },
  caseNotYourStep: { 'zh-CN': '当前办理环节不属于您的单位', 'en-US': 'The current step is not assigned to your unit' },
  caseOwn: { 'zh-CN': '不能办理本人提出或涉及本人的诉求', 'en-US': 'You cannot handle a request you raised or that concerns you' },
  caseSubtasksOpen: { 'zh-CN': '还有联办事项未办结，全部办结后才能办结本诉求', 'en-US': 'Sub-tasks are still open; the request closes when all of them are done' },
  subtaskState: { 'zh-CN': '该联办事项已办理，不能重复办理', 'en-US': 'This sub-task has already been ended' },
  subtaskNotYours: { 'zh-CN': '该联办事项不属于您的单位', 'en-US': 'This sub-task is not assigned to your unit' },
  caseRatedOnce: { 'zh-CN': '该诉求已评价，每件诉求只能评价一次', 'en-US': 'This request has been rated already; a request is rated once' },
  caseNotRatable: { 'zh-CN': '诉求办结后才能评价', 'en-US': 'A request can be rated once it is done' },
  caseReopenedOnce: { 'zh-CN': '该诉求已重新办理过一次，不能再次重新办理；如仍有问题请联系人才办', 'en-US': 'This request has been reopened once already; it cannot be reopened again. Contact the talent office if needed' },
  caseReopenNotAllowed: { 'zh-CN': '只有评价为“不满意”或“非常不满意”的已办结诉求才能申请重新办理', 'en-US': 'Only a done request rated dissatisfied or very dissatisfied can be reopened' },
  serviceRequestUnrouted: { 'zh-CN': '该类诉求尚未指定承办单位，请联系人才办', 'en-US': 'No unit handles this category yet; contact the talent office' },
} satisfies Record<string, Bilingual>;

export const caseFieldMessages = {
  'case.unitUnknown': { 'zh-CN': '不是有效的单位', 'en-US': 'is not a unit' },
  'serviceRequest.categoryUnknown': { 'zh-CN': '不是有效的诉求类别', 'en-US': 'is not a request category' },
  'serviceRequest.subjectUnknown': { 'zh-CN': '找不到该人才或企业', 'en-US': 'no such talent or enterprise' },
  'subtask.unitSame': { 'zh-CN': '联办单位不能是本诉求的承办单位', 'en-US': 'cannot be the request’s own handling unit' },
  'subtask.unitTwice': { 'zh-CN': '同一单位只能有一个联办事项', 'en-US': 'one sub-task per unit' },
  'subtask.noteRequired': { 'zh-CN': '退回时必须说明原因', 'en-US': 'say why when returning' },
  'serviceRequest.categoryInactive': { 'zh-CN': '该诉求类别已停用', 'en-US': 'this category is no longer in use' },
  'serviceRequest.periodOrder': { 'zh-CN': '截止日期不能早于起始日期', 'en-US': 'must not be before the start' },
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
  subtasks: { 'zh-CN': '联办事项', 'en-US': 'Sub-tasks' },
  task: { 'zh-CN': '联办内容', 'en-US': 'What to do' },
  workingDays: { 'zh-CN': '办理时限（工作日）', 'en-US': 'Time limit (working days)' },
  note: { 'zh-CN': '办理说明', 'en-US': 'Note' },
  score: { 'zh-CN': '评价', 'en-US': 'Rating' },
  active: { 'zh-CN': '启用', 'en-US': 'In use' },
  from: { 'zh-CN': '起始日期', 'en-US': 'From' },
  to: { 'zh-CN': '截止日期', 'en-US': 'To' },
  decidedFrom: { 'zh-CN': '办结起始日期', 'en-US': 'Done from' },
  decidedTo: { 'zh-CN': '办结截止日期', 'en-US': 'Done until' },
  timing: { 'zh-CN': '时效', 'en-US': 'Timing' },
  categoryName: { 'zh-CN': '类别名称', 'en-US': 'Category name' },
  categoryNameEn: { 'zh-CN': '英文名称', 'en-US': 'English name' },
};
