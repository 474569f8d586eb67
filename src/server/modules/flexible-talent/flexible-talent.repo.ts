import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ExpertKind } from '../../../domain/cooperation';
import type { OrganisationKind } from '../../../domain/dictionaries';
import type { Executor } from '../../db/client';
import {
  consultationExperts, consultations, experts, investmentProjects, organisations, talentTeams, talents, teamMembers,
} from '../../db/schema';
import { pageOf } from '../../http/pagination';
import { escapeLike } from '../audit/audit.service';

export type ProjectRow = typeof investmentProjects.$inferSelect;
export type TeamRow = typeof talentTeams.$inferSelect;
export type ExpertRow = typeof experts.$inferSelect;
export type ConsultationRow = typeof consultations.$inferSelect;
type Paging = { page: number; pageSize: number };

const like = (text: string) => `%${escapeLike(text)}%`;

// ---- investment projects ----

// the project's id written out qualified: in a one-table select drizzle writes columns without their table, and inside
// the subquery a bare "id" would be the team's or the expert's own
const projectId = sql.raw('"investment_projects"."id"');
const projectTeams = sql<number>`(select count(*) from ${talentTeams} where ${talentTeams.projectId} = ${projectId})`.mapWith(Number);
const projectExperts = sql<number>`(select count(*) from ${experts} where ${experts.projectId} = ${projectId})`.mapWith(Number);

