/** Server messages of talent demand, recruitment campaigns and market-hired executives, in both languages; merged into i18n.ts. */
type Bilingual = Record<'zh-CN' | 'en-US', string>;

export const demandErrorMessages = {
  demandClosed: { 'zh-CN': '该岗位需求已关闭', 'en-US': 'This demand is closed' },
  demandOverfilled: { 'zh-CN': '该岗位需求只剩 {open} 个名额', 'en-US': 'This demand has only {open} place(s) left' },
  applicantState: { 'zh-CN': '该报名人员当前状态不能执行此操作', 'en-US': 'This applicant’s state does not allow this' },
  applicantNotReady: { 'zh-CN': '该报名人员尚未通过录用前的全部环节', 'en-US': 'The applicant has not passed every stage before the offer' },
  scoreImportRows: { 'zh-CN': '成绩表有 {invalid} 行未通过检查，未写入任何成绩', 'en-US': '{invalid} row(s) of the score sheet failed the checks; no score was written' },
  executiveEnded: { 'zh-CN': '该高管任期已结束', 'en-US': 'This executive’s term has ended' },
} satisfies Record<string, Bilingual>;

export const demandFieldMessages = {
  'demand.ownEnterprise': { 'zh-CN': '只能为本企业发布需求', 'en-US': 'may only be your own enterprise' },
  'demand.enterpriseRequired': { 'zh-CN': '请选择需求企业', 'en-US': 'choose the enterprise' },
  'demand.belowFilled': { 'zh-CN': '不能少于已到岗的 {filled} 人', 'en-US': 'cannot be below the {filled} already hired' },
  'campaign.stageOrder': { 'zh-CN': '环节须按 报名→资格审查→笔试→面试→体检→考察→公示→录用 的顺序且不重复', 'en-US': 'must follow the order registration → … → offer, each once' },
  'campaign.stageOffer': { 'zh-CN': '最后一个环节须为“录用”', 'en-US': 'must end with the offer' },
  'campaign.planTwice': { 'zh-CN': '该学科已在计划中', 'en-US': 'is already in the plan' },
  'campaign.applicantTwice': { 'zh-CN': '该身份证号码已报名本次招聘', 'en-US': 'this ID number has already applied to this campaign' },
  'campaign.notCurrentStage': { 'zh-CN': '不是该报名人员当前所处的环节（{stage}）', 'en-US': 'is not the applicant’s current stage ({stage})' },
  'campaign.stageNotInCampaign': { 'zh-CN': '本次招聘没有该环节', 'en-US': 'is not a stage of this campaign' },
  'campaign.scoreMissing': { 'zh-CN': '该环节须填写成绩', 'en-US': 'this stage needs a score' },
  'campaign.applicantUnknown': { 'zh-CN': '本次招聘没有该报名号的报名人员', 'en-US': 'no applicant of this campaign has this number' },
  'campaign.passedValue': { 'zh-CN': '应填“通过”或“不通过”', 'en-US': 'must be 通过 (passed) or 不通过 (failed)' },
  'campaign.scoreValue': { 'zh-CN': '应为 0–100 的成绩', 'en-US': 'must be a score from 0 to 100' },
  'executive.termOrder': { 'zh-CN': '任期结束日须晚于开始日', 'en-US': 'must be after the term’s start' },
  'executive.newSalaryRequired': { 'zh-CN': '调整薪酬时须填写新的协议工资', 'en-US': 'is required when the pay is adjusted' },
  'executive.newTermEndRequired': { 'zh-CN': '续聘时须填写新的任期结束日', 'en-US': 'is required on renewal' },
  'executive.cycleTwice': { 'zh-CN': '该周期已有考核记录', 'en-US': 'this cycle has already been appraised' },
  'campaign.offerByHire': { 'zh-CN': '录用请使用“录用”操作', 'en-US': 'use the hire action for the offer' },
  'executive.termRequired': { 'zh-CN': '市场化选聘录用时须填写任期与协议工资', 'en-US': 'a market selection hire needs the term and agreement salary' },
} satisfies Record<string, Bilingual>;

export const demandFieldLabels: Record<string, Bilingual> = {
  discipline: { 'zh-CN': '学科方向', 'en-US': 'Discipline' },
  education: { 'zh-CN': '学历要求', 'en-US': 'Education wanted' },
  title: { 'zh-CN': '职称/名称', 'en-US': 'Title' },
  minYears: { 'zh-CN': '工作年限', 'en-US': 'Years of experience' },
  skills: { 'zh-CN': '技能要求', 'en-US': 'Skills' },
  headcount: { 'zh-CN': '需求人数', 'en-US': 'Headcount' },
  urgency: { 'zh-CN': '紧急程度', 'en-US': 'Urgency' },
  deadline: { 'zh-CN': '截止日期', 'en-US': 'Deadline' },
  enterpriseId: { 'zh-CN': '企业', 'en-US': 'Enterprise' },
  channel: { 'zh-CN': '到岗渠道', 'en-US': 'Channel' },
  count: { 'zh-CN': '人数', 'en-US': 'Count' },
  filledOn: { 'zh-CN': '到岗日期', 'en-US': 'Date filled' },
  sourceId: { 'zh-CN': '来源记录', 'en-US': 'Source record' },
  note: { 'zh-CN': '备注', 'en-US': 'Note' },
  type: { 'zh-CN': '招聘类型', 'en-US': 'Campaign type' },
  stages: { 'zh-CN': '招聘环节', 'en-US': 'Stages' },
  plan: { 'zh-CN': '计划', 'en-US': 'Plan' },
  planned: { 'zh-CN': '计划人数', 'en-US': 'Planned' },
  demandId: { 'zh-CN': '岗位需求', 'en-US': 'Demand' },
  postId: { 'zh-CN': '招聘岗位', 'en-US': 'Post' },
  stage: { 'zh-CN': '环节', 'en-US': 'Stage' },
  passed: { 'zh-CN': '是否通过', 'en-US': 'Passed' },
  score: { 'zh-CN': '成绩', 'en-US': 'Score' },
  termStart: { 'zh-CN': '任期开始', 'en-US': 'Term start' },
  termEnd: { 'zh-CN': '任期结束', 'en-US': 'Term end' },
  agreementSalary: { 'zh-CN': '协议工资（元/年）', 'en-US': 'Agreement salary (¥ a year)' },
  cycle: { 'zh-CN': '考核周期', 'en-US': 'Appraisal cycle' },
  targets: { 'zh-CN': '考核目标', 'en-US': 'Targets' },
  outcome: { 'zh-CN': '考核结果', 'en-US': 'Outcome' },
  newSalary: { 'zh-CN': '新协议工资', 'en-US': 'New agreement salary' },
  newTermEnd: { 'zh-CN': '新任期结束', 'en-US': 'New term end' },
  hiredOn: { 'zh-CN': '录用日期', 'en-US': 'Hired on' },
  term: { 'zh-CN': '任期', 'en-US': 'Term' },
};

/** A campaign's applicant (and its spreadsheet's columns): what the shared labels call otherwise (学历要求 is a demand's). */
export const campaignScopedLabels: Record<string, Bilingual> = {
  education: { 'zh-CN': '学历', 'en-US': 'Education' },
  school: { 'zh-CN': '毕业院校', 'en-US': 'School' },
  post: { 'zh-CN': '报考岗位', 'en-US': 'Post applied for' },
};
