import { and, asc, count, eq, ilike, type SQL } from 'drizzle-orm';
import type { OrganisationKind } from '../../../domain/dictionaries';
import type { Executor } from '../../db/client';
import { organisations, talents, units } from '../../db/schema';
import { pageOf } from '../../http/pagination';
import { escapeLike } from '../audit/audit.service';

export type OrganisationListQuery = { page: number; pageSize: number; kind?: OrganisationKind; q?: string };

export async function listOrganisations(executor: Executor, query: OrganisationListQuery) {
  const conditions: SQL[] = [];
  if (query.kind) conditions.push(eq(organisations.kind, query.kind));
  if (query.q) conditions.push(ilike(organisations.name, `%${escapeLike(query.q)}%`));
  const where = conditions.length ? and(...conditions) : undefined;
  const staff = executor
    .select({ employerId: talents.employerId, staff: count().as('staff') })
    .from(talents)
    .groupBy(talents.employerId)
    .as('staff');
  const [items, [{ total }]] = await Promise.all([
    executor
      .select({ organisation: organisations, staff: staff.staff })
      .from(organisations)
      .leftJoin(staff, eq(staff.employerId, organisations.id))
      .where(where)
      .orderBy(asc(organisations.kind), asc(organisations.name))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    executor.select({ total: count() }).from(organisations).where(where),
  ]);
  return pageOf(items, total);
}

export const listUnits = (executor: Executor) => executor.select().from(units).orderBy(asc(units.code));
