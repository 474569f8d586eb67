import { eq, or, sql, type SQL } from 'drizzle-orm';
import type { SessionUser } from '../../plugins/auth';
import { talents } from '../../db/schema';

/**
 * Record scoping of the registry, used by every query on talents: `undefined` means every record; otherwise a
 * condition. A record outside it answers 404 and never appears in a list.
 * - read: office, leader and department staff read all; enterprise HR its own staff; a talent their own record.
 * - write: office writes all; enterprise HR its own staff; a talent their own record (verified fields excepted).
 */
const nothing = sql`false`;

function scope(user: SessionUser, everyone: readonly string[]): SQL | undefined {
  if (user.roles.some((role) => everyone.includes(role))) return undefined;
  const conditions: SQL[] = [];
  if (user.roles.includes('enterprise') && user.organisationId) conditions.push(eq(talents.employerId, user.organisationId));
  if (user.roles.includes('talent') && user.talentId) conditions.push(eq(talents.id, user.talentId));
  return conditions.length ? or(...conditions) : nothing;
}

export const talentReadScope = (user: SessionUser) => scope(user, ['office', 'leader', 'department']);
export const talentWriteScope = (user: SessionUser) => scope(user, ['office']);

/** Whether the user edits only as the talent themself (so fields verified by the office are read-only). */
export const editsAsSelf = (user: SessionUser, talentId: string) =>
  !user.roles.includes('office') && user.talentId === talentId && !(user.roles.includes('enterprise') && user.organisationId);

export const canReveal = (user: SessionUser) => user.roles.includes('office');

/** Exact look-up by a full ID number or phone confirms a guessed number: the office's only (with a reason, audited, limited). */
export const canLookUpNumbers = (user: SessionUser) => user.roles.includes('office');
