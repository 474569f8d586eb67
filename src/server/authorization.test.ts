import { eq, sql } from 'drizzle-orm';
import { talents } from './db/schema';
import { systemActor } from './plugins/auth';
import { issueCard } from './modules/talent-card/talent-card.service';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { allRoles, type Role } from '../domain/roles';
import { buildOrganisation, buildTalent, buildUnit, buildUser, factoryPassword, uniqueIdNumber, uniqueSuffix, type BuiltUser } from './test/factories';
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
/** Business roles that read title evaluation (the talent has no part in it). */
const titleReaders: Role[] = ['enterprise', 'department', 'office', 'leader'];
const titleRoundBody = (year: number) => ({
  year, series: 'engineering', name: `授权测试${year}`, levels: ['intermediate'], declareFrom: '2020-01-01', declareTo: '2099-12-31', publicityDays: 5,
});
/**
 * A talent in the caller's record scope (its own record for a talent, its staff for enterprise HR), so the status is the
 * permission's decision; a record outside the scope answers 404, which talents.test.ts covers.
 */
const talentFor = (caller: Caller, { talents }: Context) => (caller === 'talent' ? talents.self : caller === 'enterprise' ? talents.staff : talents.other);
/** Roles that read the flexible-talent registers, the cooperation registers, and that record interns. */
const flexibleReaders: Role[] = ['department', 'office', 'leader'];
const cooperationReaders: Role[] = ['enterprise', 'department', 'office', 'leader'];
const internshipRecorders: Role[] = ['enterprise', 'office'];
const talentUrl = (caller: Caller, context: Context, rest = '') => `/api/talents/${talentFor(caller, context).id}${rest}`;

