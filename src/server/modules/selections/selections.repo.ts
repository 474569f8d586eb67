/** Queries of selections (评选): calls, panels, nominations (always within the reader's scope), scores, objections, honours. */
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  organisations, policies, selectionExperts, selectionKinds, selectionNominations, selectionObjections, selections, selectionScores, talentHonours, talents, units, users,
} from '../../db/schema';
import { pageOf, type Page } from '../../http/pagination';
import type { NominationStatus, SelectionStatus } from '../../../domain/selections';

export type SelectionRow = typeof selections.$inferSelect;
export type ExpertRow = typeof selectionExperts.$inferSelect;
export type NominationRow = typeof selectionNominations.$inferSelect;
export type ObjectionRow = typeof selectionObjections.$inferSelect;

export const listKinds = (executor: Executor) => executor.select().from(selectionKinds).orderBy(asc(selectionKinds.position));

export async function findKind(executor: Executor, code: string) {
  const [row] = await executor.select().from(selectionKinds).where(eq(selectionKinds.code, code));
  return row;
}

/** A published policy for talents (its rule decides a nominee's eligibility), with its published version's id. */
export async function findTalentPolicy(executor: Executor, id: string) {
  const [row] = await executor
    .select({ id: policies.id, title: policies.title, code: policies.code, publishedVersionId: policies.publishedVersionId })
    .from(policies)
    .where(and(eq(policies.id, id), eq(policies.status, 'published'), eq(policies.target, 'talent')));
  return row;
}

// ——— selections ———

export async function insertSelection(executor: Executor, values: typeof selections.$inferInsert): Promise<SelectionRow | undefined> {
  const [row] = await executor.insert(selections).values(values).onConflictDoNothing().returning();
  return row;
}

export async function findSelection(executor: Executor, id: string, lock = false): Promise<SelectionRow | undefined> {
  const query = executor.select().from(selections).where(eq(selections.id, id));
  const [row] = await (lock ? query.for('update') : query);
  return row;
}

export async function updateSelection(executor: Executor, id: string, version: number, values: Partial<typeof selections.$inferInsert>): Promise<SelectionRow | undefined> {
  const [row] = await executor
    .update(selections)
    .set({ ...values, version: sql`${selections.version} + 1` })
    .where(and(eq(selections.id, id), eq(selections.version, version)))
    .returning();
  return row;
}

export type SelectionQuery = { page: number; pageSize: number; year?: number; kind?: string; status?: SelectionStatus };

/** Counts of a selection's nominations within the reader's scope (an enterprise counts its own). */
const countsWithin = (scope: SQL | undefined) => ({
  nominated: sql<number>`(select count(*)::int from ${selectionNominations} where ${selectionNominations.selectionId} = ${selections.id} and ${scope ?? sql`true`})`,
  selected: sql<number>`(select count(*)::int from ${selectionNominations} where ${selectionNominations.selectionId} = ${selections.id} and ${selectionNominations.status} = 'selected' and ${scope ?? sql`true`})`,
});

const selectionColumns = (scope: SQL | undefined) => ({
  selection: selections,
  kindName: selectionKinds.name,
  kindNameEn: selectionKinds.nameEn,
  policyTitle: policies.title,
  ...countsWithin(scope),
});
export type SelectionListRow = { selection: SelectionRow; kindName: string; kindNameEn: string; policyTitle: string; nominated: number; selected: number };

export async function listSelections(executor: Executor, query: SelectionQuery, scope: SQL | undefined): Promise<Page<SelectionListRow>> {
  const where = and(
    query.year ? eq(selections.year, query.year) : undefined,
    query.kind ? eq(selections.kind, query.kind) : undefined,
    query.status ? eq(selections.status, query.status) : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    executor
      .select(selectionColumns(scope))
      .from(selections)
      .innerJoin(selectionKinds, eq(selectionKinds.code, selections.kind))
      .innerJoin(policies, eq(policies.id, selections.policyId))
      .where(where)
      .orderBy(desc(selections.year), asc(selectionKinds.position), asc(selections.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    executor.select({ total: count() }).from(selections).where(where),
  ]);
  return pageOf(rows, total);
}

export async function findSelectionView(executor: Executor, id: string, scope: SQL | undefined): Promise<SelectionListRow | undefined> {
  const [row] = await executor
    .select(selectionColumns(scope))
    .from(selections)
    .innerJoin(selectionKinds, eq(selectionKinds.code, selections.kind))
    .innerJoin(policies, eq(policies.id, selections.policyId))
    .where(eq(selections.id, id));
  return row;
}

// ——— the panel ———

export const listExperts = (executor: Executor, selectionId: string) =>
  executor
    .select({ expert: selectionExperts, organisationName: organisations.name })
    .from(selectionExperts)
    .leftJoin(organisations, eq(organisations.id, selectionExperts.organisationId))
    .where(eq(selectionExperts.selectionId, selectionId))
    .orderBy(asc(selectionExperts.position));

export async function replaceExperts(executor: Executor, selectionId: string, experts: Omit<typeof selectionExperts.$inferInsert, 'selectionId' | 'position'>[]) {
  await executor.delete(selectionExperts).where(eq(selectionExperts.selectionId, selectionId));
  if (experts.length) await executor.insert(selectionExperts).values(experts.map((expert, position) => ({ ...expert, selectionId, position })));
}

export async function findUsers(executor: Executor, ids: string[]) {
  if (!ids.length) return [];
  return executor.select({ id: users.id, organisationId: users.organisationId }).from(users).where(inArray(users.id, ids));
}

export async function findOrganisations(executor: Executor, ids: string[]) {
  if (!ids.length) return [];
  return executor.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, ids));
}

