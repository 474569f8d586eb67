import { ethnicities } from '../../../domain/dictionaries';
import {
  arrivalRouteLabels, chainSegmentLabels, degreeLabels, educationLabels, enterpriseSizeLabels, genderLabels, politicalStatusLabels, talentStatusLabels,
  titleLabels,
} from './imports.labels';

export const importKinds = ['talents', 'enterprises'] as const;
export type ImportKind = (typeof importKinds)[number];

/** Lists of allowed values, each a column of the 可选值 sheet and the drop-down of the data columns that use it. */
export type ChoiceList =
  | 'education' | 'degree' | 'titleLevel' | 'arrivalRoute' | 'status' | 'industry' | 'tier' | 'gender' | 'politicalStatus' | 'ethnicity' | 'employer'
  | 'chainSegment' | 'park' | 'size'
  /** a recruitment campaign's posts (the applicant sheet's 报考岗位) */
  | 'campaignPost';

export type Column = {
  key: string;
  /** The header in row 1, as the problems name the column. */
  header: string;
  width: number;
  required?: boolean;
  /** Stored as text in the template (long numbers lose digits as numbers). */
  text?: boolean;
  date?: boolean;
  choices?: ChoiceList;
  note?: string;
};

export const talentColumns: Column[] = [
  { key: 'name', header: '姓名', width: 12, required: true },
  { key: 'idNumber', header: '身份证号码', width: 22, required: true, text: true, note: '18 位，最后一位可为 X；请保持文本格式' },
  { key: 'gender', header: '性别', width: 8, choices: 'gender', note: '可不填：由身份证号码得出；填写时须与号码一致' },
  { key: 'birthDate', header: '出生日期', width: 12, date: true, note: '可不填：由身份证号码得出；填写时须与号码一致' },
  { key: 'ethnicity', header: '民族', width: 10, choices: 'ethnicity' },
  { key: 'politicalStatus', header: '政治面貌', width: 12, choices: 'politicalStatus' },
  { key: 'phone', header: '手机号码', width: 15, text: true },
  { key: 'email', header: '电子邮箱', width: 22 },
  { key: 'education', header: '学历', width: 12, choices: 'education', note: '最高学历；填写学历时须填毕业院校和毕业年份' },
  { key: 'degree', header: '学位', width: 8, choices: 'degree' },
  { key: 'school', header: '毕业院校', width: 20 },
  { key: 'major', header: '专业', width: 18 },
  { key: 'graduationYear', header: '毕业年份', width: 10, note: '四位年份，如 2015' },
  { key: 'titleLevel', header: '职称等级', width: 10, choices: 'titleLevel', note: '填写职称时须填职称系列、职称名称和取得年份' },
  { key: 'titleSeries', header: '职称系列', width: 12 },
  { key: 'titleName', header: '职称名称', width: 16 },
  { key: 'titleYear', header: '职称取得年份', width: 12 },
  { key: 'employer', header: '工作单位', width: 26, choices: 'employer', note: '区内已登记单位的名称（见“可选值”）；区外单位请填“区外单位”列' },
  { key: 'employerName', header: '区外单位', width: 22 },
  { key: 'post', header: '岗位', width: 14 },
  { key: 'industry', header: '行业', width: 14, choices: 'industry' },
  { key: 'arrivalRoute', header: '引进方式', width: 12, required: true, choices: 'arrivalRoute' },
  { key: 'arrivedOn', header: '来区日期', width: 12, date: true, note: '如 2024-05-01' },
  { key: 'tier', header: '人才类别', width: 16, choices: 'tier' },
  { key: 'tags', header: '标签', width: 18, note: '多个标签用逗号分隔' },
  { key: 'status', header: '状态', width: 10, choices: 'status', note: '不填为“在区”' },
];

export const enterpriseColumns: Column[] = [
  { key: 'name', header: '企业名称', width: 30, required: true },
  { key: 'creditCode', header: '统一社会信用代码', width: 22, required: true, text: true, note: '18 位，请保持文本格式' },
  { key: 'industry', header: '行业', width: 14, required: true, choices: 'industry' },
  { key: 'chainSegment', header: '产业链环节', width: 12, choices: 'chainSegment' },
  { key: 'park', header: '所在园区', width: 24, choices: 'park' },
  { key: 'size', header: '规模', width: 8, choices: 'size' },
  { key: 'foundedOn', header: '成立日期', width: 12, date: true, note: '如 2018-03-15' },
  { key: 'address', header: '地址', width: 30 },
  { key: 'contactName', header: '联系人', width: 10 },
  { key: 'contactPhone', header: '联系电话', width: 15, text: true, note: '手机号码' },
  { key: 'description', header: '简介', width: 40 },
];