/** Business roles that read the enterprise registry and export talent lists (not a talent). */
const enterpriseReaders: Role[] = ['enterprise', 'department', 'office', 'leader'];
/** Roles that read selections (评选). */
const selectionReaders: Role[] = ['enterprise', 'department', 'office', 'leader'];

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
  // ——— 后备人才库 (fixtures: poolFixtures below): a unit and an enterprise see their own nominations ———
  'GET /api/pools': { expected: only(200, ['enterprise', 'department', 'office', 'leader']) },
  'POST /api/pools': { expected: only(201, ['office']), request: () => ({ body: { code: `authz${uniqueSuffix()}`, name: '授权测试库', nameEn: 'Authorization pool', nominators: ['office'], reviewMonths: 12 } }) },
  'PUT /api/pools/:id': {
    expected: only(200, ['office']),
    request: () => ({ url: `/api/pools/${poolFixtures.toChange}`, body: { name: '授权测试库（改）', nameEn: 'Authorization pool', nominators: ['office'], reviewMonths: 24, version: 1 } }),
  },
  'GET /api/pools/members': { expected: only(200, ['enterprise', 'department', 'office', 'leader']) },
  'GET /api/pools/members/:id': {
    expected: only(200, ['enterprise', 'department', 'office', 'leader']),
    request: (caller) => ({ url: `/api/pools/members/${caller === 'enterprise' ? poolFixtures.enterpriseMember : poolFixtures.unitMember}` }),
  },
  // each nominator into a pool open to its kind: a unit and the office anyone, an enterprise its own staff
  'POST /api/pools/members': {
    expected: only(201, ['enterprise', 'department', 'office']),
    request: (caller, context) => ({
      body: {
        poolId: caller === 'enterprise' ? poolFixtures.enterpriseBackbone : caller === 'office' ? poolFixtures.youngCadres : poolFixtures.villageReserve,
        talentId: caller === 'enterprise' ? context.talents.staff.id : context.talents.other.id,
        reason: '授权测试推荐',
      },
    }),
  },
  'POST /api/pools/members/:id/decision': {
    expected: only(200, ['office']),
    request: () => ({ url: `/api/pools/members/${poolFixtures.toAdmit}/decision`, body: { decision: 'admit', score: 85, opinion: '考察合格', version: 1 } }),
  },
  // 联办, 好差评 and the performance table (issue 12, the rest of the service-request flow)
  'GET /api/service-requests/performance': { expected: only(200, ['department', 'office', 'leader']), request: () => ({ query: { from: '2026-01-01', to: '2026-12-31' } }) },
  // the handling unit (the department's) or the office splits its own open request
  'POST /api/service-requests/:id/subtasks': {
    expected: only(200, ['department', 'office']),
    request: (caller) => ({ url: `/api/service-requests/${caller === 'office' ? caseFixtures.toSplitOffice : caseFixtures.toSplit}/subtasks`, body: { subtasks: [{ unitCode: 'U04', task: '授权测试联办', workingDays: 3 }], version: 1 } }),
  },
  // the sub-task is the department's unit's; the office may act only once it is escalated (409)
  'POST /api/service-requests/:id/subtasks/:subtaskId/decision': {
    expected: { ...only(200, ['department']), office: 409 },
    request: () => ({ url: `/api/service-requests/${caseFixtures.withSubtask}/subtasks/${caseFixtures.subtask}/decision`, body: { decision: 'done', note: '已办' } }),
  },
  'POST /api/service-requests/:id/rating': {
    expected: only(200, ['talent', 'enterprise']),
    request: (caller) => ({ url: `/api/service-requests/${caller === 'enterprise' ? caseFixtures.enterpriseDone : caseFixtures.talentDone}/rating`, body: { score: 4, comment: '满意' } }),
  },
  'POST /api/service-requests/:id/reopen': {
    expected: only(200, ['talent', 'enterprise']),
    request: (caller) => ({ url: `/api/service-requests/${caller === 'enterprise' ? caseFixtures.enterpriseUnhappy : caseFixtures.talentUnhappy}/reopen`, body: { comment: '问题未解决', version: 2 } }),
  },
  // ——— talent apartments (fixtures: apartmentFixtures below). The department account's unit is not the housing unit
  // (U10): the inventory refuses it (403); the fixture cases' step names its unit, so it reads and decides them ———
  'GET /api/apartments/buildings': { expected: only(200, ['office', 'leader']) },
  'POST /api/apartments/buildings': { expected: only(201, ['office']), request: () => ({ body: { buildingName: `授权测试楼${uniqueSuffix()}`, buildingAddress: '授权测试路 1 号' } }) },
  'PUT /api/apartments/buildings/:id': {
    expected: only(200, ['office']),
    request: () => ({ url: `/api/apartments/buildings/${apartmentFixtures.building}`, body: { buildingName: `授权测试楼${uniqueSuffix()}`, buildingAddress: '授权测试路 2 号', version: 1 } }),
  },
  'GET /api/apartments/units': { expected: only(200, ['office', 'leader']) },
  'GET /api/apartments/units/:id': { expected: only(200, ['office', 'leader']), request: () => ({ url: `/api/apartments/units/${apartmentFixtures.toEdit}` }) },
  'POST /api/apartments/units': {
    expected: only(201, ['office']),
    request: () => ({ body: { buildingId: apartmentFixtures.building, unitNumber: uniqueSuffix(), layout: 'studio', area: 32.5, furnished: true, monthlyRent: 700 } }),
  },
  'PUT /api/apartments/units/:id': {
    expected: only(200, ['office']),
    request: () => ({ url: `/api/apartments/units/${apartmentFixtures.toEdit}`, body: { unitNumber: 'A-101', layout: 'studio', area: 33, furnished: true, monthlyRent: 750, unitStatus: 'maintenance', version: 1 } }),
  },
  'GET /api/apartments/eligibility': { expected: only(200, ['talent']) },
  'GET /api/apartments/mine': { expected: only(200, ['talent']) },
  'POST /api/apartments/applications': { expected: only(201, ['talent']), request: () => ({ body: { preferredLayout: 'oneBedroom', familySize: 1 } }) },
  'GET /api/apartments/applications': { expected: only(200, ['talent', 'office', 'leader']) },
  'GET /api/apartments/applications/:id': {
    expected: only(200, ['talent', 'department', 'office', 'leader']),
    request: () => ({ url: `/api/apartments/applications/${apartmentFixtures.ownOpen}` }),
  },
  // the step names the department account's unit; the office, the step not escalated, is past access control (409)
  'POST /api/apartments/applications/:id/decision': {
    expected: { ...only(200, ['department']), office: 409 },
    request: () => ({ url: `/api/apartments/applications/${apartmentFixtures.toDecide}/decision`, body: { decision: 'approve', version: 1 } }),
  },
  'POST /api/apartments/applications/:id/resubmit': {
    expected: only(200, ['talent']),
    request: () => ({ url: `/api/apartments/applications/${apartmentFixtures.ownReturned}/resubmit`, body: { familySize: 2, version: 2 } }),
  },
  'POST /api/apartments/applications/:id/withdraw': {
    expected: only(200, ['talent']),
    request: () => ({ url: `/api/apartments/applications/${apartmentFixtures.ownToWithdraw}/withdraw`, body: { version: 1 } }),
  },
  'GET /api/apartments/waiting-list': { expected: only(200, ['office', 'leader']) },
  'POST /api/apartments/allocations': {
    expected: only(201, ['office']),
    request: () => ({ body: { applicationId: apartmentFixtures.waiting, apartmentId: apartmentFixtures.vacant, startDate: '2026-12-01', endDate: '2027-11-30' } }),
  },
  'GET /api/apartments/leases': { expected: only(200, ['talent', 'office', 'leader']) },
  'POST /api/apartments/leases/:id/move-in': {
    expected: only(200, ['office']),
    request: () => ({ url: `/api/apartments/leases/${apartmentFixtures.reservedLease}/move-in`, body: { moveInDate: '2026-12-02', version: 1 } }),
  },
  'POST /api/apartments/leases/:id/renewal': {
    expected: only(200, ['office']),
    request: () => ({ url: `/api/apartments/leases/${apartmentFixtures.activeLease}/renewal`, body: { endDate: '2028-11-30', version: 1 } }),
  },
  'POST /api/apartments/leases/:id/move-out': {
    expected: only(200, ['office']),
    request: () => ({ url: `/api/apartments/leases/${apartmentFixtures.leaseToEnd}/move-out`, body: { moveOutDate: '2027-01-31', version: 1 } }),
  },
  // ——— start-up loans (fixtures: loanFixtures below) ———
  'GET /api/loans/institutions': { expected: only(200, talentReaders) },
  'GET /api/loans/totals': { expected: only(200, ['office', 'leader']) },
  'GET /api/loans': { expected: only(200, talentReaders) },
  'GET /api/loans/:id': {
    expected: only(200, talentReaders),
    request: (caller) => ({ url: `/api/loans/${caller === 'talent' ? loanFixtures.talentOpen : caller === 'enterprise' ? loanFixtures.enterpriseOpen : loanFixtures.toHandle}` }),
  },
  'POST /api/loans': {
    expected: only(201, ['talent', 'enterprise']),
    request: () => ({ body: { ...loanApplication } }),
  },
  // the department's unit holds the loan's 受理 step; the office, not acting for an escalated one, is past access control (409)
  'POST /api/loans/:id/stage': {
    expected: { ...only(200, ['department']), office: 409 },
    request: () => ({ url: `/api/loans/${loanFixtures.toHandle}/stage`, body: { decision: 'approve', version: 1 } }),
  },
  'POST /api/loans/:id/resubmit': {
    expected: only(200, ['talent', 'enterprise']),
    request: (caller) => ({ url: `/api/loans/${caller === 'enterprise' ? loanFixtures.enterpriseReturned : loanFixtures.talentReturned}/resubmit`, body: { version: 2 } }),
  },
  'POST /api/loans/:id/withdraw': {
    expected: only(200, ['talent', 'enterprise']),
    request: (caller) => ({ url: `/api/loans/${caller === 'enterprise' ? loanFixtures.enterpriseToWithdraw : loanFixtures.talentToWithdraw}/withdraw`, body: { version: 1 } }),
  },
  // ——— 职称评聘 (fixtures: titleFixtures below) ———
  'GET /api/title-evaluations/series': { expected: only(200, titleReaders) },
  'GET /api/title-evaluations/figures': { expected: only(200, titleReaders) },
  'GET /api/title-evaluations/rounds': { expected: only(200, titleReaders) },
  'GET /api/title-evaluations/rounds/:id': { expected: only(200, titleReaders), request: () => ({ url: `/api/title-evaluations/rounds/${titleFixtures.declaringRound}` }) },
  'POST /api/title-evaluations/rounds': {
    expected: only(201, ['office']),
    request: () => ({ body: { year: 2099, series: 'economics', name: '授权测试批次', levels: ['intermediate'], declareFrom: '2099-01-01', declareTo: '2099-02-01', publicityDays: 5 } }),
  },
  'PUT /api/title-evaluations/rounds/:id': {
    expected: only(200, ['office']),
    request: () => ({ url: `/api/title-evaluations/rounds/${titleFixtures.toChange}`, body: { ...titleRoundBody(2092), name: '授权测试改名', version: 1 } }),
  },
  'POST /api/title-evaluations/rounds/:id/advance': { expected: only(200, ['office']), request: () => ({ url: `/api/title-evaluations/rounds/${titleFixtures.toAdvance}/advance`, body: { version: 1 } }) },
  'GET /api/title-evaluations/declarations': { expected: only(200, titleReaders) },
  // the enterprise account's own declaration: staff read every one
  'GET /api/title-evaluations/declarations/:id': { expected: only(200, titleReaders), request: () => ({ url: `/api/title-evaluations/declarations/${titleFixtures.toRead}` }) },
  'POST /api/title-evaluations/declarations': {
    expected: only(201, ['enterprise']),
    request: () => ({ body: { roundId: titleFixtures.declaringRound, talentId: titleFixtures.toDeclare, level: 'intermediate', materials: [{ name: '授权测试.pdf' }] } }),
  },
  'PUT /api/title-evaluations/declarations/:id': {
    expected: only(200, ['enterprise']),
    request: () => ({ url: `/api/title-evaluations/declarations/${titleFixtures.returned}`, body: { level: 'intermediate', materials: [{ name: '补正.pdf' }], version: 1 } }),
  },
  'POST /api/title-evaluations/declarations/:id/check': {
    expected: only(200, ['office']),
    request: () => ({ url: `/api/title-evaluations/declarations/${titleFixtures.toCheck}/check`, body: { outcome: 'accept', version: 1 } }),
  },
  // the department account is an expert of the round; the office records the outside expert's score
  'POST /api/title-evaluations/declarations/:id/scores': {
    expected: only(200, ['department', 'office']),
    request: (caller) => ({ url: `/api/title-evaluations/declarations/${titleFixtures.toScore}/scores`, body: { score: 80, opinion: '授权测试', ...(caller === 'office' ? { expertId: titleFixtures.outsideExpert } : {}) } }),
  },
  'POST /api/title-evaluations/declarations/:id/result': {
    expected: only(200, ['office']),
    request: () => ({ url: `/api/title-evaluations/declarations/${titleFixtures.toDecide}/result`, body: { result: 'pass', version: 1 } }),
  },
  'POST /api/title-evaluations/declarations/:id/objections': {
    expected: only(201, ['office']),
    request: () => ({ url: `/api/title-evaluations/declarations/${titleFixtures.passed}/objections`, body: { objector: '授权测试', content: '授权测试异议' } }),
  },
  'POST /api/title-evaluations/objections/:id/resolution': {
    expected: only(200, ['office']),
    request: () => ({ url: `/api/title-evaluations/objections/${titleFixtures.objection}/resolution`, body: { outcome: 'dismissed', resolution: '授权测试' } }),
  },
  // talent demand: enterprise HR its own demands, the office any; candidates for the office and leaders
  'GET /api/demands/dictionaries': { expected: only(200, ['enterprise', 'department', 'office', 'leader']) },
  'GET /api/demands': { expected: only(200, ['enterprise', 'department', 'office', 'leader']) },
  'GET /api/demands/summary': { expected: only(200, ['enterprise', 'department', 'office', 'leader']) },
  'POST /api/demands': {
    expected: only(201, ['enterprise', 'office']),
    request: (caller, context) => ({ body: { post: '授权测试岗位', industry: 'digitalEconomy', discipline: 'informationTechnology', headcount: 1, ...(caller === 'office' ? { enterpriseId: context.users.enterprise.organisationId } : {}) } }),
  },
  'GET /api/demands/:id': { expected: only(200, ['enterprise', 'department', 'office', 'leader']), request: () => ({ url: `/api/demands/${demandFixtures.read}` }) },
  'PUT /api/demands/:id': {
    expected: only(200, ['enterprise', 'office']),
    request: (caller) => ({ url: `/api/demands/${caller === 'office' ? demandFixtures.officeEdit : demandFixtures.enterpriseEdit}`, body: { post: '授权测试岗位（改）', industry: 'digitalEconomy', discipline: 'informationTechnology', headcount: 2, version: 1 } }),
  },
  'POST /api/demands/:id/close': {
    expected: only(200, ['enterprise', 'office']),
    request: (caller) => ({ url: `/api/demands/${caller === 'office' ? demandFixtures.officeClose : demandFixtures.enterpriseClose}/close`, body: { version: 1 } }),
  },
  'POST /api/demands/:id/fills': {
    expected: only(200, ['enterprise', 'office']),
    request: () => ({ url: `/api/demands/${demandFixtures.fill}/fills`, body: { channel: 'ownHiring', count: 1, filledOn: '2026-11-02' } }),
  },
  'GET /api/demands/:id/candidates': { expected: only(200, ['office', 'leader']), request: () => ({ url: `/api/demands/${demandFixtures.read}/candidates` }) },
  'GET /api/talents/:id/openings': { expected: only(200, talentReaders), request: (caller, context) => ({ url: talentUrl(caller, context, '/openings') }) },
  // recruitment campaigns: the office runs them; department and leaders read
  'GET /api/campaigns': { expected: only(200, ['department', 'office', 'leader']) },
  'POST /api/campaigns': {
    expected: only(201, ['office']),
    request: () => ({ body: { type: 'openRecruitment', name: '授权测试招聘', year: 2026, stages: ['registration', 'offer'], plan: [] } }),
  },
  'GET /api/campaigns/:id': { expected: only(200, ['department', 'office', 'leader']), request: () => ({ url: `/api/campaigns/${campaignFixtures.campaign}` }) },
  'POST /api/campaigns/:id/posts': {
    expected: only(200, ['office']),
    request: () => ({ url: `/api/campaigns/${campaignFixtures.campaign}/posts`, body: { title: '授权测试岗位', discipline: 'equipment', headcount: 1 } }),
  },
  'GET /api/campaigns/:id/applicants': { expected: only(200, ['department', 'office', 'leader']), request: () => ({ url: `/api/campaigns/${campaignFixtures.campaign}/applicants` }) },
  'POST /api/campaigns/:id/applicants': {
    expected: only(201, ['office']),
    request: () => ({ url: `/api/campaigns/${campaignFixtures.campaign}/applicants`, body: { postId: campaignFixtures.post, name: '授权测试', idNumber: uniqueIdNumber(), education: 'bachelor', school: '太原理工大学', graduationYear: 2024 } }),
  },
  'POST /api/campaigns/:id/applicants/:applicantId/results': {
    expected: only(200, ['office']),
    request: () => ({ url: `/api/campaigns/${campaignFixtures.campaign}/applicants/${campaignFixtures.toScore}/results`, body: { stage: 'registration', passed: true, version: 1 } }),
  },
  'POST /api/campaigns/:id/applicants/:applicantId/withdrawal': {
    expected: only(200, ['office']),
    request: () => ({ url: `/api/campaigns/${campaignFixtures.campaign}/applicants/${campaignFixtures.toWithdraw}/withdrawal`, body: { version: 1 } }),
  },
  'POST /api/campaigns/:id/applicants/:applicantId/hire': {
    expected: only(200, ['office']),
    request: () => ({ url: `/api/campaigns/${campaignFixtures.campaign}/applicants/${campaignFixtures.toHire}/hire`, body: { hiredOn: '2026-11-02', version: 1 } }),
  },
  'GET /api/campaigns/:id/posts/:postId/candidates': { expected: only(200, ['office', 'leader']), request: () => ({ url: `/api/campaigns/${campaignFixtures.campaign}/posts/${campaignFixtures.post}/candidates` }) },
  'GET /api/campaigns/:id/applicants/template': { expected: only(200, ['office']), request: () => ({ url: `/api/campaigns/${campaignFixtures.campaign}/applicants/template` }) },
  'POST /api/campaigns/:id/applicants/import': {
    expected: only(200, ['office']),
    request: () => ({ url: `/api/campaigns/${campaignFixtures.campaign}/applicants/import`, body: campaignFixtures.applicantSheet, headers: { 'content-type': xlsxMediaType } }),
  },
  'GET /api/campaigns/:id/applicants/export': { expected: only(200, ['department', 'office', 'leader']), request: () => ({ url: `/api/campaigns/${campaignFixtures.campaign}/applicants/export` }) },
  'GET /api/campaigns/:id/scores/template': { expected: only(200, ['office']), request: () => ({ url: `/api/campaigns/${campaignFixtures.campaign}/scores/template` }) },
  'POST /api/campaigns/:id/scores': {
    expected: only(200, ['office']),
    request: () => ({ url: `/api/campaigns/${campaignFixtures.scoreCampaign}/scores`, body: campaignFixtures.scoreSheet, headers: { 'content-type': xlsxMediaType } }),
  },
  'GET /api/executives': { expected: only(200, ['enterprise', 'office', 'leader']) },
  'GET /api/executives/:id': { expected: only(200, ['enterprise', 'office', 'leader']), request: () => ({ url: `/api/executives/${campaignFixtures.executive}` }) },
  'POST /api/executives/:id/appraisals': {
    expected: only(200, ['office']),
    request: () => ({ url: `/api/executives/${campaignFixtures.executive}/appraisals`, body: { cycle: '授权测试年度', targets: '目标', score: 80, outcome: 'adjustPay', newSalary: 500000, version: 1 } }),
  },
  // ——— skills training and 揭榜挂帅 (fixtures: growthFixtures below) ———
  'GET /api/training-providers': { expected: only(200, enterpriseReaders) },
  'GET /api/training-orders': { expected: only(200, enterpriseReaders) },
  'GET /api/training-orders/:id': { expected: only(200, enterpriseReaders), request: () => ({ url: `/api/training-orders/${growthFixtures.order}` }) },
  'POST /api/training-orders': {
    expected: only(201, ['enterprise', 'office']),
    request: (caller, context) => ({ body: { skill: '授权测试技能', headcount: 2, deadline: growthFixtures.deadline, ...(caller === 'office' ? { enterpriseId: context.users.enterprise.organisationId } : {}) } }),
  },
  'POST /api/training-orders/:id/provider': { expected: only(200, ['office']), request: () => ({ url: `/api/training-orders/${growthFixtures.order}/provider`, body: { providerId: growthFixtures.college, version: 1 } }) },
  'GET /api/training-classes': { expected: only(200, enterpriseReaders) },
  'GET /api/training-classes/:id': { expected: only(200, enterpriseReaders), request: () => ({ url: `/api/training-classes/${growthFixtures.trainingClass}` }) },
  'POST /api/training-classes': {
    expected: only(201, ['office']),
    request: () => ({ body: { kind: 'programme', className: '授权测试研修班', providerId: growthFixtures.college, skill: '战略管理', startsOn: '2026-01-05', endsOn: '2026-01-09' } }),
  },
  'POST /api/training-classes/:id/sessions': { expected: only(200, ['office']), request: () => ({ url: `/api/training-classes/${growthFixtures.trainingClass}/sessions`, body: { heldOn: '2026-01-05', topic: '授权测试课' } }) },
  'PUT /api/training-classes/:id/sessions/:sessionId/attendance': {
    expected: only(200, ['office']),
    request: () => ({ url: `/api/training-classes/${growthFixtures.trainingClass}/sessions/${growthFixtures.session}/attendance`, body: { presentEnrolmentIds: [growthFixtures.toAssess] } }),
  },
  'POST /api/training-classes/:id/enrolments': { expected: only(200, ['office']), request: () => ({ url: `/api/training-classes/${growthFixtures.trainingClass}/enrolments`, body: { talentId: growthFixtures.toEnrol } }) },
  'POST /api/training-classes/:id/enrolments/import': {
    expected: only(200, ['office']),
    request: () => ({ url: `/api/training-classes/${growthFixtures.trainingClass}/enrolments/import`, body: growthFixtures.traineeSheet, headers: { 'content-type': xlsxMediaType } }),
  },
  'PUT /api/training-enrolments/:id/assessment': {
    expected: only(200, ['office']),
    request: () => ({ url: `/api/training-enrolments/${growthFixtures.toAssess}/assessment`, body: { score: 80, passed: true, assessedOn: '2026-01-09', version: 1 } }),
  },
  'POST /api/training-enrolments/:id/certificate': { expected: only(200, ['office']), request: () => ({ url: `/api/training-enrolments/${growthFixtures.toCertify}/certificate`, body: { issuedOn: '2026-01-10', version: 2 } }) },
  'POST /api/training-enrolments/:id/placement': { expected: only(200, ['office']), request: () => ({ url: `/api/training-enrolments/${growthFixtures.toPlace}/placement`, body: { placedOn: '2026-01-12', version: 1 } }) },
  // whoever reads the talent reads its training records (each caller a talent in its own scope)
  'GET /api/training-records': { expected: only(200, talentReaders), request: (caller, context) => ({ query: { talentId: talentFor(caller, context).id } }) },
  'GET /api/challenges': { expected: only(200, talentReaders) },
  'GET /api/challenges/board': { expected: only(200, talentReaders) },
  'GET /api/challenges/proposals/mine': { expected: only(200, ['talent', 'enterprise']) },
  // posted by the enterprise account; the talent and department accounts review it
  'GET /api/challenges/:id': { expected: only(200, talentReaders), request: () => ({ url: `/api/challenges/${growthFixtures.challenge}` }) },
  'GET /api/challenges/:id/candidates': { expected: only(200, ['office', 'leader']), request: () => ({ url: `/api/challenges/${growthFixtures.challenge}/candidates` }) },
  'POST /api/challenges': {
    expected: only(201, ['enterprise', 'office']),
    request: () => ({ body: { title: '授权测试榜单', problem: '授权测试难题', budget: 100_000, deadline: growthFixtures.deadline } }),
  },
  'POST /api/challenges/:id/reviewers': { expected: only(200, ['office']), request: (_caller, context) => ({ url: `/api/challenges/${growthFixtures.challenge}/reviewers`, body: { username: context.users.office.username } }) },
  // the office's own challenge, open to every proposer
  'POST /api/challenges/:id/proposals': {
    expected: only(201, ['talent', 'enterprise']),
    request: () => ({ url: `/api/challenges/${growthFixtures.zoneChallenge}/proposals`, body: { teamName: '授权测试团队', organisationName: '授权测试单位', members: [{ name: '张测试' }], plan: '授权测试方案', budget: 1000 } }),
  },
  'PUT /api/challenges/:id/proposals/:proposalId/score': {
    expected: only(200, ['talent', 'enterprise', 'department', 'office']),
    request: () => ({ url: `/api/challenges/${growthFixtures.challenge}/proposals/${growthFixtures.proposal}/score`, body: { score: 80 } }),
  },
  'POST /api/challenges/:id/award': { expected: only(200, ['office']), request: () => ({ url: `/api/challenges/${growthFixtures.toAward}/award`, body: { proposalId: growthFixtures.toAwardProposal, version: 1 } }) },
  'POST /api/challenges/:id/milestones': { expected: only(200, ['office']), request: () => ({ url: `/api/challenges/${growthFixtures.awarded}/milestones`, body: { title: '授权测试节点', dueOn: '2026-06-30' } }) },
  'PUT /api/challenges/:id/milestones/:milestoneId': {
    expected: only(200, ['office']),
    request: () => ({ url: `/api/challenges/${growthFixtures.awarded}/milestones/${growthFixtures.milestone}`, body: { status: 'inProgress', version: 1 } }),
  },
  // ——— flexible talent, university cooperation, platforms (fixtures: coopFixtures below) ———
  'GET /api/projects': { expected: only(200, flexibleReaders) },
  'POST /api/projects': { expected: only(201, ['office']), request: () => ({ body: { name: `授权项目 ${uniqueSuffix()}`, investor: '投资方', industry: 'digitalEconomy', amount: 100, status: 'signed' } }) },
  'GET /api/teams': { expected: only(200, flexibleReaders) },
  'GET /api/teams/:id': { expected: only(200, flexibleReaders), request: () => ({ url: `/api/teams/${coopFixtures.team}` }) },
  'POST /api/teams': { expected: only(201, ['office']), request: () => ({ body: { organisationId: coopFixtures.teamOrganisation, serviceFrom: '2025-01-01' } }) },
  'POST /api/teams/:id/members': { expected: only(200, ['office']), request: (_caller, context) => ({ url: `/api/teams/${coopFixtures.team}/members`, body: { talentId: context.talents.other.id } }) },
  'GET /api/experts': { expected: only(200, flexibleReaders) },
  'GET /api/experts/export': { expected: only(200, flexibleReaders) },
  'GET /api/experts/:id': { expected: only(200, flexibleReaders), request: () => ({ url: `/api/experts/${coopFixtures.expert}` }) },
  'POST /api/experts': { expected: only(201, ['office']), request: () => ({ body: coopExpertBody() }) },
  'PUT /api/experts/:id': { expected: only(200, ['office']), request: () => ({ url: `/api/experts/${coopFixtures.expert}`, body: { ...coopExpertBody(), teamId: coopFixtures.team, version: 1 } }) },
  'POST /api/experts/import': {
    expected: only(201, ['office']),
    request: () => ({ body: coopFixtures.expertWorkbook, headers: { 'content-type': xlsxMediaType } }),
  },
  'GET /api/consultations': { expected: only(200, flexibleReaders) },
  'POST /api/consultations': {
    expected: only(201, ['office']),
    request: (_caller, context) => ({ body: { topic: '授权问诊', enterpriseId: context.users.enterprise.organisationId, heldOn: '2025-05-01', expertIds: [coopFixtures.expert] } }),
  },
  'GET /api/universities': { expected: only(200, cooperationReaders) },
  'GET /api/universities/:id': { expected: only(200, cooperationReaders), request: () => ({ url: `/api/universities/${coopFixtures.university}` }) },
  'PUT /api/universities/:id/agreement': {
    expected: only(200, ['office']),
    request: () => ({ url: `/api/universities/${coopFixtures.newUniversity}/agreement`, body: { signedOn: '2024-01-01', scope: '授权测试', version: 0 } }),
  },
  'POST /api/universities/:id/items': {
    expected: only(201, ['office']),
    request: () => ({ url: `/api/universities/${coopFixtures.university}/items`, body: { kind: 'talentTraining', title: '授权测试', status: 'planned' } }),
  },
  'GET /api/internships/bases': { expected: only(200, cooperationReaders) },
  'POST /api/internships/bases': {
    expected: only(201, ['office']),
    request: () => ({ body: { enterpriseId: coopFixtures.baseEnterprise, universityId: coopFixtures.university, establishedOn: '2024-01-01', capacity: 5 } }),
  },
  'GET /api/internships': { expected: only(200, cooperationReaders) },
  'GET /api/internships/export': { expected: only(200, cooperationReaders) },
  // an intern on the enterprise account's base: enterprise HR reads it as the office does
  'GET /api/internships/:id': { expected: only(200, cooperationReaders), request: () => ({ url: `/api/internships/${coopFixtures.internships.read}` }) },
  'POST /api/internships': { expected: only(201, internshipRecorders), request: () => ({ body: coopInternBody() }) },
  'POST /api/internships/:id/conversion': {
    expected: only(200, internshipRecorders),
    request: (caller) => {
      const [internship, talentId] = caller === 'office' ? coopFixtures.internships.officeConverts : coopFixtures.internships.enterpriseConverts;
      return { url: `/api/internships/${internship}/conversion`, body: { talentId, hiredOn: '2025-10-01', version: 1 } };
    },
  },
  'POST /api/internships/import': { expected: only(201, internshipRecorders), request: () => ({ body: coopFixtures.internWorkbook, headers: { 'content-type': xlsxMediaType } }) },
  'GET /api/tech-transfers': { expected: only(200, cooperationReaders) },
  'GET /api/tech-transfers/:id': { expected: only(200, cooperationReaders), request: () => ({ url: `/api/tech-transfers/${coopFixtures.transfer}` }) },
  'POST /api/tech-transfers': {
    expected: only(201, ['office']),
    request: (_caller, context) => ({ body: { technology: '授权测试技术', sourceId: coopFixtures.university, enterpriseId: context.users.enterprise.organisationId, stage: 'matching', investment: 10, startedOn: '2025-01-01' } }),
  },
  'GET /api/platforms': { expected: only(200, cooperationReaders) },
  // a platform the enterprise account is a tenant of
  'GET /api/platforms/:id': { expected: only(200, cooperationReaders), request: () => ({ url: `/api/platforms/${coopFixtures.platform}` }) },
  'POST /api/platforms': { expected: only(201, ['office']), request: () => ({ body: { organisationId: coopFixtures.newPlatform, type: 'incubator', level: 'zone', host: '授权测试', capacity: 5 } }) },
  'POST /api/platforms/:id/tenants': { expected: only(200, ['office']), request: () => ({ url: `/api/platforms/${coopFixtures.platform}/tenants`, body: { enterpriseId: coopFixtures.baseEnterprise, since: '2025-01-01' } }) },
  'POST /api/platforms/:id/talents': { expected: only(200, ['office']), request: (_caller, context) => ({ url: `/api/platforms/${coopFixtures.platform}/talents`, body: { talentId: context.talents.other.id, since: '2025-01-01' } }) },
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
  // ——— 协同用才: joint tasks (the department account's unit owns one and helps on another) and the board (fixtures: jointTaskFixtures below) ———
  'GET /api/joint-tasks': { expected: only(200, ['department', 'office', 'leader']) },
  'POST /api/joint-tasks': {
    expected: only(201, ['department', 'office']),
    request: (_caller, context) => ({ body: { title: '授权测试协同任务', ownerUnitId: context.users.department.unitId, helpers: [{ unitId: jointTaskFixtures.helperUnit }], workingDays: 5 } }),
  },
  'GET /api/joint-tasks/:id': { expected: only(200, ['department', 'office', 'leader']), request: () => ({ url: `/api/joint-tasks/${jointTaskFixtures.owned}` }) },
  'POST /api/joint-tasks/:id/notes': { expected: only(201, ['department', 'office']), request: () => ({ url: `/api/joint-tasks/${jointTaskFixtures.owned}/notes`, body: { text: '授权测试进展' } }) },
  // the department account's unit is the helper: it reports its own part, the office any
  'PUT /api/joint-tasks/:id/parts/:unitId': {
    expected: only(200, ['department', 'office']),
    request: (_caller, context) => ({ url: `/api/joint-tasks/${jointTaskFixtures.helped}/parts/${context.users.department.unitId}`, body: { done: true } }),
  },
  // one task per closer (the owner unit's staff, the office), each still on version 1
  'POST /api/joint-tasks/:id/close': {
    expected: only(200, ['department', 'office']),
    request: (caller) => ({ url: `/api/joint-tasks/${caller === 'office' ? jointTaskFixtures.officeCloses : jointTaskFixtures.ownerCloses}/close`, body: { outcome: 'done', note: '授权测试办结', version: 1 } }),
  },
  'GET /api/board': { expected: only(200, ['enterprise', 'office']), request: (caller, context) => (caller === 'office' ? { query: { enterpriseId: context.users.enterprise.organisationId! } } : {}) },
  // ——— 评选 (fixtures: selectionFixtures below): each nominator sees its own nominations, an expert those of its panels ———
  'GET /api/selections/kinds': { expected: only(200, selectionReaders) },
  'GET /api/selections': { expected: only(200, selectionReaders) },
  'POST /api/selections': {
    expected: only(201, ['office']),
    request: () => ({
      body: {
        kind: 'youngTalent', year: 2099, title: '授权测试评选', titleEn: 'Authorization selection', honour: '授权测试荣誉', honourEn: 'Authorization honour', quota: 1,
        policyId: selectionFixtures.policyId, nominateFrom: '2020-01-01', nominateTo: '2099-12-31', publicityDays: 5,
      },
    }),
  },
  'GET /api/selections/:id': { expected: only(200, selectionReaders), request: () => ({ url: `/api/selections/${selectionFixtures.open}` }) },
  'POST /api/selections/:id/eligibility': { expected: only(200, ['office']), request: () => ({ url: `/api/selections/${selectionFixtures.open}/eligibility`, body: { version: 1 } }) },
  'POST /api/selections/:id/advance': { expected: only(200, ['office']), request: () => ({ url: `/api/selections/${selectionFixtures.toAdvance}/advance`, body: { version: 1 } }) },
  // an enterprise nominates its own staff, a unit's staff anyone in the zone
  'POST /api/selections/:id/nominations': {
    expected: only(201, ['enterprise', 'department']),
    request: (caller, context) => ({ url: `/api/selections/${selectionFixtures.open}/nominations`, body: { talentId: caller === 'enterprise' ? context.talents.staff.id : context.talents.other.id, reason: '授权测试推荐' } }),
  },
  'GET /api/selections/nominations/:id': {
    expected: only(200, selectionReaders),
    request: (caller) => ({ url: `/api/selections/nominations/${caller === 'enterprise' ? selectionFixtures.enterpriseNomination : selectionFixtures.unitNomination}` }),
  },
  // the department's account sits on the panel and scores as itself; the office records the outside expert's score
  'POST /api/selections/nominations/:id/scores': {
    expected: only(200, ['department', 'office']),
    request: (caller) => ({ url: `/api/selections/nominations/${selectionFixtures.toScore}/scores`, body: { score: 80, opinion: '授权测试评分', ...(caller === 'office' ? { expertId: selectionFixtures.outsideExpert } : {}) } }),
  },
  'POST /api/selections/nominations/:id/objections': {
    expected: only(200, ['office']),
    request: () => ({ url: `/api/selections/nominations/${selectionFixtures.selected}/objections`, body: { objector: '授权测试', content: '授权测试异议' } }),
  },
  'POST /api/selections/objections/:id/resolution': {
    expected: only(200, ['office']),
    request: () => ({ url: `/api/selections/objections/${selectionFixtures.objection}/resolution`, body: { outcome: 'dismissed', resolution: '授权测试' } }),
  },
  'GET /api/talents/:id/honours': { expected: only(200, talentReaders), request: (caller, context) => ({ url: talentUrl(caller, context, '/honours') }) },
  // ——— zone dashboard: an enterprise its own figures; the screen zone-wide only; plans the office's (PUT creates, DELETE removes) ———
  'GET /api/dashboard': { expected: only(200, ['enterprise', 'office', 'leader']), request: () => ({ query: { period: '2026-Q1' } }) },
  'GET /api/dashboard/screen': { expected: only(200, ['office', 'leader']) },
  'GET /api/dashboard/report': { expected: only(200, ['enterprise', 'office', 'leader']), request: () => ({ query: { period: '2026-03' } }) },
  'GET /api/dashboard/plans/:year': { expected: only(200, ['enterprise', 'office', 'leader']), request: () => ({ url: '/api/dashboard/plans/2026' }) },
  'PUT /api/dashboard/plans/:year/:indicator': { expected: only(200, ['office']), request: () => ({ url: '/api/dashboard/plans/2031/arrivals', body: { planned: 10, version: 0 } }) },
  'DELETE /api/dashboard/plans/:year/:indicator': { expected: only(204, ['office']), request: () => ({ url: '/api/dashboard/plans/2031/arrivals' }) },
  // ——— analytics: the talent map, the industry map, ask in words (an enterprise: its own figures; a talent none) ———
  'GET /api/analytics/industry-map': { expected: only(200, ['enterprise', 'office', 'leader']) },
  'GET /api/analytics/talent-map': { expected: only(200, ['enterprise', 'office', 'leader']) },
  'GET /api/analytics/ask': { expected: only(200, ['enterprise', 'office', 'leader']), request: () => ({ query: { q: '新能源 硕士 35岁以下' } }) },
  'GET /api/analytics/ask/talents': { expected: only(200, ['enterprise', 'office', 'leader']), request: () => ({ query: { education: 'master', ageMax: '34' } }) },
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

