/**
 * Recruitment campaigns (引才): 校园招聘, 急需紧缺人才引进, 市场化选聘, 公开招聘. A campaign has its own ordered stages (报名 …
 * 录用), a plan by discipline, posts (optionally tied to a demand) and applicants who go through the stages with a
 * result (and a score for the exams) per stage. A hire registers the applicant in the talent registry with the arrival
 * route of the campaign's type — the talent with the same ID number when there is one (updated, never duplicated) —,
 * fills the post's demand, and for 市场化选聘 starts an executive's term (executives.service.ts). The office runs them.
 */
import { and, eq, type SQL } from 'drizzle-orm';
import { beijingDate } from '../../../domain/calendar/calendar';
import { campaignArrivalRoute, scoredStages, type CampaignInput, type CampaignStage, type CampaignType, type Language } from '../../../domain/demands';
import { talentInput } from '../../../domain/talent';
import { parseIdNumber, maskIdNumber, birthYearOf } from '../../../domain/validators/id-number';
import { maskPhone } from '../../../domain/validators/phone';
import type { Db, Executor, Tx } from '../../db/client';
import { campaignApplicants, campaigns, organisations } from '../../db/schema';
import { AppError, invalid, notFound } from '../../errors';
import type { Actor, SessionUser } from '../../plugins/auth';
import type { Secrets } from '../../security/secrets';
import { diff, recordAudit } from '../audit/audit.service';
import { recordFill } from '../demands/demands.service';
import { suggestCandidates } from '../demands/suggestions.service';
import { addStatusEntry, insertTalents, loadTalentChildren, updateTalentRecord } from '../talents/talents.repo';
import { problemsOfIssues, storedInput, talentRecord } from '../talents/talents.service';
import {
  applicantCounts, disciplineNames, findApplicant, findApplicantByHash, findCampaign, findDemandForPost, findEnterpriseRow, findPost, findTalentByHash, hiresByDiscipline,
  insertApplicants, insertCampaign, insertExecutive, insertPost, listApplicantRows, listCampaignRows, listPosts, lockApplicant, lockCampaign, lockIdentity, nextApplicantNumber,
  updateApplicant, type ApplicantRow, type CampaignRow,
} from './campaigns.repo';

/** Today in the zone (Beijing time): a hire dated today there is not in the future, whatever the server's clock zone. */
const today = () => beijingDate(new Date());

type Named = { code: string; name: string; nameEn: string };
const nameOf = (names: Map<string, Named>, code: string): Named => {
  const row = names.get(code);
  return row ? { code, name: row.name, nameEn: row.nameEn } : { code, name: code, nameEn: code };
};

async function summaries(executor: Executor, rows: CampaignRow[]) {
  const ids = rows.map((row) => row.id);
  const [hires, counts] = await Promise.all([hiresByDiscipline(executor, ids), applicantCounts(executor, ids)]);
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    name: row.name,
    year: row.year,
    stages: row.stages,
    planned: row.plan.reduce((sum, line) => sum + line.planned, 0),
    hired: hires.filter((hire) => hire.campaignId === row.id).reduce((sum, hire) => sum + Number(hire.hired), 0),
    applicants: counts.filter((entry) => entry.campaignId === row.id).reduce((sum, entry) => sum + Number(entry.applicants), 0),
    createdAt: row.createdAt.toISOString(),
  }));
}

export async function listCampaigns(executor: Executor, query: { page: number; pageSize: number; type?: CampaignType; year?: number }) {
  const conditions: (SQL | undefined)[] = [];
  if (query.type) conditions.push(eq(campaigns.type, query.type));
  if (query.year) conditions.push(eq(campaigns.year, query.year));
  const { rows, total } = await listCampaignRows(executor, and(...conditions), query.page, query.pageSize);
  return { items: await summaries(executor, rows), total };
}

