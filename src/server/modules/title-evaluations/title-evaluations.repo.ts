import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { organisations, talents, titleDeclarations, titleExperts, titleObjections, titleRounds, titleScores, titleSeries, users } from '../../db/schema';
import { pageOf, type Page } from '../../http/pagination';
import type { TitleDeclarationStatus, TitleRoundStatus } from '../../../domain/title-evaluations/titles';

export type RoundRow = typeof titleRounds.$inferSelect;
export type ExpertRow = typeof titleExperts.$inferSelect;
export type DeclarationRow = typeof titleDeclarations.$inferSelect;
export type ObjectionRow = typeof titleObjections.$inferSelect;

export const listSeries = (executor: Executor) => executor.select().from(titleSeries).orderBy(asc(titleSeries.position));

export async function findSeries(executor: Executor, code: string) {
  const [row] = await executor.select().from(titleSeries).where(eq(titleSeries.code, code));
  return row;
}

// ——— rounds ———

export async function insertRound(executor: Executor, values: typeof titleRounds.$inferInsert): Promise<RoundRow> {
  const [row] = await executor.insert(titleRounds).values(values).onConflictDoNothing().returning();
  return row;
}

export async function findRound(executor: Executor, id: string, lock = false): Promise<RoundRow | undefined> {
  const query = executor.select().from(titleRounds).where(eq(titleRounds.id, id));
  const [row] = await (lock ? query.for('update') : query);
  return row;
}

/** Changes a round if it still has the version read; undefined when someone changed it meanwhile. */
export async function updateRound(executor: Executor, id: string, version: number, values: Partial<typeof titleRounds.$inferInsert>): Promise<RoundRow | undefined> {
  const [row] = await executor
    .update(titleRounds)
    .set({ ...values, version: sql`${titleRounds.version} + 1` })
    .where(and(eq(titleRounds.id, id), eq(titleRounds.version, version)))
    .returning();
  return row;
}

export async function sameYearAndSeries(executor: Executor, year: number, series: string, except?: string) {
  const [row] = await executor
    .select({ id: titleRounds.id })
    .from(titleRounds)
    .where(and(eq(titleRounds.year, year), eq(titleRounds.series, series), except ? sql`${titleRounds.id} <> ${except}` : undefined));
  return row;
}

export type RoundQuery = { page: number; pageSize: number; year?: number; series?: string; status?: TitleRoundStatus };
export type RoundListRow = RoundRow & { seriesName: string; seriesNameEn: string; declared: number; passed: number; enterprises: number };

/** Declared counts every declaration; passed those passed (recorded or not); enterprises the distinct declaring ones. */
const roundCounts = {
  declared: sql<number>`(select count(*)::int from ${titleDeclarations} d where d.round_id = ${titleRounds.id})`,
  passed: sql<number>`(select count(*)::int from ${titleDeclarations} d where d.round_id = ${titleRounds.id} and d.status = 'passed')`,
  enterprises: sql<number>`(select count(distinct d.organisation_id)::int from ${titleDeclarations} d where d.round_id = ${titleRounds.id})`,
};

export async function listRounds(executor: Executor, query: RoundQuery): Promise<Page<RoundListRow>> {
  const where = and(
    query.year ? eq(titleRounds.year, query.year) : undefined,
    query.series ? eq(titleRounds.series, query.series) : undefined,
    query.status ? eq(titleRounds.status, query.status) : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    executor
      .select({ round: titleRounds, seriesName: titleSeries.name, seriesNameEn: titleSeries.nameEn, ...roundCounts })
      .from(titleRounds)
      .innerJoin(titleSeries, eq(titleSeries.code, titleRounds.series))
      .where(where)
      .orderBy(desc(titleRounds.year), asc(titleSeries.position), asc(titleRounds.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    executor.select({ total: count() }).from(titleRounds).where(where),
  ]);
  return pageOf(
    rows.map(({ round, ...rest }) => ({ ...round, ...rest })),
    total,
  );
}

export async function findRoundWithSeries(executor: Executor, id: string) {
  const [row] = await executor
    .select({ round: titleRounds, seriesName: titleSeries.name, seriesNameEn: titleSeries.nameEn })
    .from(titleRounds)
    .innerJoin(titleSeries, eq(titleSeries.code, titleRounds.series))
    .where(eq(titleRounds.id, id));
  return row;
}

// ——— experts ———

export const listExperts = (executor: Executor, roundId: string) =>
  executor
    .select({ expert: titleExperts, organisationName: organisations.name, username: users.username })
    .from(titleExperts)
    .leftJoin(organisations, eq(organisations.id, titleExperts.organisationId))
    .leftJoin(users, eq(users.id, titleExperts.userId))
    .where(eq(titleExperts.roundId, roundId))
    .orderBy(asc(titleExperts.position));

export async function replaceExperts(executor: Executor, roundId: string, experts: Omit<typeof titleExperts.$inferInsert, 'roundId' | 'position'>[]) {
  await executor.delete(titleExperts).where(eq(titleExperts.roundId, roundId));
  if (experts.length) await executor.insert(titleExperts).values(experts.map((expert, position) => ({ ...expert, roundId, position })));
}

export async function findUsers(executor: Executor, ids: string[]) {
  if (!ids.length) return [];
  return executor.select({ id: users.id, displayName: users.displayName, organisationId: users.organisationId }).from(users).where(inArray(users.id, ids));
}

export async function findOrganisations(executor: Executor, ids: string[]) {
  if (!ids.length) return [];
  return executor.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, ids));
}

