import { and, asc, count, desc, eq, inArray, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { campaignApplicants, campaignPosts, campaigns, demands, disciplines, executiveAppraisals, executives, organisations, talents } from '../../db/schema';

export type CampaignRow = typeof campaigns.$inferSelect;
export type PostRow = typeof campaignPosts.$inferSelect;
export type ApplicantRow = typeof campaignApplicants.$inferSelect;
export type ExecutiveRow = typeof executives.$inferSelect;

export async function listCampaignRows(executor: Executor, where: SQL | undefined, page: number, pageSize: number) {
  const [rows, [{ total }]] = await Promise.all([
    executor.select().from(campaigns).where(where).orderBy(desc(campaigns.year), desc(campaigns.createdAt), desc(campaigns.id)).limit(pageSize).offset((page - 1) * pageSize),
    executor.select({ total: count() }).from(campaigns).where(where),
  ]);
  return { rows, total: Number(total) };
}

export async function findCampaign(executor: Executor, id: string) {
  const [row] = await executor.select().from(campaigns).where(eq(campaigns.id, id));
  return row;
}

export async function lockCampaign(executor: Executor, id: string) {
  const [row] = await executor.select().from(campaigns).where(eq(campaigns.id, id)).for('update');
  return row;
}

export async function insertCampaign(executor: Executor, values: typeof campaigns.$inferInsert) {
  const [row] = await executor.insert(campaigns).values(values).returning();
  return row;
}

/** Hired applicants per campaign and discipline (of their post): the plan's actual side. */
export async function hiresByDiscipline(executor: Executor, campaignIds: string[]) {
  if (campaignIds.length === 0) return [];
  return executor
    .select({ campaignId: campaignApplicants.campaignId, discipline: campaignPosts.discipline, hired: count() })
    .from(campaignApplicants)
    .innerJoin(campaignPosts, eq(campaignPosts.id, campaignApplicants.postId))
    .where(and(inArray(campaignApplicants.campaignId, campaignIds), eq(campaignApplicants.state, 'hired')))
    .groupBy(campaignApplicants.campaignId, campaignPosts.discipline);
}

/** Applicants per campaign, state and stage reached. */
export async function applicantCounts(executor: Executor, campaignIds: string[]) {
  if (campaignIds.length === 0) return [];
  return executor
    .select({ campaignId: campaignApplicants.campaignId, state: campaignApplicants.state, stageIndex: campaignApplicants.stageIndex, applicants: count() })
    .from(campaignApplicants)
    .where(inArray(campaignApplicants.campaignId, campaignIds))
    .groupBy(campaignApplicants.campaignId, campaignApplicants.state, campaignApplicants.stageIndex);
}

export async function listPosts(executor: Executor, campaignId: string) {
  return executor
    .select({
      post: campaignPosts,
      enterpriseName: organisations.name,
      demandEnterpriseId: demands.enterpriseId,
      demandPost: demands.post,
      demandStatus: demands.status,
      hired: sql<number>`(select count(*)::int from ${campaignApplicants} a where a.post_id = ${campaignPosts.id} and a.state = 'hired')`,
      applicants: sql<number>`(select count(*)::int from ${campaignApplicants} a where a.post_id = ${campaignPosts.id})`,
    })
    .from(campaignPosts)
    .leftJoin(demands, eq(demands.id, campaignPosts.demandId))
    .leftJoin(organisations, eq(organisations.id, sql`coalesce(${campaignPosts.enterpriseId}, ${demands.enterpriseId})`))
    .where(eq(campaignPosts.campaignId, campaignId))
    .orderBy(asc(campaignPosts.createdAt), asc(campaignPosts.id));
}

export async function findPost(executor: Executor, campaignId: string, postId: string) {
  const [row] = await executor.select().from(campaignPosts).where(and(eq(campaignPosts.id, postId), eq(campaignPosts.campaignId, campaignId)));
  return row;
}

export async function insertPost(executor: Executor, values: typeof campaignPosts.$inferInsert) {
  const [row] = await executor.insert(campaignPosts).values(values).returning();
  return row;
}

export async function disciplineNames(executor: Executor) {
  return new Map((await executor.select().from(disciplines)).map((row) => [row.code, row]));
}

export async function findDemandForPost(executor: Executor, id: string) {
  const [row] = await executor.select({ id: demands.id, enterpriseId: demands.enterpriseId, status: demands.status, discipline: demands.discipline }).from(demands).where(eq(demands.id, id));
  return row;
}

export async function findEnterpriseRow(executor: Executor, id: string) {
  const [row] = await executor.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.id, id));
  return row;
}