export async function campaignDetail(executor: Executor, id: string) {
  const row = await findCampaign(executor, id);
  if (!row) throw notFound();
  const [[summary], hires, counts, posts, names] = await Promise.all([summaries(executor, [row]), hiresByDiscipline(executor, [id]), applicantCounts(executor, [id]), listPosts(executor, id), disciplineNames(executor)]);
  const hiredBy = new Map(hires.map((hire) => [hire.discipline, Number(hire.hired)]));
  const plan = row.plan.map((line) => ({ discipline: nameOf(names, line.discipline), planned: line.planned, hired: hiredBy.get(line.discipline) ?? 0 }));
  for (const [discipline, hired] of hiredBy) if (!row.plan.some((line) => line.discipline === discipline)) plan.push({ discipline: nameOf(names, discipline), planned: 0, hired });
  return {
    ...summary,
    plan,
    stageCounts: row.stages.map((stage, index) => ({
      stage,
      inProgress: counts.filter((entry) => entry.state === 'inProgress' && entry.stageIndex === index).reduce((sum, entry) => sum + Number(entry.applicants), 0),
      failed: counts.filter((entry) => entry.state === 'failed' && entry.stageIndex === index).reduce((sum, entry) => sum + Number(entry.applicants), 0),
    })),
    posts: posts.map(({ post, enterpriseName, demandEnterpriseId, demandPost, demandStatus, hired, applicants }) => ({
      id: post.id,
      title: post.title,
      discipline: nameOf(names, post.discipline),
      headcount: post.headcount,
      applicants: Number(applicants),
      hired: Number(hired),
      enterprise: enterpriseName && (post.enterpriseId ?? demandEnterpriseId) ? { id: (post.enterpriseId ?? demandEnterpriseId)!, name: enterpriseName } : null,
      demand: post.demandId && demandPost && demandStatus ? { id: post.demandId, post: demandPost, status: demandStatus } : null,
    })),
    version: row.version,
  };
}

export async function createCampaign(db: Db, actor: Actor, user: SessionUser, input: CampaignInput) {
  return db.transaction(async (tx) => {
    const names = await disciplineNames(tx);
    const unknown = input.plan.findIndex((line) => !names.has(line.discipline));
    if (unknown >= 0) throw invalid({ [`plan.${unknown}.discipline`]: { code: 'reference.unknown' } });
    const row = await insertCampaign(tx, { type: input.type, name: input.name, year: input.year, stages: input.stages, plan: input.plan, createdBy: user.id });
    await recordAudit(tx, actor, { action: 'campaign.create', targetType: 'campaign', targetId: row.id, changes: { ...input } });
    return campaignDetail(tx, row.id);
  });
}

export type PostInput = { title: string; discipline: string; headcount: number; demandId: string | null; enterpriseId: string | null };

/** A post of the campaign; tied to a demand, the hires go to the demand's enterprise and fill it. */
export async function addPost(db: Db, actor: Actor, campaignId: string, input: PostInput) {
  return db.transaction(async (tx) => {
    if (!(await lockCampaign(tx, campaignId))) throw notFound();
    const names = await disciplineNames(tx);
    if (!names.has(input.discipline)) throw invalid({ discipline: { code: 'reference.unknown' } });
    let enterpriseId = input.enterpriseId;
    if (input.demandId) {
      const demand = await findDemandForPost(tx, input.demandId);
      if (!demand) throw invalid({ demandId: { code: 'reference.unknown' } });
      if (demand.status === 'closed' || demand.status === 'filled') throw new AppError(409, 'demandClosed');
      enterpriseId = demand.enterpriseId;
    } else if (enterpriseId && !(await findEnterpriseRow(tx, enterpriseId))) throw invalid({ enterpriseId: { code: 'reference.unknown' } });
    const row = await insertPost(tx, { campaignId, title: input.title, discipline: input.discipline, headcount: input.headcount, demandId: input.demandId, enterpriseId });
    await recordAudit(tx, actor, { action: 'campaign.addPost', targetType: 'campaign', targetId: campaignId, changes: { post: row.id, ...input, enterpriseId } });
    return campaignDetail(tx, campaignId);
  });
}

export function presentApplicant(applicant: ApplicantRow, postTitle: string, campaign: Pick<CampaignRow, 'stages'>, secrets: Secrets) {
  const stages = campaign.stages;
  return {
    id: applicant.id,
    number: applicant.number,
    name: applicant.name,
    gender: applicant.gender,
    birthYear: birthYearOf(applicant.birthDate),
    idNumber: maskIdNumber(secrets.decrypt(applicant.idNumberCipher)),
    phone: applicant.phoneMasked,
    education: applicant.education,
    school: applicant.school,
    major: applicant.major,
    graduationYear: applicant.graduationYear,
    post: { id: applicant.postId, title: postTitle },
    state: applicant.state,
    stage: applicant.state === 'hired' ? 'offer' as const : (stages[applicant.stageIndex] ?? null),
    results: stages.flatMap((stage) => {
      const result = applicant.results[stage];
      return result ? [{ stage, passed: result.passed, score: result.score, at: result.at }] : [];
    }),
    talentId: applicant.talentId,
    hiredOn: applicant.hiredOn,
    version: applicant.version,
  };
}

