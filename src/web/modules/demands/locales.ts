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
    detail: { skills: '技能要求', education: '学历要求', minYears: '工作年限', fills: '到岗记录', noFills: '暂无到岗记录', candidates: '推荐人选', considered: '共评估 {{count}} 名人才', score: '匹配度', noCandidates: '暂无符合条件的人选', anyEducation: '不限', years: '{{count}} 年以上' },
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
    detail: { skills: 'Skills', education: 'Education', minYears: 'Experience', fills: 'Hires', noFills: 'No hires yet', candidates: 'Suggested candidates', considered: '{{count}} talents scored', score: 'Match', noCandidates: 'No suitable candidates', anyEducation: 'Any', years: '{{count}}+ years' },
  },
};
