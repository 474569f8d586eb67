import { eq, sql } from 'drizzle-orm';
import { talents } from './db/schema';
import { systemActor } from './plugins/auth';
import { issueCard } from './modules/talent-card/talent-card.service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoles, type Role } from '../domain/roles';
import { buildOrganisation, buildTalent, buildUser, factoryPassword, uniqueIdNumber, uniqueSuffix, type BuiltUser } from './test/factories';
import { createTestApp, type Agent, type TestApp } from './test/harness';
import { enterpriseBody } from './modules/enterprises/enterprises.fixtures';
import { headersOf, rowOf, uploadImport, workbookBytes } from './modules/imports/imports.fixtures';
import { xlsxMediaType } from './modules/imports/imports.workbook';

/**
 * Every route × every role, plus anonymous callers, with the status each must get. Each request is valid, so the
 * status shows the authorization decision, not validation. A route without a row fails the first test: add it here.
 */
type Caller = Role | 'anonymous';
const callers: Caller[] = ['anonymous', ...allRoles];

/** A talent a request names, with its ID number in clear (a PUT sends the whole record). */
type TalentTarget = { id: string; name: string; idNumber: string };
type Context = {
  users: Record<Role, BuiltUser>;
  businessTarget: BuiltUser;
  adminTarget: BuiltUser;
  /** self: the talent account's own record; staff: employed by the enterprise account's organisation; other: anyone's;
   * toVerify: only the verify row changes it (each PUT row's target is changed by that row alone, so version 1 holds). */
  talents: Record<'self' | 'staff' | 'other' | 'toVerify', TalentTarget>;
};
type Request = { url?: string; body?: unknown; query?: Record<string, string>; headers?: Record<string, string> };
const authorizationSetupToken = 'authorization-table-token';

type Row = {
  expected: Record<Caller, number>;
  /** The request to send for this caller (default: the route's URL, no body). */
  request?: (caller: Caller, context: Context) => Request;
  /** Use a fresh client (and account) for each request: the route starts or ends a session or changes the password. */
  fresh?: boolean;
};

/** The status for everyone, signed in or not. */
const everyone = (status: number) => Object.fromEntries(callers.map((caller) => [caller, status])) as Record<Caller, number>;
/** `status` for the listed roles, 403 for the other roles, 401 without a session. */
const only = (status: number, roles: readonly Role[]) =>
  Object.fromEntries(callers.map((caller) => [caller, caller === 'anonymous' ? 401 : roles.includes(caller) ? status : 403])) as Record<Caller, number>;
const signedIn = (status: number) => only(status, allRoles);

const zoneReaders: Role[] = ['enterprise', 'department', 'office', 'leader', 'sysadmin'];
/** The account a caller may manage: the security administrator admin accounts, everyone else (if at all) business accounts. */
const targetFor = (caller: Caller, context: Context) => (caller === 'secadmin' ? context.adminTarget : context.businessTarget);

/** Business roles: they read the talent registry and the reference data. */
const talentReaders: Role[] = ['talent', 'enterprise', 'department', 'office', 'leader'];
/**
 * A talent in the caller's record scope (its own record for a talent, its staff for enterprise HR), so the status is the
 * permission's decision; a record outside the scope answers 404, which talents.test.ts covers.
 */
const talentFor = (caller: Caller, { talents }: Context) => (caller === 'talent' ? talents.self : caller === 'enterprise' ? talents.staff : talents.other);
const talentUrl = (caller: Caller, context: Context, rest = '') => `/api/talents/${talentFor(caller, context).id}${rest}`;

/** Business roles that read the enterprise registry and export talent lists (not a talent). */
const enterpriseReaders: Role[] = ['enterprise', 'department', 'office', 'leader'];