/** The panels a user sits on (for the nominations an expert may read). */
export const onPanelOf = (userId: string): SQL =>
  sql`exists (select 1 from ${selectionExperts} e where e.selection_id = ${selectionNominations.selectionId} and e.user_id = ${userId})`;

// ——— nominations ———

export const nominatedByOrganisation = (organisationId: string): SQL => eq(selectionNominations.nominatingOrgId, organisationId);
export const nominatedByUnit = (unitId: string): SQL => eq(selectionNominations.nominatingUnitId, unitId);

export async function insertNomination(executor: Executor, values: typeof selectionNominations.$inferInsert): Promise<NominationRow | undefined> {
  const [row] = await executor.insert(selectionNominations).values(values).onConflictDoNothing().returning();
  return row;
}

export async function findNomination(executor: Executor, id: string, scope: SQL | undefined, lock = false): Promise<NominationRow | undefined> {
  const query = executor.select().from(selectionNominations).where(and(eq(selectionNominations.id, id), scope));
  const [row] = await (lock ? query.for('update') : query);
  return row;
}

export async function updateNomination(executor: Executor, id: string, version: number, values: Partial<typeof selectionNominations.$inferInsert>) {
  const [row] = await executor
    .update(selectionNominations)
    .set({ ...values, version: sql`${selectionNominations.version} + 1` })
    .where(and(eq(selectionNominations.id, id), eq(selectionNominations.version, version)))
    .returning();
  return row;
}

const nominationColumns = {
  nomination: selectionNominations,
  talentName: talents.name,
  employerName: sql<string | null>`(select o.name from ${organisations} o where o.id = ${selectionNominations.employerId})`,
  nominatorName: sql<string | null>`coalesce((select o.name from ${organisations} o where o.id = ${selectionNominations.nominatingOrgId}), ${units.name})`,
  nominatorNameEn: sql<string | null>`coalesce((select o.name from ${organisations} o where o.id = ${selectionNominations.nominatingOrgId}), ${units.nameEn})`,
  averageScore: sql<string | null>`(select round(avg(s.score), 1)::text from ${selectionScores} s where s.nomination_id = ${selectionNominations.id})`,
  scoreCount: sql<number>`(select count(*)::int from ${selectionScores} s where s.nomination_id = ${selectionNominations.id})`,
  openObjections: sql<number>`(select count(*)::int from ${selectionObjections} o where o.nomination_id = ${selectionNominations.id} and o.status = 'open')`,
};
export type NominationListRow = {
  nomination: NominationRow; talentName: string; employerName: string | null; nominatorName: string | null; nominatorNameEn: string | null;
  averageScore: string | null; scoreCount: number; openObjections: number;
};

/** Every nomination of a selection the reader may see (a selection has at most a few hundred). */
export async function listNominations(executor: Executor, selectionId: string, scope: SQL | undefined): Promise<NominationListRow[]> {
  return executor
    .select(nominationColumns)
    .from(selectionNominations)
    .innerJoin(talents, eq(talents.id, selectionNominations.talentId))
    .leftJoin(units, eq(units.id, selectionNominations.nominatingUnitId))
    .where(and(eq(selectionNominations.selectionId, selectionId), scope))
    .orderBy(asc(selectionNominations.rank), desc(selectionNominations.nominatedAt), asc(selectionNominations.id));
}

export async function findNominationView(executor: Executor, id: string, scope: SQL | undefined): Promise<NominationListRow | undefined> {
  const [row] = await executor
    .select(nominationColumns)
    .from(selectionNominations)
    .innerJoin(talents, eq(talents.id, selectionNominations.talentId))
    .leftJoin(units, eq(units.id, selectionNominations.nominatingUnitId))
    .where(and(eq(selectionNominations.id, id), scope));
  return row;
}

