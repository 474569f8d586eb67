/**
 * Enterprise talent demand (岗位需求): an enterprise posts what it needs, the office sees all of it by chain and
 * discipline, and every hire that fills a demand is a dated fill record (campaign, training order, flexible expert, own
 * hiring). Enterprise HR sees and edits its own demands only (another's: 404). Matching (`matching.ts`) suggests
 * candidates for a demand and openings for a talent, with reasons.
 */
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { demandStatusOf, reasonText, type DemandInput, type FillInput, type Language } from '../../../domain/demands';
import type { Db, Executor } from '../../db/client';
import { demands, industries } from '../../db/schema';
import { AppError, invalid, notFound, type FieldProblem } from '../../errors';
import type { Actor, SessionUser } from '../../plugins/auth';
import { searchQuery } from '../../search/segment';
import type { Secrets } from '../../security/secrets';
import { recordAudit } from '../audit/audit.service';
import { findIndustry } from '../reference/reference.repo';
import { talentReadScope } from '../talents/talents.policies';
import { findTalent } from '../talents/talents.repo';
import { presentTalentSummary } from '../talents/talents.service';
import {
  candidateTalentIds, findDemand, findDiscipline, findEnterprise, insertDemand, insertFill, listDemandRows, listDisciplines, listFills, listSkills, lockDemand, openDemandRows,
  profileSources, setFilled, summariseDemands, talentRowsByIds, updateDemandRow, type DemandListRow,
} from './demands.repo';
import { buildDictionary, buildProfile, compileQuery, eligible, explain, rankAll, scoreOf, type MatchDictionary } from './matching';

/** The demands a user may see: enterprise HR its own enterprise's, staff all. */
export function demandScope(user: SessionUser): SQL | undefined {
  if (user.roles.some((role) => role === 'office' || role === 'leader' || role === 'department')) return undefined;
  if (user.roles.includes('enterprise') && user.organisationId) return eq(demands.enterpriseId, user.organisationId);
  return eq(demands.id, '00000000-0000-0000-0000-000000000000');
}

export async function demandDictionaries(executor: Executor) {
  const [disciplineRows, skillRows] = await Promise.all([listDisciplines(executor), listSkills(executor)]);
  return {
    disciplines: disciplineRows.map(({ code, name, nameEn, keywords }) => ({ code, name, nameEn, keywords })),
    skills: skillRows.map(({ name, nameEn, synonyms }) => ({ name, nameEn, synonyms })),
  };
}

export async function matchDictionary(executor: Executor): Promise<MatchDictionary> {
  const { disciplines, skills } = await demandDictionaries(executor);
  return buildDictionary(disciplines, skills);
}

export function presentDemand({ demand, enterpriseName, chain, industryName, industryNameEn, disciplineName, disciplineNameEn }: DemandListRow) {
  return {
    id: demand.id,
    enterprise: { id: demand.enterpriseId, name: enterpriseName },
    post: demand.post,
    industry: { code: demand.industry, name: industryName, nameEn: industryNameEn },
    chain,
    chainSegment: demand.chainSegment,
    discipline: { code: demand.discipline, name: disciplineName, nameEn: disciplineNameEn },
    education: demand.education,
    title: demand.title,
    minYears: demand.minYears,
    skills: demand.skills,
    headcount: demand.headcount,
    filled: demand.filled,
    salaryBand: demand.salaryBand,
    urgency: demand.urgency,
    deadline: demand.deadline,
    status: demand.status,
    createdAt: demand.createdAt.toISOString(),
    version: demand.version,
  };
}

export type DemandListQuery = { page: number; pageSize: number; status?: DemandListRow['demand']['status']; discipline?: string; industry?: string; chain?: string; enterpriseId?: string };