export const authorizationTable: Record<string, Row> = {
  'GET /api/health': { expected: everyone(200) },
  'GET /api/openapi.json': { expected: everyone(200) },
  'GET /api/setup': { expected: everyone(200) },
  // public (guarded by the set-up token printed at start-up); with the right token on a database that has its admins,
  // 409 shows every caller got past access control
  'POST /api/setup': {
    expected: everyone(409),
    request: () => {
      const account = (name: string) => ({ username: `${name}_${uniqueSuffix()}`, displayName: name, password: 'Setup#Pass2026' });
      return { body: { setupToken: authorizationSetupToken, sysadmin: account('sys'), secadmin: account('sec'), auditor: account('aud') } };
    },
  },
  'POST /api/auth/login': {
    expected: everyone(200),
    fresh: true,
    request: (caller, { users }) => {
      const user = users[caller === 'anonymous' ? 'office' : caller];
      return { body: { username: user.username, password: factoryPassword } };
    },
  },
  'POST /api/auth/logout': { expected: signedIn(204), fresh: true },
  'GET /api/auth/me': { expected: signedIn(200) },
  // public second step of a sign-in: without a live challenge token everyone gets 400
  'POST /api/auth/login/second-factor': { expected: everyone(400), request: () => ({ body: { challengeToken: 'no-such-challenge', code: '123456' } }) },
  'GET /api/auth/captcha': { expected: everyone(200) },
  'GET /api/auth/second-factor': { expected: signedIn(200) },
  // administrators are enrolled already (409); the others may start, and a wrong first code is a 400
  'POST /api/auth/second-factor/enrolment': { expected: { ...signedIn(200), sysadmin: 409, secadmin: 409, auditor: 409 } },
  'POST /api/auth/second-factor/confirmation': { expected: { ...signedIn(400), sysadmin: 409, secadmin: 409, auditor: 409 }, request: () => ({ body: { code: '000000' } }) },
  // administrators must keep it (409)
  'DELETE /api/auth/second-factor': { expected: { ...signedIn(204), sysadmin: 409, secadmin: 409, auditor: 409 }, fresh: true, request: () => ({ body: { password: factoryPassword } }) },
  'POST /api/auth/password': { expected: signedIn(200), fresh: true, request: () => ({ body: { currentPassword: factoryPassword, newPassword: 'Changed#Pass2026' } }) },
  'GET /api/home': { expected: signedIn(200) },
  'GET /api/users': { expected: only(200, ['sysadmin', 'secadmin']) },
  // an account with an admin role, and a reset of an admin account, are requests for the two other administrators (202)
  'POST /api/users': {
    expected: { ...only(201, ['sysadmin']), secadmin: 202 },
    request: (caller) => ({
      body: { username: `authz_${uniqueSuffix()}`, displayName: '授权测试', roles: caller === 'secadmin' ? ['auditor'] : ['office'] },
    }),
  },
  'PATCH /api/users/:id': {
    expected: only(200, ['sysadmin', 'secadmin']),
    request: (caller, context) => ({ url: `/api/users/${targetFor(caller, context).id}`, body: { displayName: `改名 ${uniqueSuffix()}` } }),
  },
  'POST /api/users/:id/password': {
    expected: { ...only(200, ['sysadmin']), secadmin: 202 },
    request: (caller, context) => ({ url: `/api/users/${targetFor(caller, context).id}/password` }),
  },
  // each approver acts on a request of its own, filed by the security administrator, who cannot approve its own
  'GET /api/admin-requests': { expected: only(200, ['sysadmin', 'secadmin', 'auditor']) },
  'POST /api/admin-requests/:id/approval': {
    expected: { ...only(200, ['sysadmin', 'auditor']), secadmin: 409 },
    request: (caller) => ({ url: `/api/admin-requests/${adminRequestFixtures.approve[caller] ?? adminRequestFixtures.approve.sysadmin}/approval` }),
  },
  // the requester withdraws its own request
  'POST /api/admin-requests/:id/rejection': {
    expected: only(200, ['sysadmin', 'secadmin', 'auditor']),
    request: (caller) => ({ url: `/api/admin-requests/${adminRequestFixtures.reject[caller] ?? adminRequestFixtures.reject.sysadmin}/rejection` }),
  },
  'GET /api/users/binding-options': { expected: only(200, ['sysadmin']), request: () => ({ query: { kind: 'talent' } }) },
  'GET /api/audit': { expected: only(200, ['auditor']) },
  'GET /api/audit/verify': { expected: only(200, ['auditor']) },
  'GET /api/organisations': { expected: only(200, zoneReaders) },
  'GET /api/units': { expected: only(200, zoneReaders) },
  'GET /api/talents': { expected: only(200, talentReaders) },
  'POST /api/talents': {
    expected: only(201, ['enterprise', 'office']),
    request: () => ({ body: { name: `授权测试${uniqueSuffix()}`, idNumber: uniqueIdNumber(), arrivalRoute: 'marketHire' } }),
  },
  'GET /api/talents/:id': { expected: only(200, talentReaders), request: (caller, context) => ({ url: talentUrl(caller, context) }) },
  'PUT /api/talents/:id': {
    expected: only(200, ['talent', 'enterprise', 'office']),
    request: (caller, context) => {
      const { name, idNumber } = talentFor(caller, context);
      return { url: talentUrl(caller, context), body: { name, idNumber, arrivalRoute: 'marketHire', post: `岗位${uniqueSuffix()}`, version: 1 } };
    },
  },
  'POST /api/talents/:id/reveal': { expected: only(200, ['office']), request: (caller, context) => ({ url: talentUrl(caller, context, '/reveal'), body: { reason: '授权测试' } }) },
  'POST /api/talents/:id/verify': {
    expected: only(200, ['office']),
    request: (caller, context) => ({ url: `/api/talents/${caller === 'office' ? context.talents.toVerify.id : talentFor(caller, context).id}/verify`, body: { fields: ['name'] } }),
  },
  'GET /api/talents/:id/audit': { expected: only(200, ['office']), request: (caller, context) => ({ url: talentUrl(caller, context, '/audit') }) },
  'GET /api/reference': { expected: only(200, talentReaders) },
  'PUT /api/reference/industries/:code': {
    expected: only(200, ['office']),
    request: () => ({ url: `/api/reference/industries/authz${uniqueSuffix()}`, body: { name: '授权测试', nameEn: 'Authorization test' } }),
  },
  // the working-day calendar: everyone signed in reads how days count; the office keeps the overrides
  'GET /api/calendar/days': { expected: signedIn(200), request: () => ({ query: { from: '2026-09-28', to: '2026-10-11' } }) },
  'GET /api/calendar/overrides': { expected: only(200, ['office']), request: () => ({ query: { year: '2026' } }) },
  'PUT /api/calendar/overrides/:date': { expected: only(200, ['office']), request: () => ({ url: '/api/calendar/overrides/2035-05-07', body: { kind: 'holiday', name: '授权测试' } }) },
  // no override on that day: the office gets past access control to a 404
  'DELETE /api/calendar/overrides/:date': { expected: only(404, ['office']), request: () => ({ url: '/api/calendar/overrides/2035-06-12' }) },
  'GET /api/calendar/job-runs': { expected: only(200, ['office']) },
  'GET /api/enterprises': { expected: only(200, enterpriseReaders) },
  'GET /api/enterprises/:id': { expected: only(200, enterpriseReaders), request: (_caller, { users }) => ({ url: `/api/enterprises/${users.enterprise.organisationId}` }) },
  'POST /api/enterprises': { expected: only(201, ['office']), request: () => ({ body: enterpriseBody() }) },
  // each writer changes its own target once, at version 1: enterprise HR its own enterprise, the office another one
  'PUT /api/enterprises/:id': {
    expected: only(200, ['enterprise', 'office']),
    request: (caller, { users }) => ({
      url: `/api/enterprises/${caller === 'office' ? importFixtures.officeEnterprise : users.enterprise.organisationId}`,
      body: { ...enterpriseBody(), version: 1 },
    }),
  },
  'GET /api/imports/templates/:kind': { expected: only(200, ['office']), request: () => ({ url: '/api/imports/templates/talents' }) },
  'POST /api/imports/:kind': {
    expected: only(201, ['office']),
    request: () => ({ url: '/api/imports/talents', body: importFixtures.workbook, headers: { 'content-type': xlsxMediaType } }),
  },
  'GET /api/imports/:id': { expected: only(200, ['office']), request: () => ({ url: `/api/imports/${importFixtures.previewed}` }) },
  'POST /api/imports/:id/commit': { expected: only(202, ['office']), request: () => ({ url: `/api/imports/${importFixtures.toCommit}/commit`, body: { mode: 'allOrNothing' } }) },
  'GET /api/talents/export': { expected: only(200, enterpriseReaders) },
  // ——— policies (fixtures: policyFixtures below) ———
  'GET /api/policies': { expected: only(200, talentReaders) },
  'GET /api/policies/:id': { expected: only(200, talentReaders), request: () => ({ url: `/api/policies/${policyFixtures.applyPolicy}` }) },
  'POST /api/policies': { expected: only(201, ['office']), request: () => ({ body: policyBody(policyFixtures.unitCode) }) },
  'PUT /api/policies/:id': {
    expected: only(200, ['office']),
    request: () => ({ url: `/api/policies/${policyFixtures.draftPolicy}`, body: { ...policyBody(policyFixtures.unitCode).policy, code: policyFixtures.draftCode, title: `改名${uniqueSuffix()}`, version: 1 } }),
  },
  'PUT /api/policies/:id/draft': { expected: only(200, ['office']), request: () => ({ url: `/api/policies/${policyFixtures.draftPolicy}/draft`, body: policyBody(policyFixtures.unitCode).version }) },
  'POST /api/policies/:id/publish': { expected: only(200, ['office']), request: () => ({ url: `/api/policies/${policyFixtures.draftPolicy}/publish` }) },
  'POST /api/policies/:id/retire': { expected: only(200, ['office']), request: () => ({ url: `/api/policies/${policyFixtures.retirePolicy}/retire` }) },
  'POST /api/policies/:id/parameters': {
    expected: only(200, ['office']),
    request: () => ({ url: `/api/policies/${policyFixtures.applyPolicy}/parameters`, body: { name: `p${uniqueSuffix()}`, label: '授权测试', kind: 'number', value: 1, effectiveFrom: '2026-01-01', legalReference: '授权测试' } }),
  },
  'POST /api/policies/match-count': { expected: only(200, ['office']), request: () => ({ body: { target: 'talent', eligibility: { '>=': [{ var: 'education' }, 6] } } }) },
  'POST /api/policies/:id/scan': { expected: only(200, ['office']), request: () => ({ url: `/api/policies/${policyFixtures.automaticPolicy}/scan`, body: {} }) },
  'GET /api/policies/:id/scans': { expected: only(200, ['office']), request: () => ({ url: `/api/policies/${policyFixtures.automaticPolicy}/scans` }) },
  'POST /api/policies/:id/simulations': {
    expected: only(201, ['office']),
    request: () => ({ url: `/api/policies/${policyFixtures.applyPolicy}/simulations`, body: { name: '授权测试', asOf: '2026-11-01', params: {} } }),
  },
  'GET /api/policies/:id/simulations': { expected: only(200, ['office']), request: () => ({ url: `/api/policies/${policyFixtures.applyPolicy}/simulations` }) },
  'GET /api/policies/:id/parameters-on': { expected: only(200, talentReaders), request: () => ({ url: `/api/policies/${policyFixtures.applyPolicy}/parameters-on`, query: { on: '2026-11-01' } }) },
  'GET /api/calculator': { expected: only(200, ['talent', 'enterprise']), request: (caller) => ({ query: { target: caller === 'enterprise' ? 'enterprise' : 'talent' } }) },
  'GET /api/applications': { expected: only(200, talentReaders) },
  'GET /api/applications/:id': {
    expected: only(200, talentReaders),
    request: (caller) => ({ url: `/api/applications/${caller === 'enterprise' ? policyFixtures.staffApplication : policyFixtures.ownApplication}` }),
  },
  'POST /api/applications': {
    expected: only(201, ['talent', 'enterprise']),
    request: (caller, context) => ({ body: { policyId: policyFixtures.secondPolicy, subjectId: caller === 'enterprise' ? context.talents.staff.id : undefined, form: { note: '授权测试' } } }),
  },
  // the department decides its step of one application, the office an escalated one
  'POST /api/applications/:id/review': {
    expected: only(200, ['department', 'office']),
    request: (caller) => ({
      url: `/api/applications/${caller === 'office' ? policyFixtures.escalatedApplication : policyFixtures.reviewApplication}/review`,
      body: { decision: 'approve', version: 1 },
    }),
  },
  // own and staff applications were returned for correction (version 2): resubmitted (→ 3), then withdrawn
  'POST /api/applications/:id/resubmit': {
    expected: only(200, ['talent', 'enterprise']),
    request: (caller) => ({ url: `/api/applications/${caller === 'enterprise' ? policyFixtures.staffApplication : policyFixtures.ownApplication}/resubmit`, body: { form: { note: '补正' }, version: 2 } }),
  },
  'POST /api/applications/:id/withdraw': {
    expected: only(200, ['talent', 'enterprise']),
    request: (caller) => ({ url: `/api/applications/${caller === 'enterprise' ? policyFixtures.staffApplication : policyFixtures.ownApplication}/withdraw`, body: { version: 3 } }),
  },
  // staff recording a service request at the window (代办) upload its files too
  'POST /api/attachments': {
    expected: only(201, ['talent', 'enterprise', 'department', 'office']),
    request: () => ({ body: samplePdf, query: { requirement: 'diploma', fileName: '证书.pdf' }, headers: { 'content-type': 'application/pdf' } }),
  },
  'GET /api/attachments/:id': {
    expected: only(200, talentReaders),
    request: (caller) => ({ url: `/api/attachments/${caller === 'enterprise' ? policyFixtures.staffAttachment : policyFixtures.ownAttachment}` }),
  },
  'GET /api/entitlements': { expected: only(200, talentReaders) },
  'POST /api/entitlements/confirm': { expected: only(200, ['office']), request: () => ({ body: { ids: [policyFixtures.unusedId] } }) },
  'POST /api/entitlements/:id/decline': {
    expected: only(200, ['talent', 'enterprise']),
    request: (caller) => ({ url: `/api/entitlements/${caller === 'enterprise' ? policyFixtures.enterpriseEntitlement : policyFixtures.talentEntitlement}/decline` }),
  },
  'GET /api/batches': { expected: only(200, ['office']) },
  'POST /api/policies/:id/batches': {
    expected: only(200, ['office']),
    request: () => ({ url: `/api/policies/${policyFixtures.secondPolicy}/batches`, body: { period: '2026-01' }, headers: { 'idempotency-key': `authz-${uniqueSuffix()}` } }),
  },
  'GET /api/batches/:id': { expected: only(200, ['office']), request: () => ({ url: `/api/batches/${policyFixtures.batch}` }) },
  'GET /api/batches/:id/export': { expected: only(200, ['office']), request: () => ({ url: `/api/batches/${policyFixtures.batch}/export` }) },
  'POST /api/batches/:id/payments': {
    expected: only(200, ['office']),
    request: () => ({
      url: `/api/batches/${policyFixtures.batch}/payments`,
      body: { results: [{ entitlementId: policyFixtures.batchEntitlement, status: 'paid' }] },
      headers: { 'idempotency-key': `authz-settle-${uniqueSuffix()}` },
    }),
  },
  'GET /api/notifications': { expected: signedIn(200) },
  'POST /api/notifications/:id/read': { expected: signedIn(200), request: (caller) => ({ url: `/api/notifications/${policyFixtures.notifications[caller] ?? policyFixtures.unusedId}/read` }) },
  'POST /api/notifications/read-all': { expected: signedIn(200) },
  'GET /api/talent-card': { expected: only(200, ['talent']) },
  // a code that names no card: the check answers 200 `invalid` (and logs it) to the roles that may check
  'POST /api/talent-card/checks': { expected: only(200, ['department', 'office']), request: () => ({ body: { code: 'TZC1.not-a-card', servicePoint: '授权测试网点' } }) },
  'GET /api/talent-card/privileges': { expected: only(200, ['office', 'leader']) },
  'PUT /api/talent-card/privileges/:tier': {
    expected: only(200, ['office']),
    request: () => ({ url: '/api/talent-card/privileges/E', body: { privileges: [{ kind: 'transport', detail: '授权测试', detailEn: 'Authorization test' }] } }),
  },
  'GET /api/talent-cards': { expected: only(200, ['office', 'leader']) },
  'POST /api/talent-cards': { expected: only(201, ['office']), request: () => ({ body: { talentId: cardFixtures.toIssue, validUntil: cardFixtures.validUntil } }) },
  'POST /api/talent-cards/issue-all': { expected: only(200, ['office']), request: () => ({ body: { validUntil: cardFixtures.validUntil } }) },
  'POST /api/talent-cards/:id/revoke': { expected: only(200, ['office']), request: () => ({ url: `/api/talent-cards/${cardFixtures.toRevoke}/revoke`, body: { reason: '授权测试', version: 1 } }) },
  // ——— the case engine's inbox and service requests (fixtures: caseFixtures below) ———
  'GET /api/cases/inbox': { expected: only(200, ['department', 'office']), request: () => ({ query: { tab: 'todo' } }) },
  'GET /api/cases/mine': { expected: only(200, ['talent', 'enterprise']) },
  'GET /api/service-requests/categories': { expected: only(200, talentReaders) },
  'PUT /api/service-requests/categories/:code': { expected: only(200, ['office']), request: () => ({ url: '/api/service-requests/categories/finance', body: { unitCode: 'U06', workingDays: 8, version: 1 } }) },
  'GET /api/service-requests': { expected: only(200, talentReaders) },
  'GET /api/service-requests/:id': {
    expected: only(200, talentReaders),
    request: (caller) => ({ url: `/api/service-requests/${caller === 'enterprise' ? caseFixtures.enterpriseOpen : caseFixtures.talentOpen}` }),
  },
  // online for oneself (talent, enterprise); at the window for a requester (department, office)
  'POST /api/service-requests': {
    expected: only(201, ['talent', 'enterprise', 'department', 'office']),
    request: (caller, context) => ({
      body: {
        requestCategory: 'other', requestTitle: '授权测试诉求', requestText: '授权测试',
        ...(caller === 'department' || caller === 'office' ? { requesterKind: 'talent', requesterId: context.talents.other.id } : {}),
      },
    }),
  },
  // the department handles one routed to its unit; the office, not acting for an escalated one, is past access control (409)
  'POST /api/service-requests/:id/decision': {
    expected: { ...only(200, ['department']), office: 409 },
    request: (caller) => ({ url: `/api/service-requests/${caller === 'office' ? caseFixtures.toReassign : caseFixtures.toHandle}/decision`, body: { decision: 'approve', version: 1 } }),
  },
  // a requester's own returned request; staff may not resubmit what is not theirs (404)
  'POST /api/service-requests/:id/resubmit': {
    expected: { ...only(200, ['talent', 'enterprise']), department: 404, office: 404 },
    request: (caller) => ({ url: `/api/service-requests/${caller === 'enterprise' ? caseFixtures.enterpriseReturned : caseFixtures.talentReturned}/resubmit`, body: { requestText: '补正', version: 2 } }),
  },
  'POST /api/service-requests/:id/withdraw': {
    expected: { ...only(200, ['talent', 'enterprise']), department: 404, office: 404 },
    request: (caller) => ({ url: `/api/service-requests/${caller === 'enterprise' ? caseFixtures.enterpriseToWithdraw : caseFixtures.talentToWithdraw}/withdraw`, body: { version: 1 } }),
  },
  'POST /api/service-requests/:id/reassignment': {
    expected: only(200, ['office']),
    request: () => ({ url: `/api/service-requests/${caseFixtures.toReassign}/reassignment`, body: { unitCode: policyFixtures.unitCode, version: 1 } }),
  },
  // ——— retention: pairs and visits, departures, the early warning (fixtures: retentionFixtures below) ———
  'GET /api/liaison/pairs': { expected: only(200, ['office', 'leader']) },
  'GET /api/liaison/pairs/:id': { expected: only(200, ['office', 'leader']), request: () => ({ url: `/api/liaison/pairs/${retentionFixtures.pair}` }) },
  'POST /api/liaison/pairs': { expected: only(201, ['office']), request: (_caller, context) => ({ body: { leaderId: context.users.leader.id, talentId: retentionFixtures.toPair, planMonths: 3 } }) },
  'POST /api/liaison/pairs/by-tier': { expected: only(200, ['office']), request: (_caller, context) => ({ body: { tiers: ['NONE'], leaderIds: [context.users.leader.id] } }) },
  'POST /api/liaison/pairs/:id/end': { expected: only(200, ['office']), request: () => ({ url: `/api/liaison/pairs/${retentionFixtures.toEnd}/end`, body: { version: 1 } }) },
  // the leader logs on their own pair; the office on any
  'POST /api/liaison/pairs/:id/contacts': {
    expected: only(201, ['office', 'leader']),
    request: () => ({ url: `/api/liaison/pairs/${retentionFixtures.pair}/contacts`, body: { contactedOn: '2026-11-02', contactForm: 'visit', topics: '授权测试' } }),
  },
  'GET /api/liaison/leaders': { expected: only(200, ['office']) },
  'GET /api/departures': { expected: only(200, ['enterprise', 'office', 'leader']) },
  'GET /api/departures/flows': { expected: only(200, ['enterprise', 'office', 'leader']) },
  // the enterprise's own staff's departure
  'GET /api/departures/:id': { expected: only(200, ['enterprise', 'office', 'leader']), request: () => ({ url: `/api/departures/${retentionFixtures.departure}` }) },
  'POST /api/departures': {
    expected: only(201, ['office']),
    request: () => ({ body: { talentId: retentionFixtures.toDepart, leftOn: '2026-11-02', kind: 'resignation', destinationKind: 'enterprise', reasons: ['pay'] } }),
  },
  'GET /api/retention/risks': { expected: only(200, ['office', 'leader']) },
  'GET /api/retention/weights': { expected: only(200, ['office', 'leader']) },
  'PUT /api/retention/weights': { expected: only(200, ['office']), request: () => ({ body: { weights: [{ signal: 'noContact', weight: 5, threshold: 6 }], version: 1 } }) },
  'POST /api/retention/routing': { expected: only(200, ['office']) },
  'GET /api/retention/visit-outcomes': { expected: only(200, ['office', 'leader']) },
  'GET /api/retention/backtest': { expected: only(200, ['office']) },
  'GET /api/talents/:id/history': { expected: only(200, ['office', 'leader']), request: (_caller, context) => ({ url: `/api/talents/${context.talents.other.id}/history` }) },
};

