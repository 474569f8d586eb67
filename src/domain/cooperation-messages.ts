/** Server messages of flexible talent, university cooperation and platforms, in both languages; merged into i18n.ts. */
type Bilingual = Record<'zh-CN' | 'en-US', string>;

export const cooperationErrorMessages = {
  internshipConverted: { 'zh-CN': '该实习生已转为录用人才', 'en-US': 'This intern has already been hired' },
  spreadsheetInvalidRows: { 'zh-CN': '表格中有 {invalid} 行未通过检查，未导入任何数据', 'en-US': '{invalid} row(s) of the spreadsheet failed the checks; nothing was imported' },
} satisfies Record<string, Bilingual>;

export const cooperationFieldMessages = {
  'cooperation.notTeam': { 'zh-CN': '不是已登记的人才团队', 'en-US': 'is not a registered talent team' },
  'cooperation.notEnterprise': { 'zh-CN': '不是已登记的企业', 'en-US': 'is not a registered enterprise' },
  'cooperation.notUniversity': { 'zh-CN': '不是省校合作高校', 'en-US': 'is not a partner university' },
  'cooperation.notSource': { 'zh-CN': '应为高校或科研院所', 'en-US': 'must be a university or research institute' },
  'cooperation.notPlatform': { 'zh-CN': '不是已登记的平台载体', 'en-US': 'is not a registered platform' },
  'cooperation.duplicate': { 'zh-CN': '已登记，不能重复添加', 'en-US': 'is already recorded' },
  'internship.notStaff': { 'zh-CN': '该人才的工作单位不是实习基地所在企业', 'en-US': 'this talent is not employed by the base\'s enterprise' },
  'internship.talentTaken': { 'zh-CN': '该人才已关联其他实习记录', 'en-US': 'this talent is already linked to another internship' },
  'sheet.unknownValue': { 'zh-CN': '“{value}”不在可选范围内', 'en-US': '"{value}" is not one of the allowed values' },
  'internship.hiredBeforeStart': { 'zh-CN': '录用日期不能早于实习开始日期', 'en-US': 'must not be before the internship started' },
} satisfies Record<string, Bilingual>;

export const cooperationFieldLabels: Record<string, Bilingual> = {
  investor: { 'zh-CN': '投资方', 'en-US': 'Investor' },
  amount: { 'zh-CN': '投资额（万元）', 'en-US': 'Investment (10k yuan)' },
  signedOn: { 'zh-CN': '签约日期', 'en-US': 'Signed on' },
  leaderTalentId: { 'zh-CN': '团队负责人', 'en-US': 'Team leader' },
  projectId: { 'zh-CN': '招商引资项目', 'en-US': 'Investment project' },
  serviceFrom: { 'zh-CN': '服务开始日期', 'en-US': 'Service from' },
  serviceTo: { 'zh-CN': '服务结束日期', 'en-US': 'Service to' },
  talentId: { 'zh-CN': '人才', 'en-US': 'Talent' },
  memberRole: { 'zh-CN': '团队职责', 'en-US': 'Role in the team' },
  field: { 'zh-CN': '专业领域', 'en-US': 'Field' },
  affiliation: { 'zh-CN': '所在单位', 'en-US': 'Affiliation' },
  teamId: { 'zh-CN': '所属团队', 'en-US': 'Team' },
  engagementTerms: { 'zh-CN': '柔性引进方式', 'en-US': 'Engagement terms' },
  engagedFrom: { 'zh-CN': '聘期开始', 'en-US': 'Engaged from' },
  engagedTo: { 'zh-CN': '聘期结束', 'en-US': 'Engaged to' },
  serviceDays: { 'zh-CN': '服务天数', 'en-US': 'Service days' },
  outputs: { 'zh-CN': '服务成果', 'en-US': 'Outputs' },
  topic: { 'zh-CN': '问诊主题', 'en-US': 'Topic' },
  enterpriseId: { 'zh-CN': '企业', 'en-US': 'Enterprise' },
  heldOn: { 'zh-CN': '问诊日期', 'en-US': 'Held on' },
  expertIds: { 'zh-CN': '专家', 'en-US': 'Experts' },
  recommendations: { 'zh-CN': '诊断建议', 'en-US': 'Recommendations' },
  followUpStatus: { 'zh-CN': '跟踪状态', 'en-US': 'Follow-up' },
  followUpNote: { 'zh-CN': '跟踪说明', 'en-US': 'Follow-up note' },
  scope: { 'zh-CN': '合作范围', 'en-US': 'Scope' },
  contacts: { 'zh-CN': '联络人', 'en-US': 'Contacts' },
  title: { 'zh-CN': '名称', 'en-US': 'Title' },
  startedOn: { 'zh-CN': '开始日期', 'en-US': 'Started on' },
  universityId: { 'zh-CN': '高校', 'en-US': 'University' },
  establishedOn: { 'zh-CN': '设立日期', 'en-US': 'Established on' },
  capacity: { 'zh-CN': '容量', 'en-US': 'Capacity' },
  baseId: { 'zh-CN': '实习基地', 'en-US': 'Internship base' },
  studentName: { 'zh-CN': '学生姓名', 'en-US': 'Student' },
  periodFrom: { 'zh-CN': '实习开始', 'en-US': 'From' },
  periodTo: { 'zh-CN': '实习结束', 'en-US': 'To' },
  mentor: { 'zh-CN': '指导老师', 'en-US': 'Mentor' },
  evaluation: { 'zh-CN': '实习评价', 'en-US': 'Evaluation' },
  evaluationNote: { 'zh-CN': '评价说明', 'en-US': 'Evaluation note' },
  hiredOn: { 'zh-CN': '录用日期', 'en-US': 'Hired on' },
  technology: { 'zh-CN': '技术成果', 'en-US': 'Technology' },
  sourceId: { 'zh-CN': '成果来源单位', 'en-US': 'Source institution' },
  stage: { 'zh-CN': '转化阶段', 'en-US': 'Stage' },
  investment: { 'zh-CN': '投入（万元）', 'en-US': 'Investment (10k yuan)' },
  type: { 'zh-CN': '平台类型', 'en-US': 'Platform type' },
  host: { 'zh-CN': '运营主体', 'en-US': 'Host' },
  since: { 'zh-CN': '入驻日期', 'en-US': 'Since' },
  /** a spreadsheet's rows: `rows.2.kind` reads 表格行 › #3 › 类型 (the sheet's row number) */
  rows: { 'zh-CN': '表格行', 'en-US': 'Sheet row' },
};

/** Labels that differ from the registry's: a project's `name` is 项目名称 (an expert's stays 姓名). */
export const projectScopedLabels: Record<string, Bilingual> = {
  name: { 'zh-CN': '项目名称', 'en-US': 'Project name' },
  industry: { 'zh-CN': '所属产业', 'en-US': 'Industry' },
  status: { 'zh-CN': '项目状态', 'en-US': 'Status' },
};
