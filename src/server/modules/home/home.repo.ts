import { and, asc, count, desc, eq, gt, inArray, isNotNull, sql } from 'drizzle-orm';
import type { EducationLevel } from '../../../domain/dictionaries';
import { committedStatuses } from '../../../domain/policies/policy';
import type { Executor } from '../../db/client';
import { cases, auditLog, entitlements, industries, organisations, policies, talents, units, users } from '../../db/schema';
import type { SessionUser } from '../../plugins/auth';
import { applicationScope } from '../policies/applications.service';
import { inboxCondition } from '../policies/inbox';
import { entitlementScope } from '../policies/ledger.service';
import { moneyByPolicy, type Tallies } from './tallies.repo';

const counted = (rows: { key: string | null; total: number }[]) => Object.fromEntries(rows.map((row) => [row.key ?? '', Number(row.total)]));

/** The office's tiles: talents by arrival route and status, organisations by kind (from the tallies), units counted. */
export async function zoneOverview(executor: Executor, counts: Tallies) {
  const [unitCounts] = await executor
    .select({
      responsibleUnits: sql<number>`count(*) filter (where ${units.isResponsibleUnit})`.mapWith(Number),
      serviceTeamDepartments: sql<number>`count(*) filter (where ${units.inServiceTeam})`.mapWith(Number),
    })
    .from(units);
  const byStatus = counts.of('talent.status');
  return {
    talents: Object.values(byStatus).reduce((sum, value) => sum + value, 0),
    talentsByRoute: counts.of('talent.route'),
    talentsByStatus: byStatus,
    organisationsByKind: counts.of('organisation.kind'),
    responsibleUnits: unitCounts.responsibleUnits,
    serviceTeamDepartments: unitCounts.serviceTeamDepartments,
  };
}

/**
 * The zone at a glance, for leaders: the talents on record by key industry chain and by education, arrivals and
 * departures per year, and each published policy's money against its budget. Grouped counts and sums only.
 */
export async function zoneGlance(executor: Executor, counts: Tallies) {
  const byIndustry = counts.of('talent.industry');
  const [chains, published] = await Promise.all([
    executor.select({ code: industries.code, chain: industries.chain }).from(industries),
    executor
      .select({ id: policies.id, code: policies.code, title: policies.title, budget: policies.budgetTotal })
      .from(policies)
      .where(eq(policies.status, 'published'))
      .orderBy(asc(policies.code)),
  ]);
  // each published policy's money from the entitlement tallies
  const byPolicy = moneyByPolicy(counts);
  const money = published.map((policy) => {
    const amounts = byPolicy.get(policy.id)?.amount ?? {};
    return { ...policy, committed: committedStatuses.reduce((sum, status) => sum + (amounts[status] ?? 0), 0), paid: amounts.paid ?? 0 };
  });
  // talents by chain: the industry tallies summed over each industry's chain (no industry, or one outside a chain: null)
  const chainOf = new Map(chains.map((row) => [row.code, row.chain]));
  const byChainMap = new Map<string | null, number>();
  for (const [industry, total] of Object.entries(byIndustry)) {
    const chain = chainOf.get(industry) ?? null;
    byChainMap.set(chain, (byChainMap.get(chain) ?? 0) + total);
  }
  const byChain = [...byChainMap].map(([chain, total]) => ({ chain, total })).sort((a, b) => b.total - a.total || (a.chain ?? '').localeCompare(b.chain ?? ''));
  const listed = (dimension: string) => Object.entries(counts.of(dimension)).map(([key, total]) => ({ key, total }));
  return {
    byChain,
    byEducation: listed('talent.education').map(({ key, total }) => ({ education: (key || null) as EducationLevel | null, total })),
    arrivals: listed('talent.arrived').map(({ key, total }) => ({ year: Number(key), total })),
    departures: listed('talent.left').map(({ key, total }) => ({ year: Number(key), total })),
    money,
  };
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

/** The zone's money (every entitlement) from the tallies: committed and paid amounts, pending entitlements. */
function zoneMoney(counts: Tallies) {
  let committed = 0;
  let paid = 0;
  let pending = 0;
  for (const { amount, count: number } of moneyByPolicy(counts).values()) {
    committed += committedStatuses.reduce((sum, status) => sum + (amount[status] ?? 0), 0);
    paid += amount.paid ?? 0;
    pending += number.pending ?? 0;
  }
  return { committed, paid, pending };
}

/**
 * Policies and money as the user may see them — the same scoping as the applications and the ledger: a talent their
 * own, enterprise HR its company's and staff's, a unit the policies it reviews or runs, the office and leaders all.
 */
export async function benefitsOverview(executor: Executor, user: SessionUser, counts?: Tallies) {
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
    // zone-wide (office, leader) from the entitlement tallies; scoped ones are few and counted
    zoneWide && counts
      ? Promise.resolve([zoneMoney(counts)])
      : executor
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
