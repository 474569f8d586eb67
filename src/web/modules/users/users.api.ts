import type { BindingKind, Role } from '../../../domain/roles';
import { api, type Page } from '../../app/api';

type Named = { id: string; name: string } | null;

export type UserView = {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  talent: Named;
  organisation: Named;
  unit: Named;
  disabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
};

export type Bindings = { talentId?: string | null; organisationId?: string | null; unitId?: string | null };
export type CreateUserInput = { username: string; displayName: string; roles: Role[] } & Bindings;
export type UpdateUserInput = { displayName?: string; roles?: Role[]; disabled?: boolean } & Bindings;
export type UserListQuery = { q?: string; role?: Role; page: number; pageSize: number };
export type BindingOption = { id: string; label: string };

/** A change to an admin account waiting for the two other administrators (三权分立). */
export type AdminRequest = {
  id: string;
  kind: 'create' | 'update' | 'resetPassword';
  status: 'pending' | 'done' | 'rejected' | 'cancelled';
  requester: string;
  target: string | null;
  changes: Record<string, unknown>;
  approvals: { username: string; role: Role; at: string }[];
  waitingFor: Role[];
  canApprove: boolean;
  createdAt: string;
  decidedAt: string | null;
};
/** Done at once (with a one-time password chosen by the server, for a creation or a reset), or filed as a request. */
export type WithOneTimePassword = { user: UserView; oneTimePassword: string };
export type Filed = { request: AdminRequest };
export const isFiled = (answer: object): answer is Filed => 'request' in answer;

export const fetchUsers = (query: UserListQuery) => api.get<Page<UserView>>('/api/users', query);
export const createUser = (input: CreateUserInput) => api.post<WithOneTimePassword | Filed>('/api/users', input);
export const updateUser = (id: string, input: UpdateUserInput) => api.patch<UserView | Filed>(`/api/users/${id}`, input);
export const resetUserPassword = (id: string) => api.post<WithOneTimePassword | Filed>(`/api/users/${id}/password`);
export const fetchAdminRequests = () => api.get<AdminRequest[]>('/api/admin-requests');
export const approveAdminRequest = (id: string) => api.post<{ request: AdminRequest; oneTimePassword?: string }>(`/api/admin-requests/${id}/approval`);
export const rejectAdminRequest = (id: string) => api.post<AdminRequest>(`/api/admin-requests/${id}/rejection`);
export const fetchBindingOptions = (kind: BindingKind, q: string) => api.get<BindingOption[]>('/api/users/binding-options', { kind, q });
