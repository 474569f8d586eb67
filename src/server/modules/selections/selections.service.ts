/**
 * Selections (评选): the office opens a call (kind and year, window, places, the policy whose rule decides eligibility,
 * the honour, the expert panel); enterprises and units nominate; the office checks each nominee by the policy's rule
 * (the reasons kept on the nomination); the panel scores the eligible ones with 回避 (`domain/panels.ts`); the best
 * `quota` are selected and publicised (公示, working days); on completion the honour is written onto each selected
 * talent's profile (`talent_honours`) with a talent event (`honour`).
 */
import { or, sql, type SQL } from 'drizzle-orm';
import { beijingDate } from '../../../domain/calendar';
import { averageScore, missingScorers, mustAbstain, publicityRunning, publicityWindow, rankByScore } from '../../../domain/panels';
import { nominationStatusWords, selectionStatusWords } from '../../../domain/selection-messages';
import { nextSelectionStatus, type Eligibility, type EligibilityReason, type NominationStatus, type SelectionNominator, type SelectionStatus } from '../../../domain/selections';
import type { ExplainNode } from '../../../domain/rules/explain';
import type { Db, Executor } from '../../db/client';
import { AppError, invalid, notFound, type FieldProblem } from '../../errors';
import type { Actor, SessionUser } from '../../plugins/auth';
import { recordAudit, recordAudits, type AuditEntry } from '../audit/audit.service';
import { notify, officeStaff } from '../notifications/notifications.service';
import { decide, withoutBirthDate } from '../policies/decision';
import { referenceLabels, subjectFacts } from '../policies/facts.repo';
import { findVersion, parameterValuesOn } from '../policies/policies.repo';
import { insertEvents } from '../retention/retention.repo';
import { findTalent } from '../talents/talents.repo';
import { talentReadScope } from '../talents/talents.policies';
import {
  countOpenObjections, findKind, findNomination, findNominationView, findNominee, findObjection, findOrganisations, findSelection, findSelectionView, findTalentPolicy,
  findUsers, honoursOf, insertHonours, insertNomination, insertObjection, insertSelection, listExperts, listKinds, listNominations, listObjections, listSelections,
  nominatedByOrganisation, nominatedByUnit, nominationsWithStatus, nominatorAccounts, onPanelOf, replaceExperts, resolveObjection, scoresOf, updateNomination,
  updateSelection, upsertScore, type ExpertRow, type NominationListRow, type NominationRow, type SelectionListRow, type SelectionQuery, type SelectionRow,
} from './selections.repo';

export type ExpertInput = { name: string; userId?: string | null; organisationId?: string | null };
export type SelectionInput = {
  kind: string; year: number; title: string; titleEn: string; honour: string; honourEn: string; quota: number; policyId: string;
  nominateFrom: string; nominateTo: string; publicityDays: number; experts: ExpertInput[];
};

const selectionState = (status: SelectionStatus) => new AppError(409, 'selectionState', { statusZh: selectionStatusWords[status][0], statusEn: selectionStatusWords[status][1] });
const nominationState = (status: NominationStatus) => new AppError(409, 'nominationState', { statusZh: nominationStatusWords[status][0], statusEn: nominationStatusWords[status][1] });
const isStaff = (user: SessionUser) => user.roles.includes('office') || user.roles.includes('leader');

/**
 * Which nominations a user may see: the office and leaders all; enterprise HR those its enterprise made; a unit's staff
 * those its unit made; an expert those of the selections whose panel they sit on. Anything else is a 404, never listed.
 */
export function nominationScope(user: SessionUser): SQL | undefined {
  if (isStaff(user)) return undefined;
  const mine: SQL[] = [onPanelOf(user.id)];
  if (user.roles.includes('enterprise') && user.organisationId) mine.push(nominatedByOrganisation(user.organisationId));
  if (user.roles.includes('department') && user.unitId) mine.push(nominatedByUnit(user.unitId));
  return or(...mine) ?? sql`false`;
}

/** What the user nominates as: enterprise HR (its own staff) or a unit's staff. */
function nominatorOf(user: SessionUser): SelectionNominator | null {
  if (user.roles.includes('enterprise') && user.organisationId) return 'enterprise';
  if (user.roles.includes('department') && user.unitId) return 'department';
  return null;
}

/** 回避 (the shared panel's rule): an expert of the nominee's employer or of the nominating organisation abstains. */
const conflicted = (expert: ExpertRow, nomination: NominationRow) => mustAbstain({ id: expert.organisationId }, [{ id: nomination.employerId }, { id: nomination.nominatingOrgId }]);

