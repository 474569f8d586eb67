import { and, asc, count, desc, eq, gt, inArray, isNotNull, sql } from 'drizzle-orm';
import { committedStatuses } from '../../../domain/policies/policy';
import type { Executor } from '../../db/client';
import { cases, auditLog, entitlements, industries, organisations, policies, talents, units, users } from '../../db/schema';
import type { SessionUser } from '../../plugins/auth';
import { applicationScope } from '../policies/applications.service';
import { inboxCondition } from '../policies/inbox';
import { entitlementScope } from '../policies/ledger.service';

const counted = (rows: { key: string | null; total: number }[]) => Object.fromEntries(rows.map((row) => [row.key ?? '', Number(row.total)]));

export async function zoneOverview(executor: Executor) {
  const [talentsByRoute, talentsByStatus, organisationsByKind, [unitCounts]] = await Promise.all([
    executor.select({ key: talents.arrivalRoute, total: count() }).from(talents).groupBy(talents.arrivalRoute),
    executor.select({ key: talents.status, total: count() }).from(talents).groupBy(talents.status),
    executor.select({ key: organisations.kind, total: count() }).from(organisations).groupBy(organisations.kind),
    executor
      .select({
        responsibleUnits: sql<number>`count(*) filter (where ${units.isResponsibleUnit})`.mapWith(Number),
        serviceTeamDepartments: sql<number>`count(*) filter (where ${units.inServiceTeam})`.mapWith(Number),
      })
      .from(units),
  ]);
  const byStatus = counted(talentsByStatus);
  return {
    talents: Object.values(byStatus).reduce((sum, value) => sum + value, 0),
    talentsByRoute: counted(talentsByRoute),
    talentsByStatus: byStatus,
    organisationsByKind: counted(organisationsByKind),
    responsibleUnits: unitCounts.responsibleUnits,
    serviceTeamDepartments: unitCounts.serviceTeamDepartments,
  };
}

/**
 * The zone at a glance, for leaders: the talents on record by key industry chain and by education, arrivals and
 * departures per year, and each published policy's money against its budget. Grouped counts and sums only.
 */
export async function zoneGlance(executor: Executor) {
  const year = (column: typeof talents.arrivedOn | typeof talents.statusSince) => sql<number>`extract(year from ${column})::int`.mapWith(Number);
  const [byChain, byEducation, arrivals, departures, money] = await Promise.all([
    executor
      .select({ chain: industries.chain, total: count() })
      .from(talents)
      .leftJoin(industries, eq(industries.code, talents.industry))
      .groupBy(industries.chain)
      .orderBy(desc(count()), asc(industries.chain)),
    executor.select({ education: talents.highestEducation, total: count() }).from(talents).groupBy(talents.highestEducation),
    executor.select({ year: year(talents.arrivedOn), total: count() }).from(talents).where(isNotNull(talents.arrivedOn)).groupBy(sql`1`),
    executor.select({ year: year(talents.statusSince), total: count() }).from(talents).where(and(eq(talents.status, 'left'), isNotNull(talents.statusSince))).groupBy(sql`1`),
    executor
      .select({
        id: policies.id,
        code: policies.code,
        title: policies.title,
        budget: policies.budgetTotal,
        committed: sql<number>`coalesce(sum(${entitlements.amount}) filter (where ${inArray(entitlements.status, [...committedStatuses])}), 0)::bigint`.mapWith(Number),
        paid: sql<number>`coalesce(sum(${entitlements.amount}) filter (where ${entitlements.status} = 'paid'), 0)::bigint`.mapWith(Number),
      })
      .from(policies)
      .leftJoin(entitlements, eq(entitlements.policyId, policies.id))
      .where(eq(policies.status, 'published'))
      .groupBy(policies.id)
      .orderBy(asc(policies.code)),
  ]);
  return { byChain, byEducation, arrivals, departures, money };
}

export async function talentSummary(executor: Executor, talentId: string) {
  const [row] = await executor
    .select({ talent: talents, employer: organisations.name })
    .from(talents)
    .leftJoin(organisations, eq(organisations.id, talents.employerId))
    .where(eq(talents.id, talentId));
  return row ?? null;
}

