import { eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { internshipBases, techTransfers } from '../../db/schema';
import type { SessionUser } from '../../plugins/auth';

const readsAll = (user: SessionUser) => user.roles.some((role) => role === 'office' || role === 'leader' || role === 'department');

/**
 * Record scoping of the cooperation registers, applied inside every query on them (`undefined`: every row): the
 * office, leaders and departments read all; enterprise HR the rows of its own organisation only (its bases and their
 * interns, its tech transfers, its platform tenancy); a row outside the scope answers 404.
 */
export function ownOrganisationScope(user: SessionUser, column: AnyPgColumn): SQL | undefined {
  if (readsAll(user)) return undefined;
  if (user.roles.includes('enterprise') && user.organisationId) return eq(column, user.organisationId);
  return sql`false`;
}

/** Internship bases and their interns (the base's enterprise). */
export const baseReadScope = (user: SessionUser) => ownOrganisationScope(user, internshipBases.enterpriseId);

/** Recording interns and conversions: the office on any base, enterprise HR on its own bases only. */
export function baseWriteScope(user: SessionUser): SQL | undefined {
  if (user.roles.includes('office')) return undefined;
  if (user.roles.includes('enterprise') && user.organisationId) return eq(internshipBases.enterpriseId, user.organisationId);
  return sql`false`;
}

/** Tech transfers (the receiving enterprise). */
export const transferReadScope = (user: SessionUser) => ownOrganisationScope(user, techTransfers.enterpriseId);
