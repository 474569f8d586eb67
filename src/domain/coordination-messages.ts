/** Server messages of 协同用才 (joint tasks, the government–enterprise board), merged into domain/i18n.ts. */
export const coordinationErrorMessages = {
  jointTaskClosed: { 'zh-CN': '该协同任务已办结或已取消，不能再修改', 'en-US': 'This joint task is already closed or cancelled and cannot be changed' },
  jointTaskPartsOpen: {
    'zh-CN': '协办单位尚未完成：{units}。请待其完成后办结，或在办结说明中写明未完成的原因',
    'en-US': 'Helper units have not finished their part: {units}. Close it once they have, or say in the closing note why not',
  },
  jointTaskNotOwner: { 'zh-CN': '只有牵头单位（或人才办）可以办结或取消该任务', 'en-US': 'Only the owner unit (or the talent office) may close or cancel this task' },
  jointTaskNotHelper: { 'zh-CN': '只有该协办单位（或人才办）可以填报其完成情况', 'en-US': 'Only that helper unit (or the talent office) may report its part' },
  jointTaskStale: { 'zh-CN': '该任务已被他人修改，请刷新后重试', 'en-US': 'Someone else changed this task; reload and try again' },
  boardEnterpriseRequired: { 'zh-CN': '请选择要查看的企业', 'en-US': 'Choose the enterprise whose board to see' },
};

export const coordinationFieldMessages = {
  'jointTask.ownerHelper': { 'zh-CN': '牵头单位不能同时是协办单位', 'en-US': 'the owner unit cannot also be a helper' },
  'jointTask.duplicateUnit': { 'zh-CN': '协办单位重复', 'en-US': 'names a helper unit twice' },
  'jointTask.deadlineOne': { 'zh-CN': '请填写截止日期或办理时限（工作日）其中之一', 'en-US': 'give either a due date or a time limit in working days' },
  'jointTask.deadlinePast': { 'zh-CN': '截止日期不能早于今天', 'en-US': 'the due date cannot be before today' },
  'jointTask.ownUnit': { 'zh-CN': '责任单位工作人员只能以本单位为牵头单位发起', 'en-US': 'unit staff raise tasks with their own unit as the owner' },
  'jointTask.notHelper': { 'zh-CN': '该单位不是本任务的协办单位', 'en-US': 'this unit is not a helper of the task' },
  'jointTask.noteRequired': { 'zh-CN': '取消任务须说明原因', 'en-US': 'cancelling needs a reason' },
};

export const coordinationFieldLabels = {
  ownerUnitId: { 'zh-CN': '牵头单位', 'en-US': 'Owner unit' },
  helpers: { 'zh-CN': '协办单位', 'en-US': 'Helper units' },
  unitId: { 'zh-CN': '单位', 'en-US': 'Unit' },
  part: { 'zh-CN': '协办事项', 'en-US': 'Part to do' },
  talentId: { 'zh-CN': '人才', 'en-US': 'Talent' },
  enterpriseId: { 'zh-CN': '企业', 'en-US': 'Enterprise' },
  dueOn: { 'zh-CN': '截止日期', 'en-US': 'Due date' },
  workingDays: { 'zh-CN': '办理时限（工作日）', 'en-US': 'Time limit (working days)' },
  outcome: { 'zh-CN': '办结方式', 'en-US': 'Outcome' },
  done: { 'zh-CN': '已完成', 'en-US': 'Done' },
  overdue: { 'zh-CN': '逾期', 'en-US': 'Overdue' },
};

/** Labels that mean something else elsewhere (`title` a challenge's, `note` a class's). */
export const jointTaskScopedLabels = {
  title: { 'zh-CN': '任务名称', 'en-US': 'Task' },
  description: { 'zh-CN': '任务说明', 'en-US': 'Description' },
  note: { 'zh-CN': '说明', 'en-US': 'Note' },
  text: { 'zh-CN': '进展情况', 'en-US': 'Progress' },
  notedOn: { 'zh-CN': '日期', 'en-US': 'Date' },
};
