/** Server-side messages in both languages: error codes and field labels. zh-CN is the default. */
import { policyErrorMessages, policyFieldLabels, policyFieldMessages } from './policies/messages';
import { accountErrorMessages, accountFieldLabels, accountFieldMessages } from './account-messages';
import { cardErrorMessages, cardFieldLabels, cardFieldMessages, cardScopedLabels } from './talent-card/messages';
import { poolErrorMessages, poolFieldLabels, poolFieldMessages, poolScopedLabels } from './pool-messages';
import { caseErrorMessages, caseFieldLabels, caseFieldMessages } from './case-messages';
import { apartmentErrorMessages, apartmentFieldLabels, apartmentFieldMessages } from './apartment-messages';
import { loanErrorMessages, loanFieldLabels, loanFieldMessages } from './loan-messages';
import { titleErrorMessages, titleFieldLabels, titleFieldMessages, titleScopedLabels } from './title-evaluations/messages';
import { selectionErrorMessages, selectionFieldLabels, selectionFieldMessages, selectionScopedLabels } from './selection-messages';
import { campaignScopedLabels, demandErrorMessages, demandFieldLabels, demandFieldMessages } from './demand-messages';
import { growthErrorMessages, growthFieldLabels, growthFieldMessages, growthScopedLabels } from './growth-messages';
import { cooperationErrorMessages, cooperationFieldLabels, cooperationFieldMessages, projectScopedLabels } from './cooperation-messages';
import { retentionErrorMessages, retentionFieldLabels, retentionFieldMessages } from './retention-messages';
import { coordinationErrorMessages, coordinationFieldLabels, coordinationFieldMessages, jointTaskScopedLabels } from './coordination-messages';
import { dashboardFieldLabels, dashboardFieldMessages } from './dashboard-messages';