export async function listProjects(executor: Executor, query: Paging & { q?: string }) {
  const where = query.q ? or(ilike(investmentProjects.name, like(query.q)), ilike(investmentProjects.investor, like(query.q))) : undefined;
  const [items, [{ total }]] = await Promise.all([
    executor
      .select({ project: investmentProjects, teams: projectTeams, experts: projectExperts })
      .from(investmentProjects)
      .where(where)
      .orderBy(desc(investmentProjects.amount), asc(investmentProjects.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    executor.select({ total: count() }).from(investmentProjects).where(where),
  ]);
  return pageOf(items, total);
}

export async function findProject(executor: Executor, id: string) {
  const [row] = await executor.select().from(investmentProjects).where(eq(investmentProjects.id, id));
  return row ?? null;
}

export async function findProjectByName(executor: Executor, name: string) {
  const [row] = await executor.select({ id: investmentProjects.id }).from(investmentProjects).where(eq(investmentProjects.name, name));
  return row ?? null;
}

export async function insertProject(executor: Executor, values: typeof investmentProjects.$inferInsert) {
  const [row] = await executor.insert(investmentProjects).values(values).returning();
  return row;
}

// ---- teams ----

const teamOrganisation = alias(organisations, 'team_organisation');
const leader = alias(talents, 'leader');
const memberCount = sql<number>`(select count(*) from ${teamMembers} where ${teamMembers.teamId} = ${talentTeams.id})`.mapWith(Number);
const expertCount = sql<number>`(select count(*) from ${experts} where ${experts.teamId} = ${talentTeams.id})`.mapWith(Number);
const listedTeam = {
  team: talentTeams, name: teamOrganisation.name, industry: teamOrganisation.industry, leaderName: leader.name,
  projectName: investmentProjects.name, members: memberCount, experts: expertCount,
};
export type ListedTeam = { team: TeamRow; name: string; industry: string | null; leaderName: string | null; projectName: string | null; members: number; experts: number };

const teamsFrom = (executor: Executor) =>
  executor
    .select(listedTeam)
    .from(talentTeams)
    .innerJoin(teamOrganisation, eq(teamOrganisation.id, talentTeams.organisationId))
    .leftJoin(leader, eq(leader.id, talentTeams.leaderTalentId))
    .leftJoin(investmentProjects, eq(investmentProjects.id, talentTeams.projectId));

export async function listTeams(executor: Executor, query: Paging & { q?: string; projectId?: string }) {
  const where = and(query.q ? ilike(teamOrganisation.name, like(query.q)) : undefined, query.projectId ? eq(talentTeams.projectId, query.projectId) : undefined);
  const [items, [{ total }]] = await Promise.all([
    teamsFrom(executor).where(where).orderBy(asc(teamOrganisation.nameSortKey), asc(talentTeams.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    executor.select({ total: count() }).from(talentTeams).innerJoin(teamOrganisation, eq(teamOrganisation.id, talentTeams.organisationId)).where(where),
  ]);
  return pageOf<ListedTeam>(items, total);
}

export async function findTeam(executor: Executor, id: string): Promise<ListedTeam | null> {
  const [row] = await teamsFrom(executor).where(eq(talentTeams.id, id));
  return row ?? null;
}

export async function findTeamOfOrganisation(executor: Executor, organisationId: string) {
  const [row] = await executor.select({ id: talentTeams.id }).from(talentTeams).where(eq(talentTeams.organisationId, organisationId));
  return row ?? null;
}

export async function insertTeam(executor: Executor, values: typeof talentTeams.$inferInsert) {
  const [row] = await executor.insert(talentTeams).values(values).returning();
  return row;
}

export async function teamMembersOf(executor: Executor, teamId: string) {
  return executor
    .select({ talentId: teamMembers.talentId, name: talents.name, memberRole: teamMembers.memberRole, post: talents.post })
    .from(teamMembers)
    .innerJoin(talents, eq(talents.id, teamMembers.talentId))
    .where(eq(teamMembers.teamId, teamId))
    .orderBy(asc(teamMembers.addedAt), asc(teamMembers.talentId));
}

export async function findTeamMember(executor: Executor, teamId: string, talentId: string) {
  const [row] = await executor.select().from(teamMembers).where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.talentId, talentId)));
  return row ?? null;
}

export async function insertTeamMember(executor: Executor, values: typeof teamMembers.$inferInsert) {
  await executor.insert(teamMembers).values(values);
}

// ---- experts ----

const expertTeam = alias(organisations, 'expert_team');
const listedExpert = { expert: experts, teamName: expertTeam.name, projectName: investmentProjects.name };
export type ListedExpert = { expert: ExpertRow; teamName: string | null; projectName: string | null };
export type ExpertFilters = { q?: string; kind?: ExpertKind; teamId?: string; projectId?: string };

const expertsFrom = (executor: Executor) =>
  executor
    .select(listedExpert)
    .from(experts)
    .leftJoin(talentTeams, eq(talentTeams.id, experts.teamId))
    .leftJoin(expertTeam, eq(expertTeam.id, talentTeams.organisationId))
    .leftJoin(investmentProjects, eq(investmentProjects.id, experts.projectId));

function expertConditions(filters: ExpertFilters): SQL | undefined {
  return and(
    filters.q ? or(ilike(experts.name, like(filters.q)), ilike(experts.field, like(filters.q)), ilike(experts.affiliation, like(filters.q))) : undefined,
    filters.kind ? eq(experts.kind, filters.kind) : undefined,
    filters.teamId ? eq(experts.teamId, filters.teamId) : undefined,
    filters.projectId ? eq(experts.projectId, filters.projectId) : undefined,
  );
}

export async function listExperts(executor: Executor, query: Paging & ExpertFilters) {
  const where = expertConditions(query);
  const [items, [{ total }]] = await Promise.all([
    expertsFrom(executor).where(where).orderBy(asc(experts.name), asc(experts.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    executor.select({ total: count() }).from(experts).where(where),
  ]);
  return pageOf<ListedExpert>(items, total);
}

/** Every expert matching the filters, in name order (the export: at most a few hundred rows). */
export async function allExperts(executor: Executor, filters: ExpertFilters): Promise<ListedExpert[]> {
  return expertsFrom(executor).where(expertConditions(filters)).orderBy(asc(experts.name), asc(experts.id));
}

export async function findExpert(executor: Executor, id: string): Promise<ListedExpert | null> {
  const [row] = await expertsFrom(executor).where(eq(experts.id, id));
  return row ?? null;
}

export async function findExpertsByIds(executor: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return executor.select({ id: experts.id, name: experts.name }).from(experts).where(inArray(experts.id, ids));
}

/** Experts already linked to any of the talents (other than `excludeId`). */
export async function expertsOfTalents(executor: Executor, talentIds: string[], excludeId?: string) {
  if (talentIds.length === 0) return [];
  return executor
    .select({ id: experts.id, talentId: experts.talentId })
    .from(experts)
    .where(and(inArray(experts.talentId, talentIds), excludeId ? sql`${experts.id} <> ${excludeId}` : undefined));
}

export async function insertExperts(executor: Executor, values: (typeof experts.$inferInsert)[]) {
  if (values.length === 0) return [];
  return executor.insert(experts).values(values).returning();
}

export async function updateExpertRow(executor: Executor, id: string, version: number, values: Partial<typeof experts.$inferInsert>) {
  const [row] = await executor
    .update(experts)
    .set({ ...values, version: sql`${experts.version} + 1`, updatedAt: new Date() })
    .where(and(eq(experts.id, id), eq(experts.version, version)))
    .returning();
  return row ?? null;
}

// ---- consultations (问诊把脉) ----

const consultationEnterprise = alias(organisations, 'consultation_enterprise');

export async function listConsultations(executor: Executor, query: Paging & { enterpriseId?: string; expertId?: string }) {
  const where = and(
    query.enterpriseId ? eq(consultations.enterpriseId, query.enterpriseId) : undefined,
    query.expertId ? sql`exists (select 1 from ${consultationExperts} where ${consultationExperts.consultationId} = ${consultations.id} and ${consultationExperts.expertId} = ${query.expertId})` : undefined,
  );
  const [items, [{ total }]] = await Promise.all([
    executor
      .select({ consultation: consultations, enterpriseName: consultationEnterprise.name })
      .from(consultations)
      .innerJoin(consultationEnterprise, eq(consultationEnterprise.id, consultations.enterpriseId))
      .where(where)
      .orderBy(desc(consultations.heldOn), asc(consultations.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    executor.select({ total: count() }).from(consultations).where(where),
  ]);
  const names = await expertNamesOf(executor, items.map((item) => item.consultation.id));
  return pageOf(items.map((item) => ({ ...item, experts: names.get(item.consultation.id) ?? [] })), total);
}

async function expertNamesOf(executor: Executor, consultationIds: string[]) {
  const byConsultation = new Map<string, { id: string; name: string }[]>();
  if (consultationIds.length === 0) return byConsultation;
  const rows = await executor
    .select({ consultationId: consultationExperts.consultationId, id: experts.id, name: experts.name })
    .from(consultationExperts)
    .innerJoin(experts, eq(experts.id, consultationExperts.expertId))
    .where(inArray(consultationExperts.consultationId, consultationIds))
    .orderBy(asc(experts.name));
  for (const row of rows) byConsultation.set(row.consultationId, [...(byConsultation.get(row.consultationId) ?? []), { id: row.id, name: row.name }]);
  return byConsultation;
}

export async function insertConsultation(executor: Executor, values: typeof consultations.$inferInsert, expertIds: string[]) {
  const [row] = await executor.insert(consultations).values(values).returning();
  await executor.insert(consultationExperts).values(expertIds.map((expertId) => ({ consultationId: row.id, expertId })));
  return row;
}

export async function findConsultation(executor: Executor, id: string) {
  const [row] = await executor
    .select({ consultation: consultations, enterpriseName: consultationEnterprise.name })
    .from(consultations)
    .innerJoin(consultationEnterprise, eq(consultationEnterprise.id, consultations.enterpriseId))
    .where(eq(consultations.id, id));
  if (!row) return null;
  return { ...row, experts: (await expertNamesOf(executor, [id])).get(id) ?? [] };
}

// ---- references ----

export async function organisationOfKind(executor: Executor, id: string, kinds: OrganisationKind[]) {
  const [row] = await executor
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(and(eq(organisations.id, id), inArray(organisations.kind, kinds)));
  return row ?? null;
}

export async function findTalentsByIds(executor: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return executor.select({ id: talents.id, name: talents.name, employerId: talents.employerId }).from(talents).where(inArray(talents.id, ids));
}
