/** Texts of the talent-demand pages (岗位需求), merged into the app's resources by app/i18n.ts. */
export const demandsZhCN = {
  nav: { demands: '岗位需求' },
  demands: {
    title: '岗位需求',
    description: '企业发布的人才需求，按产业链和学科查看；每次到岗按日期记录渠道。人才办可查看推荐人选及匹配理由。',
    columns: { post: '岗位', enterprise: '企业', chain: '产业链', discipline: '学科方向', headcount: '需求/到岗', urgency: '紧急程度', deadline: '截止日期', status: '状态' },
    statusFilter: '状态',
    disciplineFilter: '学科方向',
    statuses: { open: '待满足', partlyFilled: '部分到岗', filled: '已满足', closed: '已关闭' },
    urgencies: { normal: '一般', urgent: '紧急', critical: '特急' },
    channels: { campaign: '招聘引才', trainingOrder: '订单式培训', flexibleExpert: '柔性专家', ownHiring: '企业自主招聘' },
    detail: { skills: '技能要求', education: '学历要求', minYears: '工作年限', fills: '到岗记录', noFills: '暂无到岗记录', candidates: '推荐人选', considered: '共评估 {{count}} 名人才', score: '匹配度', noCandidates: '暂无符合条件的人选', anyEducation: '不限', years: '{{count}} 年以上', fillCount: '{{count}} 人', members: '{{count}} 名成员' },
    candidateKinds: { talent: '人才', expert: '柔性专家', team: '驻区团队' },
    form: {
      createTitle: '发布需求', editTitle: '修改需求：{{post}}', edit: '修改', close: '关闭需求', closeConfirm: '关闭后不再记录到岗，确定关闭？', closed: '需求已关闭',
      created: '已发布需求“{{post}}”', updated: '需求已保存', reload: '重新载入',
      industry: '所属产业', chainSegment: '产业链环节', headcount: '需求人数', title: '职称要求', salaryBand: '薪酬区间', description: '岗位说明',
      skillsHelp: '可从技能词典中选择，也可直接输入并回车添加',
    },
    summary: {
      title: '按产业链和学科汇总（未关闭的需求）', hint: '点击一行，下方列表只显示该产业链和学科的需求。', demands: '需求数', headcount: '需求人数', filled: '已到岗', rate: '满足率', clear: '显示全部', noChain: '其他产业',
    },
  },
};

export const demandsEnUS: typeof demandsZhCN = {
  nav: { demands: 'Talent demand' },
  demands: {
    title: 'Talent demand',
    description: 'What enterprises need, by key chain and discipline; every hire is recorded with its date and channel. The office sees suggested candidates with the reasons.',
    columns: { post: 'Post', enterprise: 'Enterprise', chain: 'Chain', discipline: 'Discipline', headcount: 'Wanted / filled', urgency: 'Urgency', deadline: 'Deadline', status: 'Status' },
    statusFilter: 'Status',
    disciplineFilter: 'Discipline',
    statuses: { open: 'Open', partlyFilled: 'Partly filled', filled: 'Filled', closed: 'Closed' },
    urgencies: { normal: 'Normal', urgent: 'Urgent', critical: 'Critical' },
    channels: { campaign: 'Recruitment campaign', trainingOrder: 'Training order', flexibleExpert: 'Flexible expert', ownHiring: 'Own hiring' },
    detail: { skills: 'Skills', education: 'Education', minYears: 'Experience', fills: 'Hires', noFills: 'No hires yet', candidates: 'Suggested candidates', considered: '{{count}} talents scored', score: 'Match', noCandidates: 'No suitable candidates', anyEducation: 'Any', years: '{{count}}+ years', fillCount: '{{count}} people', members: '{{count}} members' },
    candidateKinds: { talent: 'Talent', expert: 'Flexible expert', team: 'Resident team' },
    form: {
      createTitle: 'Post a demand', editTitle: 'Edit demand: {{post}}', edit: 'Edit', close: 'Close demand', closeConfirm: 'A closed demand takes no more hires. Close it?', closed: 'Demand closed',
      created: 'Demand “{{post}}” posted', updated: 'Demand saved', reload: 'Reload',
      industry: 'Industry', chainSegment: 'Chain segment', headcount: 'Headcount', title: 'Title wanted', salaryBand: 'Salary band', description: 'Post description',
      skillsHelp: 'Pick from the skill dictionary, or type a word and press Enter',
    },
    summary: {
      title: 'By key chain and discipline (demands not closed)', hint: 'Click a row to show only that chain and discipline below.', demands: 'Demands', headcount: 'Headcount', filled: 'Filled', rate: 'Fill rate', clear: 'Show all', noChain: 'Other industries',
    },
  },
};
