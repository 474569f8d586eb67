import type { TFunction } from 'i18next';
import { arrivalRoutes, organisationKinds, talentStatuses } from '../../domain/dictionaries';
import { allRoles } from '../../domain/roles';


/** Audit actions with a readable label; any other action shows its code. */
export const knownAuditActions = [
  'auth.login',
  'auth.loginChallenge',
  'auth.totpEnrolStart',
  'auth.totpEnable',
  'auth.totpDisable',
  'auth.logout',
  'auth.changePassword',
  'user.create',
  'user.update',
  'user.disable',
  'user.resetPassword',
  'user.unlock',
  'user.enable',
  'adminRequest.create',
  'adminRequest.approve',
  'adminRequest.reject',
  'adminRequest.cancel',
  'permission.denied',
  'setup.createAdmin',
  'demo.load',
  'demo.createAccount',
  'talent.create',
  'talent.update',
  'talent.reveal',
  'talent.lookup',
  'talent.verify',
  'talent.import',
  'talent.export',
  'enterprise.create',
  'enterprise.update',
  'enterprise.import',
  'import.preview',
  'import.commit',
  'industry.create',
  'industry.update',
  'calendar.create',
  'calendar.update',
  'calendar.remove',
  'policy.create',
  'policy.update',
  'policy.draft',
  'policy.publish',
  'policy.retire',
  'policy.parameter',
  'policy.scan',
  'policy.simulate',
  'attachment.upload',
  'attachment.cleanup',
  'application.submit',
  'application.resubmit',
  'application.withdraw',
  'application.approve',
  'application.reject',
  'application.return',
  'application.escalate',
  'entitlement.grant',
  'entitlement.confirm',
  'entitlement.decline',
  'entitlement.pause',
  'batch.create',
  'batch.export',
  'batch.settle',
  'system.keyCheck',
  'system.restore',
] as const;
type KnownAuditAction = (typeof knownAuditActions)[number];

const knownAuditDetails = [
  'wrongPassword',
  'unknownUser',
  'disabled',
  'throttled',
  'captchaRequired',
  'wrongCaptcha',
  'totp',
  'recoveryCode',
  'wrongSecondFactor',
  'wrongCode',
  'oneTimePasswordReplaced',
  'breakGlass',
  'import',
  'interrupted',
  'duplicateCheck',
  // written before sign-in throttling replaced account locks (migration 0006)
  'locked',
  'ipThrottled',
] as const;
type KnownAuditDetail = (typeof knownAuditDetails)[number];

const isOneOf = <T extends string>(values: readonly T[], value: string): value is T => (values as readonly string[]).includes(value);

export function auditActionLabel(t: TFunction, action: string): string {
  return isOneOf<KnownAuditAction>(knownAuditActions, action) ? t(`audit.actions.${action}`) : action;
}

/** `wrongPassword; locked` → `密码错误；账户已锁定`; unknown parts (permission names) stay as they are. */
export function auditDetailLabel(t: TFunction, detail: string | null): string {
  if (!detail) return '';
  return detail
    .split(';')
    .map((part) => part.trim())
    .map((part) => (isOneOf<KnownAuditDetail>(knownAuditDetails, part) ? t(`audit.details.${part}`) : part))
    .join(t('common.listSeparator'));
}

/** The acting role(s) of an audit row (`office`, `talent,enterprise`) as labels. */
export function rolesLabel(t: TFunction, roles: string | null): string {
  if (!roles) return '';
  return roles
    .split(',')
    .map((role) => (isOneOf(allRoles, role) ? t(`roles.${role}`) : role))
    .join(' / ');
}

export const isArrivalRoute = (value: string) => isOneOf(arrivalRoutes, value);
export const isTalentStatus = (value: string) => isOneOf(talentStatuses, value);
export const isOrganisationKind = (value: string) => isOneOf(organisationKinds, value);
