import { alias } from 'drizzle-orm/pg-core';
import { and, asc, count, desc, eq, ilike, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { jointTaskHelpers, jointTaskNotes, jointTasks, organisations, talents, units, users } from '../../db/schema';
import { pageOf } from '../../http/pagination';
import { escapeLike } from '../audit/audit.service';
import { openJointTaskStatuses, type JointTaskStatus } from '../../../domain/coordination';

export type JointTaskRow = typeof jointTasks.$inferSelect;

/**
 * Which joint tasks a reader sees (in every query, so another unit's task is a 404 and never listed): `undefined` is
 * all (the office, leaders); a unit's staff the tasks their unit owns or helps on.
 */
export type JointTaskScope = SQL | undefined;

/** Tasks a unit owns or helps on. */
export const tasksOfUnit = (unitId: string) =>
  or(eq(jointTasks.ownerUnitId, unitId), sql`exists (select 1 from ${jointTaskHelpers} where ${jointTaskHelpers.taskId} = ${jointTasks.id} and ${jointTaskHelpers.unitId} = ${unitId})`)!;

const ownerUnits = alias(units, 'owner_unit');

const taskView = (executor: Executor) =>
  executor
    .select({
      task: jointTasks,
      ownerName: ownerUnits.name,
      ownerNameEn: ownerUnits.nameEn,
      ownerCode: ownerUnits.code,
      talentName: talents.name,
      enterpriseName: organisations.name,
      creatorName: users.displayName,
      helpersTotal: sql<number>`(select count(*)::int from ${jointTaskHelpers} where ${jointTaskHelpers.taskId} = ${jointTasks.id})`,
      helpersDone: sql<number>`(select count(*)::int from ${jointTaskHelpers} where ${jointTaskHelpers.taskId} = ${jointTasks.id} and ${jointTaskHelpers.done})`,
    })
    .from(jointTasks)
    .innerJoin(ownerUnits, eq(ownerUnits.id, jointTasks.ownerUnitId))
    .leftJoin(talents, eq(talents.id, jointTasks.talentId))
    .leftJoin(organisations, eq(organisations.id, jointTasks.enterpriseId))
    .innerJoin(users, eq(users.id, jointTasks.createdBy));

export type JointTaskView = NonNullable<Awaited<ReturnType<typeof findJointTask>>>;

export async function findJointTask(executor: Executor, id: string, scope: JointTaskScope, lock = false) {
  const query = taskView(executor).where(and(eq(jointTasks.id, id), scope));
  const [row] = await (lock ? query.for('update', { of: jointTasks }) : query);
  return row;
}

export type JointTaskQuery = {
  page: number;
  pageSize: number;
  status?: JointTaskStatus;
  /** Tasks this unit owns or helps on. */
  unitId?: string;
  /** Open tasks whose due day is before this day. */
  overdueBefore?: string;
  q?: string;
};

const overdueCondition = (today: string) => and(inArray(jointTasks.status, [...openJointTaskStatuses]), lt(jointTasks.dueOn, today));

export async function listJointTaskRows(executor: Executor, query: JointTaskQuery, scope: JointTaskScope) {
  const conditions: (SQL | undefined)[] = [scope];
  if (query.status) conditions.push(eq(jointTasks.status, query.status));
  if (query.unitId) conditions.push(tasksOfUnit(query.unitId));
  if (query.overdueBefore) conditions.push(overdueCondition(query.overdueBefore));
  if (query.q) conditions.push(ilike(jointTasks.title, `%${escapeLike(query.q)}%`));
  const where = and(...conditions);
  const [items, [{ total }]] = await Promise.all([
    taskView(executor)
      .where(where)
      .orderBy(desc(jointTasks.createdAt), desc(jointTasks.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    executor.select({ total: count() }).from(jointTasks).where(where),
  ]);
  return pageOf(items, total);
}

export async function insertJointTask(executor: Executor, values: typeof jointTasks.$inferInsert) {
  const [row] = await executor.insert(jointTasks).values(values).returning();
  return row;
}

export async function insertHelpers(executor: Executor, rows: (typeof jointTaskHelpers.$inferInsert)[]) {
  if (rows.length) await executor.insert(jointTaskHelpers).values(rows);
}

export async function updateJointTask(executor: Executor, id: string, values: Partial<typeof jointTasks.$inferInsert>) {
  const [row] = await executor
    .update(jointTasks)
    .set({ ...values, version: sql`${jointTasks.version} + 1`, updatedAt: new Date() })
    .where(eq(jointTasks.id, id))
    .returning();
  return row;
}

export async function updateHelper(executor: Executor, taskId: string, unitId: string, values: Partial<typeof jointTaskHelpers.$inferInsert>) {
  await executor.update(jointTaskHelpers).set(values).where(and(eq(jointTaskHelpers.taskId, taskId), eq(jointTaskHelpers.unitId, unitId)));
}

/** The helper units of a task with their names and parts, in the order they were named (unit code). */
export async function helpersOf(executor: Executor, taskId: string) {
  return executor
    .select({ helper: jointTaskHelpers, code: units.code, name: units.name, nameEn: units.nameEn, doneByName: users.displayName })
    .from(jointTaskHelpers)
    .innerJoin(units, eq(units.id, jointTaskHelpers.unitId))
    .leftJoin(users, eq(users.id, jointTaskHelpers.doneBy))
    .where(eq(jointTaskHelpers.taskId, taskId))
    .orderBy(asc(units.code));
}

export async function insertNote(executor: Executor, values: typeof jointTaskNotes.$inferInsert) {
  await executor.insert(jointTaskNotes).values(values);
}

export async function notesOf(executor: Executor, taskId: string) {
  return executor
    .select({ note: jointTaskNotes, unitName: units.name, unitNameEn: units.nameEn, authorName: users.displayName })
    .from(jointTaskNotes)
    .leftJoin(units, eq(units.id, jointTaskNotes.unitId))
    .innerJoin(users, eq(users.id, jointTaskNotes.authorId))
    .where(eq(jointTaskNotes.taskId, taskId))
    .orderBy(desc(jointTaskNotes.notedOn), desc(jointTaskNotes.id));
}

export async function unitsByIds(executor: Executor, ids: string[]) {
  if (!ids.length) return [];
  return executor.select({ id: units.id, code: units.code, name: units.name, nameEn: units.nameEn }).from(units).where(inArray(units.id, ids));
}

/** The enterprise (or team) a task may name, by id. */
export async function findEnterprise(executor: Executor, id: string) {
  const [row] = await executor.select({ id: organisations.id, name: organisations.name }).from(organisations).where(and(eq(organisations.id, id), inArray(organisations.kind, ['enterprise', 'team'])));
  return row;
}

/** Open tasks past their due day that were never announced as overdue (the daily job), with their units' codes. */
export async function overdueToAnnounce(executor: Executor, today: string, limit: number) {
  return executor
    .select({
      id: jointTasks.id,
      title: jointTasks.title,
      dueOn: jointTasks.dueOn,
      ownerName: units.name,
      ownerCode: units.code,
      helperCodes: sql<string[]>`array(select u.code from ${jointTaskHelpers} h join ${units} u on u.id = h.unit_id where h.task_id = ${jointTasks.id} order by u.code)`,
    })
    .from(jointTasks)
    .innerJoin(units, eq(units.id, jointTasks.ownerUnitId))
    .where(and(overdueCondition(today), isNull(jointTasks.overdueAnnouncedOn)))
    .orderBy(asc(jointTasks.dueOn), asc(jointTasks.id))
    .limit(limit);
}

export async function markOverdueAnnounced(executor: Executor, ids: string[], today: string) {
  if (!ids.length) return;
  await executor.update(jointTasks).set({ overdueAnnouncedOn: today }).where(inArray(jointTasks.id, ids));
}