export async function listApplicants(executor: Executor, secrets: Secrets, campaignId: string, query: { page: number; pageSize: number; state?: ApplicantRow['state']; postId?: string }) {
  const campaign = await findCampaign(executor, campaignId);
  if (!campaign) throw notFound();
  const conditions: (SQL | undefined)[] = [];
  if (query.state) conditions.push(eq(campaignApplicants.state, query.state));
  if (query.postId) conditions.push(eq(campaignApplicants.postId, query.postId));
  const { rows, total } = await listApplicantRows(executor, campaignId, and(...conditions), query.page, query.pageSize);
  return { items: rows.map((row) => presentApplicant(row.applicant, row.postTitle, campaign, secrets)), total };
}

export type ApplicantInput = {
  postId: string; name: string; idNumber: string; phone: string | null; education: ApplicantRow['education']; degree: ApplicantRow['degree']; school: string; major: string; graduationYear: number;
};

/** 报名: an applicant of a post; one application per person (ID number) and campaign; the identity sealed like a talent's. */
export async function addApplicant(db: Db, secrets: Secrets, actor: Actor, campaignId: string, input: ApplicantInput) {
  return db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, campaignId);
    if (!campaign) throw notFound();
    const post = await findPost(tx, campaignId, input.postId);
    if (!post) throw invalid({ postId: { code: 'reference.unknown' } });
    const identity = parseIdNumber(input.idNumber);
    if (!identity.ok) throw invalid({ idNumber: { code: `idNumber.${identity.problem}` } });
    const hash = secrets.lookupHash(identity.value.idNumber);
    if (await findApplicantByHash(tx, campaignId, hash)) throw invalid({ idNumber: { code: 'campaign.applicantTwice' } });
    const [row] = await insertApplicants(tx, [applicantValues(secrets, campaignId, await nextApplicantNumber(tx, campaignId), input, identity.value)]);
    await recordAudit(tx, actor, { action: 'campaign.apply', targetType: 'campaignApplicant', targetId: row.id, changes: { campaign: campaignId, post: post.id, ...input } });
    return presentApplicant(row, post.title, campaign, secrets);
  });
}

/** The stored row of a new applicant (报名号 `number`): ID number and phone sealed, gender and birth date from the number. */
export function applicantValues(secrets: Secrets, campaignId: string, number: number, input: ApplicantInput, identity: { idNumber: string; gender: ApplicantRow['gender']; birthDate: string }) {
  return {
    campaignId, postId: input.postId, number, name: input.name, gender: identity.gender, birthDate: identity.birthDate,
    idNumberCipher: secrets.encrypt(identity.idNumber), idNumberHash: secrets.lookupHash(identity.idNumber), phoneCipher: input.phone ? secrets.encrypt(input.phone) : null,
    phoneMasked: input.phone ? maskPhone(input.phone) : null, education: input.education, degree: input.degree, school: input.school, major: input.major, graduationYear: input.graduationYear,
  };
}

/**
 * A stage's result for an applicant in it: passed moves on to the next stage, failed stops there. The stage must be
 * the applicant's current one; exams (笔试, 面试) need a score; the offer (录用) is the hire, not a result. Returns the
 * updated row; the caller audits.
 */
export async function applyStageResult(tx: Executor, campaign: CampaignRow, applicant: ApplicantRow, result: { stage: CampaignStage; passed: boolean; score: number | null }, fieldPrefix = '') {
  const field = (name: string) => `${fieldPrefix}${name}`;
  if (applicant.state !== 'inProgress') throw new AppError(409, 'applicantState');
  const current = campaign.stages[applicant.stageIndex];
  if (!campaign.stages.includes(result.stage)) throw invalid({ [field('stage')]: { code: 'campaign.stageNotInCampaign' } });
  if (result.stage !== current) throw invalid({ [field('stage')]: { code: 'campaign.notCurrentStage', params: { stage: current } } });
  if (result.stage === 'offer' && result.passed) throw invalid({ [field('stage')]: { code: 'campaign.offerByHire' } });
  if (scoredStages.includes(result.stage) && result.score === null) throw invalid({ [field('score')]: { code: 'campaign.scoreMissing' } });
  const results = { ...applicant.results, [result.stage]: { passed: result.passed, score: result.score, at: today() } };
  return updateApplicant(tx, applicant.id, result.passed ? { results, stageIndex: applicant.stageIndex + 1 } : { results, state: 'failed' });
}

