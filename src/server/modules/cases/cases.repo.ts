import { and, asc, desc, eq, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { caseActions, caseAttachments, caseSubtasks, cases, organisations, policies, serviceRequestCategories, talents, units, users } from '../../db/schema';
import type { SessionUser } from '../../plugins/auth';

export type CaseRow = typeof cases.$inferSelect;
export type CaseActionRow = typeof caseActions.$inferInsert;

/**
 * The cases a user may see, of every type: their own (submitted by them, or about them) and, for enterprise HR, its
 * enterprise's — and its staff's policy applications; a unit's staff the cases whose steps name their unit; the office
 * and leaders all. A case outside the scope answers 404.
 */
export function caseScope(user: SessionUser): SQL | undefined {
  if (user.roles.includes('office') || user.roles.includes('leader')) return undefined;
  const conditions: SQL[] = [eq(cases.submittedBy, user.id)];
  if (user.talentId) conditions.push(and(eq(cases.subjectKind, 'talent'), eq(cases.subjectId, user.talentId))!);
  if (user.roles.includes('enterprise') && user.organisationId) {
    conditions.push(and(eq(cases.subjectKind, 'enterprise'), eq(cases.subjectId, user.organisationId))!);
    conditions.push(and(eq(cases.type, 'policy'), eq(cases.subjectKind, 'talent'), sql`${cases.subjectId} in (select id from talents where employer_id = ${user.organisationId})`)!);
  }
  if (user.roles.includes('department') && user.unitId) conditions.push(unitNamedInSteps(user.unitId), unitHasSubtask(user.unitId));
  return or(...conditions);
}

/** The case has a 联办 sub-task of the unit (open or ended): the unit sees the case through it. */
const unitHasSubtask = (unitId: string, open = false) =>
  sql`exists (select 1 from case_subtasks s join units u on u.code = s.unit_code where s.case_id = ${cases.id} and u.id = ${unitId}${open ? sql` and s.status = 'open'` : sql``})`;

/** The case's steps name the unit (any step: a unit sees the cases it reviewed and those coming its way). */
const unitNamedInSteps = (unitId: string) =>
  sql`exists (select 1 from jsonb_array_elements(${cases.steps}) step, units u where u.id = ${unitId} and step->'units' ? u.code)`;

/** 待办: cases in review whose current step is assigned to the user's unit — and, for the office, those escalated (督办). */
export function todoCondition(user: SessionUser): SQL {
  const mine = user.unitId
    ? or(sql`exists (select 1 from units u where u.id = ${user.unitId} and ${cases.steps} -> ${cases.stepIndex} -> 'units' ? u.code)`, unitHasSubtask(user.unitId, true))!
    : sql`false`;
  const escalatedSubtask = sql`exists (select 1 from case_subtasks s where s.case_id = ${cases.id} and s.status = 'open' and s.escalated_at is not null)`;
  return and(eq(cases.status, 'inReview'), user.roles.includes('office') ? or(mine, isNotNull(cases.escalatedAt), escalatedSubtask) : mine)!;
}

/** 已办: cases the user acted on (a decision, a return, a reassignment, a 联办 split or sub-task, a record at the window). */
export function doneCondition(user: SessionUser): SQL {
  return sql`exists (select 1 from case_actions a where a.case_id = ${cases.id} and a.actor_id = ${user.id} and a.action in ('approve', 'reject', 'return', 'reassign', 'split', 'subtaskDone', 'subtaskReturn'))
    or (${cases.channel} = 'window' and ${cases.submittedBy} = ${user.id})`;
}

/** 我的办件: the cases a requester raised or that are about them (their talent record, or their enterprise). */
export function mineCondition(user: SessionUser): SQL {
  const conditions: SQL[] = [eq(cases.submittedBy, user.id)];
  if (user.talentId) conditions.push(and(eq(cases.subjectKind, 'talent'), eq(cases.subjectId, user.talentId))!);
  if (user.roles.includes('enterprise') && user.organisationId) conditions.push(and(eq(cases.subjectKind, 'enterprise'), eq(cases.subjectId, user.organisationId))!);
  return or(...conditions)!;
}

/** One case, locked for the rest of the transaction, if the condition lets the user see it. */
export async function lockCase(executor: Executor, id: string, condition: SQL | undefined) {
  const [row] = await executor.select().from(cases).where(and(eq(cases.id, id), condition)).for('update');
  return row;
}

export async function findCase(executor: Executor, id: string, condition: SQL | undefined) {
  const [row] = await executor.select().from(cases).where(and(eq(cases.id, id), condition));
  return row;
}

export async function insertCase(executor: Executor, values: typeof cases.$inferInsert) {
  const [row] = await executor.insert(cases).values(values).returning();
  return row;
}

export async function updateCase(executor: Executor, id: string, values: Partial<typeof cases.$inferInsert>) {
  await executor.update(cases).set(values).where(eq(cases.id, id));
}

export async function insertAction(executor: Executor, values: CaseActionRow) {
  await executor.insert(caseActions).values(values);
}

/** Codes of the units that approved the current step since it (re)started. */
export async function unitsDecided(executor: Executor, row: CaseRow) {
  const rows = await executor
    .select({ code: units.code })
    .from(caseActions)
    .innerJoin(units, eq(units.id, caseActions.unitId))
    .where(
      and(
        eq(caseActions.caseId, row.id),
        eq(caseActions.stepIndex, row.stepIndex),
        eq(caseActions.action, 'approve'),
        sql`${caseActions.at} >= ${row.stepStartedAt.toISOString()}`,
      ),
    );
  return rows.map((entry) => entry.code);
}

export async function unitById(executor: Executor, id: string) {
  const [row] = await executor.select().from(units).where(eq(units.id, id));
  return row;
}

export async function unitByCode(executor: Executor, code: string) {
  const [row] = await executor.select().from(units).where(eq(units.code, code));
  return row;
}

/** Units by code with their names in both languages. */
export async function unitNamesOf(executor: Executor, codes: string[]) {
  const unique = [...new Set(codes)];
  const rows = unique.length ? await executor.select({ code: units.code, name: units.name, nameEn: units.nameEn }).from(units).where(inArray(units.code, unique)) : [];
  return new Map(rows.map((row) => [row.code, row]));
}

/** A case's history with the unit's and the actor's names, oldest first. */
export async function caseHistory(executor: Executor, caseId: string) {
  return executor
    .select({ action: caseActions, unitName: units.name, unitNameEn: units.nameEn, actorName: users.displayName })
    .from(caseActions)
    .leftJoin(units, eq(units.id, caseActions.unitId))
    .leftJoin(users, eq(users.id, caseActions.actorId))
    .where(eq(caseActions.caseId, caseId))
    .orderBy(asc(caseActions.at));
}

export async function caseFiles(executor: Executor, caseId: string) {
  return executor.select().from(caseAttachments).where(eq(caseAttachments.caseId, caseId));
}

/** The user's uploads among these ids that are attached to nothing yet or already to this case. */
export async function usableUploads(executor: Executor, userId: string, caseId: string, attachmentIds: string[]) {
  const files = attachmentIds.length
    ? await executor.select().from(caseAttachments).where(and(inArray(caseAttachments.id, attachmentIds), eq(caseAttachments.uploadedBy, userId)))
    : [];
  return files.filter((file) => file.caseId === null || file.caseId === caseId);
}

export async function attachUploads(executor: Executor, caseId: string, attachmentIds: string[]) {
  if (attachmentIds.length) await executor.update(caseAttachments).set({ caseId }).where(inArray(caseAttachments.id, attachmentIds));
}

export async function subjectName(executor: Executor, kind: 'talent' | 'enterprise', id: string) {
  const [row] =
    kind === 'talent'
      ? await executor.select({ name: talents.name }).from(talents).where(eq(talents.id, id))
      : await executor.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, id));
  return row?.name ?? '';
}