/** Routes the table does not cover: Swagger UI (static files of a plugin, public by design) and non-API paths. */
const excluded = (url: string) => url.startsWith('/api/docs') || !url.startsWith('/api');

let t: TestApp;
let context: Context;
const agents = new Map<Caller, Agent>();

beforeAll(async () => {
  t = await createTestApp({ setupToken: authorizationSetupToken });
  const users = {} as Record<Role, BuiltUser>;
  for (const role of allRoles) users[role] = await buildUser(t.db, { roles: [role] });
  context = {
    users,
    businessTarget: await buildUser(t.db, { roles: ['leader'] }),
    adminTarget: await buildUser(t.db, { roles: ['auditor'] }),
    talents: {
      self: await talentTarget(users.talent.talentId!),
      staff: await talentTarget((await buildTalent(t.db, { employerId: users.enterprise.organisationId })).id),
      other: await talentTarget((await buildTalent(t.db)).id),
      toVerify: await talentTarget((await buildTalent(t.db)).id),
    },
  };
  agents.set('anonymous', t.anonymous());
  for (const role of allRoles) agents.set(role, await t.login(users[role].username, factoryPassword));
});
afterAll(async () => t?.close());

/** Requests on admin accounts (disable a fresh auditor), filed by the security administrator: one per caller that decides one. */
let adminRequestFixtures: { approve: Partial<Record<Caller, string>>; reject: Partial<Record<Caller, string>> };
beforeAll(async () => {
  const file = async () => {
    const target = await buildUser(t.db, { roles: ['auditor'] });
    const response = await agents.get('secadmin')!.patch(`/api/users/${target.id}`, { disabled: true });
    if (response.statusCode !== 202) throw new Error(`admin request: ${response.statusCode} ${response.body}`);
    return response.json().request.id as string;
  };
  adminRequestFixtures = {
    approve: { sysadmin: await file(), auditor: await file() },
    reject: { sysadmin: await file(), auditor: await file(), secadmin: await file() },
  };
});