export const columnsOf = (kind: ImportKind) => (kind === 'talents' ? talentColumns : enterpriseColumns);

/**
 * The example row of each template (fictitious; an unchanged example row is skipped on import). The columns of database
 * lists (行业, 工作单位, 所在园区) are filled with the first value of their list when the template is made.
 */
export const exampleRows: Record<ImportKind, Record<string, string>> = {
  talents: {
    name: '张示例',
    idNumber: '140302199001010122',
    gender: '女',
    birthDate: '1990-01-01',
    ethnicity: '汉族',
    politicalStatus: '中共党员',
    phone: '13800138000',
    email: 'zhang@example.com',
    education: educationLabels.master,
    degree: degreeLabels.master,
    school: '太原理工大学',
    major: '材料科学与工程',
    graduationYear: '2015',
    titleLevel: titleLabels.intermediate,
    titleSeries: '工程',
    titleName: '工程师',
    titleYear: '2019',
    employer: '',
    employerName: '',
    post: '研发工程师',
    industry: '',
    arrivalRoute: arrivalRouteLabels.marketHire,
    arrivedOn: '2024-05-01',
    tier: '',
    tags: '新能源,博士后工作站',
    status: talentStatusLabels.inZone,
  },
  enterprises: {
    name: '山西示例科技有限公司',
    creditCode: '91140300MA0EXAMP1C',
    industry: '',
    chainSegment: chainSegmentLabels.midstream,
    park: '',
    size: enterpriseSizeLabels.small,
    foundedOn: '2018-03-15',
    address: '阳泉市高新区示例路 1 号',
    contactName: '李示例',
    contactPhone: '13900139000',
    description: '',
  },
};

/** The allowed values of the lists that come from code (the rest come from the database). */
export const fixedChoices: Partial<Record<ChoiceList, { header: string; values: readonly string[] }>> = {
  education: { header: '学历', values: Object.values(educationLabels) },
  degree: { header: '学位', values: Object.values(degreeLabels) },
  titleLevel: { header: '职称等级', values: Object.values(titleLabels) },
  arrivalRoute: { header: '引进方式', values: Object.values(arrivalRouteLabels) },
  status: { header: '状态', values: Object.values(talentStatusLabels) },
  gender: { header: '性别', values: Object.values(genderLabels) },
  politicalStatus: { header: '政治面貌', values: Object.values(politicalStatusLabels) },
  ethnicity: { header: '民族', values: ethnicities },
  chainSegment: { header: '产业链环节', values: Object.values(chainSegmentLabels) },
  size: { header: '规模', values: Object.values(enterpriseSizeLabels) },
};

/** Headers of the database lists in the 可选值 sheet. */
export const referenceChoiceHeaders: Partial<Record<ChoiceList, string>> = { industry: '行业', tier: '人才类别', employer: '工作单位', park: '所在园区', campaignPost: '报考岗位' };

export const choiceSheetName = '可选值';
export const guideSheetName = '填写说明';
export const dataSheetNames: Record<ImportKind, string> = { talents: '人才信息', enterprises: '企业信息' };

/** The data cell of an issue's path in the talent input (one education and one title per row). */
export function talentColumnOfPath(path: readonly PropertyKey[]): string | undefined {
  const [first, , third] = path;
  if (first === 'educations') return { level: 'education', degree: 'degree', school: 'school', major: 'major', graduationYear: 'graduationYear', startYear: 'graduationYear' }[String(third)] ?? 'education';
  if (first === 'titles') return { level: 'titleLevel', series: 'titleSeries', name: 'titleName', year: 'titleYear' }[String(third)] ?? 'titleLevel';
  if (first === 'employerId') return 'employer';
  return talentColumns.some((column) => column.key === first) ? String(first) : undefined;
}

export function enterpriseColumnOfPath(path: readonly PropertyKey[]): string | undefined {
  const [first] = path;
  if (first === 'parkId') return 'park';
  return enterpriseColumns.some((column) => column.key === first) ? String(first) : undefined;
}
