import { and, asc, count, desc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import type { ApartmentLayout, ApartmentUnitStatus, LeaseStatus } from '../../../domain/apartments';
import type { Executor } from '../../db/client';
import { apartmentBuildings, apartmentLeases, apartmentUnits, cases, talents } from '../../db/schema';

export type BuildingRow = typeof apartmentBuildings.$inferSelect;
export type UnitRow = typeof apartmentUnits.$inferSelect;
export type LeaseRow = typeof apartmentLeases.$inferSelect;

// ——— buildings ———

/** Every building with its unit counts by status and the units with an open lease (the occupancy from the records). */
export async function listBuildingRows(executor: Executor) {
  return executor
    .select({
      building: apartmentBuildings,
      units: sql<number>`(select count(*)::int from apartment_units u where u.building_id = apartment_buildings.id)`,
      vacant: sql<number>`(select count(*)::int from apartment_units u where u.building_id = apartment_buildings.id and u.status = 'vacant')`,
      maintenance: sql<number>`(select count(*)::int from apartment_units u where u.building_id = apartment_buildings.id and u.status = 'maintenance')`,
      reserved: sql<number>`(select count(*)::int from apartment_leases l join apartment_units u on u.id = l.unit_id where u.building_id = apartment_buildings.id and l.status = 'reserved')`,
      occupied: sql<number>`(select count(*)::int from apartment_leases l join apartment_units u on u.id = l.unit_id where u.building_id = apartment_buildings.id and l.status = 'active')`,
    })
    .from(apartmentBuildings)
    .orderBy(asc(apartmentBuildings.name));
}

export async function findBuilding(executor: Executor, id: string) {
  const [row] = await executor.select().from(apartmentBuildings).where(eq(apartmentBuildings.id, id));
  return row;
}

export async function lockBuilding(executor: Executor, id: string) {
  const [row] = await executor.select().from(apartmentBuildings).where(eq(apartmentBuildings.id, id)).for('update');
  return row;
}

export async function buildingNamed(executor: Executor, name: string) {
  const [row] = await executor.select({ id: apartmentBuildings.id }).from(apartmentBuildings).where(eq(apartmentBuildings.name, name));
  return row;
}

export async function insertBuilding(executor: Executor, values: typeof apartmentBuildings.$inferInsert) {
  const [row] = await executor.insert(apartmentBuildings).values(values).returning();
  return row;
}

export async function updateBuilding(executor: Executor, id: string, values: Partial<typeof apartmentBuildings.$inferInsert>) {
  await executor.update(apartmentBuildings).set({ ...values, updatedAt: new Date() }).where(eq(apartmentBuildings.id, id));
}

// ——— units ———

export type UnitFilters = { buildingId?: string; status?: ApartmentUnitStatus; layout?: ApartmentLayout; furnished?: boolean; number?: string };

/** The tenant of a unit's open lease (reserved or active), by name. */
const tenantName = sql<string | null>`(select t.name from apartment_leases l join talents t on t.id = l.talent_id where l.unit_id = apartment_units.id and l.status in ('reserved', 'active'))`;

export async function listUnitRows(executor: Executor, filters: UnitFilters, page: number, pageSize: number) {
  const conditions: (SQL | undefined)[] = [
    filters.buildingId ? eq(apartmentUnits.buildingId, filters.buildingId) : undefined,
    filters.status ? eq(apartmentUnits.status, filters.status) : undefined,
    filters.layout ? eq(apartmentUnits.layout, filters.layout) : undefined,
    filters.furnished === undefined ? undefined : eq(apartmentUnits.furnished, filters.furnished),
    filters.number ? ilike(apartmentUnits.number, `%${filters.number.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
  ];
  const where = and(...conditions);
  const [rows, [{ total }]] = await Promise.all([
    executor
      .select({ unit: apartmentUnits, buildingName: apartmentBuildings.name, tenant: tenantName })
      .from(apartmentUnits)
      .innerJoin(apartmentBuildings, eq(apartmentBuildings.id, apartmentUnits.buildingId))
      .where(where)
      .orderBy(asc(apartmentBuildings.name), asc(apartmentUnits.number))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    executor.select({ total: count() }).from(apartmentUnits).where(where),
  ]);
  return { rows, total };
}

export async function findUnit(executor: Executor, id: string) {
  const [row] = await executor
    .select({ unit: apartmentUnits, buildingName: apartmentBuildings.name, tenant: tenantName })
    .from(apartmentUnits)
    .innerJoin(apartmentBuildings, eq(apartmentBuildings.id, apartmentUnits.buildingId))
    .where(eq(apartmentUnits.id, id));
  return row;
}

export async function lockUnit(executor: Executor, id: string) {
  const [row] = await executor.select().from(apartmentUnits).where(eq(apartmentUnits.id, id)).for('update');
  return row;
}

export async function unitNumbered(executor: Executor, buildingId: string, number: string) {
  const [row] = await executor.select({ id: apartmentUnits.id }).from(apartmentUnits).where(and(eq(apartmentUnits.buildingId, buildingId), eq(apartmentUnits.number, number)));
  return row;
}

export async function insertUnit(executor: Executor, values: typeof apartmentUnits.$inferInsert) {
  const [row] = await executor.insert(apartmentUnits).values(values).returning();
  return row;
}

export async function updateUnit(executor: Executor, id: string, values: Partial<typeof apartmentUnits.$inferInsert>) {
  await executor.update(apartmentUnits).set({ ...values, updatedAt: new Date() }).where(eq(apartmentUnits.id, id));
}

/**
 * Reserves a unit if, and only if, it is vacant at this moment: one conditional UPDATE. Of two allocations of one unit
 * at once, the second waits on the first's row lock (PostgreSQL) or runs after it (PGlite), then finds it no longer
 * vacant and reserves nothing.
 */
export async function reserveVacantUnit(executor: Executor, id: string) {
  const [row] = await executor
    .update(apartmentUnits)
    .set({ status: 'reserved', version: sql`${apartmentUnits.version} + 1`, updatedAt: new Date() })
    .where(and(eq(apartmentUnits.id, id), eq(apartmentUnits.status, 'vacant')))
    .returning();
  return row;
}

// ——— leases ———

export type LeaseFilters = { id?: string; unitId?: string; talentId?: string; status?: LeaseStatus; caseIds?: string[] };

/** Leases with their unit, building and tenant, newest allocation first: a unit's or a talent's occupancy history. */
export async function listLeaseRows(executor: Executor, filters: LeaseFilters, page: number, pageSize: number) {
  const where = and(
    filters.id ? eq(apartmentLeases.id, filters.id) : undefined,
    filters.unitId ? eq(apartmentLeases.unitId, filters.unitId) : undefined,
    filters.talentId ? eq(apartmentLeases.talentId, filters.talentId) : undefined,
    filters.status ? eq(apartmentLeases.status, filters.status) : undefined,
    filters.caseIds ? (filters.caseIds.length ? inArray(apartmentLeases.caseId, filters.caseIds) : sql`false`) : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    executor
      .select({ lease: apartmentLeases, unitNumber: apartmentUnits.number, layout: apartmentUnits.layout, monthlyRent: apartmentUnits.monthlyRent, buildingName: apartmentBuildings.name, talentName: talents.name })
      .from(apartmentLeases)
      .innerJoin(apartmentUnits, eq(apartmentUnits.id, apartmentLeases.unitId))
      .innerJoin(apartmentBuildings, eq(apartmentBuildings.id, apartmentUnits.buildingId))
      .innerJoin(talents, eq(talents.id, apartmentLeases.talentId))
      .where(where)
      .orderBy(desc(apartmentLeases.allocatedAt), desc(apartmentLeases.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    executor.select({ total: count() }).from(apartmentLeases).where(where),
  ]);
  return { rows, total };
}

export async function lockLease(executor: Executor, id: string, talentId?: string) {
  const [row] = await executor
    .select()
    .from(apartmentLeases)
    .where(and(eq(apartmentLeases.id, id), talentId ? eq(apartmentLeases.talentId, talentId) : undefined))
    .for('update');
  return row;
}

export async function insertLease(executor: Executor, values: typeof apartmentLeases.$inferInsert) {
  const [row] = await executor.insert(apartmentLeases).values(values).returning();
  return row;
}

export async function updateLease(executor: Executor, id: string, values: Partial<typeof apartmentLeases.$inferInsert>) {
  await executor.update(apartmentLeases).set({ ...values, updatedAt: new Date() }).where(eq(apartmentLeases.id, id));
}

export async function leaseOfCase(executor: Executor, caseId: string) {
  const [row] = await executor.select().from(apartmentLeases).where(eq(apartmentLeases.caseId, caseId));
  return row;
}

// ——— applications and the waiting list ———

const isApartment = eq(cases.type, 'apartment');
/** The ordering rule (domain/apartments.ts tierRank): tier A first … E, no tier last; then the date applied; then the id. */
const tierOrder = sql`coalesce(nullif(position(coalesce(${talents.tier}, '-') in 'ABCDE'), 0), 9)`;

/** The waiting list: approved apartment applications without a lease, in the order of the rule, with their positions. */
export async function waitingRows(executor: Executor) {
  return executor
    .select({ row: cases, talentName: talents.name, tier: talents.tier })
    .from(cases)
    .innerJoin(talents, eq(talents.id, cases.subjectId))
    .where(and(isApartment, eq(cases.status, 'approved'), sql`not exists (select 1 from apartment_leases l where l.case_id = cases.id)`))
    .orderBy(tierOrder, asc(cases.submittedAt), asc(cases.id));
}

/** A talent's apartment application that is still open, waiting, or housed (a lease not ended): one at a time. */
export async function openApartmentOf(executor: Executor, talentId: string) {
  const [row] = await executor
    .select({ id: cases.id })
    .from(cases)
    .where(
      and(
        isApartment,
        eq(cases.subjectId, talentId),
        sql`(${cases.status} in ('inReview', 'returned')
          or (${cases.status} = 'approved' and not exists (select 1 from apartment_leases l where l.case_id = cases.id and l.status = 'ended')))`,
      ),
    )
    .limit(1);
  return row;
}

export async function talentTier(executor: Executor, talentId: string) {
  const [row] = await executor.select({ id: talents.id, name: talents.name, tier: talents.tier }).from(talents).where(eq(talents.id, talentId));
  return row;
}