export async function listApplicantRows(executor: Executor, campaignId: string, where: SQL | undefined, page: number, pageSize: number) {
  const condition = and(eq(campaignApplicants.campaignId, campaignId), where);
  const [rows, [{ total }]] = await Promise.all([
    executor
      .select({ applicant: campaignApplicants, postTitle: campaignPosts.title })
      .from(campaignApplicants)
      .innerJoin(campaignPosts, eq(campaignPosts.id, campaignApplicants.postId))
      .where(condition)
      .orderBy(asc(campaignApplicants.number))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    executor.select({ total: count() }).from(campaignApplicants).where(condition),
  ]);
  return { rows, total: Number(total) };
}

export async function findApplicant(executor: Executor, campaignId: string, id: string) {
  const [row] = await executor
    .select({ applicant: campaignApplicants, postTitle: campaignPosts.title })
    .from(campaignApplicants)
    .innerJoin(campaignPosts, eq(campaignPosts.id, campaignApplicants.postId))
    .where(and(eq(campaignApplicants.id, id), eq(campaignApplicants.campaignId, campaignId)));
  return row;
}

export async function lockApplicant(executor: Executor, campaignId: string, id: string) {
  const [row] = await executor.select().from(campaignApplicants).where(and(eq(campaignApplicants.id, id), eq(campaignApplicants.campaignId, campaignId))).for('update');
  return row;
}

/** Every applicant of a campaign, locked: the score sheet's rows are checked against them and written in one go. */
export async function lockApplicants(executor: Executor, campaignId: string) {
  return executor.select().from(campaignApplicants).where(eq(campaignApplicants.campaignId, campaignId)).orderBy(asc(campaignApplicants.number)).for('update');
}

export async function applicantsAtStage(executor: Executor, campaignId: string, stageIndex: number | null) {
  return executor
    .select({ applicant: campaignApplicants, postTitle: campaignPosts.title })
    .from(campaignApplicants)
    .innerJoin(campaignPosts, eq(campaignPosts.id, campaignApplicants.postId))
    .where(and(eq(campaignApplicants.campaignId, campaignId), eq(campaignApplicants.state, 'inProgress'), stageIndex === null ? undefined : eq(campaignApplicants.stageIndex, stageIndex)))
    .orderBy(asc(campaignApplicants.number));
}

export async function findApplicantByHash(executor: Executor, campaignId: string, hash: string) {
  const [row] = await executor.select({ id: campaignApplicants.id }).from(campaignApplicants).where(and(eq(campaignApplicants.campaignId, campaignId), eq(campaignApplicants.idNumberHash, hash)));
  return row;
}

export async function nextApplicantNumber(executor: Executor, campaignId: string) {
  const [row] = await executor.select({ next: sql<number>`coalesce(max(${campaignApplicants.number}), 0)::int + 1` }).from(campaignApplicants).where(eq(campaignApplicants.campaignId, campaignId));
  return Number(row.next);
}

export async function insertApplicants(executor: Executor, values: (typeof campaignApplicants.$inferInsert)[]) {
  if (values.length === 0) return [];
  return executor.insert(campaignApplicants).values(values).returning();
}

/** The identity hashes that already applied to a campaign, among `hashes` (the applicant sheet's duplicates). */
export async function appliedHashes(executor: Executor, campaignId: string, hashes: string[]) {
  if (hashes.length === 0) return new Set<string>();
  const rows = await executor.select({ hash: campaignApplicants.idNumberHash }).from(campaignApplicants).where(and(eq(campaignApplicants.campaignId, campaignId), inArray(campaignApplicants.idNumberHash, hashes)));
  return new Set(rows.map((row) => row.hash));
}