/** What the enterprise and import rows act on: an enterprise for the office's PUT, a one-row roster and two previews of it. */
let importFixtures: { officeEnterprise: string; workbook: Buffer; previewed: string; toCommit: string };
beforeAll(async () => {
  const workbook = await workbookBytes(headersOf('talents'), [rowOf('talents', { name: `授权导入${uniqueSuffix()}`, idNumber: uniqueIdNumber(), arrivalRoute: '本土培养' })]);
  const preview = async () => (await uploadImport(agents.get('office')!, 'talents', workbook)).json().id as string;
  importFixtures = { officeEnterprise: (await buildOrganisation(t.db)).id, workbook, previewed: await preview(), toCommit: await preview() };
});

/** The talent account's own card (its talent given a tier), a tiered talent to issue a card to, and a card to revoke. */
let cardFixtures: { toIssue: string; toRevoke: string; validUntil: string };
beforeAll(async () => {
  const validUntil = `${new Date().getUTCFullYear() + 2}-12-31`;
  await t.db.update(talents).set({ tier: 'C' }).where(eq(talents.id, context.users.talent.talentId!));
  await issueCard(t.db, systemActor, { talentId: context.users.talent.talentId!, validUntil });
  const toRevoke = await issueCard(t.db, systemActor, { talentId: (await buildTalent(t.db, { tier: 'D' })).id, validUntil });
  cardFixtures = { toIssue: (await buildTalent(t.db, { tier: 'E' })).id, toRevoke: toRevoke.id, validUntil };
});

