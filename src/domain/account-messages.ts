/** Messages of sign-in and account administration (issue 9: 三权分立, one-time passwords, TOTP, throttling), merged into domain/i18n.ts. */
type Bilingual = { 'zh-CN': string; 'en-US': string };

export const accountErrorMessages = {
  tooManyAttempts: { 'zh-CN': '登录尝试过于频繁，请 {seconds} 秒后再试', 'en-US': 'Too many sign-in attempts; try again in {seconds} s' },
  captchaRequired: { 'zh-CN': '请填写图形验证码', 'en-US': 'Enter the characters shown in the image' },
  passwordChangeRequired: { 'zh-CN': '请先修改密码：当前密码由他人设置，只能使用一次', 'en-US': 'Change your password first: the current one was set by someone else and is single-use' },
  secondFactorRequired: { 'zh-CN': '管理员账户须先绑定动态口令（TOTP）', 'en-US': 'Administrator accounts must set up an authenticator code (TOTP) first' },
  invalidSecondFactor: { 'zh-CN': '动态口令或恢复码不正确', 'en-US': 'Wrong authenticator code or recovery code' },
  challengeExpired: { 'zh-CN': '登录已超时，请重新输入用户名和密码', 'en-US': 'The sign-in timed out; enter your username and password again' },
  totpAlreadyEnabled: { 'zh-CN': '已启用动态口令', 'en-US': 'Authenticator codes are already on' },
  totpNotStarted: { 'zh-CN': '请先生成二维码', 'en-US': 'Generate the QR code first' },
  totpRequiredForAdmins: { 'zh-CN': '管理员账户必须使用动态口令，不能关闭', 'en-US': 'Administrator accounts must keep authenticator codes on' },
  approvalRequired: { 'zh-CN': '管理员账户的此项变更需另外两名管理员批准，已提交审批', 'en-US': 'This change to an administrator account needs the approval of the two other administrators; a request was filed' },
  requestNotPending: { 'zh-CN': '该申请已处理', 'en-US': 'This request has already been decided' },
  cannotApprove: { 'zh-CN': '您不能批准此申请（申请人本人、被重置密码的账户或已批准过的角色不能批准）', 'en-US': 'You cannot approve this request (not the requester, not the account whose password is reset, one approval per role)' },
} satisfies Record<string, Bilingual>;

export const accountFieldMessages = {
  'password.username': { 'zh-CN': '不能包含用户名（含倒序）', 'en-US': 'must not contain the username (or it reversed)' },
  'password.keyboard': { 'zh-CN': '不能包含键盘上连续的按键（如 qwer、asdf、1qaz）', 'en-US': 'must not contain keyboard runs (qwer, asdf, 1qaz …)' },
  'password.repeated': { 'zh-CN': '不能包含重复的字符或片段（如 aaaa、ababab）', 'en-US': 'must not contain repeated characters or pieces (aaaa, ababab …)' },
  'password.sequence': { 'zh-CN': '不能包含连续的数字或字母（如 1234、abcd）', 'en-US': 'must not contain sequences (1234, abcd …)' },
  'password.weak': { 'zh-CN': '强度不足，容易被猜到：请用更长的、不常见的词组', 'en-US': 'is too easy to guess: use a longer phrase of uncommon words' },
  'captcha.required': { 'zh-CN': '请填写图形验证码', 'en-US': 'is required' },
  'captcha.wrong': { 'zh-CN': '不正确或已过期，请看新图片重新填写', 'en-US': 'is wrong or expired; enter the new image’s characters' },
  'code.wrong': { 'zh-CN': '不正确', 'en-US': 'is wrong' },
  'roles.adminApproval': { 'zh-CN': '管理员账户的角色变更需另外两名管理员批准', 'en-US': 'a role change of an administrator account needs the two other administrators’ approval' },
} satisfies Record<string, Bilingual>;

export const accountFieldLabels: Record<string, Bilingual> = {
  captchaAnswer: { 'zh-CN': '图形验证码', 'en-US': 'Image code' },
  code: { 'zh-CN': '动态口令', 'en-US': 'Authenticator code' },
  recoveryCode: { 'zh-CN': '恢复码', 'en-US': 'Recovery code' },
  challengeToken: { 'zh-CN': '登录令牌', 'en-US': 'Sign-in token' },
};
