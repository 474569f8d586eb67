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

export type Session = { user: SessionUser; csrfToken: string };
export type SetupStatus = { required: boolean; demo: boolean; demoAccounts?: { username: string; roles: Role[] }[]; demoPassword?: string };
export type AdminAccountInput = { username: string; displayName: string; password: string };
export type SetupInput = { setupToken: string; sysadmin: AdminAccountInput; secadmin: AdminAccountInput; auditor: AdminAccountInput };

export const fetchCurrentSession = () => api.get<Session>('/api/auth/me');
export const signIn = (username: string, password: string) => api.post<Session>('/api/auth/login', { username, password });
export const signOut = () => api.post<void>('/api/auth/logout');
export const changeOwnPassword = (currentPassword: string, newPassword: string) => api.post<Session>('/api/auth/password', { currentPassword, newPassword });
export const fetchSetupStatus = () => api.get<SetupStatus>('/api/setup');
export const runSetup = (input: SetupInput) => api.post<void>('/api/setup', input);