/** The campaign and its applicant, the applicant locked, at the version the caller read: 404 when either is missing, 409 when changed since. */
async function lockApplicantAt(tx: Tx, campaignId: string, applicantId: string, version: number) {
  const campaign = await findCampaign(tx, campaignId);
  const applicant = await lockApplicant(tx, campaignId, applicantId);
  if (!campaign || !applicant) throw notFound();
  if (applicant.version !== version) throw new AppError(409, 'conflict');
  return { campaign, applicant };
}

export async function recordResult(db: Db, secrets: Secrets, actor: Actor, campaignId: string, applicantId: string, input: { stage: CampaignStage; passed: boolean; score: number | null; version: number }) {
  return db.transaction(async (tx) => {
    const { campaign, applicant } = await lockApplicantAt(tx, campaignId, applicantId, input.version);
    const row = await applyStageResult(tx, campaign, applicant, input);
    await recordAudit(tx, actor, { action: 'campaign.result', targetType: 'campaignApplicant', targetId: applicantId, changes: { stage: input.stage, passed: input.passed, score: input.score } });
    const found = (await findApplicant(tx, campaignId, row.id))!;
    return presentApplicant(found.applicant, found.postTitle, campaign, secrets);
  });
}

/** 撤回: an applicant in progress withdraws (or is withdrawn by the office); the state is final. With the version read. */
export async function withdrawApplicant(db: Db, secrets: Secrets, actor: Actor, campaignId: string, applicantId: string, input: { version: number }) {
  return db.transaction(async (tx) => {
    const { campaign, applicant } = await lockApplicantAt(tx, campaignId, applicantId, input.version);
    if (applicant.state !== 'inProgress') throw new AppError(409, 'applicantState');
    await updateApplicant(tx, applicant.id, { state: 'withdrawn' });
    await recordAudit(tx, actor, { action: 'campaign.withdraw', targetType: 'campaignApplicant', targetId: applicantId, changes: { campaign: campaignId, state: { from: 'inProgress', to: 'withdrawn' }, stage: campaign.stages[applicant.stageIndex] } });
    const found = (await findApplicant(tx, campaignId, applicantId))!;
    return presentApplicant(found.applicant, found.postTitle, campaign, secrets);
  });
}

export type HireInput = { hiredOn: string; term: { termStart: string; termEnd: string; agreementSalary: number } | null; version: number };

/**
 * 录用: the applicant, past every stage before the offer, becomes a talent of the registry — or updates the talent with
 * the same ID number (employer, post, arrival route, arrival date, in the zone), never a second record —, fills the
 * post's demand (channel `campaign`, dated the hire day), and for 市场化选聘 starts the executive's term. One transaction.
 */