/** A pair of the leader account, one to end, a talent to pair, one to record a departure of, and a departure of the enterprise's staff. */
let retentionFixtures: { pair: string; toEnd: string; toPair: string; toDepart: string; departure: string };
beforeAll(async () => {
  const office = agents.get('office')!;
  const pairWith = async () => (await office.post('/api/liaison/pairs', { leaderId: context.users.leader.id, talentId: (await buildTalent(t.db)).id, planMonths: 3 })).json().id as string;
  const staff = await buildTalent(t.db, { employerId: context.users.enterprise.organisationId });
  const departure = await office.post('/api/departures', { talentId: staff.id, leftOn: '2026-11-01', kind: 'transfer', destinationKind: 'government', reasons: ['development'] });
  if (departure.statusCode !== 201) throw new Error(`departure: ${departure.statusCode} ${departure.body}`);
  retentionFixtures = { pair: await pairWith(), toEnd: await pairWith(), toPair: (await buildTalent(t.db)).id, toDepart: (await buildTalent(t.db)).id, departure: departure.json().id };
});

const samplePdf = Buffer.from('%PDF-1.4\n%%EOF\n');

/** A catalogue entry and first version the authorization rows can create and change: any talent is eligible. */
function policyBody(unitCode: string) {
  return {
    policy: {
      code: `AUTHZ${uniqueSuffix()}`, title: '授权测试政策', category: 'other', target: 'talent', unit: unitCode, mode: 'apply',
      budgetTotal: 1_000_000, effectiveFrom: '2026-01-01', exclusions: [],
    },
    version: { eligibility: { '==': [1, 1] }, amount: 100, periodKind: 'oneOff', periods: 1, attachments: [], steps: [{ name: '审核', units: [unitCode], mode: 'any', workingDays: 5 }] },
    parameters: [],
  };
}