export const languages = ['zh-CN', 'en-US'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'zh-CN';

/** Picks the language from an Accept-Language header (or a stored choice); anything not English is Chinese. */
export function pickLanguage(header: string | undefined | null): Language {
  if (!header) return defaultLanguage;
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en-US' : defaultLanguage;
}

type Bilingual = Record<Language, string>;

export const errorMessages = {
  validation: { 'zh-CN': '提交的内容有误，请检查：{fields}', 'en-US': 'Please check: {fields}' },
  badRequest: { 'zh-CN': '请求格式错误', 'en-US': 'The request is malformed' },
  unauthenticated: { 'zh-CN': '请先登录', 'en-US': 'Please sign in first' },
  forbidden: { 'zh-CN': '没有权限执行此操作', 'en-US': 'You are not allowed to do this' },
  csrf: { 'zh-CN': '安全令牌缺失或无效，请刷新页面后重试', 'en-US': 'Missing or invalid security token; reload the page and try again' },
  crossOrigin: { 'zh-CN': '拒绝跨站请求', 'en-US': 'Cross-site request refused' },
  notFound: { 'zh-CN': '记录不存在', 'en-US': 'Not found' },
  routeNotFound: { 'zh-CN': '接口不存在', 'en-US': 'No such endpoint' },
  unsupportedMediaType: { 'zh-CN': '只接受 JSON 格式的请求（Content-Type: application/json）', 'en-US': 'Only JSON request bodies are accepted (Content-Type: application/json)' },
  payloadTooLarge: { 'zh-CN': '请求内容过大', 'en-US': 'The request body is too large' },
  invalidCredentials: { 'zh-CN': '用户名或密码错误', 'en-US': 'Wrong username or password' },
  accountDisabled: { 'zh-CN': '账户已停用，请联系系统管理员', 'en-US': 'This account is disabled; contact the system administrator' },
  possibleDuplicate: { 'zh-CN': '已有同名且手机号码相同的人才（{name}），确认不是同一人后可继续保存', 'en-US': 'A talent with the same name and phone exists ({name}); confirm it is another person to save' },
  conflict: { 'zh-CN': '记录已被他人修改或已存在，请刷新后重试', 'en-US': 'The record was changed by someone else or already exists; reload and try again' },
  usernameTaken: { 'zh-CN': '用户名已被使用', 'en-US': 'This username is already taken' },
  wrongPassword: { 'zh-CN': '当前密码不正确', 'en-US': 'The current password is wrong' },
  setupDone: { 'zh-CN': '系统已完成初始化', 'en-US': 'Set-up has already been done' },
  setupToken: { 'zh-CN': '初始化令牌不正确', 'en-US': 'Wrong set-up token' },
  selfChange: { 'zh-CN': '不能停用或降级自己的账户', 'en-US': 'You cannot disable or demote your own account' },
  internal: { 'zh-CN': '服务器内部错误，请稍后再试', 'en-US': 'Internal server error; please try again later' },
  // spreadsheet imports
  importMediaType: { 'zh-CN': '请上传 Excel 工作簿（.xlsx，Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet）', 'en-US': 'Upload an Excel workbook (.xlsx, Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet)' },
  importFile: { 'zh-CN': '无法读取文件：请上传由 Excel 或 WPS 保存的 .xlsx 工作簿', 'en-US': 'The file cannot be read: upload an .xlsx workbook saved by Excel or WPS' },
  importColumns: { 'zh-CN': '表头缺少以下列：{columns}。请使用下载的模板', 'en-US': 'The header row lacks these columns: {columns}. Use the downloaded template' },
  importTooManyRows: { 'zh-CN': '一次最多导入 {maximum} 行，请分批导入', 'en-US': 'At most {maximum} rows per import; split the file' },
  importHasInvalidRows: { 'zh-CN': '有 {invalid} 行未通过检查，“全部导入”不会导入任何数据：请修改后重新上传，或选择“只导入通过检查的行”', 'en-US': '{invalid} row(s) failed the checks, so "all or nothing" imports nothing: fix the file and upload it again, or choose "valid rows only"' },
  importNothingToImport: { 'zh-CN': '没有可以导入的行', 'en-US': 'There are no rows to import' },
  importState: { 'zh-CN': '该导入已经执行过或正在执行', 'en-US': 'This import has already been run or is running' },
  importExpired: { 'zh-CN': '预检结果已超过 {hours} 小时失效，请重新上传文件', 'en-US': 'The check is more than {hours} hours old and has expired; upload the file again' },
  // exact look-ups by a full ID number or phone
  lookupForbidden: { 'zh-CN': '只有人才办可按完整身份证号码或手机号码查找，请改用姓名等条件搜索', 'en-US': 'Only the talent office may look up a full ID number or phone; search by name or other terms instead' },
  lookupLimit: { 'zh-CN': '按完整号码查找每小时最多 {count} 次，请 {minutes} 分钟后再试', 'en-US': 'At most {count} look-ups by full number an hour; try again in {minutes} min' },
  importTooLarge: { 'zh-CN': '工作簿解压后超过 {megabytes} MB（或超过上传大小的 {ratio} 倍、多于 {entries} 个部件），拒绝读取', 'en-US': 'The workbook unpacks to more than {megabytes} MB (or more than {ratio} times its upload size, or more than {entries} parts) and is refused' },
  attachmentQuota: { 'zh-CN': '上传过多：每人尚未提交的附件最多 {unattached} 个，24 小时内最多上传 {megabytes} MB。请先提交申请或稍后再试', 'en-US': 'Too many uploads: at most {unattached} attachments not yet part of an application, and {megabytes} MB in 24 hours, per person. Submit your application or try later' },
  // input hygiene (plugins/input.ts)
  inputTooDeep: { 'zh-CN': '请求内容嵌套超过 {maximum} 层', 'en-US': 'The request nests deeper than {maximum} levels' },
  ...policyErrorMessages,
  ...accountErrorMessages,
  ...cardErrorMessages,
  ...poolErrorMessages,
  ...caseErrorMessages,
  ...apartmentErrorMessages,
  ...loanErrorMessages,
  ...titleErrorMessages,
  ...selectionErrorMessages,
  ...demandErrorMessages,
  ...growthErrorMessages,
  ...cooperationErrorMessages,
  ...retentionErrorMessages,
  ...coordinationErrorMessages,
} satisfies Record<string, Bilingual>;
export type ErrorCode = keyof typeof errorMessages;

/** Messages for one field; `{…}` placeholders are filled from the issue. */
export const fieldMessages = {
  required: { 'zh-CN': '必填', 'en-US': 'is required' },
  invalidType: { 'zh-CN': '类型不正确', 'en-US': 'has the wrong type' },
  tooShort: { 'zh-CN': '至少 {minimum} 个字符', 'en-US': 'needs at least {minimum} characters' },
  tooLong: { 'zh-CN': '最多 {maximum} 个字符', 'en-US': 'allows at most {maximum} characters' },
  tooSmall: { 'zh-CN': '不能小于 {minimum}', 'en-US': 'must be at least {minimum}' },
  tooBig: { 'zh-CN': '不能大于 {maximum}', 'en-US': 'must be at most {maximum}' },
  tooFewItems: { 'zh-CN': '至少选择 {minimum} 项', 'en-US': 'needs at least {minimum} item(s)' },
  invalidFormat: { 'zh-CN': '格式不正确', 'en-US': 'has an invalid format' },
  invalidValue: { 'zh-CN': '取值无效', 'en-US': 'has an invalid value' },
  unknownKeys: { 'zh-CN': '包含不允许的字段：{keys}', 'en-US': 'has unknown fields: {keys}' },
  invalid: { 'zh-CN': '无效', 'en-US': 'is invalid' },
  // text rule (domain/text.ts)
  'text.unsafe': { 'zh-CN': '含有不允许的字符（控制字符、空字符、不成对的代理项或双向文本控制符）', 'en-US': 'contains characters that are not allowed (control characters, NUL, unpaired surrogates or bidi controls)' },
  'url.http': { 'zh-CN': '应为 http:// 或 https:// 开头的网址', 'en-US': 'must be an http:// or https:// address' },
  // working-day calendar
  'calendar.rangeOrder': { 'zh-CN': '不能早于开始日期', 'en-US': 'must not be before the start date' },
  'calendar.rangeTooLong': { 'zh-CN': '日期范围最多 {maximum} 天', 'en-US': 'the range allows at most {maximum} days' },
  // password rule
  'password.tooShort': { 'zh-CN': '至少 8 个字符', 'en-US': 'needs at least 8 characters' },
  'password.tooLong': { 'zh-CN': '最多 128 个字符', 'en-US': 'allows at most 128 characters' },
  'password.tooFewClasses': { 'zh-CN': '需包含大写字母、小写字母、数字、符号中的至少 3 类', 'en-US': 'needs 3 of: upper-case, lower-case, digits, symbols' },
  'password.common': { 'zh-CN': '过于常见，请换一个', 'en-US': 'is too common; choose another' },
  // role rules
  'roles.empty': { 'zh-CN': '至少选择一个角色', 'en-US': 'needs at least one role' },
  'roles.duplicate': { 'zh-CN': '角色重复', 'en-US': 'has a role twice' },
  'roles.adminMixed': { 'zh-CN': '系统、安全、审计管理员三权分立，不能与其他角色同时授予', 'en-US': 'the three admin roles are separated: an admin role cannot be combined with any other role' },
  'roles.adminNotAllowed': { 'zh-CN': '管理员角色只能由安全管理员授予', 'en-US': 'admin roles are granted by the security administrator only' },
  'roles.businessNotAllowed': { 'zh-CN': '业务角色由系统管理员授予', 'en-US': 'business roles are granted by the system administrator' },
  'binding.required': { 'zh-CN': '该角色需要绑定对应记录', 'en-US': 'this role needs a bound record' },
  'binding.notFound': { 'zh-CN': '绑定的记录不存在', 'en-US': 'the bound record does not exist' },
  'binding.unused': { 'zh-CN': '所选角色不需要此绑定', 'en-US': 'none of the chosen roles uses this binding' },
  usernameTaken: { 'zh-CN': '已被使用', 'en-US': 'is already taken' },
  'password.same': { 'zh-CN': '新密码不能与当前密码相同', 'en-US': 'must differ from the current password' },
  'idNumber.empty': { 'zh-CN': '必填', 'en-US': 'is required' },
  'idNumber.fifteenDigits': { 'zh-CN': '不再受理 15 位旧号码，请填写 18 位身份证号码', 'en-US': 'old 15-digit numbers are not accepted; enter the 18-character number' },
  'idNumber.length': { 'zh-CN': '应为 18 位', 'en-US': 'must have 18 characters' },
  'idNumber.characters': { 'zh-CN': '前 17 位应为数字，最后一位为数字或 X', 'en-US': 'must be 17 digits followed by a digit or X' },
  'idNumber.birthDate': { 'zh-CN': '出生日期（第 7–14 位）不是有效日期', 'en-US': 'the birth date (characters 7–14) is not a real date' },
  'idNumber.checkCharacter': { 'zh-CN': '校验码（最后一位）不正确，请核对号码', 'en-US': 'the check character (last one) is wrong; check the number' },
  'idNumber.genderMismatch': { 'zh-CN': '性别与身份证号码不一致', 'en-US': 'gender disagrees with the ID number' },
  'idNumber.birthDateMismatch': { 'zh-CN': '出生日期与身份证号码不一致', 'en-US': 'birth date disagrees with the ID number' },
  'idNumber.duplicate': { 'zh-CN': '该身份证号码已登记（{name}）', 'en-US': 'this ID number is already registered ({name})' },
  'idNumber.duplicateHidden': { 'zh-CN': '该身份证号码已登记', 'en-US': 'this ID number is already registered' },
  'phone.invalid': { 'zh-CN': '应为 11 位大陆手机号码（可带 +86）', 'en-US': 'must be a mainland mobile number (11 digits, optional +86)' },
  'creditCode.empty': { 'zh-CN': '必填', 'en-US': 'is required' },
  'creditCode.length': { 'zh-CN': '应为 18 位', 'en-US': 'must have 18 characters' },
  'creditCode.characters': { 'zh-CN': '只能包含数字和大写字母（不含 I、O、Z、S、V）', 'en-US': 'may hold digits and capital letters except I, O, Z, S, V' },
  'creditCode.organisationCode': { 'zh-CN': '组织机构代码部分（第 9–17 位）校验不通过', 'en-US': 'the organisation code part (characters 9–17) fails its check' },
  'creditCode.checkCharacter': { 'zh-CN': '校验码（最后一位）不正确，请核对代码', 'en-US': 'the check character (last one) is wrong; check the code' },
  'creditCode.duplicate': { 'zh-CN': '该统一社会信用代码已登记（{name}）', 'en-US': 'this credit code is already registered ({name})' },
  'education.yearOrder': { 'zh-CN': '毕业年份不能早于入学年份', 'en-US': 'must not be before the start year' },
  'employer.both': { 'zh-CN': '已选择区内企业时不填写区外单位', 'en-US': 'leave empty when an enterprise of the registry is chosen' },
  'date.future': { 'zh-CN': '不能晚于今天', 'en-US': 'must not be in the future' },
  'talent.samePhone': { 'zh-CN': '与已登记的同名人才手机号码相同', 'en-US': 'same as a registered talent of the same name' },
  'reference.unknown': { 'zh-CN': '不在可选范围内', 'en-US': 'is not one of the allowed values' },
  'field.verified': { 'zh-CN': '已由人才办核验，不能自行修改', 'en-US': 'was verified by the talent office and cannot be changed by you' },
  'field.officeOnly': { 'zh-CN': '由人才办认定，不能自行修改', 'en-US': 'is decided by the talent office and cannot be changed by you' },
  'dateRange.order': { 'zh-CN': '开始时间不能晚于结束时间', 'en-US': 'the start must not be after the end' },
  'enterprise.nameTaken': { 'zh-CN': '已有同名企业登记', 'en-US': 'an enterprise of this name is already registered' },
  'import.unknownValue': { 'zh-CN': '“{value}”不在可选范围内（见“可选值”工作表）', 'en-US': '"{value}" is not one of the allowed values (see the 可选值 sheet)' },
  'import.unknownEmployer': { 'zh-CN': '“{value}”不是已登记的单位；区外单位请填在“区外单位”列', 'en-US': '"{value}" is not a registered organisation; put outside employers in the 区外单位 column' },
  'import.duplicateInFile': { 'zh-CN': '与第 {row} 行重复', 'en-US': 'duplicates row {row}' },
  'import.numberCell': { 'zh-CN': '单元格为数字格式，长号码会丢失位数：请把该列设为文本格式后重新填写', 'en-US': 'the cell is a number, which loses digits of long numbers: format the column as text and enter it again' },
  'import.invalidDate': { 'zh-CN': '不是有效日期（如 2024-05-01）', 'en-US': 'is not a valid date (e.g. 2024-05-01)' },
  'import.invalidYear': { 'zh-CN': '应为四位年份（如 2015）', 'en-US': 'must be a four-digit year (e.g. 2015)' },
  'import.failed': { 'zh-CN': '导入失败，未写入任何数据：{reason}', 'en-US': 'the import failed and wrote nothing: {reason}' },
  'import.interrupted': { 'zh-CN': '导入被中断（服务在执行期间停止），未写入任何数据，请重新导入', 'en-US': 'the import was interrupted (the server stopped while it ran) and wrote nothing; run it again' },
  ...policyFieldMessages,
  ...accountFieldMessages,
  ...cardFieldMessages,
  ...poolFieldMessages,
  ...caseFieldMessages,
  ...apartmentFieldMessages,
  ...loanFieldMessages,
  ...titleFieldMessages,
  ...selectionFieldMessages,
  ...demandFieldMessages,
  ...growthFieldMessages,
  ...cooperationFieldMessages,
  ...retentionFieldMessages,
  ...coordinationFieldMessages,
  ...dashboardFieldMessages,
} satisfies Record<string, Bilingual>;
export type FieldMessageCode = keyof typeof fieldMessages;

export const fieldLabels: Record<string, Bilingual> = {
  // the registry's labels below win where a field name is shared
  ...policyFieldLabels,
  ...accountFieldLabels,
  ...cardFieldLabels,
  ...poolFieldLabels,
  ...caseFieldLabels,
  ...apartmentFieldLabels,
  ...loanFieldLabels,
  ...titleFieldLabels,
  ...selectionFieldLabels,
  ...demandFieldLabels,
  ...growthFieldLabels,
  ...cooperationFieldLabels,
  ...retentionFieldLabels,
  ...coordinationFieldLabels,
  ...dashboardFieldLabels,
  id: { 'zh-CN': '编号', 'en-US': 'ID' },
  username: { 'zh-CN': '用户名', 'en-US': 'Username' },
  password: { 'zh-CN': '密码', 'en-US': 'Password' },
  displayName: { 'zh-CN': '姓名', 'en-US': 'Name' },
  roles: { 'zh-CN': '角色', 'en-US': 'Roles' },
  talentId: { 'zh-CN': '绑定人才', 'en-US': 'Bound talent' },
  organisationId: { 'zh-CN': '绑定企业', 'en-US': 'Bound enterprise' },
  unitId: { 'zh-CN': '绑定单位', 'en-US': 'Bound unit' },
  currentPassword: { 'zh-CN': '当前密码', 'en-US': 'Current password' },
  newPassword: { 'zh-CN': '新密码', 'en-US': 'New password' },
  setupToken: { 'zh-CN': '初始化令牌', 'en-US': 'Set-up token' },
  name: { 'zh-CN': '姓名', 'en-US': 'Name' },
  idNumber: { 'zh-CN': '身份证号码', 'en-US': 'ID number' },
  gender: { 'zh-CN': '性别', 'en-US': 'Gender' },
  birthDate: { 'zh-CN': '出生日期', 'en-US': 'Birth date' },
  lookupReason: { 'zh-CN': '查找理由', 'en-US': 'Reason for the look-up' },
  ethnicity: { 'zh-CN': '民族', 'en-US': 'Ethnicity' },
  nativePlace: { 'zh-CN': '籍贯', 'en-US': 'Native place' },
  politicalStatus: { 'zh-CN': '政治面貌', 'en-US': 'Political status' },
  phone: { 'zh-CN': '手机号码', 'en-US': 'Mobile phone' },
  email: { 'zh-CN': '电子邮箱', 'en-US': 'Email' },
  educations: { 'zh-CN': '学历', 'en-US': 'Education' },
  level: { 'zh-CN': '层次', 'en-US': 'Level' },
  degree: { 'zh-CN': '学位', 'en-US': 'Degree' },
  school: { 'zh-CN': '院校', 'en-US': 'School' },
  major: { 'zh-CN': '专业', 'en-US': 'Major' },
  startYear: { 'zh-CN': '入学年份', 'en-US': 'Start year' },
  graduationYear: { 'zh-CN': '毕业年份', 'en-US': 'Graduation year' },
  titles: { 'zh-CN': '职称', 'en-US': 'Titles' },
  series: { 'zh-CN': '系列', 'en-US': 'Series' },
  year: { 'zh-CN': '年份', 'en-US': 'Year' },
  certificates: { 'zh-CN': '技能证书', 'en-US': 'Skill certificates' },
  issuer: { 'zh-CN': '发证机构', 'en-US': 'Issuer' },
  employerId: { 'zh-CN': '工作单位', 'en-US': 'Employer' },
  employerName: { 'zh-CN': '区外单位', 'en-US': 'Outside employer' },
  post: { 'zh-CN': '岗位', 'en-US': 'Post' },
  industry: { 'zh-CN': '产业', 'en-US': 'Industry' },
  salaryBand: { 'zh-CN': '薪酬区间', 'en-US': 'Salary band' },
  arrivalRoute: { 'zh-CN': '引进方式', 'en-US': 'Arrival route' },
  arrivedOn: { 'zh-CN': '来区日期', 'en-US': 'Arrival date' },
  tier: { 'zh-CN': '人才类别', 'en-US': 'Tier' },
  tags: { 'zh-CN': '标签', 'en-US': 'Tags' },
  status: { 'zh-CN': '状态', 'en-US': 'Status' },
  creditCode: { 'zh-CN': '统一社会信用代码', 'en-US': 'Unified social credit code' },
  chainSegment: { 'zh-CN': '产业链环节', 'en-US': 'Chain segment' },
  parkId: { 'zh-CN': '所在园区/平台', 'en-US': 'Park or platform' },
  size: { 'zh-CN': '企业规模', 'en-US': 'Size' },
  foundedOn: { 'zh-CN': '成立日期', 'en-US': 'Founding date' },
  address: { 'zh-CN': '地址', 'en-US': 'Address' },
  contactName: { 'zh-CN': '联系人', 'en-US': 'Contact' },
  contactPhone: { 'zh-CN': '联系电话', 'en-US': 'Contact phone' },
  description: { 'zh-CN': '简介', 'en-US': 'Description' },
  // reference data (industries, tiers)
  nameEn: { 'zh-CN': '英文名称', 'en-US': 'English name' },
  chain: { 'zh-CN': '所属产业链', 'en-US': 'Industry chain' },
  sortOrder: { 'zh-CN': '排序', 'en-US': 'Sort order' },
  active: { 'zh-CN': '启用', 'en-US': 'Active' },
  definition: { 'zh-CN': '定义', 'en-US': 'Definition' },
  // updates and imports
  version: { 'zh-CN': '版本', 'en-US': 'Version' },
  statusSince: { 'zh-CN': '状态变更日期', 'en-US': 'Status since' },
  statusNote: { 'zh-CN': '状态说明', 'en-US': 'Status note' },
  confirmPossibleDuplicate: { 'zh-CN': '确认不是同一人', 'en-US': 'Confirmed as another person' },
  fields: { 'zh-CN': '核验字段', 'en-US': 'Fields' },
  fileName: { 'zh-CN': '文件名', 'en-US': 'File name' },
  // `code` and `mode` name different things per record (an industry's code, a policy's number): see the scopes
  reason: { 'zh-CN': '查看理由', 'en-US': 'Reason' },
  disabled: { 'zh-CN': '停用', 'en-US': 'Disabled' },
  page: { 'zh-CN': '页码', 'en-US': 'Page' },
  pageSize: { 'zh-CN': '每页条数', 'en-US': 'Page size' },
  q: { 'zh-CN': '关键词', 'en-US': 'Keyword' },
  from: { 'zh-CN': '开始时间', 'en-US': 'From' },
  to: { 'zh-CN': '结束时间', 'en-US': 'To' },
  action: { 'zh-CN': '操作', 'en-US': 'Action' },
  result: { 'zh-CN': '结果', 'en-US': 'Result' },
  kind: { 'zh-CN': '类型', 'en-US': 'Kind' },
  role: { 'zh-CN': '角色', 'en-US': 'Role' },
  sysadmin: { 'zh-CN': '系统管理员', 'en-US': 'System administrator' },
  secadmin: { 'zh-CN': '安全管理员', 'en-US': 'Security administrator' },
  auditor: { 'zh-CN': '审计管理员', 'en-US': 'Auditor' },
};

/**
 * Labels of a field that mean something else on another record: a talent's `name` is 姓名, an enterprise's 企业名称. The
 * scope is the kind of record a request or form is about; without one the plain labels apply.
 */
export const labelScopes = ['enterprise', 'industry', 'tier', 'import', 'calendar', 'card', 'pool', 'title', 'training', 'challenge', 'project', 'jointTask', 'selection', 'campaign'] as const;
export type LabelScope = (typeof labelScopes)[number];
export const scopedFieldLabels: Record<LabelScope, Record<string, Bilingual>> = {
  enterprise: {
    name: { 'zh-CN': '企业名称', 'en-US': 'Enterprise name' },
    parkId: { 'zh-CN': '所在园区/平台', 'en-US': 'Park or platform' },
  },
  industry: {
    code: { 'zh-CN': '产业代码', 'en-US': 'Industry code' },
    name: { 'zh-CN': '产业名称', 'en-US': 'Industry name' },
  },
  tier: {
    code: { 'zh-CN': '类别代码', 'en-US': 'Tier code' },
    name: { 'zh-CN': '类别名称', 'en-US': 'Tier name' },
  },
  import: {
    mode: { 'zh-CN': '导入方式', 'en-US': 'Import mode' },
  },
  calendar: {
    date: { 'zh-CN': '日期', 'en-US': 'Date' },
    kind: { 'zh-CN': '调整为', 'en-US': 'Make it' },
    name: { 'zh-CN': '名称', 'en-US': 'Name' },
    nameEn: { 'zh-CN': '英文名称', 'en-US': 'English name' },
    note: { 'zh-CN': '说明', 'en-US': 'Note' },
    from: { 'zh-CN': '开始日期', 'en-US': 'From' },
    to: { 'zh-CN': '结束日期', 'en-US': 'To' },
  },
  card: cardScopedLabels,
  pool: poolScopedLabels,
  title: titleScopedLabels,
  ...growthScopedLabels,
  project: projectScopedLabels,
  jointTask: jointTaskScopedLabels,
  selection: selectionScopedLabels,
  campaign: campaignScopedLabels,
};

/** The scope of an API route's fields, from its URL pattern (`/api/enterprises/:id` → enterprise). */
export function labelScopeOfRoute(url: string | undefined): LabelScope | undefined {
  if (!url) return undefined;
  if (url.startsWith('/api/enterprises')) return 'enterprise';
  if (url.startsWith('/api/reference/industries')) return 'industry';
  if (url.startsWith('/api/reference/tiers')) return 'tier';
  if (url.startsWith('/api/imports')) return 'import';
  if (url.startsWith('/api/calendar')) return 'calendar';
  if (url.startsWith('/api/talent-card')) return 'card';
  if (url.startsWith('/api/pools')) return 'pool';
  if (url.startsWith('/api/title-evaluations')) return 'title';
  if (url.startsWith('/api/training')) return 'training';
  if (url.startsWith('/api/challenge')) return 'challenge';
  if (url.startsWith('/api/projects')) return 'project';
  if (url.startsWith('/api/joint-tasks')) return 'jointTask';
  if (url.startsWith('/api/selections')) return 'selection';
  if (url.startsWith('/api/campaigns')) return 'campaign';
  return undefined;
}

export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

/**
 * "用户名" for path ['username'], "系统管理员 › 密码" for ['sysadmin','password']; unknown segments shown as they are. A
 * scope's own label wins for a top-level field (an enterprise's `name` is 企业名称).
 */
export function fieldLabel(path: readonly (string | number)[], language: Language, scope?: LabelScope): string {
  // a scope names the record's own fields: the first segment, or the field of a spreadsheet row (`rows.6.education`)
  const ownField = (index: number) => index === 0 || (index === 2 && path[0] === 'rows' && typeof path[1] === 'number');
  const labelOf = (segment: string, index: number) => (ownField(index) && scope ? scopedFieldLabels[scope][segment] : undefined) ?? fieldLabels[segment];
  const parts = path.map((segment, index) => (typeof segment === 'number' ? `#${segment + 1}` : (labelOf(segment, index)?.[language] ?? segment)));
  return parts.join(' › ') || (language === 'zh-CN' ? '请求' : 'request');
}

/**
 * Messages of the command line and of start-up (key check, backup, restore, audit verification), printed in both
 * languages: no request, so no language choice.
 */
export const systemMessages = {
  keyMismatch: {
    'zh-CN':
      '拒绝启动：主密钥（{keyFile}）与数据库中的数据不匹配（数据是用另一把密钥加密的）。请把备份中的 secret.key 放回数据目录，或把 TZ_SECRET 设为原来的主密钥，然后重新启动。不要用新密钥运行：身份证号将无法解密，按身份证号查询和查重也会出错。',
    'en-US':
      'Refusing to start: the master key ({keyFile}) does not match the data in the database (it was sealed with another key). Put the secret.key from the backup back into the data directory, or set TZ_SECRET to the original master secret, and start again. Do not run with a new key: ID numbers could not be decrypted, and look-ups and the uniqueness check by ID number would go wrong.',
  },
  backupDone: { 'zh-CN': '备份已写入 {target}（用时 {seconds} 秒）', 'en-US': 'Backup written to {target} ({seconds} s)' },
  backupTargetNotEmpty: { 'zh-CN': '备份目录已存在且不为空（{target}）：请指定一个新的目录。', 'en-US': 'The backup folder exists and is not empty ({target}): name a new folder.' },
  backupKeyApart: {
    'zh-CN': '备份不含主密钥。请另行妥善保存主密钥（{keySource}），恢复时需要它；没有它，加密的身份证号和手机号无法读取。',
    'en-US': 'The backup does not hold the master key. Keep the key ({keySource}) apart and safe: a restore needs it, and without it encrypted ID and phone numbers cannot be read.',
  },
  backupKeyIncluded: {
    'zh-CN': '备份包含主密钥（secret.key）：请像保管主密钥一样保管此备份。',
    'en-US': 'The backup holds the master key (secret.key): guard it as you would the key itself.',
  },
  backupNoPgDump: {
    'zh-CN': '找不到 {program}：请安装与服务器版本相同的 PostgreSQL 客户端（如 apt-get install postgresql-client），或用 TZ_PG_BIN 指定其目录。',
    'en-US': '{program} not found: install the PostgreSQL client of the server\'s version (e.g. apt-get install postgresql-client), or name its folder in TZ_PG_BIN.',
  },
  restoreNotEmpty: {
    'zh-CN': '恢复目标不为空（{target}）：请换一个空的数据目录或数据库，或加 --force 覆盖。',
    'en-US': 'The restore target is not empty ({target}): use an empty data directory or database, or add --force to overwrite it.',
  },
  restoreNotBackup: { 'zh-CN': '{source} 不是 TalentZone 备份（缺少 manifest.json）', 'en-US': '{source} is not a TalentZone backup (no manifest.json)' },
  restoreKind: {
    'zh-CN': '备份来自 {backupKind} 数据库，而当前配置使用 {targetKind}：请按备份的数据库类型配置后再恢复。',
    'en-US': 'The backup is of a {backupKind} database but the configuration uses {targetKind}: configure the backup\'s kind of database to restore it.',
  },
  restoreDone: { 'zh-CN': '已恢复数据库和附件（用时 {seconds} 秒）。', 'en-US': 'Database and attachments restored ({seconds} s).' },
  restoreKeyMatches: { 'zh-CN': '主密钥与备份数据相符，可以启动。', 'en-US': 'The master key matches the backed-up data: ready to start.' },
  restoreKeyMissing: {
    'zh-CN': '备份不含主密钥：启动前请把原来的 secret.key 放到 {keyFile}，或设置 TZ_SECRET 为原来的主密钥。',
    'en-US': 'The backup holds no key: before starting, put the original secret.key at {keyFile}, or set TZ_SECRET to the original master secret.',
  },
  auditIntact: { 'zh-CN': '审计日志完整：已校验 {checked} 条（链前旧记录 {legacy} 条），末条序号 {lastSeq}，哈希 {lastHash}', 'en-US': 'Audit log intact: {checked} rows checked ({legacy} rows from before the chain), last seq {lastSeq}, hash {lastHash}' },
  auditBroken: {
    'zh-CN': '审计日志被篡改：第一个断点 序号 {seq}（id {id}），时间 {at}，操作 {action}：{problem}。此前 {checked} 条完好。',
    'en-US': 'Audit log tampered with: first broken link at seq {seq} (id {id}), {at}, action {action}: {problem}. The {checked} rows before it are intact.',
  },
  auditProblemContent: { 'zh-CN': '该行内容或哈希被修改', 'en-US': 'the row\'s content or hash was changed' },
  auditProblemLink: { 'zh-CN': '该行与前一行的链接不符（有行被插入或替换）', 'en-US': 'its link to the previous row does not match (a row was inserted or replaced)' },
  auditProblemGap: { 'zh-CN': '序号不连续（此前有行被删除）', 'en-US': 'a gap in seq (rows before it were removed)' },
  auditProblemUnsealed: { 'zh-CN': '该行不在哈希链中（绕过系统直接写入）', 'en-US': 'the row is outside the chain (written past the application)' },
  auditProblemLegacy: { 'zh-CN': '哈希链开始之前的旧记录被增删', 'en-US': 'rows from before the chain began were added or removed' },
} satisfies Record<string, Bilingual>;

/** A system message in both languages, zh-CN first, placeholders filled. */
export function systemMessage(key: keyof typeof systemMessages, params: Record<string, string | number> = {}): string {
  return `${fill(systemMessages[key]['zh-CN'], params)}\n${fill(systemMessages[key]['en-US'], params)}`;
}