export async function hireApplicant(db: Db, secrets: Secrets, actor: Actor, campaignId: string, applicantId: string, input: HireInput) {
  if (input.hiredOn > today()) throw invalid({ hiredOn: { code: 'date.future' } });
  return db.transaction(async (tx) => {
    const { campaign, applicant } = await lockApplicantAt(tx, campaignId, applicantId, input.version);
    if (applicant.state !== 'inProgress') throw new AppError(409, 'applicantState');
    if (campaign.stages[applicant.stageIndex] !== 'offer') throw new AppError(409, 'applicantNotReady');
    if (campaign.type === 'marketSelection' && !input.term) throw invalid({ term: { code: 'executive.termRequired' } });
    const post = (await findPost(tx, campaignId, applicant.postId))!;
    const demand = post.demandId ? await findDemandForPost(tx, post.demandId) : undefined;
    const employerId = post.enterpriseId ?? demand?.enterpriseId ?? null;
    const route = campaignArrivalRoute[campaign.type];
    const idNumber = secrets.decrypt(applicant.idNumberCipher);

    await lockIdentity(tx, applicant.idNumberHash);
    const existing = await findTalentByHash(tx, applicant.idNumberHash);
    const employerLabel = employerId ? ((await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, employerId)))[0]?.name ?? null) : null;
    let talentId: string;
    if (existing) {
      const children = await loadTalentChildren(tx, existing.id);
      const stored = storedInput(existing, children, secrets);
      const hasEducation = stored.educations.some((education) => education.level === applicant.education && education.school === applicant.school);
      const merged = {
        ...stored, employerId, employerName: employerId ? null : stored.employerName, post: post.title, arrivalRoute: route, arrivedOn: input.hiredOn, status: 'inZone',
        educations: hasEducation ? stored.educations : [...stored.educations, { level: applicant.education, degree: applicant.degree, school: applicant.school, major: applicant.major, graduationYear: applicant.graduationYear }],
      };
      const parsed = talentInput.safeParse(merged, { reportInput: true });
      if (!parsed.success) throw invalid(problemsOfIssues(parsed.error.issues));
      const row = await updateTalentRecord(tx, existing.id, existing.version, talentRecord(parsed.data, secrets, employerLabel));
      if (!row) throw new AppError(409, 'conflict');
      if (existing.status !== 'inZone') await addStatusEntry(tx, existing.id, 'inZone', input.hiredOn, campaign.name, actor.userId);
      const changes = diff(stored as Record<string, unknown>, storedInput(row, await loadTalentChildren(tx, existing.id), secrets));
      await recordAudit(tx, actor, { action: 'talent.update', targetType: 'talent', targetId: existing.id, changes: { ...changes, campaign: campaignId, applicant: applicantId } });
      talentId = existing.id;
    } else {
      const parsed = talentInput.safeParse({
        name: applicant.name, idNumber, phone: applicant.phoneCipher ? secrets.decrypt(applicant.phoneCipher) : null,
        educations: [{ level: applicant.education, degree: applicant.degree, school: applicant.school, major: applicant.major, graduationYear: applicant.graduationYear }],
        titles: [], certificates: [], employerId, post: post.title, arrivalRoute: route, arrivedOn: input.hiredOn, tags: [], status: 'inZone',
      }, { reportInput: true });
      if (!parsed.success) throw invalid(problemsOfIssues(parsed.error.issues));
      const [row] = await insertTalents(tx, [talentRecord(parsed.data, secrets, employerLabel)], actor.userId);
      await recordAudit(tx, actor, { action: 'talent.create', targetType: 'talent', targetId: row.id, changes: { ...parsed.data, campaign: campaignId, applicant: applicantId } });
      talentId = row.id;
    }

    const results = { ...applicant.results, offer: { passed: true, score: null, at: input.hiredOn } };
    const updated = await updateApplicant(tx, applicant.id, { state: 'hired', results, talentId, hiredOn: input.hiredOn });
    if (post.demandId) {
      await recordFill(tx, post.demandId, { channel: 'campaign', count: 1, filledOn: input.hiredOn, talentId, sourceId: applicant.id, note: campaign.name }, actor.userId);
    }
    let executiveId: string | null = null;
    if (campaign.type === 'marketSelection' && input.term) {
      const executive = await insertExecutive(tx, { talentId, enterpriseId: employerId, applicantId: applicant.id, post: post.title, ...input.term });
      executiveId = executive.id;
    }
    await recordAudit(tx, actor, {
      action: 'campaign.hire', targetType: 'campaignApplicant', targetId: applicantId,
      changes: { campaign: campaignId, talent: talentId, talentCreated: !existing, demand: post.demandId, executive: executiveId, hiredOn: input.hiredOn, ...(input.term ?? {}) },
    });
    return { applicant: presentApplicant(updated, post.title, campaign, secrets), talentId, talentCreated: !existing, executiveId };
  });
}

/** 推荐人选 for a post of a campaign: talents (within the reader's registry scope) ranked against the tied demand, or the post's title and discipline. */
export async function postCandidates(executor: Executor, user: SessionUser, campaignId: string, postId: string, language: Language, limit: number) {
  const post = await findPost(executor, campaignId, postId);
  if (!post) throw notFound();
  const subject = { id: post.id, enterpriseId: post.enterpriseId, demandId: post.demandId, text: post.title, discipline: post.discipline };
  return suggestCandidates(executor, user, subject, ['talent'], language, limit);
}