/**
 * Cases of every type with what a list shows: the type, the subject's name, the title (the policy's title, or the
 * service request's category in both languages), newest activity first.
 */
export async function listCaseRows(executor: Executor, where: SQL | undefined, page: number, pageSize: number) {
  const [rows, [{ total }]] = await Promise.all([
    executor
      .select({
        row: cases,
        policyTitle: policies.title,
        categoryName: serviceRequestCategories.name,
        categoryNameEn: serviceRequestCategories.nameEn,
        subjectName: sql<string>`coalesce((select name from talents where id = ${cases.subjectId} and ${cases.subjectKind} = 'talent'), (select name from organisations where id = ${cases.subjectId} and ${cases.subjectKind} = 'enterprise'), '')`,
      })
      .from(cases)
      .leftJoin(policies, eq(policies.id, cases.policyId))
      .leftJoin(serviceRequestCategories, eq(serviceRequestCategories.code, cases.category))
      .where(where)
      .orderBy(desc(cases.updatedAt), desc(cases.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    executor.select({ total: sql<number>`count(*)::int` }).from(cases).where(where),
  ]);
  return { rows, total };
}

/** Applicant-visible history of many cases at once (no internal notes, no names), oldest first. */
export async function publicHistoryOf(executor: Executor, caseIds: string[]) {
  if (!caseIds.length) return [];
  return executor
    .select({ caseId: caseActions.caseId, action: caseActions.action, stepIndex: caseActions.stepIndex, comment: caseActions.comment, at: caseActions.at, unitName: units.name, unitNameEn: units.nameEn })
    .from(caseActions)
    .leftJoin(units, eq(units.id, caseActions.unitId))
    .where(inArray(caseActions.caseId, caseIds))
    .orderBy(asc(caseActions.at));
}

/** Open cases not yet escalated, with what a 督办 notice names. */
export async function unescalatedOpenCases(executor: Executor) {
  return executor
    .select({ row: cases, policyTitle: policies.title, categoryName: serviceRequestCategories.name })
    .from(cases)
    .leftJoin(policies, eq(policies.id, cases.policyId))
    .leftJoin(serviceRequestCategories, eq(serviceRequestCategories.code, cases.category))
    .where(and(eq(cases.status, 'inReview'), sql`${cases.escalatedAt} is null`));
}

export type SubtaskRow = typeof caseSubtasks.$inferSelect;

export async function insertSubtasks(executor: Executor, values: (typeof caseSubtasks.$inferInsert)[]) {
  return values.length ? executor.insert(caseSubtasks).values(values).returning() : [];
}

/** A case's 联办 sub-tasks with their unit's names, in the order they were handed out. */
export async function subtasksOf(executor: Executor, caseId: string) {
  return executor
    .select({ subtask: caseSubtasks, unitName: units.name, unitNameEn: units.nameEn })
    .from(caseSubtasks)
    .leftJoin(units, eq(units.code, caseSubtasks.unitCode))
    .where(eq(caseSubtasks.caseId, caseId))
    .orderBy(asc(caseSubtasks.startedAt), asc(caseSubtasks.unitCode));
}

export async function lockSubtask(executor: Executor, caseId: string, id: string) {
  const [row] = await executor.select().from(caseSubtasks).where(and(eq(caseSubtasks.id, id), eq(caseSubtasks.caseId, caseId))).for('update');
  return row;
}

export async function updateSubtask(executor: Executor, id: string, values: Partial<typeof caseSubtasks.$inferInsert>) {
  await executor.update(caseSubtasks).set(values).where(eq(caseSubtasks.id, id));
}

export async function openSubtaskUnits(executor: Executor, caseId: string) {
  const rows = await executor.select({ unitCode: caseSubtasks.unitCode }).from(caseSubtasks).where(and(eq(caseSubtasks.caseId, caseId), eq(caseSubtasks.status, 'open')));
  return rows.map((row) => row.unitCode);
}

/** Open sub-tasks not yet escalated, of cases still in progress, with what a 督办 notice names. */
export async function unescalatedOpenSubtasks(executor: Executor) {
  return executor
    .select({ subtask: caseSubtasks, row: cases, unitId: units.id, categoryName: serviceRequestCategories.name })
    .from(caseSubtasks)
    .innerJoin(cases, eq(cases.id, caseSubtasks.caseId))
    .leftJoin(units, eq(units.code, caseSubtasks.unitCode))
    .leftJoin(serviceRequestCategories, eq(serviceRequestCategories.code, cases.category))
    .where(and(eq(caseSubtasks.status, 'open'), sql`${caseSubtasks.escalatedAt} is null`, eq(cases.status, 'inReview')));
}