// ——— declarations ———

/** Enterprise HR sees its own enterprise's declarations; the office, leaders and department staff every one. */
export type DeclarationScope = SQL | undefined;
export const ownDeclarations = (organisationId: string | null): SQL => (organisationId ? eq(titleDeclarations.organisationId, organisationId) : sql`false`);

export async function findStaffTalent(executor: Executor, id: string) {
  const [row] = await executor.select({ id: talents.id, employerId: talents.employerId }).from(talents).where(eq(talents.id, id));
  return row;
}

export async function insertDeclaration(executor: Executor, values: typeof titleDeclarations.$inferInsert): Promise<DeclarationRow | undefined> {
  const [row] = await executor.insert(titleDeclarations).values(values).onConflictDoNothing().returning();
  return row;
}

export async function findDeclaration(executor: Executor, id: string, scope: DeclarationScope, lock = false): Promise<DeclarationRow | undefined> {
  const query = executor.select().from(titleDeclarations).where(and(eq(titleDeclarations.id, id), scope));
  const [row] = await (lock ? query.for('update') : query);
  return row;
}

export async function updateDeclaration(executor: Executor, id: string, version: number, values: Partial<typeof titleDeclarations.$inferInsert>) {
  const [row] = await executor
    .update(titleDeclarations)
    .set({ ...values, version: sql`${titleDeclarations.version} + 1` })
    .where(and(eq(titleDeclarations.id, id), eq(titleDeclarations.version, version)))
    .returning();
  return row;
}

const averageScore = sql<string | null>`(select round(avg(s.score), 1)::text from ${titleScores} s where s.declaration_id = ${titleDeclarations.id})`;
const scoreCount = sql<number>`(select count(*)::int from ${titleScores} s where s.declaration_id = ${titleDeclarations.id})`;
const openObjections = sql<number>`(select count(*)::int from ${titleObjections} o where o.declaration_id = ${titleDeclarations.id} and o.status = 'open')`;

const declarationColumns = {
  declaration: titleDeclarations,
  talentName: talents.name,
  organisationName: organisations.name,
  averageScore,
  scoreCount,
  openObjections,
};
export type DeclarationListRow = { declaration: DeclarationRow; talentName: string; organisationName: string; averageScore: string | null; scoreCount: number; openObjections: number };

export type DeclarationQuery = { page: number; pageSize: number; roundId?: string; status?: TitleDeclarationStatus; organisationId?: string };

