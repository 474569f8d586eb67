import { and, asc, count, desc, eq, ilike, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TransferStage } from '../../../domain/cooperation';
import type { Executor } from '../../db/client';
import { cooperationItems, internshipBases, internships, organisations, talents, techTransfers, universityAgreements } from '../../db/schema';
import { pageOf } from '../../http/pagination';
import { escapeLike } from '../audit/audit.service';

type Paging = { page: number; pageSize: number };
const like = (text: string) => `%${escapeLike(text)}%`;
const isUniversity = eq(organisations.kind, 'university');

// ---- universities and their agreements ----

const itemCount = sql<number>`(select count(*) from ${cooperationItems} where ${cooperationItems.universityId} = ${organisations.id})`.mapWith(Number);
const baseCount = sql<number>`(select count(*) from ${internshipBases} where ${internshipBases.universityId} = ${organisations.id})`.mapWith(Number);
const internCount = sql<number>`(select count(*) from ${internships} join ${internshipBases} on ${internshipBases.id} = ${internships.baseId} where ${internshipBases.universityId} = ${organisations.id})`.mapWith(Number);
const listedUniversity = { id: organisations.id, name: organisations.name, agreement: universityAgreements, items: itemCount, bases: baseCount, interns: internCount };
export type ListedUniversity = { id: string; name: string; agreement: typeof universityAgreements.$inferSelect | null; items: number; bases: number; interns: number };

