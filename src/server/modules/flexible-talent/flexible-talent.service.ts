import {
  consultationInput, type ConsultationInput, type ExpertInput, type ProjectInput, type TeamInput,
} from '../../../domain/cooperation';
import type { Db, Executor } from '../../db/client';
import { AppError, conflict, invalid, notFound, type FieldProblem } from '../../errors';
import type { Actor } from '../../plugins/auth';
import { diff, recordAudit } from '../audit/audit.service';
import { findIndustry } from '../reference/reference.repo';
import {
  allExperts, expertsOfTalents, findConsultation, findExpert, findExpertsByIds, findProject, findProjectByName, findTalentsByIds, findTeam,
  findTeamMember, findTeamOfOrganisation, insertConsultation, insertExperts, insertProject, insertTeam, insertTeamMember, listConsultations, listExperts,
  listProjects, listTeams, organisationOfKind, teamMembersOf, updateExpertRow, type ExpertFilters, type ListedExpert, type ListedTeam, type ProjectRow,
} from './flexible-talent.repo';

type Paging = { page: number; pageSize: number };
const failIf = (problems: Record<string, FieldProblem>) => {
  if (Object.keys(problems).length) throw invalid(problems);
};

// ---- investment projects ----

const presentProject = (project: ProjectRow, teams = 0, experts = 0) => ({
  id: project.id, name: project.name, investor: project.investor, industry: project.industry, amount: project.amount, status: project.status,
  signedOn: project.signedOn, description: project.description, teams, experts,
});

export async function projectList(executor: Executor, query: Paging & { q?: string }) {
  const page = await listProjects(executor, query);
  return { items: page.items.map((item) => presentProject(item.project, item.teams, item.experts)), total: page.total };
}

export async function createProject(db: Db, actor: Actor, input: ProjectInput) {
  const problems: Record<string, FieldProblem> = {};
  if (!(await findIndustry(db, input.industry))?.active) problems.industry = { code: 'reference.unknown' };
  if (await findProjectByName(db, input.name)) problems.name = { code: 'cooperation.duplicate' };
  failIf(problems);
  return db.transaction(async (tx) => {
    const row = await insertProject(tx, { ...input, signedOn: input.signedOn ?? null });
    await recordAudit(tx, actor, { action: 'project.create', targetType: 'investmentProject', targetId: row.id, changes: { ...input } });
    return presentProject(row);
  });
}

// ---- teams ----

const presentTeam = (listed: ListedTeam) => ({
  id: listed.team.id,
  organisationId: listed.team.organisationId,
  name: listed.name,
  industry: listed.industry,
  leader: listed.team.leaderTalentId && listed.leaderName ? { id: listed.team.leaderTalentId, name: listed.leaderName } : null,
  project: listed.team.projectId && listed.projectName ? { id: listed.team.projectId, name: listed.projectName } : null,
  serviceFrom: listed.team.serviceFrom,
  serviceTo: listed.team.serviceTo,
  description: listed.team.description,
  members: Number(listed.members),
  experts: Number(listed.experts),
});

export async function teamList(executor: Executor, query: Paging & { q?: string; projectId?: string }) {
  const page = await listTeams(executor, query);
  return { items: page.items.map(presentTeam), total: page.total };
}

export async function teamDetail(executor: Executor, id: string) {
  const found = await findTeam(executor, id);
  if (!found) throw notFound();
  const [members, teamExperts] = await Promise.all([teamMembersOf(executor, id), allExperts(executor, { teamId: id })]);
  return { ...presentTeam(found), memberList: members, expertList: teamExperts.map(presentExpert) };
}

async function teamProblems(executor: Executor, input: TeamInput) {
  const problems: Record<string, FieldProblem> = {};
  if (!(await organisationOfKind(executor, input.organisationId, ['team']))) problems.organisationId = { code: 'cooperation.notTeam' };
  else if (await findTeamOfOrganisation(executor, input.organisationId)) problems.organisationId = { code: 'cooperation.duplicate' };
  if (input.leaderTalentId && (await findTalentsByIds(executor, [input.leaderTalentId])).length === 0) problems.leaderTalentId = { code: 'reference.unknown' };
  if (input.projectId && !(await findProject(executor, input.projectId))) problems.projectId = { code: 'reference.unknown' };
  return problems;
}

