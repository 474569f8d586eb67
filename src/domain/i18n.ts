/** Server-side messages in both languages: error codes and field labels. zh-CN is the default. */
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
  accountLocked: { 'zh-CN': '连续登录失败次数过多，账户已锁定，请 {minutes} 分钟后再试', 'en-US': 'Too many failed sign-ins: the account is locked; try again in {minutes} min' },
  tooManyAttempts: { 'zh-CN': '此地址登录失败次数过多，请 {minutes} 分钟后再试', 'en-US': 'Too many failed sign-ins from this address; try again in {minutes} min' },
  accountDisabled: { 'zh-CN': '账户已停用，请联系系统管理员', 'en-US': 'This account is disabled; contact the system administrator' },
  usernameTaken: { 'zh-CN': '用户名已被使用', 'en-US': 'This username is already taken' },
  wrongPassword: { 'zh-CN': '当前密码不正确', 'en-US': 'The current password is wrong' },
  setupDone: { 'zh-CN': '系统已完成初始化', 'en-US': 'Set-up has already been done' },
  setupToken: { 'zh-CN': '初始化令牌不正确', 'en-US': 'Wrong set-up token' },
  selfChange: { 'zh-CN': '不能停用或降级自己的账户', 'en-US': 'You cannot disable or demote your own account' },
  internal: { 'zh-CN': '服务器内部错误，请稍后再试', 'en-US': 'Internal server error; please try again later' },
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
  'password.same': { 'zh-CN': '新密码不能与当前密码相同', 'en-US': 'must differ from the current password' },
  'dateRange.order': { 'zh-CN': '开始时间不能晚于结束时间', 'en-US': 'the start must not be after the end' },
} satisfies Record<string, Bilingual>;
export type FieldMessageCode = keyof typeof fieldMessages;

export const fieldLabels: Record<string, Bilingual> = {
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

export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

/** "用户名" for path ['username'], "系统管理员 › 密码" for ['sysadmin','password']; unknown segments shown as they are. */
export function fieldLabel(path: readonly (string | number)[], language: Language): string {
  const parts = path.map((segment) => (typeof segment === 'number' ? `#${segment + 1}` : (fieldLabels[segment]?.[language] ?? segment)));
  return parts.join(' › ') || (language === 'zh-CN' ? '请求' : 'request');
}