/** The seeded pools, one pool to change, and nominations: the department's unit's, the enterprise's, one for the office to admit. */
let poolFixtures: { villageReserve: string; youngCadres: string; enterpriseBackbone: string; toChange: string; unitMember: string; enterpriseMember: string; toAdmit: string };
beforeAll(async () => {
  const pools = Object.fromEntries((await t.rows<{ id: string; code: string }>(sql`select id, code from talent_pools`)).map((row) => [row.code, row.id]));
  const nominate = async (agent: Agent, poolId: string, talentId: string) => {
    const response = await agent.post('/api/pools/members', { poolId, talentId, reason: '授权测试推荐' });
    if (response.statusCode !== 201) throw new Error(`pool nomination: ${response.statusCode} ${response.body}`);
    return response.json().id as string;
  };
  const department = agents.get('department')!;
  const toChange = (await agents.get('office')!.post('/api/pools', { code: `authz${uniqueSuffix()}`, name: '授权测试库', nameEn: 'Authorization pool', nominators: ['office'], reviewMonths: 12 })).json().id as string;
  poolFixtures = {
    villageReserve: pools.villageReserve, youngCadres: pools.youngCadres, enterpriseBackbone: pools.enterpriseBackbone, toChange,
    unitMember: await nominate(department, pools.villageReserve, (await buildTalent(t.db)).id),
    enterpriseMember: await nominate(agents.get('enterprise')!, pools.enterpriseBackbone, (await buildTalent(t.db, { employerId: context.users.enterprise.organisationId })).id),
    toAdmit: await nominate(department, pools.youngCadres, (await buildTalent(t.db)).id),
  };
});
/**
 * 评选: a call open for nominations (with a nomination by the enterprise account and one by the department account), a
 * call with a panel to move into review, a call under review with the department account on its panel and an eligible
 * nomination, and a call in 公示 with a selected nomination and an open objection (states set in the database).
 */
