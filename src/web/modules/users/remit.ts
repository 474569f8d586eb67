import { adminRoles, businessRoles, isAdminRole, type Role } from '../../../domain/roles';

/**
 * 三权分立: the system administrator manages accounts with business roles, the security administrator accounts with
 * an admin role. The server enforces it; the screen only offers what the server would accept.
 */
export function grantableRoles(actorRoles: readonly Role[]): readonly Role[] {
  const roles: Role[] = [];
  if (actorRoles.includes('sysadmin')) roles.push(...businessRoles);
  if (actorRoles.includes('secadmin')) roles.push(...adminRoles);
  return roles;
}

export function canManage(actorRoles: readonly Role[], accountRoles: readonly Role[]): boolean {
  const adminAccount = accountRoles.some(isAdminRole);
  return adminAccount ? actorRoles.includes('secadmin') : actorRoles.includes('sysadmin');
}