export async function kindList(db: Db) {
  return (await listKinds(db)).map(({ code, name, nameEn }) => ({ code, name, nameEn }));
}

// ——— selections ———

function selectionView(row: SelectionListRow, user: SessionUser, today: string) {
  const { selection } = row;
  return {
    id: selection.id,
    kind: selection.kind,
    kindName: row.kindName,
    kindNameEn: row.kindNameEn,
    year: selection.year,
    title: selection.title,
    titleEn: selection.titleEn,
    honour: selection.honour,
    honourEn: selection.honourEn,
    quota: selection.quota,
    policy: { id: selection.policyId, title: row.policyTitle },
    nominateFrom: selection.nominateFrom,
    nominateTo: selection.nominateTo,
    publicityDays: selection.publicityDays,
    status: selection.status,
    publicityFrom: selection.publicityFrom?.toISOString() ?? null,
    publicityUntil: selection.publicityUntil?.toISOString() ?? null,
    completedAt: selection.completedAt?.toISOString() ?? null,
    nominated: row.nominated,
    selected: row.selected,
    canNominate: !!nominatorOf(user) && selection.status === 'nominating' && today >= selection.nominateFrom && today <= selection.nominateTo,
    version: selection.version,
  };
}

export async function selectionList(db: Db, user: SessionUser, query: SelectionQuery, now = new Date()) {
  const page = await listSelections(db, query, nominationScope(user));
  return { items: page.items.map((row) => selectionView(row, user, beijingDate(now))), total: page.total };
}

/** The nominations a reader may see, ranked: staff see every expert's score, the panel and who abstains; others the average and result. */
function nominationView(row: NominationListRow) {
  const { nomination } = row;
  return {
    id: nomination.id,
    selectionId: nomination.selectionId,
    talent: { id: nomination.talentId, name: row.talentName, employerName: row.employerName },
    nominator: { kind: nomination.nominatorKind, name: row.nominatorName, nameEn: row.nominatorNameEn },
    reason: nomination.reason,
    status: nomination.status,
    eligibility: nomination.eligibility,
    averageScore: row.averageScore === null ? null : Number(row.averageScore),
    scoreCount: row.scoreCount,
    rank: nomination.rank,
    openObjections: row.openObjections,
    recordedAt: nomination.recordedAt?.toISOString() ?? null,
    nominatedAt: nomination.nominatedAt.toISOString(),
    version: nomination.version,
  };
}

export async function selectionDetail(db: Db, user: SessionUser, id: string, now = new Date()) {
  const scope = nominationScope(user);
  const row = await findSelectionView(db, id, scope);
  if (!row) throw notFound();
  const [experts, nominations] = await Promise.all([listExperts(db, id), listNominations(db, id, scope)]);
  const scores = await scoresOf(db, nominations.map((nomination) => nomination.nomination.id));
  const staff = isStaff(user);
  const mine = experts.find(({ expert }) => expert.userId === user.id)?.expert;
  return {
    ...selectionView(row, user, beijingDate(now)),
    experts: staff || mine ? experts.map(({ expert, organisationName }) => ({ id: expert.id, name: expert.name, userId: expert.userId, organisationId: expert.organisationId, organisationName, mine: expert.userId === user.id })) : [],
    nominations: nominations.map((nomination) => {
      const own = scores.filter(({ score }) => score.nominationId === nomination.nomination.id);
      return {
        ...nominationView(nomination),
        scores: staff ? own.map(({ score, expertName }) => ({ expertId: score.expertId, expertName, score: score.score, opinion: score.opinion })) : [],
        myScore: mine ? (own.find(({ score }) => score.expertId === mine.id)?.score.score ?? null) : null,
        abstain: mine ? conflicted(mine, nomination.nomination) : false,
        abstaining: staff ? experts.filter(({ expert }) => conflicted(expert, nomination.nomination)).map(({ expert }) => expert.id) : [],
      };
    }),
    permissions: { manage: user.roles.includes('office'), score: !!mine && row.selection.status === 'reviewing' },
  };
}

