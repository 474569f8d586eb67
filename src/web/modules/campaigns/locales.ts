/** Texts of the recruitment pages (招聘引才, 市场化选聘), merged into the app's resources by app/i18n.ts. */
export const campaignsZhCN = {
  nav: { campaigns: '招聘引才', executives: '市场化选聘' },
  campaigns: {
    title: '招聘引才',
    description: '校园招聘、急需紧缺人才引进、市场化选聘、公开招聘：按学科的计划与实际录用，岗位可关联企业需求，报名人员逐环节推进，录用即入人才库（身份证号相同则更新，不重复）。',
    create: '新建招聘',
    created: '已新建“{{name}}”',
    types: { campusRecruitment: '校园招聘', urgentTalent: '急需紧缺人才引进', marketSelection: '市场化选聘', openRecruitment: '公开招聘' },
    stages: { registration: '报名', qualification: '资格审查', writtenExam: '笔试', interview: '面试', medical: '体检', inspection: '考察', publicity: '公示', offer: '录用' },
    applicantStates: { inProgress: '进行中', failed: '未通过', withdrawn: '已撤回', hired: '已录用' },
    columns: { name: '招聘名称', type: '类型', year: '年度', applicants: '报名人数', planVsHired: '录用/计划', rate: '完成率' },
    fields: {
      stages: '招聘环节', stagesHelp: '按先后顺序执行，最后一个环节须为“录用”。', plan: '按学科的招聘计划', planHelp: '每个学科一行：学科方向和计划人数。',
      discipline: '学科方向', planned: '计划人数', hired: '已录用', addLine: '添加学科', removeLine: '删除该行',
    },
    detail: {
      back: '返回招聘列表', summary: '{{year}} 年 · 报名 {{applicants}} 人 · 录用 {{hired}} / 计划 {{planned}} 人', stages: '各环节人数', stageCount: '在此环节 {{inProgress}} 人 · 止于此 {{failed}} 人',
      plan: '计划与实际（按学科）', posts: '招聘岗位', applicants: '报名人员',
    },
    posts: {
      add: '添加岗位', added: '岗位已添加', title: '岗位', enterprise: '用人单位', demand: '关联需求', headcount: '录用/需求', headcountField: '招聘人数',
      demandHelp: '关联企业发布的需求后，录用即记为该需求的到岗，用人单位为该企业。', enterpriseHelp: '不关联需求时可指定用人单位。',
      suggest: '查看', suggestTitle: '推荐人选：{{title}}',
    },
    applicants: {
      add: '添加报名人员', added: '已登记 {{name}}（报名号 {{number}}）', number: '报名号', name: '姓名', idNumber: '身份证号', phone: '手机号', education: '学历', degree: '学位',
      school: '毕业院校', major: '专业', graduationYear: '毕业年份', stage: '所处环节', results: '各环节结果', state: '状态', actions: '操作',
    },
    result: {
      action: '录入结果', title: '{{name}}：{{stage}}结果', passed: '结果', pass: '通过', fail: '不通过', score: '成绩', scoreRequired: '笔试、面试须填写 0–100 的成绩。', saved: '结果已保存',
    },
    hire: {
      action: '录用', title: '录用 {{name}}', hiredOn: '录用日期', help: '录用后进入人才库：已有相同身份证号的人才则更新其档案，不会重复建档；关联需求的岗位同时记为到岗。',
      created: '已录用 {{name}}，并在人才库新建档案', updated: '已录用 {{name}}：人才库已有相同身份证号的档案，已更新该档案（未重复建档）', openTalent: '查看人才档案',
    },
    withdraw: { action: '撤回', confirm: '撤回后该报名人员不再参加后续环节，确定撤回？', done: '已撤回 {{name}} 的报名' },
    applicantSheet: {
      action: '报名导入', export: '导出报名名单', exportFile: '报名人员.xlsx', title: '报名人员批量导入（Excel）', template: '下载报名表', templateFile: '报名人员导入模板.xlsx',
      help: '报名表的“报考岗位”列出本次招聘的岗位。每行一名报名人员，填好后上传：先检查，问题按行和列列出；没有问题时再导入，全部导入或全部不导入。同一身份证号码每次招聘只能报名一次。',
      upload: '点击或拖入填好的报名表（.xlsx）', uploadAgain: '重新上传', checking: '正在检查…', file: '文件', rows: '将导入人数', ready: '检查通过，可以导入。', write: '导入报名人员', written: '已导入 {{count}} 名报名人员',
      steps: { template: '下载报名表', check: '上传并检查', write: '导入' },
      columns: { row: '行号', name: '姓名', idNumber: '身份证号码', phone: '手机号码', education: '学历', degree: '学位', school: '毕业院校', major: '专业', graduationYear: '毕业年份', post: '报考岗位' },
    },
    scores: {
      action: '成绩导入', title: '成绩批量录入（Excel）', template: '下载成绩表', templateFile: '成绩录入.xlsx', allStages: '全部环节',
      help: '成绩表列出所选环节进行中的报名人员。填写“成绩”和“是否通过”后上传：先检查，问题按单元格列出；没有问题时再写入，全部写入或全部不写入。',
      upload: '点击或拖入填好的成绩表（.xlsx）', uploadAgain: '重新上传', checking: '正在检查…', file: '文件', rows: '行数', ready: '检查通过，可以写入。', write: '写入成绩', written: '已写入 {{count}} 条成绩',
      steps: { template: '下载成绩表', check: '上传并检查', write: '写入' },
    },
  },
  executives: {
    title: '市场化选聘',
    description: '市场化选聘的经营管理人员：任期制、协议工资制、绩效考核制。任期届满前 {{days}} 天提醒人才办和企业。',
    endingAlert: '{{count}} 人任期即将届满或已届满：{{names}}',
    columns: { name: '姓名', enterprise: '企业', post: '职务', term: '任期', termStart: '任期开始', termEnd: '任期届满', agreementSalary: '协议年薪（元）', status: '状态' },
    statuses: { serving: '在任', ended: '已离任' },
    term: { ending: '{{count}} 天后届满', overdue: '任期已届满', reminded: '已于任期届满前提醒人才办和企业（届满日 {{date}}）' },
    outcomes: { renew: '续聘', adjustPay: '调整薪酬', endTerm: '解聘/任期结束' },
    appraisal: {
      title: '绩效考核', add: '录入考核', none: '暂无考核记录', cycle: '考核周期', cycleHelp: '如“2026 年度”“任期考核”', targets: '考核目标', score: '得分', outcome: '考核结果', at: '录入时间',
      newTermEnd: '新任期届满日', newSalary: '新协议年薪（元）', until: '续聘至 {{date}}', saved: '考核已保存',
    },
  },
};

