import { eq, sql, type SQL } from 'drizzle-orm';
import { organisations } from '../../db/schema';
import type { SessionUser } from '../../plugins/auth';

/**
 * Record scoping of enterprises, used by every query on them: `undefined` means every enterprise; otherwise a condition.
 * - read: everyone holding `enterprises.read` reads the whole directory (contact phones masked).
 * - write: the office writes all; enterprise HR only its own enterprise (any other answers 404).
 */
export const enterpriseReadScope = (_user: SessionUser): SQL | undefined => undefined;

export function enterpriseWriteScope(user: SessionUser): SQL | undefined {
  if (user.roles.includes('office')) return undefined;
  if (user.roles.includes('enterprise') && user.organisationId) return eq(organisations.id, user.organisationId);
  return sql`false`;
}