export async function listDeclarations(executor: Executor, query: DeclarationQuery, scope: DeclarationScope): Promise<Page<DeclarationListRow>> {
  const where = and(
    scope,
    query.roundId ? eq(titleDeclarations.roundId, query.roundId) : undefined,
    query.status ? eq(titleDeclarations.status, query.status) : undefined,
    query.organisationId ? eq(titleDeclarations.organisationId, query.organisationId) : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    executor
      .select(declarationColumns)
      .from(titleDeclarations)
      .innerJoin(talents, eq(talents.id, titleDeclarations.talentId))
      .innerJoin(organisations, eq(organisations.id, titleDeclarations.organisationId))
      .where(where)
      .orderBy(desc(titleDeclarations.submittedAt), asc(titleDeclarations.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    executor.select({ total: count() }).from(titleDeclarations).where(where),
  ]);
  return pageOf(rows, total);
}

export async function findDeclarationView(executor: Executor, id: string, scope: DeclarationScope): Promise<DeclarationListRow | undefined> {
  const [row] = await executor
    .select(declarationColumns)
    .from(titleDeclarations)
    .innerJoin(talents, eq(talents.id, titleDeclarations.talentId))
    .innerJoin(organisations, eq(organisations.id, titleDeclarations.organisationId))
    .where(and(eq(titleDeclarations.id, id), scope));
  return row;
}

export async function countDeclarations(executor: Executor, roundId: string, status: TitleDeclarationStatus) {
  const [{ total }] = await executor.select({ total: count() }).from(titleDeclarations).where(and(eq(titleDeclarations.roundId, roundId), eq(titleDeclarations.status, status)));
  return total;
}

export const passedDeclarations = (executor: Executor, roundId: string) =>
  executor.select().from(titleDeclarations).where(and(eq(titleDeclarations.roundId, roundId), eq(titleDeclarations.status, 'passed'))).orderBy(asc(titleDeclarations.id));

// ——— scores ———

export const listScores = (executor: Executor, declarationId: string) =>
  executor
    .select({ score: titleScores, expertName: titleExperts.name, position: titleExperts.position })
    .from(titleScores)
    .innerJoin(titleExperts, eq(titleExperts.id, titleScores.expertId))
    .where(eq(titleScores.declarationId, declarationId))
    .orderBy(asc(titleExperts.position));

export async function upsertScore(executor: Executor, values: typeof titleScores.$inferInsert) {
  await executor
    .insert(titleScores)
    .values(values)
    .onConflictDoUpdate({
      target: [titleScores.declarationId, titleScores.expertId],
      set: { score: values.score, opinion: values.opinion, recordedBy: values.recordedBy, recordedAt: sql`now()` },
    });
}

// ——— objections ———

export const listObjections = (executor: Executor, declarationId: string) =>
  executor.select().from(titleObjections).where(eq(titleObjections.declarationId, declarationId)).orderBy(asc(titleObjections.recordedAt), asc(titleObjections.id));

export async function insertObjection(executor: Executor, values: typeof titleObjections.$inferInsert): Promise<ObjectionRow> {
  const [row] = await executor.insert(titleObjections).values(values).returning();
  return row;
}

export async function findObjection(executor: Executor, id: string, lock = false): Promise<ObjectionRow | undefined> {
  const query = executor.select().from(titleObjections).where(eq(titleObjections.id, id));
  const [row] = await (lock ? query.for('update') : query);
  return row;
}

export async function resolveObjection(executor: Executor, id: string, values: Pick<ObjectionRow, 'status' | 'resolution' | 'resolvedBy'>) {
  const [row] = await executor
    .update(titleObjections)
    .set({ ...values, resolvedAt: sql`now()` })
    .where(and(eq(titleObjections.id, id), eq(titleObjections.status, 'open')))
    .returning();
  return row;
}

export async function countOpenObjections(executor: Executor, roundId: string) {
  const [{ total }] = await executor
    .select({ total: count() })
    .from(titleObjections)
    .innerJoin(titleDeclarations, eq(titleDeclarations.id, titleObjections.declarationId))
    .where(and(eq(titleDeclarations.roundId, roundId), eq(titleObjections.status, 'open')));
  return total;
}

// ——— figures ———

/** Declarations per level and status of one round (or of every round of a year), with the distinct enterprises. */
export async function roundFigures(executor: Executor, where: { roundId?: string; year?: number }) {
  const condition = and(where.roundId ? eq(titleDeclarations.roundId, where.roundId) : undefined, where.year ? eq(titleRounds.year, where.year) : undefined);
  const [byLevel, [{ enterprises }]] = await Promise.all([
    executor
      .select({ series: titleRounds.series, level: titleDeclarations.level, status: titleDeclarations.status, total: count() })
      .from(titleDeclarations)
      .innerJoin(titleRounds, eq(titleRounds.id, titleDeclarations.roundId))
      .where(condition)
      .groupBy(titleRounds.series, titleDeclarations.level, titleDeclarations.status),
    executor
      .select({ enterprises: sql<number>`count(distinct ${titleDeclarations.organisationId})::int` })
      .from(titleDeclarations)
      .innerJoin(titleRounds, eq(titleRounds.id, titleDeclarations.roundId))
      .where(condition),
  ]);
  return { byLevel, enterprises };
}

export async function roundYears(executor: Executor) {
  const rows = await executor.selectDistinct({ year: titleRounds.year }).from(titleRounds).orderBy(desc(titleRounds.year));
  return rows.map((row) => row.year);
}
