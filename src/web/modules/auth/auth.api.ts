import type { Role } from '../../../domain/roles';
import { api } from '../../app/api';

export type SessionUser = {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  talentId: string | null;
  organisationId: string | null;
  unitId: string | null;
};

/** `restriction`: what the session must do before anything else (a one-time password to change, TOTP to enrol). */
export type Session = { user: SessionUser; csrfToken: string; restriction: 'passwordChangeRequired' | 'secondFactorRequired' | null; secondFactor: boolean };
/** The answer to the right password when TOTP is on: the second step's token. */
export type Challenge = { secondFactorRequired: true; challengeToken: string };
export type SignInInput = { username: string; password: string; captchaId?: string; captchaAnswer?: string };
export type Captcha = { id: string; image: string };
export type TotpEnrolment = { secret: string; uri: string; qrCode: string };
export type SecondFactorStatus = { enabled: boolean; required: boolean; recoveryCodesLeft: number };
export type SetupStatus = {
  required: boolean;
  demo: boolean;
  demoAccounts?: { username: string; roles: Role[] }[];
  demoPassword?: string;
  demoTotpSecret?: string;
};
export type AdminAccountInput = { username: string; displayName: string; password: string };
export type SetupInput = { setupToken: string; sysadmin: AdminAccountInput; secadmin: AdminAccountInput; auditor: AdminAccountInput };

export const fetchCurrentSession = () => api.get<Session>('/api/auth/me');
export const signIn = (input: SignInInput) => api.post<Session | Challenge>('/api/auth/login', input);
export const signInSecondStep = (input: { challengeToken: string; code?: string; recoveryCode?: string }) => api.post<Session>('/api/auth/login/second-factor', input);
export const fetchCaptcha = () => api.get<Captcha>('/api/auth/captcha');
export const fetchSecondFactor = () => api.get<SecondFactorStatus>('/api/auth/second-factor');
export const startTotpEnrolment = () => api.post<TotpEnrolment>('/api/auth/second-factor/enrolment');
export const confirmTotpEnrolment = (code: string) => api.post<{ recoveryCodes: string[] }>('/api/auth/second-factor/confirmation', { code });
export const disableTotp = (password: string) => api.delete<void>('/api/auth/second-factor', { password });
export const signOut = () => api.post<void>('/api/auth/logout');
export const changeOwnPassword = (currentPassword: string, newPassword: string) => api.post<Session>('/api/auth/password', { currentPassword, newPassword });
export const fetchSetupStatus = () => api.get<SetupStatus>('/api/setup');
export const runSetup = (input: SetupInput) => api.post<void>('/api/setup', input);