async function selectionProblems(executor: Executor, input: SelectionInput) {
  const problems: Record<string, FieldProblem> = {};
  if (!(await findKind(executor, input.kind))) problems.kind = { code: 'selection.kindUnknown' };
  if (!(await findTalentPolicy(executor, input.policyId))) problems.policyId = { code: 'selection.policyUnknown' };
  if (input.nominateTo < input.nominateFrom) problems.nominateTo = { code: 'selection.windowOrder' };
  const userIds = input.experts.map((expert) => expert.userId).filter((value): value is string => !!value);
  const organisationIds = input.experts.map((expert) => expert.organisationId).filter((value): value is string => !!value);
  const [foundUsers, foundOrganisations] = await Promise.all([findUsers(executor, userIds), findOrganisations(executor, organisationIds)]);
  input.experts.forEach((expert, index) => {
    if (expert.userId && !foundUsers.some((user) => user.id === expert.userId)) problems[`experts.${index}.userId`] = { code: 'selection.userUnknown' };
    if (expert.organisationId && !foundOrganisations.some((organisation) => organisation.id === expert.organisationId)) problems[`experts.${index}.organisationId`] = { code: 'selection.organisationUnknown' };
    if (expert.userId && input.experts.findIndex((other) => other.userId === expert.userId) !== index) problems[`experts.${index}.userId`] = { code: 'selection.expertRepeated' };
  });
  if (Object.keys(problems).length) throw invalid(problems);
  // a user expert without an organisation given is judged by the user's own organisation (回避)
  return input.experts.map((expert) => ({
    name: expert.name,
    userId: expert.userId ?? null,
    organisationId: expert.organisationId ?? foundUsers.find((user) => user.id === expert.userId)?.organisationId ?? null,
  }));
}

export async function createSelection(db: Db, actor: Actor, user: SessionUser, input: SelectionInput) {
  const id = await db.transaction(async (tx) => {
    const experts = await selectionProblems(tx, input);
    const { experts: _experts, ...values } = input;
    const row = await insertSelection(tx, { ...values, createdBy: actor.userId });
    if (!row) throw new AppError(409, 'selectionExists', { year: input.year });
    await replaceExperts(tx, row.id, experts);
    await recordAudit(tx, actor, { action: 'selection.create', targetType: 'selection', targetId: row.id, changes: { ...values, experts: experts.map((expert) => expert.name) } });
    return row.id;
  });
  return selectionDetail(db, user, id);
}

/** The conditions of the rule's trace as reasons in both languages: each leaf condition, met or not. */
function reasonsOf(node: ExplainNode): EligibilityReason[] {
  if (node.children?.length && ['and', 'or', '!!'].includes(node.operator)) return node.children.flatMap(reasonsOf);
  return [{ met: node.status === 'met', zh: node.text['zh-CN'], en: node.text['en-US'] }];
}

/**
 * The eligibility check (资格核验): every nomination of a selection taking nominations is judged by the policy's
 * published rule on the nominee's facts today; eligible or not, with each condition met or missed, kept on the
 * nomination (checked again on a second run, so a corrected registry record counts).
 */
export async function checkEligibility(db: Db, actor: Actor, user: SessionUser, id: string, input: { version: number }, now = new Date()) {
  await db.transaction(async (tx) => {
    const selection = await findSelection(tx, id, true);
    if (!selection) throw notFound();
    if (selection.version !== input.version) throw new AppError(409, 'conflict');
    if (selection.status !== 'nominating') throw selectionState(selection.status);
    const policy = await findTalentPolicy(tx, selection.policyId);
    const version = policy?.publishedVersionId ? await findVersion(tx, policy.publishedVersionId) : undefined;
    if (!version) throw invalid({ policyId: { code: 'selection.policyUnknown' } });
    const asOf = beijingDate(now);
    const [params, labels] = await Promise.all([parameterValuesOn(tx, selection.policyId, asOf), referenceLabels(tx)]);
    const entries: AuditEntry[] = [];
    for (const nomination of await nominationsWithStatus(tx, id, ['nominated', 'eligible', 'ineligible'])) {
      const facts = await subjectFacts(tx, 'talent', nomination.talentId, asOf);
      if (!facts) continue;
      const decision = decide('talent', version, facts, params, asOf, labels);
      const explanation = withoutBirthDate(decision.explanation, facts.birthDate);
      const eligibility: Eligibility = { eligible: decision.eligible, asOf, policyVersionId: version.id, reasons: reasonsOf(explanation.trace) };
      const status = decision.eligible ? 'eligible' : 'ineligible';
      await updateNomination(tx, nomination.id, nomination.version, { status, eligibility, checkedBy: actor.userId, checkedAt: now });
      entries.push({ action: 'selectionNomination.check', targetType: 'selectionNomination', targetId: nomination.id, changes: { from: nomination.status, to: status } });
    }
    await recordAudits(tx, actor, entries.length ? entries : [{ action: 'selectionNomination.check', targetType: 'selection', targetId: id, changes: { checked: 0 } }]);
  });
  return selectionDetail(db, user, id, now);
}

