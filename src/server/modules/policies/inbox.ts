import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import { applications, policyVersions } from '../../db/schema';
import type { SessionUser } from '../../plugins/auth';

/**
 * 待我审核: applications in review whose current step is assigned to the user's unit — and, for the office, those
 * escalated for being overdue. Reads `policy_versions.steps`, so the query must join the application's version.
 */
export function inboxCondition(user: SessionUser): SQL {
  const mine = user.unitId
    ? sql`exists (select 1 from units u where u.id = ${user.unitId} and ${policyVersions.steps} -> ${applications.stepIndex} -> 'units' ? u.code)`
    : sql`false`;
  return and(eq(applications.status, 'inReview'), user.roles.includes('office') ? or(mine, sql`${applications.escalatedAt} is not null`) : mine)!;
}