export async function listUniversities(executor: Executor, query: Paging & { q?: string }) {
  const where = and(isUniversity, query.q ? ilike(organisations.name, like(query.q)) : undefined);
  const [items, [{ total }]] = await Promise.all([
    executor
      .select(listedUniversity)
      .from(organisations)
      .leftJoin(universityAgreements, eq(universityAgreements.universityId, organisations.id))
      .where(where)
      .orderBy(sql`${universityAgreements.signedOn} asc nulls last`, asc(organisations.nameSortKey), asc(organisations.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    executor.select({ total: count() }).from(organisations).where(where),
  ]);
  return pageOf<ListedUniversity>(items, total);
}

export async function findUniversity(executor: Executor, id: string): Promise<ListedUniversity | null> {
  const [row] = await executor
    .select(listedUniversity)
    .from(organisations)
    .leftJoin(universityAgreements, eq(universityAgreements.universityId, organisations.id))
    .where(and(isUniversity, eq(organisations.id, id)));
  return row ?? null;
}

export async function upsertAgreement(executor: Executor, values: typeof universityAgreements.$inferInsert, version: number) {
  if (version === 0) {
    const [row] = await executor.insert(universityAgreements).values(values).onConflictDoNothing().returning();
    return row ?? null;
  }
  const [row] = await executor
    .update(universityAgreements)
    .set({ signedOn: values.signedOn, scope: values.scope, contacts: values.contacts, version: sql`${universityAgreements.version} + 1`, updatedAt: new Date() })
    .where(and(eq(universityAgreements.universityId, values.universityId), eq(universityAgreements.version, version)))
    .returning();
  return row ?? null;
}

const itemEnterprise = alias(organisations, 'item_enterprise');
export async function itemsOf(executor: Executor, universityId: string) {
  return executor
    .select({ item: cooperationItems, enterpriseName: itemEnterprise.name })
    .from(cooperationItems)
    .leftJoin(itemEnterprise, eq(itemEnterprise.id, cooperationItems.enterpriseId))
    .where(eq(cooperationItems.universityId, universityId))
    .orderBy(asc(cooperationItems.kind), sql`${cooperationItems.startedOn} desc nulls last`, asc(cooperationItems.id));
}

export async function insertItem(executor: Executor, values: typeof cooperationItems.$inferInsert) {
  const [row] = await executor.insert(cooperationItems).values(values).returning();
  return row;
}

// ---- internship bases ----

const baseEnterprise = alias(organisations, 'base_enterprise');
const baseUniversity = alias(organisations, 'base_university');
const baseInterns = sql<number>`(select count(*) from ${internships} where ${internships.baseId} = ${internshipBases.id})`.mapWith(Number);
const baseHired = sql<number>`(select count(*) from ${internships} where ${internships.baseId} = ${internshipBases.id} and ${internships.hiredTalentId} is not null)`.mapWith(Number);
const listedBase = { base: internshipBases, enterpriseName: baseEnterprise.name, universityName: baseUniversity.name, interns: baseInterns, hired: baseHired };
export type ListedBase = { base: typeof internshipBases.$inferSelect; enterpriseName: string; universityName: string; interns: number; hired: number };

const basesFrom = (executor: Executor) =>
  executor
    .select(listedBase)
    .from(internshipBases)
    .innerJoin(baseEnterprise, eq(baseEnterprise.id, internshipBases.enterpriseId))
    .innerJoin(baseUniversity, eq(baseUniversity.id, internshipBases.universityId));

export async function listBases(executor: Executor, query: Paging & { universityId?: string }, scope: SQL | undefined) {
  const where = and(scope, query.universityId ? eq(internshipBases.universityId, query.universityId) : undefined);
  const [items, [{ total }]] = await Promise.all([
    basesFrom(executor).where(where).orderBy(asc(baseUniversity.nameSortKey), asc(baseEnterprise.nameSortKey), asc(internshipBases.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    executor.select({ total: count() }).from(internshipBases).where(where),
  ]);
  return pageOf<ListedBase>(items, total);
}

export async function findBase(executor: Executor, id: string, scope: SQL | undefined): Promise<ListedBase | null> {
  const [row] = await basesFrom(executor).where(and(eq(internshipBases.id, id), scope));
  return row ?? null;
}

export async function findBasePair(executor: Executor, enterpriseId: string, universityId: string) {
  const [row] = await executor.select({ id: internshipBases.id }).from(internshipBases).where(and(eq(internshipBases.enterpriseId, enterpriseId), eq(internshipBases.universityId, universityId)));
  return row ?? null;
}

export async function insertBase(executor: Executor, values: typeof internshipBases.$inferInsert) {
  const [row] = await executor.insert(internshipBases).values(values).returning();
  return row;
}

// ---- internships (placements) ----

const hired = alias(talents, 'hired_talent');
const listedInternship = {
  internship: internships, enterpriseId: internshipBases.enterpriseId, universityId: internshipBases.universityId,
  enterpriseName: baseEnterprise.name, universityName: baseUniversity.name, hiredName: hired.name,
};
export type ListedInternship = {
  internship: typeof internships.$inferSelect; enterpriseId: string; universityId: string; enterpriseName: string; universityName: string; hiredName: string | null;
};
export type InternshipFilters = { q?: string; baseId?: string; universityId?: string; enterpriseId?: string; converted?: boolean };

const internshipsFrom = (executor: Executor) =>
  executor
    .select(listedInternship)
    .from(internships)
    .innerJoin(internshipBases, eq(internshipBases.id, internships.baseId))
    .innerJoin(baseEnterprise, eq(baseEnterprise.id, internshipBases.enterpriseId))
    .innerJoin(baseUniversity, eq(baseUniversity.id, internshipBases.universityId))
    .leftJoin(hired, eq(hired.id, internships.hiredTalentId));

function internshipConditions(filters: InternshipFilters, scope: SQL | undefined) {
  return and(
    scope,
    filters.q ? or(ilike(internships.studentName, like(filters.q)), ilike(internships.major, like(filters.q))) : undefined,
    filters.baseId ? eq(internships.baseId, filters.baseId) : undefined,
    filters.universityId ? eq(internshipBases.universityId, filters.universityId) : undefined,
    filters.enterpriseId ? eq(internshipBases.enterpriseId, filters.enterpriseId) : undefined,
    filters.converted === undefined ? undefined : filters.converted ? isNotNull(internships.hiredTalentId) : isNull(internships.hiredTalentId),
  );
}

export async function listInternships(executor: Executor, query: Paging & InternshipFilters, scope: SQL | undefined) {
  const where = internshipConditions(query, scope);
  const [items, [{ total }]] = await Promise.all([
    internshipsFrom(executor).where(where).orderBy(desc(internships.periodFrom), asc(internships.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    executor.select({ total: count() }).from(internships).innerJoin(internshipBases, eq(internshipBases.id, internships.baseId)).where(where),
  ]);
  return pageOf<ListedInternship>(items, total);
}

/** Every internship matching the filters (the export), newest first. */
export async function allInternships(executor: Executor, filters: InternshipFilters, scope: SQL | undefined): Promise<ListedInternship[]> {
  return internshipsFrom(executor).where(internshipConditions(filters, scope)).orderBy(desc(internships.periodFrom), asc(internships.id));
}

export async function findInternship(executor: Executor, id: string, scope: SQL | undefined): Promise<ListedInternship | null> {
  const [row] = await internshipsFrom(executor).where(and(eq(internships.id, id), scope));
  return row ?? null;
}

export async function insertInternships(executor: Executor, values: (typeof internships.$inferInsert)[]) {
  if (values.length === 0) return [];
  return executor.insert(internships).values(values).returning();
}

export async function internshipOfTalent(executor: Executor, talentId: string) {
  const [row] = await executor.select({ id: internships.id }).from(internships).where(eq(internships.hiredTalentId, talentId));
  return row ?? null;
}

export async function markConverted(executor: Executor, id: string, version: number, talentId: string, hiredOn: string) {
  const [row] = await executor
    .update(internships)
    .set({ hiredTalentId: talentId, hiredOn, version: sql`${internships.version} + 1` })
    .where(and(eq(internships.id, id), eq(internships.version, version), isNull(internships.hiredTalentId)))
    .returning();
  return row ?? null;
}

// ---- tech transfers (成果转化) ----

const transferSource = alias(organisations, 'transfer_source');
const transferEnterprise = alias(organisations, 'transfer_enterprise');
const listedTransfer = { transfer: techTransfers, sourceName: transferSource.name, enterpriseName: transferEnterprise.name };
export type ListedTransfer = { transfer: typeof techTransfers.$inferSelect; sourceName: string; enterpriseName: string };

const transfersFrom = (executor: Executor) =>
  executor
    .select(listedTransfer)
    .from(techTransfers)
    .innerJoin(transferSource, eq(transferSource.id, techTransfers.sourceId))
    .innerJoin(transferEnterprise, eq(transferEnterprise.id, techTransfers.enterpriseId));

export async function listTransfers(executor: Executor, query: Paging & { q?: string; stage?: TransferStage; sourceId?: string }, scope: SQL | undefined) {
  const where = and(
    scope,
    query.q ? ilike(techTransfers.technology, like(query.q)) : undefined,
    query.stage ? eq(techTransfers.stage, query.stage) : undefined,
    query.sourceId ? eq(techTransfers.sourceId, query.sourceId) : undefined,
  );
  const [items, [{ total }]] = await Promise.all([
    transfersFrom(executor).where(where).orderBy(desc(techTransfers.startedOn), asc(techTransfers.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    executor.select({ total: count() }).from(techTransfers).where(where),
  ]);
  return pageOf<ListedTransfer>(items, total);
}

export async function findTransfer(executor: Executor, id: string, scope: SQL | undefined): Promise<ListedTransfer | null> {
  const [row] = await transfersFrom(executor).where(and(eq(techTransfers.id, id), scope));
  return row ?? null;
}

export async function insertTransfer(executor: Executor, values: typeof techTransfers.$inferInsert) {
  const [row] = await executor.insert(techTransfers).values(values).returning();
  return row;
}

