import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { trainingProviderKinds, type TrainingClassKind, type TrainingOrderStatus } from '../../../domain/growth';
import type { Executor } from '../../db/client';
import { organisations, talents, trainingAttendance, trainingClasses, trainingEnrolments, trainingOrders, trainingSessions } from '../../db/schema';
import { pageOf } from '../../http/pagination';

export type OrderRow = typeof trainingOrders.$inferSelect;
export type ClassRow = typeof trainingClasses.$inferSelect;
export type EnrolmentRow = typeof trainingEnrolments.$inferSelect;

const enterprise = alias(organisations, 'enterprise');
const provider = alias(organisations, 'provider');
const placedAt = alias(organisations, 'placed_at');

/** Organisations that provide training (colleges, universities, research institutes), by name. */
export async function listProviders(executor: Executor) {
  return executor
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(inArray(organisations.kind, [...trainingProviderKinds]))
    .orderBy(asc(organisations.nameSortKey), asc(organisations.name));
}

export async function findOrganisation(executor: Executor, id: string) {
  const [row] = await executor.select({ id: organisations.id, name: organisations.name, kind: organisations.kind }).from(organisations).where(eq(organisations.id, id));
  return row ?? null;
}

// ——— orders ———

const enrolledOfOrder = sql<number>`(select count(*) from ${trainingEnrolments} e join ${trainingClasses} c on c.id = e.class_id where c.order_id = ${trainingOrders.id})`.mapWith(Number);
const certifiedOfOrder = sql<number>`(select count(*) from ${trainingEnrolments} e join ${trainingClasses} c on c.id = e.class_id where c.order_id = ${trainingOrders.id} and e.certificate_issued_on is not null)`.mapWith(Number);
/** Placed: trainees of the order's classes whose placement is into the ordering enterprise (a record each, dated). */
const placedOfOrder = sql<number>`(select count(*) from ${trainingEnrolments} e join ${trainingClasses} c on c.id = e.class_id where c.order_id = ${trainingOrders.id} and e.placed_enterprise_id = ${trainingOrders.enterpriseId})`.mapWith(Number);

const orderColumns = {
  order: trainingOrders,
  enterpriseName: enterprise.name,
  providerName: provider.name,
  enrolled: enrolledOfOrder,
  certified: certifiedOfOrder,
  placed: placedOfOrder,
};
export type ListedOrder = { order: OrderRow; enterpriseName: string; providerName: string | null; enrolled: number; certified: number; placed: number };

export type OrderFilters = { status?: TrainingOrderStatus; enterpriseId?: string };

