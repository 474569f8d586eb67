/**
 * The words "ask in words" (问数) understands, as data: educations, titles, statuses, arrival routes, age and time
 * phrases, and the small words it skips. Chains and industries come from the reference data (their names and the
 * short forms below). Each phrase maps to one filter; the parser takes the longest phrase at each position.
 */
import type { ArrivalRoute, EducationLevel, TalentStatus, TitleLevel } from './dictionaries';

export const educationWords: Record<string, EducationLevel> = {
  博士: 'doctorate', 博士研究生: 'doctorate', 博士生: 'doctorate', 博士后: 'doctorate',
  硕士: 'master', 硕士研究生: 'master', 研究生: 'master', 硕士生: 'master',
  本科: 'bachelor', 大学本科: 'bachelor', 学士: 'bachelor',
  大专: 'juniorCollege', 专科: 'juniorCollege',
  高职: 'higherVocational', 中职: 'secondaryVocational', 中专: 'secondaryVocational', 技校: 'secondaryVocational',
  高中: 'highSchoolOrBelow',
};

export const titleWords: Record<string, TitleLevel> = {
  正高: 'senior', 正高级: 'senior', 正高级职称: 'senior', 教授级高工: 'senior',
  副高: 'associateSenior', 副高级: 'associateSenior', 高级职称: 'associateSenior', 高工: 'associateSenior', 高级工程师: 'associateSenior',
  中级: 'intermediate', 中级职称: 'intermediate', 工程师: 'intermediate',
  初级: 'junior', 初级职称: 'junior', 助理工程师: 'junior',
};

export const statusWords: Record<string, TalentStatus> = {
  离开: 'left', 离开的: 'left', 离职: 'left', 流失: 'left', 外流: 'left', 走了: 'left', 离区: 'left',
  在区: 'inZone', 在园区: 'inZone', 在职: 'inZone',
  柔性: 'flexibleService', 柔性服务: 'flexibleService',
};

export const routeWords: Record<string, ArrivalRoute> = {
  公务员招录: 'civilService', 校园招聘: 'civilService', 急需紧缺: 'civilService',
  市场化选聘: 'marketHire', 职业经理人: 'marketHire',
  柔性引进: 'flexible', 柔性引才: 'flexible',
  本地培养: 'localTraining', 自主来区: 'selfArrived', 自主: 'selfArrived',
};

/** Short forms of the chains and industries people type (the full names are read from the reference data). */
export const industryShortWords: Record<string, string> = {
  新能源: 'newEnergyBattery', 电池: 'newEnergyBattery', 锂电: 'newEnergyBattery',
  数字: 'digitalEconomy', 数字经济: 'digitalEconomy', 大数据: 'digitalEconomy',
  泵阀: 'pumpsValves', 泵: 'pumpsValves', 阀门: 'pumpsValves',
  新材料: 'newMaterials', 材料: 'newMaterials',
  化工: 'chemicals', 装备: 'equipment', 装备制造: 'equipment', 信息技术: 'informationTechnology', 软件: 'informationTechnology',
  金融: 'financeEconomics', 医疗: 'publicHealth', 卫生: 'publicHealth',
};

/** Words that carry no filter: shown as skipped, never dropped silently. */
export const skippedWords = ['的', '和', '与', '及', '或', '人', '人才', '人员', '员工', '有', '是', '在', '里', '中', '哪些', '多少', '谁', '请', '查', '查询', '看看', '列出', '所有', '全部', ',', '，', '、'];

/** Numbers written in Chinese, for the age and time phrases (一年, 三十五岁). */
export const chineseNumbers: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 半: 0.5 };
