import { and, asc, count, desc, eq, ilike, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ChainSegment } from '../../../domain/dictionaries';
import type { Executor } from '../../db/client';
import { organisations, talents } from '../../db/schema';
import { pageOf } from '../../http/pagination';
import { nameSortKey } from '../../search/segment';
import { escapeLike } from '../audit/audit.service';

export type OrganisationRow = typeof organisations.$inferSelect;
/** The columns of an enterprise that its input sets (kind, id, version and timestamps are the repo's). */
export type EnterpriseValues = Pick<
  typeof organisations.$inferInsert,
  'name' | 'creditCode' | 'industry' | 'chainSegment' | 'parkId' | 'size' | 'foundedOn' | 'address' | 'contactName' | 'contactPhoneCipher' | 'contactPhoneMasked' | 'description'
>;

const park = alias(organisations, 'park');
/** Staff: talents whose employer it is; in the zone: of those, the ones with status 在区. Index look-ups per enterprise. */
const staff = sql<number>`(select count(*) from ${talents} where ${talents.employerId} = ${organisations.id})`.mapWith(Number);
const staffInZone = sql<number>`(select count(*) from ${talents} where ${talents.employerId} = ${organisations.id} and ${talents.status} = 'inZone')`.mapWith(Number);

const listed = { enterprise: organisations, parkName: park.name, staff, staffInZone };
export type ListedEnterprise = { enterprise: OrganisationRow; parkName: string | null; staff: number; staffInZone: number };

export const enterpriseSorts = ['name', '-name', 'staff', '-staff', 'foundedOn', '-foundedOn', 'updatedAt', '-updatedAt'] as const;
export type EnterpriseSort = (typeof enterpriseSorts)[number];

export type EnterpriseFilters = { q?: string; industry?: string; chainSegment?: ChainSegment; parkId?: string };
export type EnterpriseListQuery = { page: number; pageSize: number; sort: EnterpriseSort; filters: EnterpriseFilters };

const isEnterprise = eq(organisations.kind, 'enterprise');

function conditions(filters: EnterpriseFilters, scope: SQL | undefined): SQL | undefined {
  const text = filters.q?.trim();
  return and(
    isEnterprise,
    scope,
    text ? or(ilike(organisations.name, `%${escapeLike(text)}%`), ilike(organisations.creditCode, `${escapeLike(text.toUpperCase())}%`)) : undefined,
    filters.industry ? eq(organisations.industry, filters.industry) : undefined,
    filters.chainSegment ? eq(organisations.chainSegment, filters.chainSegment) : undefined,
    filters.parkId ? eq(organisations.parkId, filters.parkId) : undefined,
  );
}

/** Names in pinyin order (阿, 北, 中), the same on PGlite and PostgreSQL whatever the collation: see `nameSortKey`. */
const byName = [asc(organisations.nameSortKey), asc(organisations.name), asc(organisations.id)];

function orderOf(sort: EnterpriseSort): SQL[] {
  switch (sort) {
    case 'name':
      return byName;
    case '-name':
      return [desc(organisations.nameSortKey), desc(organisations.name), desc(organisations.id)];
    case 'staff':
      return [asc(staff), ...byName];
    case '-staff':
      return [desc(staff), ...byName];
    case 'foundedOn':
      return [sql`${organisations.foundedOn} asc nulls last`, asc(organisations.id)];
    case '-foundedOn':
      return [sql`${organisations.foundedOn} desc nulls last`, asc(organisations.id)];
    case 'updatedAt':
      return [asc(organisations.updatedAt), asc(organisations.id)];
    case '-updatedAt':
      return [desc(organisations.updatedAt), asc(organisations.id)];
  }
}

export async function listEnterprises(executor: Executor, query: EnterpriseListQuery, scope: SQL | undefined) {
  const where = conditions(query.filters, scope);
  const [items, [{ total }]] = await Promise.all([
    executor
      .select(listed)
      .from(organisations)
      .leftJoin(park, eq(park.id, organisations.parkId))
      .where(where)
      .orderBy(...orderOf(query.sort))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    executor.select({ total: count() }).from(organisations).where(where),
  ]);
  return pageOf<ListedEnterprise>(items, total);
}

