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
  /** 后备人才库: the pools and the memberships one may see (a unit or an enterprise: its own nominations). */
  'pools.read',
  /** Nominate a talent into a pool open to one's kind of organisation (an enterprise: its own staff). */
  'pools.nominate',
  /** Keep the pools and decide on members: admit, decline, use, yearly review, exit. */
  'pools.manage',
  /** The unit performance table of service requests (a unit's staff: their own unit's row). */
  'serviceRequests.performance',
  /** Talent apartments (人才公寓): read the inventory, applications, waiting list and leases (a department: the housing unit only). */
  'apartments.read',
  /** Manage buildings and units, decide applications, allocate, move in, renew, move out (the office and the housing unit U10). */
  'apartments.manage',
  /** Apply for an apartment and follow one's application, waiting-list position and lease (a talent). */
  'apartments.apply',
  /** Start-up guaranteed loans (创业担保贷款): read the loans in one's scope; apply (a talent, an enterprise); handle a stage routed to one's unit; the zone's totals. */
  'loans.read',
  'loans.apply',
  'loans.handle',
  'loans.totals',
  /** 职称评聘: the rounds and the declarations in one's scope (an enterprise its own), with the rounds' figures. */
  'titles.read',
  /** Declare one's staff as candidates in a round, correct and resubmit a returned declaration. */
  'titles.declare',
  /** Run the rounds: create and change them, check declarations, record the group's results, objections, final results. */
  'titles.manage',
  /** Score a declaration as a round's expert (the office also records a named expert's score). */
  'titles.score',
  /** Talent demand (岗位需求): read (enterprise HR its own), post and fill (enterprise HR its own, the office any). */
  'demands.read',
  'demands.write',
  /** Suggested candidates for a demand (talents of the registry, masked). */
  'demands.match',
  /** Recruitment campaigns (引才): read; create, run the stages, hire (the office). */
  'campaigns.read',
  'campaigns.manage',
  /** Market-hired executives (市场化选聘): read (enterprise HR its own); appraisals and terms (the office). */
  'executives.read',
  'executives.manage',
  // skills training and 揭榜挂帅 (modules/training, modules/challenges)
  /** Read training orders and classes (an enterprise: its own). */
  'training.read',
  /** File a skill order (an enterprise for itself; the office for any enterprise). */
  'training.order',
  /** Match providers, open classes, enrol trainees, record attendance, assessment, certificates and placements. */
  'training.manage',
  /** Read challenges (an enterprise: those it posted; a reviewer: those it was appointed to). */
  'challenges.read',
  /** Post a challenge (an enterprise for itself, the office for the zone). */
  'challenges.post',
  /** Appoint reviewers, award a proposal, keep milestones. */
  'challenges.manage',
  /** See the open challenges and submit a team's proposal; see one's own proposals. */
  'challenges.propose',
  /** Score the proposals of a challenge one was appointed to review. */
  'challenges.review',
  /** Flexible talent (柔性引才) and the think tank: investment projects, resident teams, experts, 问诊把脉. */
  'flexibleTalent.read',
  'flexibleTalent.manage',
  /** University cooperation and platforms (scoped: an enterprise reads its own bases, interns, transfers, tenancy). */
  'cooperation.read',
  'cooperation.manage',
  /** Record interns on a base and their conversion into hires (enterprise HR: its own bases). */
  'internships.record',
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
  /** 协同用才: joint tasks across units — read (a unit: the tasks it owns or helps on; the office and leaders all). */
  'jointTasks.read',
  /** Raise a joint task, add progress notes, report a helper's part, close or cancel it (the unit's own; the office any). */
  'jointTasks.work',
  /** 政企对接: the government–enterprise board of open calls relevant to an enterprise (HR its own; the office any). */
  'board.read',
  /** 评选: the calls, and the nominations one may see (an enterprise or a unit: its own; an expert: those of its panels). */
  'selections.read',
  /** Nominate a talent for a selection (an enterprise: its own staff). */
  'selections.nominate',
  /** Keep the calls and their panels, check eligibility, move a selection on, record objections. */
  'selections.manage',
  /** Score nominations as a member of a selection's expert panel. */
  'selections.score',
  /** The zone dashboard (工作台 figures, 数据大屏, monthly/quarterly report); an enterprise its own figures only. The office sets the year's plans. */
  'dashboard.read',
  'dashboard.plan',
  /** The talent map and the industry map with the shortage index (an enterprise: its own figures). */
  'analytics.read',
] as const;
export type Permission = (typeof permissions)[number];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  talent: [
    'home.read', 'reference.read', 'talents.read', 'talents.write', 'notifications.read',
    'policies.read', 'applications.read', 'applications.submit', 'ledger.read', 'entitlements.decline', 'talentCard.show',
    'cases.mine', 'serviceRequests.read', 'serviceRequests.submit',
    'apartments.apply',
    'loans.read', 'loans.apply',
    'challenges.read', 'challenges.propose', 'challenges.review',
  ],
  enterprise: [
    'home.read', 'organisations.read', 'units.read', 'reference.read',
    'talents.read', 'talents.create', 'talents.write', 'talents.export',
    'enterprises.read', 'enterprises.write', 'notifications.read',
    'policies.read', 'applications.read', 'applications.submit', 'ledger.read', 'entitlements.decline',
    'cases.mine', 'serviceRequests.read', 'serviceRequests.submit',
    'pools.read', 'pools.nominate',
    'loans.read', 'loans.apply',
    'titles.read', 'titles.declare',
    'demands.read', 'demands.write', 'executives.read',
    'training.read', 'training.order', 'challenges.read', 'challenges.post', 'challenges.propose', 'challenges.review',
    'cooperation.read', 'internships.record',
    'departures.read',
    'board.read',
    'selections.read', 'selections.nominate',
    'dashboard.read',
    'analytics.read',
  ],
  department: [
    'home.read', 'organisations.read', 'units.read', 'reference.read', 'talents.read', 'talents.export', 'enterprises.read', 'notifications.read',
    'policies.read', 'applications.read', 'applications.review', 'ledger.read', 'talentCard.verify',
    'cases.inbox', 'serviceRequests.read', 'serviceRequests.record', 'serviceRequests.handle',
    'pools.read', 'pools.nominate',
    'serviceRequests.performance',
    'apartments.read', 'apartments.manage',
    'loans.read', 'loans.handle',
    'titles.read', 'titles.score',
    'demands.read', 'campaigns.read',
    'training.read', 'challenges.read', 'challenges.review',
    'flexibleTalent.read', 'cooperation.read',
    'jointTasks.read', 'jointTasks.work',
    'selections.read', 'selections.nominate', 'selections.score',
  ],
  office: [
    'home.read', 'organisations.read', 'units.read', 'reference.read', 'reference.write',
    'talents.read', 'talents.create', 'talents.write', 'talents.reveal', 'talents.verify', 'talents.auditTrail', 'talents.export', 'talents.import',
    'enterprises.read', 'enterprises.create', 'enterprises.write', 'notifications.read',
    'policies.read', 'policies.manage', 'policies.simulate', 'applications.read', 'applications.review', 'ledger.read', 'ledger.manage',
    'calendar.manage',
    'talentCard.verify', 'talentCard.read', 'talentCard.manage',
    'cases.inbox', 'serviceRequests.read', 'serviceRequests.record', 'serviceRequests.handle', 'serviceRequests.route',
    'pools.read', 'pools.nominate', 'pools.manage',
    'serviceRequests.performance',
    'apartments.read', 'apartments.manage',
    'loans.read', 'loans.handle', 'loans.totals',
    'titles.read', 'titles.manage', 'titles.score',
    'demands.read', 'demands.write', 'demands.match', 'campaigns.read', 'campaigns.manage', 'executives.read', 'executives.manage',
    'training.read', 'training.order', 'training.manage', 'challenges.read', 'challenges.post', 'challenges.manage', 'challenges.review',
    'flexibleTalent.read', 'flexibleTalent.manage', 'cooperation.read', 'cooperation.manage', 'internships.record',
    'liaison.read', 'liaison.manage', 'liaison.contact', 'departures.read', 'departures.record', 'retention.read', 'retention.manage',
    'jointTasks.read', 'jointTasks.work', 'board.read',
    'selections.read', 'selections.manage', 'selections.score',
    'dashboard.read', 'dashboard.plan',
    'analytics.read',
  ],
  leader: [
    'home.read', 'organisations.read', 'units.read', 'reference.read', 'talents.read', 'talents.export', 'enterprises.read', 'notifications.read',
    'policies.read', 'applications.read', 'ledger.read', 'talentCard.read', 'serviceRequests.read', 'pools.read',
    'serviceRequests.performance',
    'apartments.read',
    'loans.read', 'loans.totals',
    'titles.read',
    'demands.read', 'demands.match', 'campaigns.read', 'executives.read',
    'training.read', 'challenges.read',
    'flexibleTalent.read', 'cooperation.read',
    'liaison.read', 'liaison.contact', 'departures.read', 'retention.read',
    'jointTasks.read',
    'selections.read',
    'dashboard.read',
    'analytics.read',
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