let selectionFixtures: {
  policyId: string; open: string; toAdvance: string; enterpriseNomination: string; unitNomination: string; toScore: string; outsideExpert: string; selected: string; objection: string;
};
beforeAll(async () => {
  const office = agents.get('office')!;
  const [{ id: policyId }] = await t.rows<{ id: string }>(sql`select id from policies where code = 'APARTMENT'`);
  let year = 2080;
  const call = async (experts: { name: string; userId?: string }[]) => {
    year += 1;
    const response = await office.post('/api/selections', {
      kind: 'outstandingTalent', year, title: `授权测试评选${year}`, titleEn: `Authorization ${year}`, honour: '授权测试荣誉', honourEn: 'Authorization honour', quota: 1, policyId,
      nominateFrom: '2020-01-01', nominateTo: '2099-12-31', publicityDays: 5, experts,
    });
    if (response.statusCode !== 201) throw new Error(`selection fixture: ${response.statusCode} ${response.body}`);
    return response.json() as { id: string; experts: { id: string; name: string }[] };
  };
  const nominate = async (agent: Agent, selectionId: string, talentId: string) => {
    const response = await agent.post(`/api/selections/${selectionId}/nominations`, { talentId, reason: '授权测试推荐' });
    if (response.statusCode !== 201) throw new Error(`selection nomination: ${response.statusCode} ${response.body}`);
    return response.json().id as string;
  };
  const staff = () => buildTalent(t.db, { employerId: context.users.enterprise.organisationId });
  const open = await call([]);
  const toAdvance = await call([{ name: '授权专家' }]);
  const reviewing = await call([{ name: '授权部门专家', userId: context.users.department.id }, { name: '授权外部专家' }]);
  const toScore = await nominate(agents.get('enterprise')!, reviewing.id, (await staff()).id);
  const publicising = await call([{ name: '授权专家' }]);
  const selected = await nominate(agents.get('enterprise')!, publicising.id, (await staff()).id);
  await t.db.execute(sql`update selections set status = 'reviewing' where id = ${reviewing.id}`);
  await t.db.execute(sql`update selection_nominations set status = 'eligible' where id = ${toScore}`);
  await t.db.execute(sql`update selections set status = 'publicizing', publicity_from = now(), publicity_until = now() + interval '7 days' where id = ${publicising.id}`);
  await t.db.execute(sql`update selection_nominations set status = 'selected', rank = 1 where id = ${selected}`);
  const objected = await office.post(`/api/selections/nominations/${selected}/objections`, { objector: '授权测试', content: '授权测试异议' });
  if (objected.statusCode !== 200) throw new Error(`selection objection: ${objected.statusCode} ${objected.body}`);
  selectionFixtures = {
    policyId, open: open.id, toAdvance: toAdvance.id, toScore, selected, outsideExpert: reviewing.experts[1].id, objection: objected.json().objections[0].id,
    enterpriseNomination: await nominate(agents.get('enterprise')!, open.id, (await staff()).id),
    unitNomination: await nominate(agents.get('department')!, open.id, (await buildTalent(t.db)).id),
  };
});
const coopExpertBody = () => ({ name: `授权专家${uniqueSuffix()}`, kind: 'doctor', field: '授权测试', affiliation: '测试大学', engagedFrom: '2025-01-01' });
const coopInternBody = () => ({ baseId: coopFixtures.base, studentName: `授权实习生${uniqueSuffix()}`, major: '测试', periodFrom: '2025-07-01', periodTo: '2025-08-31', mentor: '测试' });

