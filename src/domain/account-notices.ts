/**
 * In-app notifications of account administration, in the kind + params style of policies/notices.ts (which renders
 * them through `renderNotice`): every administrator action on an account is announced to that account, and a request on an admin account to
 * the administrators who can approve it.
 */
import { z } from 'zod';

type Language = 'zh-CN' | 'en-US';

export const accountActions = ['created', 'updated', 'roles', 'disabled', 'enabled', 'passwordReset', 'secondFactorReset'] as const;
export type AccountAction = (typeof accountActions)[number];
export const adminRequestKinds = ['create', 'update', 'resetPassword'] as const;

export const accountNoticeParams = {
  /** An administrator (or the system, break-glass) changed the reader's account. */
  account: z.object({ action: z.enum(accountActions), by: z.string() }),
  /** A change to an admin account waits for the reader's approval. */
  adminRequest: z.object({ request: z.enum(adminRequestKinds), target: z.string(), by: z.string() }),
};

const actionTexts: Record<AccountAction, Record<Language, string>> = {
  created: { 'zh-CN': '创建了您的账户', 'en-US': 'created your account' },
  updated: { 'zh-CN': '修改了您的账户信息', 'en-US': 'changed your account' },
  roles: { 'zh-CN': '修改了您的角色', 'en-US': 'changed your roles' },
  disabled: { 'zh-CN': '停用了您的账户', 'en-US': 'disabled your account' },
  enabled: { 'zh-CN': '启用了您的账户', 'en-US': 'enabled your account' },
  passwordReset: { 'zh-CN': '重置了您的密码（一次性密码，登录后须修改）', 'en-US': 'reset your password (single-use: change it at sign-in)' },
  secondFactorReset: { 'zh-CN': '重置了您的动态口令', 'en-US': 'reset your authenticator codes' },
};

const requestTexts: Record<(typeof adminRequestKinds)[number], Record<Language, string>> = {
  create: { 'zh-CN': '创建管理员账户', 'en-US': 'create the administrator account' },
  update: { 'zh-CN': '变更管理员账户', 'en-US': 'change the administrator account' },
  resetPassword: { 'zh-CN': '重置管理员密码', 'en-US': 'reset the password of' },
};

type Params<K extends keyof typeof accountNoticeParams> = z.infer<(typeof accountNoticeParams)[K]>;

export const accountNoticeTexts = {
  account: ({ action, by }: Params<'account'>, language: Language) =>
    language === 'zh-CN'
      ? { title: '账户变更通知', body: `${by} ${actionTexts[action][language]}。如非预期，请联系安全管理员。` }
      : { title: 'Your account was changed', body: `${by} ${actionTexts[action][language]}. If you did not expect this, contact the security administrator.` },
  adminRequest: ({ request, target, by }: Params<'adminRequest'>, language: Language) =>
    language === 'zh-CN'
      ? { title: `待您审批：${requestTexts[request][language]} ${target}`, body: `${by} 提交了申请，需另外两名管理员批准后生效` }
      : { title: `For your approval: ${requestTexts[request][language]} ${target}`, body: `Requested by ${by}; it takes effect once the two other administrators approve` },
};

export type AccountNoticeKind = keyof typeof accountNoticeParams;
/** A notification about an account, for `notify` (modules/notifications). */
export type AccountNotice = { [K in AccountNoticeKind]: { kind: K; params: Params<K>; link?: string } }[AccountNoticeKind];

/** The title and body of an account notification in a language, or null for a kind or values this code does not know. */
export function renderAccountNotice(kind: string, params: unknown, language: Language): { title: string; body: string } | null {
  if (!Object.hasOwn(accountNoticeParams, kind)) return null;
  const parsed = accountNoticeParams[kind as AccountNoticeKind].safeParse(params);
  if (!parsed.success) return null;
  return (accountNoticeTexts[kind as AccountNoticeKind] as (values: unknown, language: Language) => { title: string; body: string })(parsed.data, language);
}
