/**
 * Roles and the separation of the three admin duties (三权分立).
 * A user holds any number of business roles, or exactly one admin role — never both kinds.
 */
export const businessRoles = ['talent', 'enterprise', 'department', 'office', 'leader'] as const;
export const adminRoles = ['sysadmin', 'secadmin', 'auditor'] as const;
export const allRoles = [...businessRoles, ...adminRoles] as const;

export type BusinessRole = (typeof businessRoles)[number];
export type AdminRole = (typeof adminRoles)[number];
export type Role = (typeof allRoles)[number];

export const isAdminRole = (role: Role): role is AdminRole => (adminRoles as readonly string[]).includes(role);

/** The record a role is bound to: a talent account is one talent, an HR account one enterprise, a department account one unit. */
export type BindingKind = 'talent' | 'organisation' | 'unit';
export const roleBinding: Partial<Record<Role, BindingKind>> = {
  talent: 'talent',
  enterprise: 'organisation',
  department: 'unit',
};

export type RoleSetProblem = 'empty' | 'adminMixed' | 'duplicate';

/** Checks a set of roles against the 三权分立 rule; returns the first problem or null. */
export function checkRoleSet(roles: readonly Role[]): RoleSetProblem | null {
  if (roles.length === 0) return 'empty';
  if (new Set(roles).size !== roles.length) return 'duplicate';
  const admins = roles.filter(isAdminRole);
  if (admins.length > 0 && roles.length > 1) return 'adminMixed';
  return null;
}