/**
 * What the policy rows act on: published policies whose review step is the department account's unit; applications of
 * the talent account, of the enterprise account's staff, one for the department to review and one escalated to the
 * office; entitlements to decline; a batch to settle; a notification of each account.
 */
let policyFixtures: {
  unitCode: string; applyPolicy: string; secondPolicy: string; draftPolicy: string; draftCode: string; retirePolicy: string; automaticPolicy: string;
  ownApplication: string; staffApplication: string; reviewApplication: string; escalatedApplication: string; ownAttachment: string; staffAttachment: string;
  talentEntitlement: string; enterpriseEntitlement: string; batch: string; batchEntitlement: string; notifications: Partial<Record<Caller, string>>; unusedId: string;
};
beforeAll(async () => {
  const office = agents.get('office')!;
  const [unit] = await t.rows<{ code: string }>(sql`select code from units where id = ${context.users.department.unitId}`);
  const create = async (publish: boolean) => {
    const body = policyBody(unit.code);
    const created = (await office.post('/api/policies', body)).json();
    if (publish) await office.post(`/api/policies/${created.id}/publish`);
    return { id: created.id as string, code: body.policy.code };
  };
  const [applyPolicy, secondPolicy, draftPolicy, retirePolicy] = [await create(true), await create(true), await create(false), await create(true)];
  const [automatic] = await t.rows<{ id: string }>(sql`select id from policies where code = 'POSTDOC'`);
  const talentAgent = agents.get('talent')!;
  const enterpriseAgent = agents.get('enterprise')!;
  const uploadAs = async (agent: Agent) => (await agent.post('/api/attachments', samplePdf, { query: { requirement: 'diploma', fileName: '证书.pdf' }, headers: { 'content-type': 'application/pdf' } })).json().id as string;
  const ownAttachment = await uploadAs(talentAgent);
  const staffAttachment = await uploadAs(enterpriseAgent);
  const submit = async (agent: Agent, subjectId: string | undefined, attachmentIds: string[] = []) =>
    (await agent.post('/api/applications', { policyId: applyPolicy.id, subjectId, form: {}, attachmentIds })).json().id as string;
  const own = await submit(talentAgent, undefined, [ownAttachment]);
  const staff = await submit(enterpriseAgent, context.talents.staff.id, [staffAttachment]);
  const accountFor = async (talentId: string) => t.login((await buildUser(t.db, { roles: ['talent'], talentId })).username, factoryPassword);
  const review = await submit(await accountFor(context.talents.other.id), undefined);
  const escalated = await submit(await accountFor(context.talents.toVerify.id), undefined);
  await t.db.execute(sql`update applications set status = 'returned', version = 2 where id in (${own}, ${staff})`);
  await t.db.execute(sql`update applications set escalated_at = now() where id = ${escalated}`);
  const [version] = await t.rows<{ id: string }>(sql`select published_version_id as id from policies where id = ${secondPolicy.id}`);
  const entitlement = async (kind: string, subjectId: string, period: string, status = 'scheduled') => {
    const [row] = await t.rows<{ id: string }>(sql`insert into entitlements (id, policy_id, version_id, subject_kind, subject_id, period, amount, source, status, decision)
      values (gen_random_uuid(), ${secondPolicy.id}, ${version.id}, ${kind}, ${subjectId}, ${period}, 100, 'automatic', ${status}, '{}'::jsonb) returning id`);
    return row.id;
  };
  const talentEntitlement = await entitlement('talent', context.users.talent.talentId!, '2025-12', 'pending');
  const enterpriseEntitlement = await entitlement('enterprise', context.users.enterprise.organisationId!, '2025-12', 'pending');
  await entitlement('talent', context.talents.other.id, '2026-01');
  const batchEntitlement = await entitlement('talent', context.talents.other.id, '2026-02');
  const batch = (await office.post(`/api/policies/${secondPolicy.id}/batches`, { period: '2026-02' }, { headers: { 'idempotency-key': `authz-fixture-${uniqueSuffix()}` } })).json().id as string;
  const notifications: Partial<Record<Caller, string>> = {};
  for (const role of allRoles) {
    const [row] = await t.rows<{ id: string }>(sql`insert into notifications (id, user_id, kind, title) values (gen_random_uuid(), ${context.users[role].id}, 'test', '授权测试') returning id`);
    notifications[role] = row.id;
  }
  policyFixtures = {
    unitCode: unit.code, applyPolicy: applyPolicy.id, secondPolicy: secondPolicy.id, draftPolicy: draftPolicy.id, draftCode: draftPolicy.code, retirePolicy: retirePolicy.id,
    automaticPolicy: automatic.id, ownApplication: own, staffApplication: staff, reviewApplication: review, escalatedApplication: escalated, ownAttachment, staffAttachment,
    talentEntitlement, enterpriseEntitlement, batch, batchEntitlement, notifications, unusedId: '00000000-0000-4000-8000-000000000000',
  };
});