export async function createTeam(db: Db, actor: Actor, input: TeamInput) {
  failIf(await teamProblems(db, input));
  return db.transaction(async (tx) => {
    const row = await insertTeam(tx, { ...input, leaderTalentId: input.leaderTalentId ?? null, projectId: input.projectId ?? null, serviceTo: input.serviceTo ?? null });
    if (input.leaderTalentId) await insertTeamMember(tx, { teamId: row.id, talentId: input.leaderTalentId, memberRole: '负责人' });
    await recordAudit(tx, actor, { action: 'team.create', targetType: 'talentTeam', targetId: row.id, changes: { ...input } });
    return teamDetail(tx, row.id);
  });
}

export async function addTeamMember(db: Db, actor: Actor, teamId: string, input: { talentId: string; memberRole: string }) {
  return db.transaction(async (tx) => {
    if (!(await findTeam(tx, teamId))) throw notFound();
    if ((await findTalentsByIds(tx, [input.talentId])).length === 0) throw invalid({ talentId: { code: 'reference.unknown' } });
    if (await findTeamMember(tx, teamId, input.talentId)) throw invalid({ talentId: { code: 'cooperation.duplicate' } });
    await insertTeamMember(tx, { teamId, talentId: input.talentId, memberRole: input.memberRole });
    await recordAudit(tx, actor, { action: 'team.addMember', targetType: 'talentTeam', targetId: teamId, changes: { ...input } });
    return teamDetail(tx, teamId);
  });
}

// ---- experts ----

export function presentExpert({ expert, teamName, projectName }: ListedExpert) {
  return {
    id: expert.id, name: expert.name, kind: expert.kind, field: expert.field, affiliation: expert.affiliation, talentId: expert.talentId,
    team: expert.teamId && teamName ? { id: expert.teamId, name: teamName } : null,
    project: expert.projectId && projectName ? { id: expert.projectId, name: projectName } : null,
    engagementTerms: expert.engagementTerms, engagedFrom: expert.engagedFrom, engagedTo: expert.engagedTo, serviceDays: expert.serviceDays,
    outputs: expert.outputs, version: expert.version,
  };
}

export async function expertList(executor: Executor, query: Paging & ExpertFilters) {
  const page = await listExperts(executor, query);
  return { items: page.items.map(presentExpert), total: page.total };
}

export async function expertDetail(executor: Executor, id: string) {
  const found = await findExpert(executor, id);
  if (!found) throw notFound();
  return presentExpert(found);
}

/** What the schema cannot check, for several experts at once (an import): team, project and talent references. */
export async function expertProblems(executor: Executor, inputs: ExpertInput[], excludeId?: string): Promise<Record<string, FieldProblem>[]> {
  const teamIds = new Set<string>();
  const projectIds = new Set<string>();
  for (const input of inputs) {
    if (input.teamId && !teamIds.has(input.teamId) && (await findTeam(executor, input.teamId))) teamIds.add(input.teamId);
    if (input.projectId && !projectIds.has(input.projectId) && (await findProject(executor, input.projectId))) projectIds.add(input.projectId);
  }
  const talentIds = inputs.flatMap((input) => (input.talentId ? [input.talentId] : []));
  const known = new Set((await findTalentsByIds(executor, talentIds)).map((talent) => talent.id));
  const taken = new Set((await expertsOfTalents(executor, talentIds, excludeId)).map((row) => row.talentId));
  const seen = new Set<string>();
  return inputs.map((input) => {
    const problems: Record<string, FieldProblem> = {};
    if (input.teamId && !teamIds.has(input.teamId)) problems.teamId = { code: 'cooperation.notTeam' };
    if (input.projectId && !projectIds.has(input.projectId)) problems.projectId = { code: 'reference.unknown' };
    if (input.talentId) {
      if (!known.has(input.talentId)) problems.talentId = { code: 'reference.unknown' };
      else if (taken.has(input.talentId) || seen.has(input.talentId)) problems.talentId = { code: 'cooperation.duplicate' };
      seen.add(input.talentId);
    }
    return problems;
  });
}