export const campaignsEnUS: typeof campaignsZhCN = {
  nav: { campaigns: 'Recruitment campaigns', executives: 'Market-hired executives' },
  campaigns: {
    title: 'Recruitment campaigns',
    description: 'Campus recruitment, urgently needed talent, market-based selection, open recruitment: plan against hires by discipline, posts tied to enterprise demand, applicants through the stages; a hire enters the registry (the same ID number updates the record, never a duplicate).',
    create: 'New campaign',
    created: 'Campaign “{{name}}” created',
    types: { campusRecruitment: 'Campus recruitment', urgentTalent: 'Urgently needed talent', marketSelection: 'Market-based selection', openRecruitment: 'Open recruitment' },
    stages: { registration: 'Registration', qualification: 'Qualification check', writtenExam: 'Written exam', interview: 'Interview', medical: 'Medical', inspection: 'Inspection', publicity: 'Publicity', offer: 'Offer' },
    applicantStates: { inProgress: 'In progress', failed: 'Not passed', withdrawn: 'Withdrawn', hired: 'Hired' },
    columns: { name: 'Campaign', type: 'Type', year: 'Year', applicants: 'Applicants', planVsHired: 'Hired / planned', rate: 'Completion' },
    fields: {
      stages: 'Stages', stagesHelp: 'Run in this order; the last stage must be Offer.', plan: 'Plan by discipline', planHelp: 'One line per discipline: the discipline and the planned count.',
      discipline: 'Discipline', planned: 'Planned', hired: 'Hired', addLine: 'Add a discipline', removeLine: 'Remove this line',
    },
    detail: {
      back: 'Back to campaigns', summary: '{{year}} · {{applicants}} applicants · {{hired}} hired of {{planned}} planned', stages: 'Applicants by stage', stageCount: '{{inProgress}} here · {{failed}} stopped here',
      plan: 'Plan against hires, by discipline', posts: 'Posts', applicants: 'Applicants',
    },
    posts: {
      add: 'Add a post', added: 'Post added', title: 'Post', enterprise: 'Employer', demand: 'Tied demand', headcount: 'Hired / wanted', headcountField: 'Headcount',
      demandHelp: 'Tied to an enterprise’s demand, each hire is recorded as a fill of it and the employer is that enterprise.', enterpriseHelp: 'Without a demand, the employer may be named here.',
      suggest: 'View', suggestTitle: 'Suggested candidates: {{title}}',
    },
    applicants: {
      add: 'Add an applicant', added: '{{name}} registered (no. {{number}})', number: 'No.', name: 'Name', idNumber: 'ID number', phone: 'Mobile', education: 'Education', degree: 'Degree',
      school: 'School', major: 'Major', graduationYear: 'Graduation year', stage: 'Stage', results: 'Results by stage', state: 'State', actions: 'Actions',
    },
    result: {
      action: 'Record result', title: '{{name}}: {{stage}} result', passed: 'Result', pass: 'Passed', fail: 'Not passed', score: 'Score', scoreRequired: 'Written exams and interviews need a score from 0 to 100.', saved: 'Result saved',
    },
    hire: {
      action: 'Hire', title: 'Hire {{name}}', hiredOn: 'Hired on', help: 'The hire enters the talent registry: a talent with the same ID number is updated, never registered twice; a post tied to a demand fills it.',
      created: '{{name}} hired and registered as a new talent', updated: '{{name}} hired: the registry already held this ID number, so that record was updated (no duplicate)', openTalent: 'Open the talent’s record',
    },
    withdraw: { action: 'Withdraw', confirm: 'A withdrawn applicant takes no further stage. Withdraw?', done: '{{name}} withdrawn' },
    applicantSheet: {
      action: 'Import applicants', export: 'Export applicants', exportFile: 'applicants.xlsx', title: 'Applicants in bulk (Excel)', template: 'Download the applicant sheet', templateFile: 'applicants-template.xlsx',
      help: 'The sheet’s “post” column offers this campaign’s posts. One applicant a row; upload it filled: it is checked first, with problems by row and column; with none, import it — all rows or none. An ID number applies once per campaign.',
      upload: 'Click or drop the filled applicant sheet (.xlsx)', uploadAgain: 'Upload again', checking: 'Checking…', file: 'File', rows: 'Applicants to import', ready: 'The sheet is correct and can be imported.', write: 'Import the applicants', written: '{{count}} applicants imported',
      steps: { template: 'Download the sheet', check: 'Upload and check', write: 'Import' },
      columns: { row: 'Row', name: 'Name', idNumber: 'ID number', phone: 'Mobile phone', education: 'Education', degree: 'Degree', school: 'School', major: 'Major', graduationYear: 'Graduation year', post: 'Post applied for' },
    },
    scores: {
      action: 'Import scores', title: 'Scores in bulk (Excel)', template: 'Download the score sheet', templateFile: 'scores.xlsx', allStages: 'All stages',
      help: 'The sheet lists the applicants in progress at the chosen stage. Fill in the score and whether they passed, then upload: it is checked first, with problems by cell; with none, write it — all rows or none.',
      upload: 'Click or drop the filled score sheet (.xlsx)', uploadAgain: 'Upload again', checking: 'Checking…', file: 'File', rows: 'Rows', ready: 'The sheet is correct and can be written.', write: 'Write the scores', written: '{{count}} results written',
      steps: { template: 'Download the sheet', check: 'Upload and check', write: 'Write' },
    },
  },
  executives: {
    title: 'Market-hired executives',
    description: 'Executives hired by market-based selection: a term of office, an agreement salary, performance appraisal. The office and the enterprise are reminded {{days}} days before a term ends.',
    endingAlert: '{{count}} terms end soon or have ended: {{names}}',
    columns: { name: 'Name', enterprise: 'Enterprise', post: 'Post', term: 'Term', termStart: 'Term starts', termEnd: 'Term ends', agreementSalary: 'Agreement salary (yuan a year)', status: 'Status' },
    statuses: { serving: 'Serving', ended: 'Term ended' },
    term: { ending: 'Ends in {{count}} days', overdue: 'Term has ended', reminded: 'The office and the enterprise were reminded before the term end ({{date}})' },
    outcomes: { renew: 'Renew', adjustPay: 'Adjust pay', endTerm: 'End the term' },
    appraisal: {
      title: 'Performance appraisal', add: 'Record an appraisal', none: 'No appraisals yet', cycle: 'Cycle', cycleHelp: 'e.g. “2026” or “term appraisal”', targets: 'Targets', score: 'Score', outcome: 'Outcome', at: 'Recorded',
      newTermEnd: 'New term end', newSalary: 'New agreement salary (yuan a year)', until: 'Renewed until {{date}}', saved: 'Appraisal saved',
    },
  },
};
