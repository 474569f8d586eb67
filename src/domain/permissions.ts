import type { Role } from './roles';

/** Every permission a route may demand. Record scoping (which rows) is decided in the queries, not here. */
export const permissions = [
  'home.read',
  'users.read',
  'users.manage',
  'users.manageAdmins',
  'audit.read',
  'organisations.read',
  'units.read',
  'reference.read',
  'reference.write',
  'talents.read',
  'talents.create',
  'talents.write',
  'talents.reveal',
  'talents.verify',
  'talents.auditTrail',
  'talents.export',
  'talents.import',
  'enterprises.read',
  'enterprises.create',
  'enterprises.write',
] as const;
export type Permission = (typeof permissions)[number];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  talent: ['home.read', 'reference.read', 'talents.read', 'talents.write'],
  enterprise: [
    'home.read', 'organisations.read', 'units.read', 'reference.read',
    'talents.read', 'talents.create', 'talents.write', 'talents.export',
    'enterprises.read', 'enterprises.write',
  ],
  department: ['home.read', 'organisations.read', 'units.read', 'reference.read', 'talents.read', 'talents.export', 'enterprises.read'],
  office: [
    'home.read', 'organisations.read', 'units.read', 'reference.read', 'reference.write',
    'talents.read', 'talents.create', 'talents.write', 'talents.reveal', 'talents.verify', 'talents.auditTrail', 'talents.export', 'talents.import',
    'enterprises.read', 'enterprises.create', 'enterprises.write',
  ],
  leader: ['home.read', 'organisations.read', 'units.read', 'reference.read', 'talents.read', 'talents.export', 'enterprises.read'],
  sysadmin: ['home.read', 'users.read', 'users.manage', 'organisations.read', 'units.read'],
  secadmin: ['home.read', 'users.read', 'users.manageAdmins'],
  auditor: ['home.read', 'audit.read'],
};

/** The first of the user's roles that grants the permission (recorded in the audit log as the acting role), or null. */
export function grantingRole(roles: readonly Role[], permission: Permission): Role | null {
  return roles.find((role) => rolePermissions[role].includes(permission)) ?? null;
}

export const can = (roles: readonly Role[], permission: Permission): boolean => grantingRole(roles, permission) !== null;
