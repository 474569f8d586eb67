import type { Role } from './roles';

/** Every permission a route may demand. Record scoping (which rows) is decided in the queries, not here. */
export const permissions = [
  'home.read',
  'users.read',
  'users.manage',
  'users.manageAdmins',
  /** Approve or turn down a change to an admin account (三权分立: the other two admin roles). */
  'adminRequests.decide',
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
  'notifications.read',
  'policies.read',
  'policies.manage',
  'policies.simulate',
  'applications.read',
  'applications.submit',
  'applications.review',
  'ledger.read',
  'ledger.manage',
  'entitlements.decline',
  /** Keep the working-day calendar's overrides (holidays, 调休) and see the daily jobs' runs. */
  'calendar.manage',
  /** Show one's own talent card (人才卡) and its QR code. */
  'talentCard.show',
  /** Check a card's code at a service point (绿色通道). */
  'talentCard.verify',
  /** The zone's cards: read the list and the privileges. */
  'talentCard.read',
  /** Issue and revoke cards, set each tier's privileges. */
  'talentCard.manage',
  /** 待办 / 已办: the cases of every type waiting for the user's unit, and those they handled. */
  'cases.inbox',
  /** 我的办件: the requester's cases of every type. */
  'cases.mine',
  'serviceRequests.read',
  /** Raise a service request (诉求) online, for oneself or one's enterprise. */
  'serviceRequests.submit',
  /** Record a service request at the window on someone's behalf (代办). */
  'serviceRequests.record',
  /** Handle (办结, 退回补正, 不予受理) a request routed to one's unit; the office also reassigns and acts for a unit. */
  'serviceRequests.handle',
  /** Edit the categories' routing rules (unit, time limit). */
  'serviceRequests.route',
  /** Retention (留才): leader–talent pairs, read (a leader their own pairs, the office all) and kept (the office). */
  'liaison.read',
  'liaison.manage',
  /** Log a visit, symposium, 联谊 or call of a pair (its leader, or the office). */
  'liaison.contact',
  /** Departures (人才外流) and the inflow/outflow report; an enterprise its own staff's only. */
  'departures.read',
  'departures.record',
  /** The early warning: risk scores with their reasons, a talent's history; the office also tunes weights, routes visit tasks and runs the back-test. */
  'retention.read',
  'retention.manage',
] as const;
export type Permission = (typeof permissions)[number];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  talent: [
    'home.read', 'reference.read', 'talents.read', 'talents.write', 'notifications.read',
    'policies.read', 'applications.read', 'applications.submit', 'ledger.read', 'entitlements.decline', 'talentCard.show',
    'cases.mine', 'serviceRequests.read', 'serviceRequests.submit',
  ],
  enterprise: [
    'home.read', 'organisations.read', 'units.read', 'reference.read',
    'talents.read', 'talents.create', 'talents.write', 'talents.export',
    'enterprises.read', 'enterprises.write', 'notifications.read',
    'policies.read', 'applications.read', 'applications.submit', 'ledger.read', 'entitlements.decline',
    'cases.mine', 'serviceRequests.read', 'serviceRequests.submit',
    'departures.read',
  ],
  department: [
    'home.read', 'organisations.read', 'units.read', 'reference.read', 'talents.read', 'talents.export', 'enterprises.read', 'notifications.read',
    'policies.read', 'applications.read', 'applications.review', 'ledger.read', 'talentCard.verify',
    'cases.inbox', 'serviceRequests.read', 'serviceRequests.record', 'serviceRequests.handle',
  ],
  office: [
    'home.read', 'organisations.read', 'units.read', 'reference.read', 'reference.write',
    'talents.read', 'talents.create', 'talents.write', 'talents.reveal', 'talents.verify', 'talents.auditTrail', 'talents.export', 'talents.import',
    'enterprises.read', 'enterprises.create', 'enterprises.write', 'notifications.read',
    'policies.read', 'policies.manage', 'policies.simulate', 'applications.read', 'applications.review', 'ledger.read', 'ledger.manage',
    'calendar.manage',
    'talentCard.verify', 'talentCard.read', 'talentCard.manage',
    'cases.inbox', 'serviceRequests.read', 'serviceRequests.record', 'serviceRequests.handle', 'serviceRequests.route',
    'liaison.read', 'liaison.manage', 'liaison.contact', 'departures.read', 'departures.record', 'retention.read', 'retention.manage',
  ],
  leader: [
    'home.read', 'organisations.read', 'units.read', 'reference.read', 'talents.read', 'talents.export', 'enterprises.read', 'notifications.read',
    'policies.read', 'applications.read', 'ledger.read', 'talentCard.read', 'serviceRequests.read',
    'liaison.read', 'liaison.contact', 'departures.read', 'retention.read',
  ],
  sysadmin: ['home.read', 'users.read', 'users.manage', 'adminRequests.decide', 'organisations.read', 'units.read', 'notifications.read'],
  secadmin: ['home.read', 'users.read', 'users.manageAdmins', 'adminRequests.decide', 'notifications.read'],
  auditor: ['home.read', 'audit.read', 'adminRequests.decide', 'notifications.read'],
};

/** The first of the user's roles that grants the permission (recorded in the audit log as the acting role), or null. */
export function grantingRole(roles: readonly Role[], permission: Permission): Role | null {
  return roles.find((role) => rolePermissions[role].includes(permission)) ?? null;
}

export const can = (roles: readonly Role[], permission: Permission): boolean => grantingRole(roles, permission) !== null;