/**
 * What the cooperation rows act on: a team and an expert; a demo university and a fresh one (first agreement); a base of
 * the enterprise account's organisation with interns (one to read, one for each recorder to convert, with a hire of
 * that organisation each); a tech transfer and a platform tenancy of that organisation; spreadsheets to import.
 */
let coopFixtures: {
  team: string; teamOrganisation: string; expert: string; expertWorkbook: Buffer; university: string; newUniversity: string; base: string; baseEnterprise: string;
  internships: { read: string; officeConverts: [string, string]; enterpriseConverts: [string, string] }; internWorkbook: Buffer; transfer: string; platform: string; newPlatform: string;
};
beforeAll(async () => {
  const office = agents.get('office')!;
  const ok = (response: { statusCode: number; body: string; json: () => { id: string } }) => {
    if (response.statusCode >= 300) throw new Error(`cooperation fixture: ${response.statusCode} ${response.body}`);
    return response.json().id;
  };
  const organisationId = context.users.enterprise.organisationId!;
  const [university] = await t.rows<{ id: string; name: string }>(sql`select id, name from organisations where kind = 'university' order by name limit 1`);
  const teamOrganisation = (await buildOrganisation(t.db, { kind: 'team', name: `授权团队 ${uniqueSuffix()}` })).id;
  const team = ok(await office.post('/api/teams', { organisationId: (await buildOrganisation(t.db, { kind: 'team', name: `授权团队 ${uniqueSuffix()}` })).id, serviceFrom: '2025-01-01' }));
  const expert = ok(await office.post('/api/experts', coopExpertBody()));
  const base = ok(await office.post('/api/internships/bases', { enterpriseId: organisationId, universityId: university.id, establishedOn: '2024-01-01', capacity: 50 }));
  // the interns' body reads the base from the fixtures: set it first
  coopFixtures = { base } as typeof coopFixtures;
  const intern = async () => ok(await office.post('/api/internships', coopInternBody()));
  const hire = async () => (await buildTalent(t.db, { employerId: organisationId })).id;
  const platformOrganisation = (await buildOrganisation(t.db, { kind: 'platform', name: `授权平台 ${uniqueSuffix()}`, industry: null })).id;
  ok(await office.post('/api/platforms', { organisationId: platformOrganisation, type: 'makerSpace', level: 'zone', host: '授权测试', capacity: 5 }));
  await office.post(`/api/platforms/${platformOrganisation}/tenants`, { enterpriseId: organisationId, since: '2024-01-01' });
  const expertHeaders = ['姓名', '类型', '专业领域', '所在单位', '聘期开始'];
  coopFixtures = {
    team, teamOrganisation, expert, university: university.id, base, baseEnterprise: (await buildOrganisation(t.db)).id,
    newUniversity: (await buildOrganisation(t.db, { kind: 'university', name: `授权大学 ${uniqueSuffix()}`, industry: null })).id,
    expertWorkbook: await workbookBytes(expertHeaders, [[`导入专家${uniqueSuffix()}`, '博士', '测试', '测试大学', '2025-01-01']]),
    internships: { read: await intern(), officeConverts: [await intern(), await hire()], enterpriseConverts: [await intern(), await hire()] },
    internWorkbook: Buffer.alloc(0),
    transfer: ok(await office.post('/api/tech-transfers', { technology: '授权测试', sourceId: university.id, enterpriseId: organisationId, stage: 'pilot', investment: 1, startedOn: '2025-01-01' })),
    platform: platformOrganisation,
    newPlatform: (await buildOrganisation(t.db, { kind: 'platform', name: `授权新平台 ${uniqueSuffix()}`, industry: null })).id,
  };
});
/** The interns' workbook names the base by the enterprise's name, which an earlier row (PUT /api/enterprises/:id) changes: made just before its row. */
beforeEach(async (test) => {
  if (test.task.name !== 'POST /api/internships/import') return;
  const [row] = await t.rows<{ enterprise: string; university: string }>(sql`
    select e.name as enterprise, u.name as university from internship_bases b join organisations e on e.id = b.enterprise_id join organisations u on u.id = b.university_id
    where b.id = ${coopFixtures.base}`);
  const headers = ['学生姓名', '高校', '实习企业', '专业', '实习开始', '实习结束', '指导老师'];
  coopFixtures.internWorkbook = await workbookBytes(headers, [[`导入实习生${uniqueSuffix()}`, row.university, row.enterprise, '测试', '2025-07-01', '2025-08-31', '测试']]);
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

/** Joint tasks: owned by the department account's unit (to read, note, close), one it helps on, one for the office to close. */
let jointTaskFixtures: { helperUnit: string; owned: string; helped: string; ownerCloses: string; officeCloses: string };
beforeAll(async () => {
  const office = agents.get('office')!;
  const helperUnit = (await buildUnit(t.db)).id;
  const ownUnit = context.users.department.unitId!;
  const raise = async (ownerUnitId: string, helper: string) => {
    const response = await office.post('/api/joint-tasks', { title: '授权测试协同任务', ownerUnitId, helpers: [{ unitId: helper, part: '授权测试' }], workingDays: 10 });
    if (response.statusCode !== 201) throw new Error(`joint task: ${response.statusCode} ${response.body}`);
    return response.json().id as string;
  };
  jointTaskFixtures = {
    helperUnit, owned: await raise(ownUnit, helperUnit), helped: await raise(helperUnit, ownUnit), ownerCloses: await raise(ownUnit, helperUnit), officeCloses: await raise(helperUnit, ownUnit),
  };
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
  toHandle: string; toReassign: string; toSplit: string; toSplitOffice: string; withSubtask: string; subtask: string; talentDone: string; enterpriseDone: string;
  talentUnhappy: string; enterpriseUnhappy: string;
};
beforeAll(async () => {
  await t.db.execute(sql`update service_request_categories set unit_code = ${policyFixtures.unitCode} where code = 'other'`);
  const raise = async (caller: 'talent' | 'enterprise') => {
    const response = await agents.get(caller)!.post('/api/service-requests', { requestCategory: 'other', requestTitle: '授权测试诉求', requestText: '授权测试' });
    if (response.statusCode !== 201) throw new Error(`service request: ${response.statusCode} ${response.body}`);
    return response.json().id as string;
  };
  const withSubtask = await raise('talent');
  caseFixtures = {
    talentOpen: await raise('talent'), enterpriseOpen: await raise('enterprise'), talentToWithdraw: await raise('talent'), enterpriseToWithdraw: await raise('enterprise'),
    talentReturned: await raise('talent'), enterpriseReturned: await raise('enterprise'), toHandle: await raise('talent'), toReassign: await raise('enterprise'),
    toSplit: await raise('talent'), toSplitOffice: await raise('enterprise'), withSubtask, subtask: '', talentDone: await raise('talent'), enterpriseDone: await raise('enterprise'),
    talentUnhappy: await raise('talent'), enterpriseUnhappy: await raise('enterprise'),
  };
  await t.db.execute(sql`update cases set status = 'returned', version = 2 where id in (${caseFixtures.talentReturned}, ${caseFixtures.enterpriseReturned})`);
  // a request at another unit with a 联办 sub-task of the department's unit
  await t.db.execute(sql`update cases set steps = '[{"name":"住房安居","units":["U10"],"mode":"any","workingDays":10}]'::jsonb where id = ${withSubtask}`);
  const [subtask] = await t.rows<{ id: string }>(sql`insert into case_subtasks (id, case_id, unit_code, task, working_days, created_by)
    select gen_random_uuid(), id, ${policyFixtures.unitCode}, '授权测试联办', 3, submitted_by from cases where id = ${withSubtask} returning id`);
  caseFixtures.subtask = subtask.id;
  const done = [caseFixtures.talentDone, caseFixtures.enterpriseDone, caseFixtures.talentUnhappy, caseFixtures.enterpriseUnhappy];
  await t.db.execute(sql`update cases set status = 'approved', decided_at = now(), version = 2 where id in (${sql.join(done.map((id) => sql`${id}`), sql`, `)})`);
  await t.db.execute(sql`insert into case_ratings (case_id, score, comment, rated_by) select id, 1, '不满意', submitted_by from cases where id in (${caseFixtures.talentUnhappy}, ${caseFixtures.enterpriseUnhappy})`);
});

/**
 * What the apartment rows act on: a building and its units; apartment cases submitted by the talent account (the
 * open, returned and withdrawable ones about other talents, as the one-open-application rule allows: its own record
 * stays free for the POST row), one whose step names the department account's unit, a waiting one, and leases.
 */
let apartmentFixtures: {
  building: string; toEdit: string; vacant: string; ownOpen: string; ownReturned: string; ownToWithdraw: string; toDecide: string; waiting: string;
  reservedLease: string; activeLease: string; leaseToEnd: string;
};
beforeAll(async () => {
  const talentUser = context.users.talent;
  // a bachelor's degree on record (the PUT row rewrites the talent from its stored educations), so the housing policy admits it
  await t.db.execute(sql`insert into talent_educations (id, talent_id, position, level, degree, school, graduation_year, full_time, overseas)
    values (gen_random_uuid(), ${talentUser.talentId}, 0, 'bachelor', 'bachelor', '太原理工大学', 2020, true, false)`);
  await t.db.execute(sql`update talents set highest_education = 'bachelor' where id = ${talentUser.talentId}`);
  const [building] = await t.rows<{ id: string }>(sql`insert into apartment_buildings (id, name, address) values (gen_random_uuid(), ${`授权公寓${uniqueSuffix()}`}, '授权测试路') returning id`);
  const unit = async (status: string) =>
    (await t.rows<{ id: string }>(sql`insert into apartment_units (id, building_id, number, layout, area, monthly_rent, status) values (gen_random_uuid(), ${building.id}, ${uniqueSuffix()}, 'oneBedroom', 45.0, 900, ${status}) returning id`))[0].id;
  const [unitRow] = await t.rows<{ code: string }>(sql`select code from units where id = ${context.users.department.unitId}`);
  const steps = JSON.stringify([{ name: '审核', units: [unitRow.code], mode: 'any', workingDays: 10 }]);
  const apartmentCase = async (status: string, version = 1) => {
    const subject = (await buildTalent(t.db)).id;
    await t.db.execute(sql`update talents set highest_education = 'bachelor' where id = ${subject}`);
    const [row] = await t.rows<{ id: string }>(sql`insert into cases (id, type, subject_kind, subject_id, round, status, form, steps, submitted_by, version)
      values (gen_random_uuid(), 'apartment', 'talent', ${subject}, 'once', ${status}, '{"familySize":1}'::jsonb, ${steps}::jsonb, ${talentUser.id}, ${version}) returning id`);
    return { id: row.id, subject };
  };
  const lease = async (status: 'reserved' | 'active') => {
    const application = await apartmentCase('approved', 2);
    const unitId = await unit(status === 'reserved' ? 'reserved' : 'occupied');
    const [row] = await t.rows<{ id: string }>(sql`insert into apartment_leases (id, unit_id, case_id, talent_id, status, start_date, end_date, move_in_date, allocated_by)
      values (gen_random_uuid(), ${unitId}, ${application.id}, ${application.subject}, ${status}, '2026-12-01', '2027-11-30', ${status === 'active' ? '2026-12-01' : null}, ${talentUser.id}) returning id`);
    return row.id;
  };
  apartmentFixtures = {
    building: building.id, toEdit: await unit('vacant'), vacant: await unit('vacant'),
    ownOpen: (await apartmentCase('inReview')).id, ownReturned: (await apartmentCase('returned', 2)).id, ownToWithdraw: (await apartmentCase('inReview')).id,
    toDecide: (await apartmentCase('inReview')).id, waiting: (await apartmentCase('approved', 2)).id,
    reservedLease: await lease('reserved'), activeLease: await lease('active'), leaseToEnd: await lease('active'),
  };
});

/**
 * What the loan rows act on: open loans of the talent and the enterprise accounts (to read, to withdraw), returned ones
 * (to resubmit), and one whose 受理 step names the department account's unit (to handle).
 */
const loanApplication = { bankCode: 'icbc', guarantorCode: 'yqGuarantee', loanAmount: 100_000, termMonths: 12, subsidyRate: 2, purpose: '授权测试' };
let loanFixtures: { talentOpen: string; enterpriseOpen: string; talentToWithdraw: string; enterpriseToWithdraw: string; talentReturned: string; enterpriseReturned: string; toHandle: string };
beforeAll(async () => {
  const apply = async (caller: 'talent' | 'enterprise') => {
    const response = await agents.get(caller)!.post('/api/loans', loanApplication);
    if (response.statusCode !== 201) throw new Error(`loan: ${response.statusCode} ${response.body}`);
    return response.json().id as string;
  };
  loanFixtures = {
    talentOpen: await apply('talent'), enterpriseOpen: await apply('enterprise'), talentToWithdraw: await apply('talent'), enterpriseToWithdraw: await apply('enterprise'),
    talentReturned: await apply('talent'), enterpriseReturned: await apply('enterprise'), toHandle: await apply('talent'),
  };
  await t.db.execute(sql`update cases set status = 'returned', version = 2 where id in (${loanFixtures.talentReturned}, ${loanFixtures.enterpriseReturned})`);
  await t.db.execute(sql`update cases set steps = jsonb_set(steps, '{0,units}', jsonb_build_array(${policyFixtures.unitCode}::text)) where id = ${loanFixtures.toHandle}`);
});


/**
 * Rounds and declarations the title rows act on: a round taking declarations (the enterprise account's declarations to
 * read, check and correct), one under review whose expert group has the department account (a declaration to score, one
 * scored to decide), one in 公示 (a passed declaration with an open objection), one to advance and one to change.
 */
let titleFixtures: {
  declaringRound: string; toChange: string; toAdvance: string; toRead: string; toDeclare: string; returned: string; toCheck: string;
  toScore: string; toDecide: string; outsideExpert: string; passed: string; objection: string;
};
beforeAll(async () => {
  const office = agents.get('office')!;
  const enterprise = agents.get('enterprise')!;
  const experts = [{ name: '授权测试专家', userId: context.users.department.id }, { name: '外部专家' }];
  const round = async (year: number) => {
    const response = await office.post('/api/title-evaluations/rounds', { ...titleRoundBody(year), experts });
    if (response.statusCode !== 201) throw new Error(`title round: ${response.statusCode} ${response.body}`);
    return response.json() as { id: string; experts: { id: string }[] };
  };
  const staff = async () => (await buildTalent(t.db, { employerId: context.users.enterprise.organisationId })).id;
  const declare = async (roundId: string) => {
    const response = await enterprise.post('/api/title-evaluations/declarations', { roundId, talentId: await staff(), level: 'intermediate', materials: [{ name: '申报表.pdf' }] });
    if (response.statusCode !== 201) throw new Error(`title declaration: ${response.statusCode} ${response.body}`);
    return response.json().id as string;
  };
  const declaring = await round(2091);
  const [toRead, returned, toCheck] = [await declare(declaring.id), await declare(declaring.id), await declare(declaring.id)];
  await t.db.execute(sql`update title_declarations set status = 'returned' where id = ${returned}`);
  const reviewing = await round(2093);
  const [toScore, toDecide] = [await declare(reviewing.id), await declare(reviewing.id)];
  await t.db.execute(sql`update title_declarations set status = 'accepted' where round_id = ${reviewing.id}`);
  await t.db.execute(sql`update title_rounds set status = 'reviewing' where id = ${reviewing.id}`);
  for (const expert of reviewing.experts) {
    const scored = await office.post(`/api/title-evaluations/declarations/${toDecide}/scores`, { expertId: expert.id, score: 75, opinion: '同意' });
    if (scored.statusCode !== 200) throw new Error(`title score: ${scored.statusCode} ${scored.body}`);
  }
  const publicizing = await round(2094);
  const passed = await declare(publicizing.id);
  await t.db.execute(sql`update title_declarations set status = 'passed' where id = ${passed}`);
  await t.db.execute(sql`update title_rounds set status = 'publicizing' where id = ${publicizing.id}`);
  const objected = await office.post(`/api/title-evaluations/declarations/${passed}/objections`, { objector: '授权测试', content: '待处理的异议' });
  titleFixtures = {
    declaringRound: declaring.id, toChange: (await round(2092)).id, toAdvance: (await round(2095)).id, toRead, toDeclare: await staff(), returned, toCheck,
    toScore, toDecide, outsideExpert: reviewing.experts[1].id, passed, objection: objected.json().objections[0].id,
  };
});

/**
 * What the demand and campaign rows act on: demands of the enterprise account's organisation (to read, edit, close and
 * fill, one per writer where the row needs a version), a campaign with a post, an applicant in its first stage, one
 * ready for the offer, a second campaign with a one-row score sheet, and an executive of the enterprise account.
 */
let demandFixtures: { read: string; enterpriseEdit: string; officeEdit: string; enterpriseClose: string; officeClose: string; fill: string };
let campaignFixtures: { campaign: string; post: string; toScore: string; toHire: string; scoreCampaign: string; scoreSheet: Buffer; applicantSheet: Buffer; toWithdraw: string; executive: string };
beforeAll(async () => {
  const enterprise = agents.get('enterprise')!;
  const office = agents.get('office')!;
  const demand = async (headcount = 2) => {
    const response = await enterprise.post('/api/demands', { post: '授权测试岗位', industry: 'digitalEconomy', discipline: 'informationTechnology', headcount, skills: ['软件开发'] });
    if (response.statusCode !== 201) throw new Error(`demand: ${response.statusCode} ${response.body}`);
    return response.json().id as string;
  };
  demandFixtures = { read: await demand(), enterpriseEdit: await demand(), officeEdit: await demand(), enterpriseClose: await demand(), officeClose: await demand(), fill: await demand(20) };
  const campaign = async (stages: string[]) => (await office.post('/api/campaigns', { type: 'openRecruitment', name: '授权测试招聘', year: 2026, stages, plan: [] })).json().id as string;
  const campaignId = await campaign(['registration', 'interview', 'offer']);
  const post = (await office.post(`/api/campaigns/${campaignId}/posts`, { title: '授权测试岗位', discipline: 'management', headcount: 5, enterpriseId: context.users.enterprise.organisationId })).json().posts[0].id as string;
  const apply = async (id: string, postId: string) => {
    const response = await office.post(`/api/campaigns/${id}/applicants`, { postId, name: '授权测试', idNumber: uniqueIdNumber(), education: 'master', school: '山西大学', graduationYear: 2010 });
    if (response.statusCode !== 201) throw new Error(`applicant: ${response.statusCode} ${response.body}`);
    return response.json().id as string;
  };
  const toScore = await apply(campaignId, post);
  const toHire = await apply(campaignId, post);
  const toWithdraw = await apply(campaignId, post);
  await t.db.execute(sql`update campaign_applicants set stage_index = 2 where id = ${toHire}`);
  const scoreCampaign = await campaign(['registration', 'offer']);
  const scorePost = (await office.post(`/api/campaigns/${scoreCampaign}/posts`, { title: '授权测试岗位', discipline: 'management', headcount: 5 })).json().posts[0].id as string;
  await apply(scoreCampaign, scorePost);
  const scoreSheet = await workbookBytes(['报名号', '姓名', '岗位', '环节', '成绩', '是否通过'], [[1, '授权测试', '授权测试岗位', '报名', '', '通过']]);
  const [executive] = await t.rows<{ id: string }>(sql`insert into executives (id, talent_id, enterprise_id, post, term_start, term_end, agreement_salary)
    values (gen_random_uuid(), ${context.talents.staff.id}, ${context.users.enterprise.organisationId}, '总经理', '2026-01-01', '2028-12-31', 480000) returning id`);
  const applicantSheet = await workbookBytes(['姓名', '身份证号码', '学历', '毕业院校', '毕业年份', '报考岗位'], [['授权测试', uniqueIdNumber(), '本科', '山西大学', 2020, '授权测试岗位']]);
  campaignFixtures = { campaign: campaignId, post, toScore, toHire, scoreCampaign, scoreSheet, applicantSheet, toWithdraw, executive: executive.id };
});

/**
 * What the training and 揭榜挂帅 rows act on: a college; a skill order of the enterprise account with a class, a session
 * and trainees (to assess, to certify, to place) and a talent to enrol; a challenge the enterprise account posted, reviewed
 * by the talent, enterprise, department and office accounts, with a proposal from elsewhere; an office challenge open to
 * proposals; one to award; an awarded one with a milestone.
 */
let growthFixtures: {
  deadline: string; college: string; order: string; trainingClass: string; session: string; toEnrol: string; toAssess: string; toCertify: string; toPlace: string; traineeSheet: Buffer;
  challenge: string; proposal: string; zoneChallenge: string; toAward: string; toAwardProposal: string; awarded: string; milestone: string;
};
beforeAll(async () => {
  const office = agents.get('office')!;
  const enterprise = agents.get('enterprise')!;
  const deadline = `${new Date().getFullYear() + 1}-12-31`;
  const fail = (what: string, response: { statusCode: number; body: string }) => {
    throw new Error(`${what}: ${response.statusCode} ${response.body}`);
  };
  const college = await buildOrganisation(t.db, { kind: 'college', name: `授权测试职业学院 ${uniqueSuffix()}`, industry: null });
  const orderResponse = await enterprise.post('/api/training-orders', { skill: '授权测试技能', headcount: 3, deadline });
  if (orderResponse.statusCode !== 201) fail('training order', orderResponse);
  const order = orderResponse.json().id as string;
  const opened = await office.post('/api/training-classes', { kind: 'order', className: '授权测试订单班', orderId: order, providerId: college.id, startsOn: '2026-01-05', endsOn: '2026-01-09' });
  if (opened.statusCode !== 201) fail('training class', opened);
  const trainingClass = opened.json().id as string;
  await t.db.execute(sql`update training_orders set provider_id = null, status = 'open', version = 1 where id = ${order}`);
  const enrol = async () => {
    const talent = await buildTalent(t.db);
    const response = await office.post(`/api/training-classes/${trainingClass}/enrolments`, { talentId: talent.id });
    return (response.json().enrolments as { id: string; talent: { id: string } }[]).find((row) => row.talent.id === talent.id)!.id;
  };
  const [toAssess, toCertify, toPlace] = [await enrol(), await enrol(), await enrol()];
  await t.db.execute(sql`update training_enrolments set assessment_score = 90, assessment_passed = true, assessed_on = '2026-01-09', version = 2 where id = ${toCertify}`);
  const session = (await office.post(`/api/training-classes/${trainingClass}/sessions`, { heldOn: '2026-01-05', topic: '授权测试课' })).json().sessions[0].id as string;
  const toEnrol = (await buildTalent(t.db)).id;
  // a sheet naming a talent already in the class: past access control it answers 200 (skipped), whoever sends it first
  const [inClass] = await t.rows<{ name: string; cipher: string }>(sql`select t.name, t.id_number_cipher as cipher from talents t join training_enrolments e on e.talent_id = t.id where e.id = ${toAssess}`);
  const traineeSheet = await workbookBytes(['姓名', '身份证号码'], [[inClass.name, t.app.secrets.decrypt(inClass.cipher)]]);

  const post = async (agent: Agent, title: string) => {
    const response = await agent.post('/api/challenges', { title, problem: '授权测试难题', budget: 100_000, deadline });
    if (response.statusCode !== 201) fail('challenge', response);
    return response.json().id as string;
  };
  const challenge = await post(enterprise, '授权测试企业榜单');
  for (const role of ['talent', 'enterprise', 'department', 'office'] as const) {
    const appointed = await office.post(`/api/challenges/${challenge}/reviewers`, { username: context.users[role].username });
    if (appointed.statusCode !== 200) fail('reviewer', appointed);
  }
  const proposalOf = async (challengeId: string) => {
    const [row] = await t.rows<{ id: string }>(sql`insert into challenge_proposals (id, challenge_id, team_name, organisation_name, members, plan, budget)
      values (gen_random_uuid(), ${challengeId}, '授权测试外部团队', '授权测试外部单位', '[{"name":"外部","role":""}]'::jsonb, '方案', 1000) returning id`);
    return row.id;
  };
  const proposal = await proposalOf(challenge);
  const zoneChallenge = await post(office, '授权测试园区榜单');
  const toAward = await post(office, '授权测试待揭榜');
  const toAwardProposal = await proposalOf(toAward);
  const awarded = await post(office, '授权测试已揭榜');
  await t.db.execute(sql`update challenges set status = 'awarded' where id = ${awarded}`);
  const milestone = (await office.post(`/api/challenges/${awarded}/milestones`, { title: '授权测试节点', dueOn: '2026-06-30' })).json().milestones[0].id as string;
  growthFixtures = {
    deadline, college: college.id, order, trainingClass, session, toEnrol, toAssess, toCertify, toPlace, traineeSheet, challenge, proposal, zoneChallenge, toAward, toAwardProposal, awarded, milestone,
  };
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