/**
 * Moves a selection to its next status, with the rule of each step:
 * - 推荐中 → 评审中: a panel exists and every nomination's eligibility is checked; the experts who are users are told;
 * - 评审中 → 公示中: every eligible nomination has the score of each expert who may score (回避: those who abstain are not
 *   waited for); the best `quota` by average score are selected (ties share a rank; a tie at the last place is selected
 *   too), the others not; the 公示 runs `publicityDays` working days from now;
 * - 公示中 → 已完成: the notice has ended and no objection is open; each selected talent gets the honour on the profile
 *   (`talent_honours`, dated today) and a talent event; the nominators are told of each result.
 */
export async function advanceSelection(db: Db, actor: Actor, user: SessionUser, id: string, input: { version: number }, now = new Date()) {
  await db.transaction(async (tx) => {
    const selection = await findSelection(tx, id, true);
    if (!selection) throw notFound();
    if (selection.version !== input.version) throw new AppError(409, 'conflict');
    const next = nextSelectionStatus(selection.status);
    if (!next) throw selectionState(selection.status);
    const values: Partial<SelectionRow> = { status: next };
    const changes: Record<string, unknown> = { from: selection.status, to: next };
    const experts = (await listExperts(tx, id)).map((row) => row.expert);
    if (next === 'reviewing') {
      if (!experts.length) throw new AppError(409, 'selectionNoExperts');
      const unchecked = (await nominationsWithStatus(tx, id, ['nominated'])).length;
      if (unchecked) throw new AppError(409, 'selectionUnchecked', { count: unchecked });
      const eligible = (await nominationsWithStatus(tx, id, ['eligible'])).length;
      const readers = experts.map((expert) => expert.userId).filter((value): value is string => !!value);
      await notify(tx, readers, { kind: 'selectionReview', params: { policy: selection.title, count: eligible }, link: `/selections/${id}` });
    }
    if (next === 'publicizing') {
      const eligible = await nominationsWithStatus(tx, id, ['eligible']);
      const scores = await scoresOf(tx, eligible.map((nomination) => nomination.id));
      const missing = eligible.reduce(
        (sum, nomination) => sum + missingScorers(experts, (expert) => conflicted(expert, nomination), scores.filter(({ score }) => score.nominationId === nomination.id).map(({ score }) => score.expertId)).length,
        0,
      );
      if (missing) throw new AppError(409, 'selectionScoresMissing', { count: missing });
      const ranked = rankByScore(eligible.map((nomination) => ({ id: nomination.id, nomination, average: averageScore(scores.filter(({ score }) => score.nominationId === nomination.id).map(({ score }) => score.score)) })));
      for (const candidate of ranked) {
        const selected = candidate.rank !== null && candidate.rank <= selection.quota;
        await updateNomination(tx, candidate.id, candidate.nomination.version, { status: selected ? 'selected' : 'notSelected', rank: candidate.rank });
      }
      const window = publicityWindow(now, selection.publicityDays);
      values.publicityFrom = window.from;
      values.publicityUntil = window.until;
      changes.publicityUntil = window.until.toISOString();
      changes.selected = ranked.filter((candidate) => candidate.rank !== null && candidate.rank <= selection.quota).length;
    }
    if (next === 'completed') {
      const running = publicityRunning(selection.publicityUntil, now);
      if (running) throw new AppError(409, 'selectionPublicityRunning', { until: running });
      const open = await countOpenObjections(tx, id);
      if (open) throw new AppError(409, 'selectionObjectionsOpen', { count: open });
      const awardedOn = beijingDate(now);
      const decided = await nominationsWithStatus(tx, id, ['selected', 'notSelected']);
      const selected = decided.filter((nomination) => nomination.status === 'selected');
      await insertHonours(tx, selected.map((nomination) => ({ talentId: nomination.talentId, name: selection.honour, nameEn: selection.honourEn, year: selection.year, awardedOn, selectionId: id })));
      await insertEvents(tx, selected.map((nomination) => ({ talentId: nomination.talentId, kind: 'honour', occurredOn: awardedOn, detail: { honour: selection.honour, selectionId: id }, source: 'selection' })));
      for (const nomination of selected) await updateNomination(tx, nomination.id, nomination.version, { recordedAt: now });
      for (const nomination of decided) {
        const nominee = await findNominee(tx, nomination.talentId);
        await notify(tx, await nominatorAccounts(tx, nomination), { kind: 'selectionResult', params: { policy: selection.title, subject: nominee?.name ?? '', selected: nomination.status === 'selected' }, link: `/selections/${id}` });
      }
      values.completedAt = now;
      changes.honours = selected.length;
    }
    const updated = await updateSelection(tx, id, input.version, values);
    if (!updated) throw new AppError(409, 'conflict');
    await recordAudit(tx, actor, { action: `selection.${next}`, targetType: 'selection', targetId: id, changes });
  });
  return selectionDetail(db, user, id, now);
}

