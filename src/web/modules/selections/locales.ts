/** Texts of selections (评选), merged into the app's texts by app/i18n.ts. */
export const selectionsZhCN = {
  nav: { selections: '评选表彰' },
  selections: {
    title: '评选表彰',
    description: '科技创新企业家评选、优秀人才评选等：企业和部门推荐人选，按政策规则核验资格，评审专家组评分（与被推荐人同单位须回避），按名额择优、公示，结果记入人才档案。',
    newSelection: '发布评选',
    columns: { title: '评选名称', kind: '类别', year: '年度', status: '状态', window: '推荐时间', quota: '名额', nominated: '推荐', selected: '入选', honour: '荣誉称号' },
    status: { nominating: '推荐中', reviewing: '评审中', publicizing: '公示中', completed: '已完成' },
    nominationStatus: { nominated: '待核验', eligible: '符合条件', ineligible: '不符合条件', selected: '入选', notSelected: '未入选' },
    nominator: { enterprise: '企业推荐', department: '部门推荐' },
    statusFilter: '状态',
    form: {
      kind: '评选类别', year: '年度', title: '评选名称', titleEn: '英文名称', honour: '荣誉称号', honourEn: '荣誉称号（英文）', quota: '名额', policy: '资格政策（按其规则核验资格）',
      window: '推荐时间', publicityDays: '公示工作日数', experts: '评审专家组', expertName: '专家姓名', expertOrganisation: '所在单位（回避本单位人选）', addExpert: '添加专家',
      removeExpert: '移除专家', required: '请填写此项', created: '评选已发布',
    },
    detail: {
      policy: '资格政策', honour: '荣誉称号', quota: '名额', window: '推荐时间', publicity: '公示期', experts: '评审专家组', noExperts: '尚未组建专家组',
      publicityUntil: '{{date}} 公示期满（{{days}} 个工作日，按法定节假日和调休计算）', nominations: '推荐名单', none: '暂无推荐',
      candidate: '被推荐人', employer: '工作单位', nominator: '推荐单位', eligibility: '资格核验', average: '平均分', rank: '排名', actions: '操作', recorded: '已记入档案',
      reasons: '核验依据', asOf: '核验日期 {{date}}', met: '符合', unmet: '不符合', notChecked: '尚未核验',
    },
    actions: {
      nominate: '推荐人选', check: '核验资格', checked: '资格已核验', nominating: '开始评审', reviewing: '择优并公示', publicizing: '公示期满，记入档案', confirm: '确认将评选推进到下一阶段？',
      done: '评选已推进到“{{status}}”', score: '评分', myScore: '我的评分 {{score}}', abstain: '回避', objection: '登记异议', detail: '详情',
    },
    nominate: { title: '推荐人选', talent: '被推荐人', talentPlaceholder: '输入姓名查找人才', reason: '推荐理由', done: '已提交推荐' },
    score: { title: '评分：{{name}}', expert: '专家', score: '评分（0–100）', opinion: '评审意见', done: '评分已记录' },
    scores: { title: '专家评分', expert: '专家', score: '评分', opinion: '意见', pending: '未评分' },
    objections: {
      title: '公示异议', objector: '异议人', content: '异议内容', add: '登记异议', resolution: '处理意见', uphold: '异议成立', dismiss: '异议不成立', none: '无异议', done: '已登记',
      status: { open: '待处理', upheld: '异议成立', dismissed: '异议不成立' },
    },
    honours: { tab: '荣誉', name: '荣誉称号', kind: '评选', year: '年度', awardedOn: '授予日期', none: '暂无荣誉记录' },
  },
};

export const selectionsEnUS: typeof selectionsZhCN = {
  nav: { selections: 'Selections and honours' },
  selections: {
    title: 'Selections and honours',
    description:
      'Selections such as the innovation entrepreneurs and outstanding talents: enterprises and units nominate, eligibility is checked by a policy’s rule, the expert panel scores (an expert of the nominee’s organisation abstains), the best are selected by the places, publicised, and the honour is written onto the talent’s profile.',
    newSelection: 'Open a selection',
    columns: { title: 'Selection', kind: 'Kind', year: 'Year', status: 'Status', window: 'Nominations', quota: 'Places', nominated: 'Nominated', selected: 'Selected', honour: 'Honour' },
    status: { nominating: 'Taking nominations', reviewing: 'Under review', publicizing: 'Public notice', completed: 'Completed' },
    nominationStatus: { nominated: 'To check', eligible: 'Eligible', ineligible: 'Not eligible', selected: 'Selected', notSelected: 'Not selected' },
    nominator: { enterprise: 'Enterprise', department: 'Unit' },
    statusFilter: 'Status',
    form: {
      kind: 'Kind of selection', year: 'Year', title: 'Title', titleEn: 'Title in English', honour: 'Honour', honourEn: 'Honour in English', quota: 'Places', policy: 'Eligibility policy (its rule decides)',
      window: 'Nominations', publicityDays: 'Public notice (working days)', experts: 'Expert panel', expertName: 'Expert’s name', expertOrganisation: 'Organisation (abstains from its own nominees)', addExpert: 'Add an expert',
      removeExpert: 'Remove the expert', required: 'Fill this in', created: 'Selection opened',
    },
    detail: {
      policy: 'Eligibility policy', honour: 'Honour', quota: 'Places', window: 'Nominations', publicity: 'Public notice', experts: 'Expert panel', noExperts: 'No expert panel yet',
      publicityUntil: 'The public notice ends on {{date}} ({{days}} working days on the holiday calendar)', nominations: 'Nominations', none: 'No nominations yet',
      candidate: 'Nominee', employer: 'Employer', nominator: 'Nominated by', eligibility: 'Eligibility', average: 'Average', rank: 'Rank', actions: 'Actions', recorded: 'On the profile',
      reasons: 'Conditions checked', asOf: 'Checked on {{date}}', met: 'met', unmet: 'not met', notChecked: 'Not checked yet',
    },
    actions: {
      nominate: 'Nominate', check: 'Check eligibility', checked: 'Eligibility checked', nominating: 'Start the review', reviewing: 'Select and publicise', publicizing: 'Notice over: record the honours', confirm: 'Move the selection to its next stage?',
      done: 'The selection is now “{{status}}”', score: 'Score', myScore: 'My score {{score}}', abstain: 'Abstains', objection: 'Record an objection', detail: 'Details',
    },
    nominate: { title: 'Nominate', talent: 'Nominee', talentPlaceholder: 'Type a name to find a talent', reason: 'Reason for the nomination', done: 'Nomination submitted' },
    score: { title: 'Score: {{name}}', expert: 'Expert', score: 'Score (0–100)', opinion: 'Opinion', done: 'Score recorded' },
    scores: { title: 'Experts’ scores', expert: 'Expert', score: 'Score', opinion: 'Opinion', pending: 'Not scored' },
    objections: {
      title: 'Objections during the notice', objector: 'Raised by', content: 'Objection', add: 'Record an objection', resolution: 'Resolution', uphold: 'Uphold', dismiss: 'Dismiss', none: 'No objections', done: 'Recorded',
      status: { open: 'Open', upheld: 'Upheld', dismissed: 'Dismissed' },
    },
    honours: { tab: 'Honours', name: 'Honour', kind: 'Selection', year: 'Year', awardedOn: 'Awarded on', none: 'No honours recorded' },
  },
};
