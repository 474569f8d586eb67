/** Server messages of skills training and 揭榜挂帅 challenges, in both languages; merged into i18n.ts. */
type Bilingual = Record<'zh-CN' | 'en-US', string>;

export const growthErrorMessages = {
  trainingOrderState: { 'zh-CN': '培训订单当前状态为“{statusZh}”，不能执行此操作', 'en-US': 'The training order is "{statusEn}"; this is not possible now' },
  trainingClassFinished: { 'zh-CN': '该班次已结业，不能再修改', 'en-US': 'The class has finished and can no longer be changed' },
  trainingAlreadyEnrolled: { 'zh-CN': '{name} 已在该班次中', 'en-US': '{name} is already enrolled in this class' },
  trainingNotPassed: { 'zh-CN': '考核通过后才能发放证书', 'en-US': 'A certificate needs a passed assessment first' },
  trainingCertificateIssued: { 'zh-CN': '证书已发放（{number}）', 'en-US': 'The certificate has already been issued ({number})' },
  trainingAlreadyPlaced: { 'zh-CN': '该学员已于 {date} 安置就业', 'en-US': 'This trainee was already placed on {date}' },
  trainingNoEnterprise: { 'zh-CN': '该班次没有订单企业，无法安置就业', 'en-US': 'This class has no ordering enterprise to place trainees in' },
  challengeState: { 'zh-CN': '榜单当前状态为“{statusZh}”，不能执行此操作', 'en-US': 'The challenge is "{statusEn}"; this is not possible now' },
  challengeNotReviewer: { 'zh-CN': '您不是该榜单的评审专家，不能评分', 'en-US': 'You are not a reviewer of this challenge and cannot score it' },
  challengeConflictOfInterest: {
    'zh-CN': '利益冲突：您所在单位（{organisation}）与揭榜团队为同一单位，须回避评分',
    'en-US': 'Conflict of interest: you belong to the same organisation as the proposing team ({organisation}) and must not score it',
  },
  challengeOwnChallenge: { 'zh-CN': '不能揭自己单位发布的榜单', 'en-US': 'You cannot propose for a challenge your own organisation posted' },
  challengeDeadlinePassed: { 'zh-CN': '榜单已于 {date} 截止揭榜', 'en-US': 'The challenge closed for proposals on {date}' },
} satisfies Record<string, Bilingual>;

export const growthFieldMessages = {
  'training.providerKind': { 'zh-CN': '应为已登记的院校或科研机构', 'en-US': 'must be a registered school, university or research institute' },
  'training.notEnterprise': { 'zh-CN': '应为已登记的企业', 'en-US': 'must be a registered enterprise' },
  'training.orderUnknown': { 'zh-CN': '找不到该培训订单', 'en-US': 'no such training order' },
  'training.talentUnknown': { 'zh-CN': '找不到该人才', 'en-US': 'no such talent' },
  'training.oneTrainee': { 'zh-CN': '请选择库内人才或填写新学员，二选一', 'en-US': 'choose a registered talent or enter a new trainee, one of the two' },
  'training.kindNeedsOrder': { 'zh-CN': '订单式培训班须对应一个培训订单', 'en-US': 'an order class needs its training order' },
  'training.kindNeedsEnterprise': { 'zh-CN': '企业订单班须选择合作企业', 'en-US': 'an enterprise order class needs its enterprise' },
  'training.notInClass': { 'zh-CN': '不是该班次的学员', 'en-US': 'is not a trainee of this class' },
  'date.beforeStart': { 'zh-CN': '不能早于开始日期', 'en-US': 'must not be before the start date' },
  'date.past': { 'zh-CN': '不能早于今天', 'en-US': 'must not be in the past' },
  'training.nameMismatch': { 'zh-CN': '与人才库中该身份证号码的姓名（{name}）不一致', 'en-US': 'differs from the name registered with this ID number ({name})' },
  'training.duplicateInFile': { 'zh-CN': '与第 {row} 行重复', 'en-US': 'duplicates row {row}' },
  'challenge.reviewerUnknown': { 'zh-CN': '找不到该账户，或该账户不能担任评审', 'en-US': 'no such account, or it cannot review' },
  'challenge.proposalUnknown': { 'zh-CN': '不是该榜单的揭榜方案', 'en-US': 'is not a proposal of this challenge' },
} satisfies Record<string, Bilingual>;