// ——— nominations ———

export type NominateInput = { talentId: string; reason: string };

/** Enterprise HR nominates its own staff, a unit's staff any talent in the zone they may read, within the call's window. */
export async function nominate(db: Db, actor: Actor, user: SessionUser, id: string, input: NominateInput, now = new Date()) {
  const nominationId = await db.transaction(async (tx) => {
    const selection = await findSelection(tx, id);
    if (!selection) throw notFound();
    const kind = nominatorOf(user);
    if (!kind) throw new AppError(403, 'selectionNominator');
    if (selection.status !== 'nominating') throw selectionState(selection.status);
    const today = beijingDate(now);
    if (today < selection.nominateFrom || today > selection.nominateTo) throw new AppError(409, 'selectionWindowClosed', { from: selection.nominateFrom, to: selection.nominateTo });
    const found = (await findTalent(tx, input.talentId, talentReadScope(user)))?.talent;
    if (!found) throw invalid({ talentId: { code: kind === 'enterprise' ? 'selection.notStaff' : 'selection.talentUnknown' } });
    if (kind === 'enterprise' && found.employerId !== user.organisationId) throw invalid({ talentId: { code: 'selection.notStaff' } });
    if (found.status === 'left') throw invalid({ talentId: { code: 'selection.talentLeft' } });
    const row = await insertNomination(tx, {
      selectionId: id, talentId: found.id, nominatorKind: kind, nominatingOrgId: kind === 'enterprise' ? user.organisationId : null, nominatingUnitId: kind === 'department' ? user.unitId : null,
      employerId: found.employerId, reason: input.reason, nominatedBy: actor.userId!,
    });
    if (!row) throw new AppError(409, 'selectionNominationExists');
    await recordAudit(tx, actor, { action: 'selectionNomination.create', targetType: 'selectionNomination', targetId: row.id, changes: { selectionId: id, talentId: found.id, nominatorKind: kind, reason: input.reason } });
    await notify(tx, await officeStaff(tx), { kind: 'selectionNomination', params: { policy: selection.title, subject: found.name }, link: `/selections/${id}` });
    return row.id;
  });
  return nominationDetail(db, user, nominationId);
}

/** One nomination as its reader may see it: staff see each score and opinion and the objections' authors; others the average and the outcome. */
export async function nominationDetail(db: Db, user: SessionUser, id: string) {
  const row = await findNominationView(db, id, nominationScope(user));
  if (!row) throw notFound();
  const staff = isStaff(user);
  const [scores, objections] = await Promise.all([scoresOf(db, [id]), listObjections(db, id)]);
  return {
    ...nominationView(row),
    scores: staff ? scores.map(({ score, expertName }) => ({ expertId: score.expertId, expertName, score: score.score, opinion: score.opinion })) : [],
    objections: objections.map((objection) => ({
      id: objection.id, objector: staff ? objection.objector : '', content: objection.content, status: objection.status, resolution: objection.resolution, recordedAt: objection.recordedAt.toISOString(),
    })),
  };
}

/**
 * An expert scores an eligible nomination while the selection is under review (again: the new score replaces the
 * old). A user on the panel scores as themself; the office records the score of a named expert. 回避: an expert of the
 * nominee's employer or of the nominating organisation is refused (403 `selectionExpertConflict`), and the refused
 * attempt is audited on its own.
 */
