import { and, asc, count, desc, eq, gte, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { demandFills, demands, disciplines, experts, industries, investmentProjects, organisations, skills, talentCertificates, talentEducations, talents, talentTeams, talentTitles, teamMembers } from '../../db/schema';
import type { DemandStatus } from '../../../domain/demands';
import type { ProfileSource } from './matching';

export type DemandRow = typeof demands.$inferSelect;

export async function listDisciplines(executor: Executor) {
  return executor.select().from(disciplines).orderBy(asc(disciplines.sortOrder), asc(disciplines.code));
}

export async function listSkills(executor: Executor) {
  return executor.select().from(skills).orderBy(asc(skills.name));
}

export async function findDiscipline(executor: Executor, code: string) {
  const [row] = await executor.select().from(disciplines).where(eq(disciplines.code, code));
  return row;
}

export async function findEnterprise(executor: Executor, id: string) {
  const [row] = await executor.select({ id: organisations.id, name: organisations.name }).from(organisations).where(and(eq(organisations.id, id), eq(organisations.kind, 'enterprise')));
  return row;
}

const demandColumns = { demand: demands, enterpriseName: organisations.name, chain: industries.chain, industryName: industries.name, industryNameEn: industries.nameEn, disciplineName: disciplines.name, disciplineNameEn: disciplines.nameEn };

const joined = (executor: Executor) =>
  executor
    .select(demandColumns)
    .from(demands)
    .innerJoin(organisations, eq(organisations.id, demands.enterpriseId))
    .innerJoin(industries, eq(industries.code, demands.industry))
    .innerJoin(disciplines, eq(disciplines.code, demands.discipline));

export type DemandListRow = NonNullable<Awaited<ReturnType<typeof findDemand>>>;

export async function findDemand(executor: Executor, id: string, scope: SQL | undefined) {
  const [row] = await joined(executor).where(and(eq(demands.id, id), scope));
  return row;
}

export async function lockDemand(executor: Executor, id: string, scope: SQL | undefined) {
  const [row] = await executor.select().from(demands).where(and(eq(demands.id, id), scope)).for('update');
  return row;
}

export async function listDemandRows(executor: Executor, where: SQL | undefined, page: number, pageSize: number) {
  const [rows, [{ total }]] = await Promise.all([
    joined(executor).where(where).orderBy(desc(demands.createdAt), desc(demands.id)).limit(pageSize).offset((page - 1) * pageSize),
    executor.select({ total: count() }).from(demands).innerJoin(industries, eq(industries.code, demands.industry)).where(where),
  ]);
  return { rows, total };
}

/** Open demand by chain and discipline (the office's overview): demands, headcount, filled. */
export async function summariseDemands(executor: Executor, where: SQL | undefined) {
  return executor
    .select({
      chain: industries.chain,
      discipline: demands.discipline,
      disciplineName: disciplines.name,
      disciplineNameEn: disciplines.nameEn,
      demands: count(),
      headcount: sql<number>`sum(${demands.headcount})::int`,
      filled: sql<number>`sum(${demands.filled})::int`,
    })
    .from(demands)
    .innerJoin(industries, eq(industries.code, demands.industry))
    .innerJoin(disciplines, eq(disciplines.code, demands.discipline))
    .where(and(ne(demands.status, 'closed'), where))
    .groupBy(industries.chain, demands.discipline, disciplines.name, disciplines.nameEn, disciplines.sortOrder)
    .orderBy(asc(industries.chain), asc(disciplines.sortOrder));
}

export async function insertDemand(executor: Executor, values: typeof demands.$inferInsert) {
  const [row] = await executor.insert(demands).values(values).returning();
  return row;
}

export async function updateDemandRow(executor: Executor, id: string, version: number, values: Partial<typeof demands.$inferInsert>) {
  const [row] = await executor
    .update(demands)
    .set({ ...values, version: sql`${demands.version} + 1`, updatedAt: new Date() })
    .where(and(eq(demands.id, id), eq(demands.version, version)))
    .returning();
  return row;
}

export async function setFilled(executor: Executor, id: string, filled: number, status: DemandStatus) {
  await executor.update(demands).set({ filled, status, version: sql`${demands.version} + 1`, updatedAt: new Date() }).where(eq(demands.id, id));
}

export async function insertFill(executor: Executor, values: typeof demandFills.$inferInsert) {
  const [row] = await executor.insert(demandFills).values(values).returning();
  return row;
}

export async function listFills(executor: Executor, demandId: string) {
  return executor
    .select({ fill: demandFills, talentName: talents.name })
    .from(demandFills)
    .leftJoin(talents, eq(talents.id, demandFills.talentId))
    .where(eq(demandFills.demandId, demandId))
    .orderBy(asc(demandFills.filledOn), asc(demandFills.createdAt));
}

/** Demands still taking hires (open or partly filled), newest first: what a talent's openings are ranked from. */
export async function openDemandRows(executor: Executor, limit: number) {
  return joined(executor).where(inArray(demands.status, ['open', 'partlyFilled'])).orderBy(desc(demands.createdAt)).limit(limit);
}

/**
 * The talents worth scoring for a demand, within the reader's scope: those whose search words match the demand's
 * discipline keywords or skills (the registry's GIN index), not gone, not the enterprise's own staff, the most
 * relevant first, at most `limit`.
 */
export async function candidateTalentIds(executor: Executor, tsquery: string, enterpriseId: string | null, scope: SQL | undefined, limit: number) {
  const query = sql`to_tsquery('simple', ${tsquery})`;
  const rows = await executor
    .select({ id: talents.id })
    .from(talents)
    .where(and(sql`${talents.searchVector} @@ ${query}`, ne(talents.status, 'left'), sql`${talents.employerId} is distinct from ${enterpriseId}`, scope))
    .orderBy(sql`ts_rank(${talents.searchVector}, ${query}) desc`, asc(talents.id))
    .limit(limit);
  return rows.map((row) => row.id);
}

/** What the matcher reads of talents (post, tags, education, titles, certificates), by id. */
export async function profileSources(executor: Executor, ids: string[]): Promise<ProfileSource[]> {
  if (ids.length === 0) return [];
  const [rows, educations, titles, certificates] = await Promise.all([
    executor
      .select({ id: talents.id, employerId: talents.employerId, status: talents.status, post: talents.post, tags: talents.tags, highestEducation: talents.highestEducation, highestTitle: talents.highestTitle })
      .from(talents)
      .where(inArray(talents.id, ids)),
    executor.select({ talentId: talentEducations.talentId, major: talentEducations.major, graduationYear: talentEducations.graduationYear }).from(talentEducations).where(inArray(talentEducations.talentId, ids)),
    executor.select({ talentId: talentTitles.talentId, series: talentTitles.series, name: talentTitles.name }).from(talentTitles).where(inArray(talentTitles.talentId, ids)),
    executor.select({ talentId: talentCertificates.talentId, name: talentCertificates.name }).from(talentCertificates).where(inArray(talentCertificates.talentId, ids)),
  ]);
  const group = <T extends { talentId: string }>(items: T[]) => {
    const map = new Map<string, T[]>();
    for (const item of items) map.set(item.talentId, [...(map.get(item.talentId) ?? []), item]);
    return map;
  };
  const [byEducation, byTitle, byCertificate] = [group(educations), group(titles), group(certificates)];
  return rows.map((row) => ({ ...row, educations: byEducation.get(row.id) ?? [], titles: byTitle.get(row.id) ?? [], certificates: byCertificate.get(row.id) ?? [] }));
}

/** Talents as the registry's lists present them, by id, within the reader's scope. */
export async function talentRowsByIds(executor: Executor, ids: string[], scope: SQL | undefined) {
  if (ids.length === 0) return [];
  return executor
    .select({ talent: talents, employer: organisations.name })
    .from(talents)
    .leftJoin(organisations, eq(organisations.id, talents.employerId))
    .where(and(inArray(talents.id, ids), scope));
}

/** Flexible experts still engaged (no end, or an end not past), with their linked registry talent: a challenge's suggestions. */
export async function engagedExperts(executor: Executor) {
  return executor
    .select({ id: experts.id, name: experts.name, kind: experts.kind, field: experts.field, affiliation: experts.affiliation, talentId: experts.talentId })
    .from(experts)
    .where(or(isNull(experts.engagedTo), gte(experts.engagedTo, sql`current_date`)))
    .orderBy(asc(experts.id));
}

/** Resident teams with their organisation's name, their project's name and their members (talent ids). */
export async function residentTeams(executor: Executor) {
  const [rows, members] = await Promise.all([
    executor
      .select({ id: talentTeams.id, organisationId: talentTeams.organisationId, name: organisations.name, description: talentTeams.description, project: investmentProjects.name })
      .from(talentTeams)
      .innerJoin(organisations, eq(organisations.id, talentTeams.organisationId))
      .leftJoin(investmentProjects, eq(investmentProjects.id, talentTeams.projectId))
      .where(or(isNull(talentTeams.serviceTo), gte(talentTeams.serviceTo, sql`current_date`)))
      .orderBy(asc(talentTeams.id)),
    executor.select({ teamId: teamMembers.teamId, talentId: teamMembers.talentId }).from(teamMembers),
  ]);
  return rows.map((row) => ({ ...row, memberIds: members.filter((member) => member.teamId === row.id).map((member) => member.talentId) }));
}