export const growthFieldLabels: Record<string, Bilingual> = {
  skill: { 'zh-CN': '培训技能', 'en-US': 'Skill' },
  headcount: { 'zh-CN': '订单人数', 'en-US': 'Headcount' },
  deadline: { 'zh-CN': '截止日期', 'en-US': 'Deadline' },
  demandId: { 'zh-CN': '对应岗位需求', 'en-US': 'Demand' },
  enterpriseId: { 'zh-CN': '企业', 'en-US': 'Enterprise' },
  providerId: { 'zh-CN': '培训机构', 'en-US': 'Provider' },
  orderId: { 'zh-CN': '培训订单', 'en-US': 'Training order' },
  className: { 'zh-CN': '班次名称', 'en-US': 'Class name' },
  certificateName: { 'zh-CN': '证书名称', 'en-US': 'Certificate' },
  certificateLevel: { 'zh-CN': '证书等级', 'en-US': 'Certificate level' },
  startsOn: { 'zh-CN': '开班日期', 'en-US': 'Start date' },
  endsOn: { 'zh-CN': '结业日期', 'en-US': 'End date' },
  heldOn: { 'zh-CN': '上课日期', 'en-US': 'Date' },
  topic: { 'zh-CN': '课程主题', 'en-US': 'Topic' },
  lecturer: { 'zh-CN': '授课人', 'en-US': 'Lecturer' },
  newTalent: { 'zh-CN': '新学员', 'en-US': 'New trainee' },
  presentEnrolmentIds: { 'zh-CN': '出勤学员', 'en-US': 'Present' },
  score: { 'zh-CN': '评分', 'en-US': 'Score' },
  passed: { 'zh-CN': '考核结果', 'en-US': 'Result' },
  assessedOn: { 'zh-CN': '考核日期', 'en-US': 'Assessment date' },
  issuedOn: { 'zh-CN': '发证日期', 'en-US': 'Issue date' },
  placedOn: { 'zh-CN': '就业日期', 'en-US': 'Placement date' },
  problem: { 'zh-CN': '技术难题', 'en-US': 'Problem' },
  requirements: { 'zh-CN': '揭榜要求', 'en-US': 'Requirements' },
  budget: { 'zh-CN': '经费（元）', 'en-US': 'Budget (yuan)' },
  posterId: { 'zh-CN': '发榜企业', 'en-US': 'Posting enterprise' },
  userId: { 'zh-CN': '评审专家账户', 'en-US': 'Reviewer account' },
  teamName: { 'zh-CN': '团队名称', 'en-US': 'Team' },
  organisationName: { 'zh-CN': '所在单位', 'en-US': 'Organisation' },
  members: { 'zh-CN': '团队成员', 'en-US': 'Members' },
  plan: { 'zh-CN': '实施方案', 'en-US': 'Plan' },
  proposalId: { 'zh-CN': '揭榜方案', 'en-US': 'Proposal' },
  dueOn: { 'zh-CN': '计划完成日期', 'en-US': 'Due date' },
  doneOn: { 'zh-CN': '实际完成日期', 'en-US': 'Done on' },
};

/** Labels these records give to names other records use too (a challenge's `title` is 榜单名称, a policy's 政策名称). */
export const growthScopedLabels: Record<'training' | 'challenge', Record<string, Bilingual>> = {
  training: { note: { 'zh-CN': '说明', 'en-US': 'Note' } },
  challenge: { title: { 'zh-CN': '榜单名称', 'en-US': 'Title' }, comment: { 'zh-CN': '评审意见', 'en-US': 'Comment' } },
};

export const trainingOrderStatusLabels: Record<'open' | 'matched' | 'closed', Bilingual> = {
  open: { 'zh-CN': '待匹配', 'en-US': 'awaiting a provider' },
  matched: { 'zh-CN': '已匹配', 'en-US': 'matched' },
  closed: { 'zh-CN': '已关闭', 'en-US': 'closed' },
};

export const challengeStatusLabels: Record<'open' | 'awarded' | 'closed', Bilingual> = {
  open: { 'zh-CN': '揭榜中', 'en-US': 'open' },
  awarded: { 'zh-CN': '已揭榜', 'en-US': 'awarded' },
  closed: { 'zh-CN': '已撤榜', 'en-US': 'closed' },
};