export async function listDemands(executor: Executor, user: SessionUser, query: DemandListQuery) {
  const conditions: (SQL | undefined)[] = [demandScope(user)];
  if (query.status) conditions.push(eq(demands.status, query.status));
  if (query.discipline) conditions.push(eq(demands.discipline, query.discipline));
  if (query.industry) conditions.push(eq(demands.industry, query.industry));
  if (query.chain) conditions.push(eq(industries.chain, query.chain));
  if (query.enterpriseId) conditions.push(eq(demands.enterpriseId, query.enterpriseId));
  const { rows, total } = await listDemandRows(executor, and(...conditions), query.page, query.pageSize);
  return { items: rows.map(presentDemand), total: Number(total) };
}

/** Demand not closed, by key chain and discipline: demands, headcount wanted and filled. */
export async function demandSummaryOf(executor: Executor, user: SessionUser, query: { enterpriseId?: string }) {
  const rows = await summariseDemands(executor, and(demandScope(user), query.enterpriseId ? eq(demands.enterpriseId, query.enterpriseId) : undefined));
  return rows.map((row) => ({
    chain: row.chain,
    discipline: { code: row.discipline, name: row.disciplineName, nameEn: row.disciplineNameEn },
    demands: Number(row.demands),
    headcount: Number(row.headcount),
    filled: Number(row.filled),
  }));
}

export async function demandDetail(executor: Executor, user: SessionUser, id: string) {
  const row = await findDemand(executor, id, demandScope(user));
  if (!row) throw notFound();
  const fills = await listFills(executor, id);
  return {
    ...presentDemand(row),
    description: row.demand.description,
    closedAt: row.demand.closedAt?.toISOString() ?? null,
    fills: fills.map(({ fill, talentName }) => ({
      id: fill.id, channel: fill.channel, count: fill.count, filledOn: fill.filledOn, talent: fill.talentId && talentName ? { id: fill.talentId, name: talentName } : null, sourceId: fill.sourceId, note: fill.note,
    })),
  };
}

/** Data references of a demand: the industry (active), the discipline, the enterprise. */
async function referenceProblems(executor: Executor, input: Omit<DemandInput, 'enterpriseId'>, current?: DemandListRow['demand']) {
  const problems: Record<string, FieldProblem> = {};
  const keptIndustry = current !== undefined && current.industry === input.industry;
  if (!keptIndustry && !(await findIndustry(executor, input.industry))?.active) problems.industry = { code: 'reference.unknown' };
  if (!(await findDiscipline(executor, input.discipline))) problems.discipline = { code: 'reference.unknown' };
  return problems;
}

/** The enterprise a new demand is for: enterprise HR's own; the office names one. */
async function enterpriseFor(executor: Executor, user: SessionUser, input: DemandInput) {
  if (!user.roles.includes('office') && user.roles.includes('enterprise') && user.organisationId) {
    if (input.enterpriseId && input.enterpriseId !== user.organisationId) throw invalid({ enterpriseId: { code: 'demand.ownEnterprise' } });
    return user.organisationId;
  }
  if (!input.enterpriseId) throw invalid({ enterpriseId: { code: 'demand.enterpriseRequired' } });
  if (!(await findEnterprise(executor, input.enterpriseId))) throw invalid({ enterpriseId: { code: 'reference.unknown' } });
  return input.enterpriseId;
}

const demandValues = (input: Omit<DemandInput, 'enterpriseId'>) => ({
  post: input.post, industry: input.industry, chainSegment: input.chainSegment, discipline: input.discipline, education: input.education, title: input.title, minYears: input.minYears,
  skills: [...new Set(input.skills)], headcount: input.headcount, salaryBand: input.salaryBand, urgency: input.urgency, deadline: input.deadline, description: input.description,
});

export async function createDemand(db: Db, actor: Actor, user: SessionUser, input: DemandInput) {
  return db.transaction(async (tx) => {
    const enterpriseId = await enterpriseFor(tx, user, input);
    const problems = await referenceProblems(tx, input);
    if (Object.keys(problems).length) throw invalid(problems);
    const row = await insertDemand(tx, { ...demandValues(input), enterpriseId, postedBy: user.id });
    await recordAudit(tx, actor, { action: 'demand.create', targetType: 'demand', targetId: row.id, changes: { ...demandValues(input), enterpriseId } });
    return demandDetail(tx, user, row.id);
  });
}