/** One enterprise within a scope (undefined: any), with its park's name and staff counts; null when missing, not an enterprise or out of scope. */
export async function findEnterprise(executor: Executor, id: string, scope: SQL | undefined): Promise<ListedEnterprise | null> {
  const [row] = await executor
    .select(listed)
    .from(organisations)
    .leftJoin(park, eq(park.id, organisations.parkId))
    .where(and(eq(organisations.id, id), isEnterprise, scope));
  return row ?? null;
}

/** The enterprise holding a credit code, other than `excludeId`. */
export async function findByCreditCode(executor: Executor, creditCode: string, excludeId?: string) {
  const [row] = await executor
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.creditCode, creditCode), excludeId ? ne(organisations.id, excludeId) : undefined));
  return row ?? null;
}

/** The enterprise of that name, other than `excludeId` (names are unique per kind). */
export async function findEnterpriseByName(executor: Executor, name: string, excludeId?: string) {
  const [row] = await executor
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(isEnterprise, eq(organisations.name, name), excludeId ? ne(organisations.id, excludeId) : undefined));
  return row ?? null;
}

/** Enterprises holding any of the credit codes or names (for imports: one query per batch). */
export async function findEnterpriseClashes(executor: Executor, creditCodes: string[], names: string[]) {
  if (creditCodes.length === 0 && names.length === 0) return [];
  return executor
    .select({ id: organisations.id, name: organisations.name, creditCode: organisations.creditCode, kind: organisations.kind })
    .from(organisations)
    .where(
      or(
        creditCodes.length ? inArray(organisations.creditCode, creditCodes) : undefined,
        names.length ? and(isEnterprise, inArray(organisations.name, names)) : undefined,
      ),
    );
}

/** A park or platform (organisation of kind platform). */
export async function findPark(executor: Executor, id: string) {
  const [row] = await executor
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.id, id), eq(organisations.kind, 'platform')));
  return row ?? null;
}

export async function insertEnterprises(executor: Executor, values: EnterpriseValues[]): Promise<OrganisationRow[]> {
  if (values.length === 0) return [];
  return executor
    .insert(organisations)
    .values(values.map((value) => ({ ...value, kind: 'enterprise' as const, nameSortKey: nameSortKey(value.name) })))
    .returning();
}

/** Replaces an enterprise's fields if the version still matches; null when someone else changed it first. */
export async function updateEnterpriseRow(executor: Executor, id: string, version: number, values: EnterpriseValues): Promise<OrganisationRow | null> {
  const [row] = await executor
    .update(organisations)
    .set({ ...values, nameSortKey: nameSortKey(values.name), version: sql`${organisations.version} + 1`, updatedAt: new Date() })
    .where(and(eq(organisations.id, id), isEnterprise, eq(organisations.version, version)))
    .returning();
  return row ?? null;
}

/**
 * Fills in the pinyin sort key of up to `limit` organisations that have none (rows written before it existed), after
 * the one with id `after`; a row renamed meanwhile is left alone (its writer stored its key). Returns the last id
 * looked at, null when none was left.
 */
export async function fillNameSortKeyChunk(executor: Executor, after: string | null, limit: number): Promise<string | null> {
  const rows = await executor
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(isNull(organisations.nameSortKey), after ? sql`${organisations.id} > ${after}` : undefined))
    .orderBy(asc(organisations.id))
    .limit(limit);
  if (rows.length === 0) return null;
  const values = sql.join(
    rows.map((row) => sql`(${row.id}::uuid, ${row.name}, ${nameSortKey(row.name)})`),
    sql`, `,
  );
  await executor.execute(sql`
    update ${organisations} set name_sort_key = filled.key
    from (values ${values}) as filled(id, name, key)
    where ${organisations.id} = filled.id and ${organisations.name} = filled.name and ${organisations.nameSortKey} is null`);
  return rows[rows.length - 1].id;
}