export async function enterpriseSummary(executor: Executor, organisationId: string) {
  const [organisation] = await executor.select().from(organisations).where(eq(organisations.id, organisationId));
  if (!organisation) return null;
  const [staff] = await executor
    .select({ total: count(), inZone: sql<number>`count(*) filter (where ${talents.status} = 'inZone')`.mapWith(Number) })
    .from(talents)
    .where(eq(talents.employerId, organisationId));
  return { organisation, staff: Number(staff.total), staffInZone: staff.inZone };
}

export async function unitSummary(executor: Executor, unitId: string) {
  const [unit] = await executor.select().from(units).where(eq(units.id, unitId));
  return unit ?? null;
}

export async function accountOverview(executor: Executor) {
  const [roleRows, [state]] = await Promise.all([
    executor.select({ key: sql<string>`unnest(${users.roles})`, total: count() }).from(users).groupBy(sql`1`),
    executor
      .select({
        total: count(),
        disabled: sql<number>`count(*) filter (where ${users.disabled})`.mapWith(Number),
        passwordPending: sql<number>`count(*) filter (where ${users.mustChangePassword} and not ${users.disabled})`.mapWith(Number),
      })
      .from(users),
  ]);
  return { users: Number(state.total), byRole: counted(roleRows), disabled: state.disabled, passwordPending: state.passwordPending };
}

export async function auditOverview(executor: Executor, since: Date) {
  const [byResult, recent] = await Promise.all([
    executor.select({ key: auditLog.result, total: count() }).from(auditLog).where(gt(auditLog.at, since)).groupBy(auditLog.result),
    executor.select().from(auditLog).where(and(gt(auditLog.at, since), isNotNull(auditLog.action))).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(5),
  ]);
  const results = counted(byResult);
  return {
    events: Object.values(results).reduce((sum, value) => sum + value, 0),
    failures: results.failure ?? 0,
    denials: results.denied ?? 0,
    recent: recent.map((entry) => ({ id: entry.id, at: entry.at.toISOString(), actorUsername: entry.actorUsername, action: entry.action, result: entry.result })),
  };
}

/**
 * Policies and money as the user may see them — the same scoping as the applications and the ledger: a talent their
 * own, enterprise HR its company's and staff's, a unit the policies it reviews or runs, the office and leaders all.
 */
export async function benefitsOverview(executor: Executor, user: SessionUser) {
  const zoneWide = user.roles.includes('office') || user.roles.includes('leader');
  const reviewer = user.roles.includes('office') || (user.roles.includes('department') && !!user.unitId);
  const [[applicationCounts], [money], catalogue] = await Promise.all([
    executor
      .select({
        open: sql<number>`count(*) filter (where ${inArray(cases.status, ['inReview', 'returned'])})`.mapWith(Number),
        returned: sql<number>`count(*) filter (where ${cases.status} = 'returned')`.mapWith(Number),
        inbox: reviewer ? sql<number>`count(*) filter (where ${inboxCondition(user)})`.mapWith(Number) : sql<number>`0`.mapWith(Number),
        escalated: sql<number>`count(*) filter (where ${cases.status} = 'inReview' and ${cases.escalatedAt} is not null)`.mapWith(Number),
      })
      .from(cases)
      .where(applicationScope(user)),
    executor
      .select({
        committed: sql<number>`coalesce(sum(${entitlements.amount}) filter (where ${inArray(entitlements.status, [...committedStatuses])}), 0)::bigint`.mapWith(Number),
        paid: sql<number>`coalesce(sum(${entitlements.amount}) filter (where ${entitlements.status} = 'paid'), 0)::bigint`.mapWith(Number),
        pending: sql<number>`count(*) filter (where ${entitlements.status} = 'pending')`.mapWith(Number),
      })
      .from(entitlements)
      .where(entitlementScope(user)),
    zoneWide
      ? executor
          .select({ published: count(), budget: sql<number>`coalesce(sum(${policies.budgetTotal}), 0)::bigint`.mapWith(Number) })
          .from(policies)
          .where(eq(policies.status, 'published'))
      : Promise.resolve([]),
  ]);
  return {
    openApplications: applicationCounts.open,
    returnedApplications: applicationCounts.returned,
    inbox: reviewer ? applicationCounts.inbox : null,
    escalated: applicationCounts.escalated,
    pendingEntitlements: money.pending,
    committed: money.committed,
    paid: money.paid,
    publishedPolicies: catalogue[0] ? Number(catalogue[0].published) : null,
    budget: catalogue[0] ? catalogue[0].budget : null,
  };
}
