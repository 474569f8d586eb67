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
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
};

export type Bindings = { talentId?: string | null; organisationId?: string | null; unitId?: string | null };
export type CreateUserInput = { username: string; displayName: string; password: string; roles: Role[] } & Bindings;
export type UpdateUserInput = { displayName?: string; roles?: Role[]; disabled?: boolean } & Bindings;
export type UserListQuery = { q?: string; role?: Role; page: number; pageSize: number };
export type BindingOption = { id: string; label: string };

export const fetchUsers = (query: UserListQuery) => api.get<Page<UserView>>('/api/users', query);
export const createUser = (input: CreateUserInput) => api.post<UserView>('/api/users', input);
export const updateUser = (id: string, input: UpdateUserInput) => api.patch<UserView>(`/api/users/${id}`, input);
export const resetUserPassword = (id: string, newPassword: string) => api.post<UserView>(`/api/users/${id}/password`, { newPassword });
export const unlockUser = (id: string) => api.post<UserView>(`/api/users/${id}/unlock`);
export const fetchBindingOptions = (kind: BindingKind, q: string) => api.get<BindingOption[]>('/api/users/binding-options', { kind, q });