/**
 * What the service-request rows act on: the `other` category routed to the department account's unit; open requests
 * of the talent and the enterprise accounts (to read, to withdraw), returned ones (to resubmit), one for the department
 * to handle and one for the office to reassign.
 */
let caseFixtures: {
  talentOpen: string; enterpriseOpen: string; talentToWithdraw: string; enterpriseToWithdraw: string; talentReturned: string; enterpriseReturned: string;
  toHandle: string; toReassign: string;
};
beforeAll(async () => {
  await t.db.execute(sql`update service_request_categories set unit_code = ${policyFixtures.unitCode} where code = 'other'`);
  const raise = async (caller: 'talent' | 'enterprise') => {
    const response = await agents.get(caller)!.post('/api/service-requests', { requestCategory: 'other', requestTitle: '授权测试诉求', requestText: '授权测试' });
    if (response.statusCode !== 201) throw new Error(`service request: ${response.statusCode} ${response.body}`);
    return response.json().id as string;
  };
  caseFixtures = {
    talentOpen: await raise('talent'), enterpriseOpen: await raise('enterprise'), talentToWithdraw: await raise('talent'), enterpriseToWithdraw: await raise('enterprise'),
    talentReturned: await raise('talent'), enterpriseReturned: await raise('enterprise'), toHandle: await raise('talent'), toReassign: await raise('enterprise'),
  };
  await t.db.execute(sql`update cases set status = 'returned', version = 2 where id in (${caseFixtures.talentReturned}, ${caseFixtures.enterpriseReturned})`);
});