export async function listOrders(executor: Executor, query: { page: number; pageSize: number; filters: OrderFilters }, scope: SQL | undefined) {
  const where = and(scope, query.filters.status ? eq(trainingOrders.status, query.filters.status) : undefined, query.filters.enterpriseId ? eq(trainingOrders.enterpriseId, query.filters.enterpriseId) : undefined);
  const [items, [{ total }]] = await Promise.all([
    executor
      .select(orderColumns)
      .from(trainingOrders)
      .innerJoin(enterprise, eq(enterprise.id, trainingOrders.enterpriseId))
      .leftJoin(provider, eq(provider.id, trainingOrders.providerId))
      .where(where)
      .orderBy(desc(trainingOrders.createdAt), asc(trainingOrders.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    executor.select({ total: count() }).from(trainingOrders).where(where),
  ]);
  return pageOf<ListedOrder>(items as ListedOrder[], total);
}

export async function findOrder(executor: Executor, id: string, scope: SQL | undefined): Promise<ListedOrder | null> {
  const [row] = await executor
    .select(orderColumns)
    .from(trainingOrders)
    .innerJoin(enterprise, eq(enterprise.id, trainingOrders.enterpriseId))
    .leftJoin(provider, eq(provider.id, trainingOrders.providerId))
    .where(and(eq(trainingOrders.id, id), scope));
  return (row as ListedOrder | undefined) ?? null;
}

/** The order, locked for the rest of the transaction. */
export async function lockOrder(executor: Executor, id: string, scope: SQL | undefined) {
  const [row] = await executor.select().from(trainingOrders).where(and(eq(trainingOrders.id, id), scope)).for('update');
  return row ?? null;
}

export async function insertOrder(executor: Executor, values: typeof trainingOrders.$inferInsert) {
  const [row] = await executor.insert(trainingOrders).values(values).returning();
  return row;
}

export async function updateOrder(executor: Executor, id: string, values: Partial<typeof trainingOrders.$inferInsert>) {
  await executor.update(trainingOrders).set({ ...values, version: sql`${trainingOrders.version} + 1`, updatedAt: new Date() }).where(eq(trainingOrders.id, id));
}

// ——— classes ———

const traineesOfClass = sql<number>`(select count(*) from ${trainingEnrolments} e where e.class_id = ${trainingClasses.id})`.mapWith(Number);
const certifiedOfClass = sql<number>`(select count(*) from ${trainingEnrolments} e where e.class_id = ${trainingClasses.id} and e.certificate_issued_on is not null)`.mapWith(Number);
const placedOfClass = sql<number>`(select count(*) from ${trainingEnrolments} e where e.class_id = ${trainingClasses.id} and e.placed_on is not null)`.mapWith(Number);

const classColumns = {
  trainingClass: trainingClasses,
  providerName: provider.name,
  enterpriseName: enterprise.name,
  trainees: traineesOfClass,
  certified: certifiedOfClass,
  placed: placedOfClass,
};
export type ListedClass = { trainingClass: ClassRow; providerName: string; enterpriseName: string | null; trainees: number; certified: number; placed: number };

export type ClassFilters = { kind?: TrainingClassKind; orderId?: string };

const classWhere = (filters: ClassFilters, scope: SQL | undefined) =>
  and(scope, filters.kind ? eq(trainingClasses.kind, filters.kind) : undefined, filters.orderId ? eq(trainingClasses.orderId, filters.orderId) : undefined);

export async function listClasses(executor: Executor, query: { page: number; pageSize: number; filters: ClassFilters }, scope: SQL | undefined) {
  const where = classWhere(query.filters, scope);
  const [items, [{ total }]] = await Promise.all([
    executor
      .select(classColumns)
      .from(trainingClasses)
      .innerJoin(provider, eq(provider.id, trainingClasses.providerId))
      .leftJoin(enterprise, eq(enterprise.id, trainingClasses.enterpriseId))
      .where(where)
      .orderBy(desc(trainingClasses.startsOn), asc(trainingClasses.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    executor.select({ total: count() }).from(trainingClasses).where(where),
  ]);
  return pageOf<ListedClass>(items as ListedClass[], total);
}

/** Every class of an order (an order has a few). */
export async function classesOfOrder(executor: Executor, orderId: string) {
  return (await executor
    .select(classColumns)
    .from(trainingClasses)
    .innerJoin(provider, eq(provider.id, trainingClasses.providerId))
    .leftJoin(enterprise, eq(enterprise.id, trainingClasses.enterpriseId))
    .where(eq(trainingClasses.orderId, orderId))
    .orderBy(asc(trainingClasses.startsOn), asc(trainingClasses.id))) as ListedClass[];
}

export async function findClass(executor: Executor, id: string, scope: SQL | undefined): Promise<ListedClass | null> {
  const [row] = await executor
    .select(classColumns)
    .from(trainingClasses)
    .innerJoin(provider, eq(provider.id, trainingClasses.providerId))
    .leftJoin(enterprise, eq(enterprise.id, trainingClasses.enterpriseId))
    .where(and(eq(trainingClasses.id, id), scope));
  return (row as ListedClass | undefined) ?? null;
}

export async function lockClass(executor: Executor, id: string) {
  const [row] = await executor.select().from(trainingClasses).where(eq(trainingClasses.id, id)).for('update');
  return row ?? null;
}

export async function insertClass(executor: Executor, values: typeof trainingClasses.$inferInsert) {
  const [row] = await executor.insert(trainingClasses).values(values).returning();
  return row;
}

// ——— sessions and attendance ———

export async function insertSession(executor: Executor, values: typeof trainingSessions.$inferInsert) {
  const [row] = await executor.insert(trainingSessions).values(values).returning();
  return row;
}

export async function sessionsOfClass(executor: Executor, classId: string) {
  const sessions = await executor.select().from(trainingSessions).where(eq(trainingSessions.classId, classId)).orderBy(asc(trainingSessions.heldOn), asc(trainingSessions.createdAt));
  const present = sessions.length
    ? await executor
        .select({ sessionId: trainingAttendance.sessionId, enrolmentId: trainingAttendance.enrolmentId })
        .from(trainingAttendance)
        .where(and(inArray(trainingAttendance.sessionId, sessions.map((session) => session.id)), eq(trainingAttendance.present, true)))
    : [];
  return sessions.map((session) => ({ ...session, present: present.filter((row) => row.sessionId === session.id).map((row) => row.enrolmentId) }));
}

export async function findSession(executor: Executor, classId: string, sessionId: string) {
  const [row] = await executor.select().from(trainingSessions).where(and(eq(trainingSessions.id, sessionId), eq(trainingSessions.classId, classId)));
  return row ?? null;
}

/** Replaces a session's attendance: every trainee of the class gets a row, present or not. */
export async function setAttendance(executor: Executor, sessionId: string, enrolmentIds: string[], present: Set<string>) {
  await executor.delete(trainingAttendance).where(eq(trainingAttendance.sessionId, sessionId));
  if (enrolmentIds.length) await executor.insert(trainingAttendance).values(enrolmentIds.map((enrolmentId) => ({ sessionId, enrolmentId, present: present.has(enrolmentId) })));
}

// ——— trainees ———

const attended = sql<number>`(select count(*) from ${trainingAttendance} a where a.enrolment_id = ${trainingEnrolments.id} and a.present)`.mapWith(Number);

export async function enrolmentsOfClass(executor: Executor, classId: string) {
  return executor
    .select({ enrolment: trainingEnrolments, talentName: talents.name, placedName: placedAt.name, attended })
    .from(trainingEnrolments)
    .innerJoin(talents, eq(talents.id, trainingEnrolments.talentId))
    .leftJoin(placedAt, eq(placedAt.id, trainingEnrolments.placedEnterpriseId))
    .where(eq(trainingEnrolments.classId, classId))
    .orderBy(asc(trainingEnrolments.createdAt), asc(trainingEnrolments.id));
}

export async function findEnrolment(executor: Executor, id: string) {
  const [row] = await executor.select().from(trainingEnrolments).where(eq(trainingEnrolments.id, id)).for('update');
  return row ?? null;
}

export async function findEnrolmentOf(executor: Executor, classId: string, talentId: string) {
  const [row] = await executor.select({ id: trainingEnrolments.id }).from(trainingEnrolments).where(and(eq(trainingEnrolments.classId, classId), eq(trainingEnrolments.talentId, talentId)));
  return row ?? null;
}

export async function insertEnrolments(executor: Executor, values: (typeof trainingEnrolments.$inferInsert)[]) {
  if (values.length === 0) return [];
  return executor.insert(trainingEnrolments).values(values).returning();
}

export async function updateEnrolment(executor: Executor, id: string, version: number, values: Partial<typeof trainingEnrolments.$inferInsert>) {
  const [row] = await executor
    .update(trainingEnrolments)
    .set({ ...values, version: sql`${trainingEnrolments.version} + 1` })
    .where(and(eq(trainingEnrolments.id, id), eq(trainingEnrolments.version, version)))
    .returning();
  return row ?? null;
}

/** Certificate numbers issued so far in a year (the next number follows). */
export async function certificatesInYear(executor: Executor, year: number) {
  const [{ total }] = await executor.select({ total: count() }).from(trainingEnrolments).where(sql`extract(year from ${trainingEnrolments.certificateIssuedOn}) = ${year}`);
  return Number(total);
}

/** A talent's training records (classes, certificates, placements), newest first. */
export async function trainingOfTalent(executor: Executor, talentId: string) {
  return executor
    .select({ enrolment: trainingEnrolments, className: trainingClasses.name, kind: trainingClasses.kind, certificateName: trainingClasses.certificateName, providerName: provider.name })
    .from(trainingEnrolments)
    .innerJoin(trainingClasses, eq(trainingClasses.id, trainingEnrolments.classId))
    .innerJoin(provider, eq(provider.id, trainingClasses.providerId))
    .where(eq(trainingEnrolments.talentId, talentId))
    .orderBy(desc(trainingEnrolments.enrolledOn), asc(trainingEnrolments.id));
}