export async function updateDemand(db: Db, actor: Actor, user: SessionUser, id: string, body: Omit<DemandInput, 'enterpriseId'> & { version: number }) {
  return db.transaction(async (tx) => {
    const current = await lockDemand(tx, id, demandScope(user));
    if (!current) throw notFound();
    if (current.version !== body.version) throw new AppError(409, 'conflict');
    const problems = await referenceProblems(tx, body, current);
    if (body.headcount < current.filled) problems.headcount = { code: 'demand.belowFilled', params: { filled: current.filled } };
    if (Object.keys(problems).length) throw invalid(problems);
    const values = demandValues(body);
    const status = demandStatusOf(values.headcount, current.filled, current.status === 'closed');
    await updateDemandRow(tx, id, body.version, { ...values, status });
    const changes = Object.fromEntries(Object.entries(values).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify((current as Record<string, unknown>)[key])));
    await recordAudit(tx, actor, { action: 'demand.update', targetType: 'demand', targetId: id, changes });
    return demandDetail(tx, user, id);
  });
}

export async function closeDemand(db: Db, actor: Actor, user: SessionUser, id: string, version: number) {
  return db.transaction(async (tx) => {
    const current = await lockDemand(tx, id, demandScope(user));
    if (!current) throw notFound();
    if (current.version !== version) throw new AppError(409, 'conflict');
    if (current.status === 'closed') throw new AppError(409, 'demandClosed');
    await updateDemandRow(tx, id, version, { status: 'closed', closedAt: new Date() });
    await recordAudit(tx, actor, { action: 'demand.close', targetType: 'demand', targetId: id, changes: { filled: current.filled, headcount: current.headcount } });
    return demandDetail(tx, user, id);
  });
}

/**
 * One fill of a demand, in the caller's transaction (a campaign hire, a training order's placement, or recorded by
 * hand): the dated record, the demand's filled count and status. A closed demand or a count beyond the headcount is
 * refused. Audited by the caller's use case.
 */
export async function recordFill(tx: Executor, demandId: string, fill: FillInput, recordedBy: string | null, scope?: SQL) {
  const demand = await lockDemand(tx, demandId, scope);
  if (!demand) throw notFound();
  if (demand.status === 'closed') throw new AppError(409, 'demandClosed');
  if (demand.filled + fill.count > demand.headcount) throw new AppError(409, 'demandOverfilled', { open: demand.headcount - demand.filled });
  const row = await insertFill(tx, { demandId, channel: fill.channel, count: fill.count, filledOn: fill.filledOn, talentId: fill.talentId, sourceId: fill.sourceId, note: fill.note, recordedBy });
  const filled = demand.filled + fill.count;
  await setFilled(tx, demandId, filled, demandStatusOf(demand.headcount, filled, false));
  return row;
}

export async function addFill(db: Db, actor: Actor, user: SessionUser, id: string, input: FillInput) {
  return db.transaction(async (tx) => {
    if (input.talentId && !(await findTalent(tx, input.talentId, talentReadScope(user)))) throw invalid({ talentId: { code: 'reference.unknown' } });
    const fill = await recordFill(tx, id, input, user.id, demandScope(user));
    await recordAudit(tx, actor, { action: 'demand.fill', targetType: 'demand', targetId: id, changes: { fill: fill.id, channel: input.channel, count: input.count, filledOn: input.filledOn, talentId: input.talentId } });
    return demandDetail(tx, user, id);
  });
}

export const withText = (reasons: ReturnType<typeof explain>, language: Language) => reasons.map((reason) => ({ ...reason, text: reasonText(reason, language) }));

/** How many talents at most are read and scored for one demand (the most relevant by the search index). */
export const candidatePool = 2000;