/** Every applicant of a campaign with the post's title, by 报名号: the export's rows. */
export async function allApplicants(executor: Executor, campaignId: string) {
  return executor
    .select({ applicant: campaignApplicants, postTitle: campaignPosts.title })
    .from(campaignApplicants)
    .innerJoin(campaignPosts, eq(campaignPosts.id, campaignApplicants.postId))
    .where(eq(campaignApplicants.campaignId, campaignId))
    .orderBy(asc(campaignApplicants.number));
}

export async function updateApplicant(executor: Executor, id: string, values: Partial<typeof campaignApplicants.$inferInsert>) {
  const [row] = await executor.update(campaignApplicants).set({ ...values, version: sql`${campaignApplicants.version} + 1` }).where(eq(campaignApplicants.id, id)).returning();
  return row;
}

/** Serializes registrations of one ID number (two hires of the same person at once make one talent). */
export async function lockIdentity(executor: Executor, hash: string) {
  await executor.execute(sql`select pg_advisory_xact_lock(hashtext(${`talent.identity:${hash}`}))`);
}

export async function findTalentByHash(executor: Executor, hash: string) {
  const [row] = await executor.select().from(talents).where(eq(talents.idNumberHash, hash)).for('update');
  return row;
}

// ——— executives ———

const executiveColumns = { executive: executives, talentName: talents.name, enterpriseName: organisations.name };

export async function listExecutiveRows(executor: Executor, where: SQL | undefined, page: number, pageSize: number) {
  const [rows, [{ total }]] = await Promise.all([
    executor
      .select(executiveColumns)
      .from(executives)
      .innerJoin(talents, eq(talents.id, executives.talentId))
      .leftJoin(organisations, eq(organisations.id, executives.enterpriseId))
      .where(where)
      .orderBy(asc(executives.termEnd), asc(executives.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    executor.select({ total: count() }).from(executives).where(where),
  ]);
  return { rows, total: Number(total) };
}

export async function findExecutive(executor: Executor, id: string, scope: SQL | undefined) {
  const [row] = await executor
    .select(executiveColumns)
    .from(executives)
    .innerJoin(talents, eq(talents.id, executives.talentId))
    .leftJoin(organisations, eq(organisations.id, executives.enterpriseId))
    .where(and(eq(executives.id, id), scope));
  return row;
}

export async function lockExecutive(executor: Executor, id: string) {
  const [row] = await executor.select().from(executives).where(eq(executives.id, id)).for('update');
  return row;
}

export async function insertExecutive(executor: Executor, values: typeof executives.$inferInsert) {
  const [row] = await executor.insert(executives).values(values).returning();
  return row;
}

export async function updateExecutive(executor: Executor, id: string, values: Partial<typeof executives.$inferInsert>) {
  await executor.update(executives).set({ ...values, version: sql`${executives.version} + 1` }).where(eq(executives.id, id));
}

/** Marks the term end a reminder announced (the record's own version is not changed: nobody edited it). */
export async function markReminded(executor: Executor, id: string, termEnd: string) {
  await executor.update(executives).set({ remindedFor: termEnd }).where(eq(executives.id, id));
}

export async function listAppraisals(executor: Executor, executiveId: string) {
  return executor.select().from(executiveAppraisals).where(eq(executiveAppraisals.executiveId, executiveId)).orderBy(asc(executiveAppraisals.createdAt));
}

export async function findAppraisal(executor: Executor, executiveId: string, cycle: string) {
  const [row] = await executor.select({ id: executiveAppraisals.id }).from(executiveAppraisals).where(and(eq(executiveAppraisals.executiveId, executiveId), eq(executiveAppraisals.cycle, cycle)));
  return row;
}

export async function insertAppraisal(executor: Executor, values: typeof executiveAppraisals.$inferInsert) {
  const [row] = await executor.insert(executiveAppraisals).values(values).returning();
  return row;
}

/** Serving executives whose term ends by `until` and whose current end was not announced yet. */
export async function termsToRemind(executor: Executor, until: string) {
  return executor
    .select(executiveColumns)
    .from(executives)
    .innerJoin(talents, eq(talents.id, executives.talentId))
    .leftJoin(organisations, eq(organisations.id, executives.enterpriseId))
    .where(and(eq(executives.status, 'serving'), lte(executives.termEnd, until), or(isNull(executives.remindedFor), ne(executives.remindedFor, executives.termEnd))))
    .orderBy(asc(executives.termEnd))
    .for('update', { of: executives });
}