const expertValues = (input: ExpertInput) => ({
  ...input, talentId: input.talentId ?? null, teamId: input.teamId ?? null, projectId: input.projectId ?? null, engagedTo: input.engagedTo ?? null,
});

export async function createExpert(db: Db, actor: Actor, input: ExpertInput) {
  failIf((await expertProblems(db, [input]))[0]);
  return db.transaction(async (tx) => {
    const [row] = await insertExperts(tx, [expertValues(input)]);
    await recordAudit(tx, actor, { action: 'expert.create', targetType: 'expert', targetId: row.id, changes: { ...input } });
    return expertDetail(tx, row.id);
  });
}

/** Inserts checked experts (an import) and audits each, in the caller's transaction. */
export async function storeExperts(tx: Executor, actor: Actor, inputs: ExpertInput[], detail: string) {
  const rows = await insertExperts(tx, inputs.map(expertValues));
  for (const [index, row] of rows.entries()) {
    await recordAudit(tx, actor, { action: 'expert.create', targetType: 'expert', targetId: row.id, changes: { ...inputs[index] }, detail });
  }
  return rows.length;
}

/** Replaces an expert's engagement (team, project, service days, outputs …); send the version read (409 otherwise). */
export async function updateExpert(db: Db, actor: Actor, id: string, body: ExpertInput & { version: number }) {
  const { version, ...input } = body;
  return db.transaction(async (tx) => {
    const found = await findExpert(tx, id);
    if (!found) throw notFound();
    failIf((await expertProblems(tx, [input], id))[0]);
    if (found.expert.version !== version) throw new AppError(409, 'conflict');
    const { expert } = found;
    const before = {
      name: expert.name, kind: expert.kind, field: expert.field, affiliation: expert.affiliation, talentId: expert.talentId, teamId: expert.teamId,
      projectId: expert.projectId, engagementTerms: expert.engagementTerms, engagedFrom: expert.engagedFrom, engagedTo: expert.engagedTo,
      serviceDays: expert.serviceDays, outputs: expert.outputs,
    };
    const values = expertValues(input);
    const changes = diff(before, values);
    if (Object.keys(changes).length === 0) return presentExpert(found);
    if (!(await updateExpertRow(tx, id, version, values))) throw new AppError(409, 'conflict');
    await recordAudit(tx, actor, { action: 'expert.update', targetType: 'expert', targetId: id, changes });
    return expertDetail(tx, id);
  });
}

// ---- consultations (问诊把脉) ----

type ListedConsultation = NonNullable<Awaited<ReturnType<typeof findConsultation>>>;
const presentConsultation = ({ consultation, enterpriseName, experts }: ListedConsultation) => ({
  id: consultation.id, topic: consultation.topic, enterprise: { id: consultation.enterpriseId, name: enterpriseName }, heldOn: consultation.heldOn,
  experts, recommendations: consultation.recommendations, followUpStatus: consultation.followUpStatus, followUpNote: consultation.followUpNote,
});

export async function consultationList(executor: Executor, query: Paging & { enterpriseId?: string; expertId?: string }) {
  const page = await listConsultations(executor, query);
  return { items: page.items.map(presentConsultation), total: page.total };
}

export async function createConsultation(db: Db, actor: Actor, body: ConsultationInput) {
  const input = consultationInput.parse(body);
  const problems: Record<string, FieldProblem> = {};
  if (!(await organisationOfKind(db, input.enterpriseId, ['enterprise']))) problems.enterpriseId = { code: 'cooperation.notEnterprise' };
  const expertIds = [...new Set(input.expertIds)];
  const found = new Set((await findExpertsByIds(db, expertIds)).map((expert) => expert.id));
  expertIds.forEach((expertId) => {
    if (!found.has(expertId)) problems[`expertIds.${input.expertIds.indexOf(expertId)}`] = { code: 'reference.unknown' };
  });
  failIf(problems);
  return db.transaction(async (tx) => {
    const { expertIds: _ids, ...values } = input;
    const row = await insertConsultation(tx, values, expertIds);
    await recordAudit(tx, actor, { action: 'consultation.create', targetType: 'consultation', targetId: row.id, changes: { ...input } });
    const created = await findConsultation(tx, row.id);
    if (!created) throw conflict('conflict');
    return presentConsultation(created);
  });
}