/** The `to_tsquery` text finding talents that mention the demand's discipline keywords, skills or their synonyms. */
export function candidateQuery(demand: { discipline: string | null; skills: string[] }, dictionary: MatchDictionary): string | null {
  const words = new Set<string>(demand.discipline ? (dictionary.disciplineByCode.get(demand.discipline)?.keywords ?? []) : []);
  for (const skill of demand.skills) {
    words.add(skill);
    const known = dictionary.skillOf.get(skill.trim().toLowerCase());
    if (known) for (const form of dictionary.skillForms.get(known) ?? []) words.add(form.join(''));
  }
  const parts = [...words].map((word) => searchQuery(word)).filter((part): part is string => part !== null);
  return parts.length ? parts.map((part) => `(${part})`).join(' | ') : null;
}

/** Suggested candidates for a demand: talents (masked as the registry masks them for the reader), score, reasons and gaps. */
export async function demandCandidates(executor: Executor, secrets: Secrets, user: SessionUser, id: string, language: Language, limit: number) {
  const row = await findDemand(executor, id, demandScope(user));
  if (!row) throw notFound();
  const dictionary = await matchDictionary(executor);
  const tsquery = candidateQuery(row.demand, dictionary);
  const scope = talentReadScope(user);
  const ids = tsquery ? await candidateTalentIds(executor, tsquery, row.demand.enterpriseId, scope, candidatePool) : [];
  const year = new Date().getFullYear();
  const profiles = (await profileSources(executor, ids)).map((source) => buildProfile(source, dictionary, year));
  const query = compileQuery({ id, enterpriseId: row.demand.enterpriseId, discipline: row.demand.discipline, skills: row.demand.skills, education: row.demand.education, title: row.demand.title, minYears: row.demand.minYears }, dictionary);
  const ranked = rankAll(query, profiles, limit);
  const talentRows = new Map((await talentRowsByIds(executor, ranked.map((entry) => entry.profile.id), scope)).map((entry) => [entry.talent.id, entry]));
  return {
    considered: profiles.length,
    items: ranked.flatMap(({ profile, score }) => {
      const found = talentRows.get(profile.id);
      return found ? [{ talent: presentTalentSummary(found.talent, found.employer, secrets), score, reasons: withText(explain(query, profile, dictionary, language), language) }] : [];
    }),
  };
}

/** How many open demands a talent's openings are ranked from (the newest). */
export const openingPool = 1000;

/** The reverse: open demands that fit a talent the reader may see (another's talent: 404), with reasons and gaps. */
export async function talentOpenings(executor: Executor, user: SessionUser, talentId: string, language: Language, limit: number) {
  if (!(await findTalent(executor, talentId, talentReadScope(user)))) throw notFound();
  const dictionary = await matchDictionary(executor);
  const [source] = await profileSources(executor, [talentId]);
  const profile = buildProfile(source, dictionary, new Date().getFullYear());
  const rows = await openDemandRows(executor, openingPool);
  const scored = rows.flatMap((row) => {
    const query = compileQuery({ id: row.demand.id, enterpriseId: row.demand.enterpriseId, discipline: row.demand.discipline, skills: row.demand.skills, education: row.demand.education, title: row.demand.title, minYears: row.demand.minYears }, dictionary);
    return eligible(query, profile) ? [{ row, query, score: scoreOf(query, profile) }] : [];
  });
  scored.sort((a, b) => b.score - a.score || (a.row.demand.id < b.row.demand.id ? -1 : 1));
  return { items: scored.slice(0, limit).map(({ row, query, score }) => ({ demand: presentDemand(row), score, reasons: withText(explain(query, profile, dictionary, language), language) })) };
}

/** Demands by id, for other modules that link to them (campaign posts, training orders): those in the user's scope. */
export async function demandsByIds(executor: Executor, user: SessionUser, ids: string[]) {
  if (ids.length === 0) return [];
  const { rows } = await listDemandRows(executor, and(demandScope(user), inArray(demands.id, ids)), 1, ids.length);
  return rows.map(presentDemand);
}