async function talentTarget(id: string): Promise<TalentTarget> {
  const [row] = await t.rows<{ name: string; id_number_cipher: string }>(sql`select name, id_number_cipher from talents where id = ${id}`);
  return { id, name: row.name, idNumber: t.app.secrets.decrypt(row.id_number_cipher) };
}

/** Another account with the role (and the same bindings), signed in. */
async function freshAgent(role: Role) {
  const { talentId, organisationId, unitId } = context.users[role];
  const user = await buildUser(t.db, { roles: [role], talentId, organisationId, unitId });
  return t.login(user.username, factoryPassword);
}

const routeKeys = () => [...new Set(t.routes.filter((route) => route.method !== 'HEAD' && !excluded(route.url)).map((route) => `${route.method} ${route.url}`))];

describe('authorization table', () => {
  it('has a row for every route the app registers, and no row for a route that is gone', () => {
    const routes = routeKeys();
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.filter((route) => !(route in authorizationTable)), 'routes without a row in authorizationTable').toEqual([]);
    expect(Object.keys(authorizationTable).filter((key) => !routes.includes(key)), 'rows for routes that do not exist').toEqual([]);
    // every GET route has its HEAD twin, which the rows below check too
    const heads = new Set(t.routes.filter((route) => route.method === 'HEAD').map((route) => route.url));
    expect(routes.filter((route) => route.startsWith('GET ') && !heads.has(route.slice(4)))).toEqual([]);
  });

  it.each(Object.entries(authorizationTable))('%s', async (key, row) => {
    const [method, path] = key.split(' ') as ['GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', string];
    const actual: Record<string, number> = {};
    const problems: string[] = [];
    for (const caller of callers) {
      let agent = agents.get(caller)!;
      if (row.fresh) agent = caller === 'anonymous' ? t.anonymous() : await freshAgent(caller);
      const request = row.request?.(caller, context) ?? {};
      const url = request.url ?? path;
      expect(url, 'a request builder must fill in every :param').not.toContain(':');
      const response = await agent.request(method, url, request.body, { query: request.query, headers: request.headers });
      actual[caller] = response.statusCode;
      const expected = row.expected[caller];
      if (response.statusCode !== expected) problems.push(`${caller}: ${response.statusCode} ${response.body.slice(0, 200)}`);
      if (expected === 401) expect(response.json().error.code).toBe('unauthenticated');
      if (expected === 403) expect(response.json().error.code).toBe('forbidden');
      if (method === 'GET') {
        const head = await agent.request('HEAD', url, undefined, { query: request.query });
        if (head.statusCode !== expected) problems.push(`${caller} (HEAD): ${head.statusCode}`);
      }
    }
    expect(problems, `unexpected answers for ${key}`).toEqual([]);
    expect(actual).toEqual(row.expected);
  });
});