export const nominationsWithStatus = (executor: Executor, selectionId: string, statuses: NominationStatus[]) =>
  executor
    .select()
    .from(selectionNominations)
    .where(and(eq(selectionNominations.selectionId, selectionId), inArray(selectionNominations.status, statuses)))
    .orderBy(asc(selectionNominations.id))
    .for('update');

/** Each nominee's facts the panel and the check need: the talent's name, status and current employer. */
export async function findNominee(executor: Executor, talentId: string) {
  const [row] = await executor.select({ id: talents.id, name: talents.name, status: talents.status, employerId: talents.employerId }).from(talents).where(eq(talents.id, talentId));
  return row;
}

// ——— scores ———

export const scoresOf = (executor: Executor, nominationIds: string[]) =>
  nominationIds.length
    ? executor
        .select({ score: selectionScores, expertName: selectionExperts.name })
        .from(selectionScores)
        .innerJoin(selectionExperts, eq(selectionExperts.id, selectionScores.expertId))
        .where(inArray(selectionScores.nominationId, nominationIds))
        .orderBy(asc(selectionExperts.position))
    : Promise.resolve([]);

export async function upsertScore(executor: Executor, values: typeof selectionScores.$inferInsert) {
  await executor
    .insert(selectionScores)
    .values(values)
    .onConflictDoUpdate({
      target: [selectionScores.nominationId, selectionScores.expertId],
      set: { score: values.score, opinion: values.opinion, recordedBy: values.recordedBy, recordedAt: sql`now()` },
    });
}

// ——— objections ———

export const listObjections = (executor: Executor, nominationId: string) =>
  executor.select().from(selectionObjections).where(eq(selectionObjections.nominationId, nominationId)).orderBy(asc(selectionObjections.recordedAt), asc(selectionObjections.id));

export async function insertObjection(executor: Executor, values: typeof selectionObjections.$inferInsert): Promise<ObjectionRow> {
  const [row] = await executor.insert(selectionObjections).values(values).returning();
  return row;
}

export async function findObjection(executor: Executor, id: string, lock = false): Promise<ObjectionRow | undefined> {
  const query = executor.select().from(selectionObjections).where(eq(selectionObjections.id, id));
  const [row] = await (lock ? query.for('update') : query);
  return row;
}

export async function resolveObjection(executor: Executor, id: string, values: Pick<ObjectionRow, 'status' | 'resolution' | 'resolvedBy'>) {
  const [row] = await executor
    .update(selectionObjections)
    .set({ ...values, resolvedAt: sql`now()` })
    .where(and(eq(selectionObjections.id, id), eq(selectionObjections.status, 'open')))
    .returning();
  return row;
}

export async function countOpenObjections(executor: Executor, selectionId: string) {
  const [{ total }] = await executor
    .select({ total: count() })
    .from(selectionObjections)
    .innerJoin(selectionNominations, eq(selectionNominations.id, selectionObjections.nominationId))
    .where(and(eq(selectionNominations.selectionId, selectionId), eq(selectionObjections.status, 'open')));
  return total;
}

// ——— honours ———

export async function insertHonours(executor: Executor, rows: (typeof talentHonours.$inferInsert)[]) {
  if (rows.length) await executor.insert(talentHonours).values(rows).onConflictDoNothing();
}

export const honoursOf = (executor: Executor, talentId: string) =>
  executor
    .select({ honour: talentHonours, kindName: selectionKinds.name, kindNameEn: selectionKinds.nameEn })
    .from(talentHonours)
    .leftJoin(selections, eq(selections.id, talentHonours.selectionId))
    .leftJoin(selectionKinds, eq(selectionKinds.code, selections.kind))
    .where(eq(talentHonours.talentId, talentId))
    .orderBy(desc(talentHonours.awardedOn), asc(talentHonours.id));

/** The accounts to tell of a nomination's outcome: the nominating enterprise's HR, or the nominating unit's staff. */
export async function nominatorAccounts(executor: Executor, nomination: NominationRow) {
  const condition = nomination.nominatingOrgId
    ? and(eq(users.organisationId, nomination.nominatingOrgId), sql`'enterprise' = any(${users.roles})`)
    : nomination.nominatingUnitId
      ? and(eq(users.unitId, nomination.nominatingUnitId), sql`'department' = any(${users.roles})`)
      : sql`false`;
  const rows = await executor.select({ id: users.id }).from(users).where(and(eq(users.disabled, false), condition));
  return rows.map((row) => row.id);
}