export async function scoreNomination(db: Db, actor: Actor, user: SessionUser, id: string, input: { expertId?: string; score: number; opinion: string }) {
  try {
    await db.transaction(async (tx) => {
      const nomination = await findNomination(tx, id, nominationScope(user), true);
      if (!nomination) throw notFound();
      const selection = (await findSelection(tx, nomination.selectionId))!;
      const experts = (await listExperts(tx, selection.id)).map((row) => row.expert);
      const own = experts.find((expert) => expert.userId === user.id);
      let expert: ExpertRow | undefined;
      if (input.expertId) {
        expert = experts.find((candidate) => candidate.id === input.expertId);
        if (!expert) throw invalid({ expertId: { code: 'selection.expertUnknown' } });
        if (expert !== own && !user.roles.includes('office')) throw new AppError(403, 'selectionNotExpert');
      } else {
        expert = own;
        if (!expert) throw new AppError(403, 'selectionNotExpert');
      }
      if (selection.status !== 'reviewing') throw selectionState(selection.status);
      if (nomination.status !== 'eligible') throw nominationState(nomination.status);
      if (conflicted(expert, nomination)) throw new AppError(403, 'selectionExpertConflict');
      await upsertScore(tx, { nominationId: id, expertId: expert.id, score: input.score, opinion: input.opinion, recordedBy: actor.userId! });
      await recordAudit(tx, actor, { action: 'selectionNomination.score', targetType: 'selectionNomination', targetId: id, changes: { expert: expert.name, score: input.score } });
    });
  } catch (error) {
    // the refusal rolled its transaction back: the attempt is recorded on its own
    if (error instanceof AppError && error.code === 'selectionExpertConflict') {
      await recordAudit(db, actor, { action: 'selectionNomination.score', targetType: 'selectionNomination', targetId: id, result: 'denied', detail: 'conflictOfInterest' });
    }
    throw error;
  }
  return nominationDetail(db, user, id);
}

/** An objection to a selected nominee, recorded by the office while the result is publicised (公示). */
export async function raiseObjection(db: Db, actor: Actor, user: SessionUser, id: string, input: { objector: string; content: string }) {
  await db.transaction(async (tx) => {
    const nomination = await findNomination(tx, id, undefined, true);
    if (!nomination) throw notFound();
    const selection = (await findSelection(tx, nomination.selectionId))!;
    if (selection.status !== 'publicizing') throw selectionState(selection.status);
    if (nomination.status !== 'selected') throw nominationState(nomination.status);
    const objection = await insertObjection(tx, { nominationId: id, objector: input.objector, content: input.content, recordedBy: actor.userId! });
    await recordAudit(tx, actor, { action: 'selectionObjection.create', targetType: 'selectionNomination', targetId: id, changes: { objection: objection.id } });
  });
  return nominationDetail(db, user, id);
}

/** Resolves an objection: upheld withdraws the nominee's selection (未入选), dismissed keeps it. */
export async function settleObjection(db: Db, actor: Actor, user: SessionUser, id: string, input: { outcome: 'upheld' | 'dismissed'; resolution: string }) {
  const nominationId = await db.transaction(async (tx) => {
    const objection = await findObjection(tx, id, true);
    if (!objection) throw notFound();
    const nomination = (await findNomination(tx, objection.nominationId, undefined, true))!;
    const selection = (await findSelection(tx, nomination.selectionId))!;
    if (selection.status !== 'publicizing') throw selectionState(selection.status);
    const resolved = await resolveObjection(tx, id, { status: input.outcome, resolution: input.resolution, resolvedBy: actor.userId });
    if (!resolved) throw new AppError(409, 'conflict');
    const entries: AuditEntry[] = [{ action: `selectionObjection.${input.outcome}`, targetType: 'selectionNomination', targetId: nomination.id, changes: { objection: id, resolution: input.resolution } }];
    if (input.outcome === 'upheld' && nomination.status === 'selected') {
      await updateNomination(tx, nomination.id, nomination.version, { status: 'notSelected' });
      entries.push({ action: 'selectionNomination.withdraw', targetType: 'selectionNomination', targetId: nomination.id, changes: { objection: id, from: 'selected', to: 'notSelected' } });
    }
    await recordAudits(tx, actor, entries);
    return nomination.id;
  });
  return nominationDetail(db, user, nominationId);
}

// ——— honours on the profile ———

/** A talent's honours (荣誉), newest first, for whoever may read the talent (another's talent: 404). */
export async function talentHonourList(db: Db, user: SessionUser, talentId: string) {
  if (!(await findTalent(db, talentId, talentReadScope(user)))) throw notFound();
  const rows = await honoursOf(db, talentId);
  return rows.map(({ honour, kindName, kindNameEn }) => ({
    id: honour.id, name: honour.name, nameEn: honour.nameEn, year: honour.year, awardedOn: honour.awardedOn, selectionId: honour.selectionId, kindName, kindNameEn,
  }));
}
