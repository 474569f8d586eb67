import { beijingDate } from '../../../domain/calendar';
import { missingScorers, mustAbstain, publicityRunning, publicityWindow } from '../../../domain/panels';
import type { TitleLevel } from '../../../domain/dictionaries';
import {
  titleRoundStatuses, type TitleDeclarationStatus, type TitleObjectionStatus, type TitleResult, type TitleRoundStatus,
} from '../../../domain/title-evaluations/titles';
import { titleDeclarationStatusWords, titleRoundStatusWords } from '../../../domain/title-evaluations/messages';
import type { Db, Executor } from '../../db/client';
import { AppError, invalid, notFound, type FieldProblem } from '../../errors';
import type { Actor, SessionUser } from '../../plugins/auth';
import type { Secrets } from '../../security/secrets';
import { recordAudit, recordAudits, type AuditEntry } from '../audit/audit.service';
import { recordAwardedTitle } from '../talents/talents.service';
import {
  countDeclarations, countOpenObjections, findDeclaration, findDeclarationView, findObjection, findOrganisations, findRound, findRoundWithSeries, findSeries,
  findStaffTalent, findUsers, insertDeclaration, insertObjection, insertRound, listDeclarations, listExperts, listObjections, listRounds, listScores, listSeries,
  ownDeclarations, passedDeclarations, replaceExperts, resolveObjection, roundFigures, roundYears, sameYearAndSeries, updateDeclaration, updateRound, upsertScore,
  type DeclarationListRow, type DeclarationQuery, type DeclarationScope, type ExpertRow, type RoundQuery, type RoundRow,
} from './title-evaluations.repo';

export type ExpertInput = { name: string; userId?: string | null; organisationId?: string | null };
export type RoundInput = {
  year: number; series: string; name: string; levels: TitleLevel[]; declareFrom: string; declareTo: string; publicityDays: number; experts: ExpertInput[];
};

const roundState = (status: TitleRoundStatus) => new AppError(409, 'titleRoundState', { statusZh: titleRoundStatusWords[status][0], statusEn: titleRoundStatusWords[status][1] });
const declarationState = (status: TitleDeclarationStatus) =>
  new AppError(409, 'titleDeclarationState', { statusZh: titleDeclarationStatusWords[status][0], statusEn: titleDeclarationStatusWords[status][1] });
const isStaff = (user: SessionUser) => user.roles.some((role) => role === 'office' || role === 'leader' || role === 'department');

/** Which declarations the user may see: staff every one, enterprise HR its own enterprise's; anything else is a 404. */
export function declarationScope(user: SessionUser): DeclarationScope {
  if (isStaff(user)) return undefined;
  return ownDeclarations(user.roles.includes('enterprise') ? user.organisationId : null);
}

export async function seriesList(db: Db) {
  return (await listSeries(db)).map(({ code, name, nameEn }) => ({ code, name, nameEn }));
}

// ——— rounds ———

function roundView(round: RoundRow, names: { seriesName: string; seriesNameEn: string }, counts: { declared: number; passed: number; enterprises: number }) {
  return {
    id: round.id,
    year: round.year,
    series: round.series,
    seriesName: names.seriesName,
    seriesNameEn: names.seriesNameEn,
    name: round.name,
    levels: round.levels,
    declareFrom: round.declareFrom,
    declareTo: round.declareTo,
    publicityDays: round.publicityDays,
    status: round.status,
    publicityFrom: round.publicityFrom?.toISOString() ?? null,
    publicityUntil: round.publicityUntil?.toISOString() ?? null,
    completedAt: round.completedAt?.toISOString() ?? null,
    version: round.version,
    ...counts,
  };
}

export async function roundList(db: Db, query: RoundQuery) {
  const page = await listRounds(db, query);
  return { items: page.items.map((row) => roundView(row, row, { declared: row.declared, passed: row.passed, enterprises: row.enterprises })), total: page.total };
}

/** Declarations per series and level with how many passed, and the distinct enterprises: from the records, for a round or a year. */
async function figuresOf(executor: Executor, where: { roundId?: string; year?: number }) {
  const { byLevel, enterprises } = await roundFigures(executor, where);
  const cells = new Map<string, { series: string; level: TitleLevel; declared: number; passed: number }>();
  for (const row of byLevel) {
    const key = `${row.series}:${row.level}`;
    const cell = cells.get(key) ?? { series: row.series, level: row.level, declared: 0, passed: 0 };
    cell.declared += row.total;
    if (row.status === 'passed') cell.passed += row.total;
    cells.set(key, cell);
  }
  const bySeriesAndLevel = [...cells.values()].sort((a, b) => a.series.localeCompare(b.series) || a.level.localeCompare(b.level));
  return {
    declared: bySeriesAndLevel.reduce((sum, cell) => sum + cell.declared, 0),
    passed: bySeriesAndLevel.reduce((sum, cell) => sum + cell.passed, 0),
    enterprises,
    bySeriesAndLevel,
  };
}

export async function roundDetail(db: Db, id: string) {
  const row = await findRoundWithSeries(db, id);
  if (!row) throw notFound();
  const [experts, figures] = await Promise.all([listExperts(db, id), figuresOf(db, { roundId: id })]);
  return {
    ...roundView(row.round, row, { declared: figures.declared, passed: figures.passed, enterprises: figures.enterprises }),
    experts: experts.map(({ expert, organisationName }) => ({ id: expert.id, name: expert.name, userId: expert.userId, organisationId: expert.organisationId, organisationName })),
    figures,
  };
}

/** Zone figures: every round of a year (or of every year), with the years that have rounds. */
export async function zoneFigures(db: Db, year?: number) {
  const [figures, years] = await Promise.all([figuresOf(db, { year }), roundYears(db)]);
  return { ...figures, years };
}

/** Checks the parts of a round that need data: the series, the window's order, the experts' users and organisations. */
async function roundProblems(executor: Executor, input: RoundInput) {
  const problems: Record<string, FieldProblem> = {};
  if (!(await findSeries(executor, input.series))) problems.series = { code: 'title.seriesUnknown' };
  if (input.declareTo < input.declareFrom) problems.declareTo = { code: 'title.windowOrder' };
  const userIds = input.experts.map((expert) => expert.userId).filter((value): value is string => !!value);
  const organisationIds = input.experts.map((expert) => expert.organisationId).filter((value): value is string => !!value);
  const [foundUsers, foundOrganisations] = await Promise.all([findUsers(executor, userIds), findOrganisations(executor, organisationIds)]);
  input.experts.forEach((expert, index) => {
    if (expert.userId && !foundUsers.some((user) => user.id === expert.userId)) problems[`experts.${index}.userId`] = { code: 'title.userUnknown' };
    if (expert.organisationId && !foundOrganisations.some((organisation) => organisation.id === expert.organisationId)) {
      problems[`experts.${index}.organisationId`] = { code: 'title.organisationUnknown' };
    }
    if (expert.userId && input.experts.findIndex((other) => other.userId === expert.userId) !== index) problems[`experts.${index}.userId`] = { code: 'title.expertRepeated' };
  });
  if (Object.keys(problems).length) throw invalid(problems);
  // a user expert without an organisation given is judged by the user's own enterprise binding (回避)
  return input.experts.map((expert) => ({
    name: expert.name,
    userId: expert.userId ?? null,
    organisationId: expert.organisationId ?? foundUsers.find((user) => user.id === expert.userId)?.organisationId ?? null,
  }));
}

export async function createRound(db: Db, actor: Actor, input: RoundInput) {
  return db.transaction(async (tx) => {
    const experts = await roundProblems(tx, input);
    const { experts: _experts, ...values } = input;
    const round = await insertRound(tx, { ...values, levels: [...new Set(values.levels)], createdBy: actor.userId });
    if (!round) throw new AppError(409, 'titleRoundExists', { year: input.year });
    await replaceExperts(tx, round.id, experts);
    await recordAudit(tx, actor, { action: 'titleRound.create', targetType: 'titleRound', targetId: round.id, changes: { ...values, experts: experts.map((expert) => expert.name) } });
    return round.id;
  });
}

/** Changes a round while it takes declarations (its experts too); afterwards it is fixed. */
export async function changeRound(db: Db, actor: Actor, id: string, input: RoundInput & { version: number }) {
  return db.transaction(async (tx) => {
    const round = await findRound(tx, id, true);
    if (!round) throw notFound();
    if (round.status !== 'declaring') throw roundState(round.status);
    const experts = await roundProblems(tx, input);
    if (await sameYearAndSeries(tx, input.year, input.series, id)) throw new AppError(409, 'titleRoundExists', { year: input.year });
    const { experts: _experts, version, ...values } = input;
    const updated = await updateRound(tx, id, version, { ...values, levels: [...new Set(values.levels)] });
    if (!updated) throw new AppError(409, 'conflict');
    await replaceExperts(tx, id, experts);
    const before = { year: round.year, series: round.series, name: round.name, levels: round.levels, declareFrom: round.declareFrom, declareTo: round.declareTo, publicityDays: round.publicityDays };
    await recordAudit(tx, actor, { action: 'titleRound.update', targetType: 'titleRound', targetId: id, changes: { from: before, to: { ...values, experts: experts.map((expert) => expert.name) } } });
    return id;
  });
}

/**
 * Moves a round to its next status, with the rule of each step:
 * - 申报中 → 评审中: an expert group exists and no declaration waits for the office's check (returned ones are left out);
 * - 评审中 → 公示中: every accepted declaration has the group's result; the notice runs `publicityDays` working days on
 *   the Chinese calendar from now (`addWorkingDays`: holidays and 调休 count as the State Council says);
 * - 公示中 → 已完成: the notice has ended and no objection is open; each passed candidate's title is written into the
 *   registry (audited as a change of the talent's record), so their eligibility for policies follows at once.
 */
export async function advanceRound(db: Db, secrets: Secrets, actor: Actor, id: string, input: { version: number }, now = new Date()) {
  return db.transaction(async (tx) => {
    const round = await findRound(tx, id, true);
    if (!round) throw notFound();
    if (round.version !== input.version) throw new AppError(409, 'conflict');
    const next = titleRoundStatuses[titleRoundStatuses.indexOf(round.status) + 1];
    if (!next) throw roundState(round.status);
    const values: Partial<RoundRow> = { status: next };
    let recorded = 0;
    if (next === 'reviewing') {
      if (!(await listExperts(tx, id)).length) throw new AppError(409, 'titleNoExperts');
      const unchecked = await countDeclarations(tx, id, 'submitted');
      if (unchecked) throw new AppError(409, 'titleUnchecked', { count: unchecked });
    }
    if (next === 'publicizing') {
      const undecided = await countDeclarations(tx, id, 'accepted');
      if (undecided) throw new AppError(409, 'titleUndecided', { count: undecided });
      const window = publicityWindow(now, round.publicityDays);
      values.publicityFrom = window.from;
      values.publicityUntil = window.until;
    }
    if (next === 'completed') {
      const running = publicityRunning(round.publicityUntil, now);
      if (running) throw new AppError(409, 'titlePublicityRunning', { until: running });
      const open = await countOpenObjections(tx, id);
      if (open) throw new AppError(409, 'titleObjectionsOpen', { count: open });
      const series = (await findSeries(tx, round.series))!;
      for (const declaration of await passedDeclarations(tx, id)) {
        await recordAwardedTitle(tx, secrets, actor, declaration.talentId, {
          level: declaration.level, series: series.registrySeries, name: series.levelNames[declaration.level], year: round.year,
        });
        await updateDeclaration(tx, declaration.id, declaration.version, { recordedAt: now });
        recorded += 1;
      }
      values.completedAt = now;
    }
    const updated = await updateRound(tx, id, input.version, values);
    if (!updated) throw new AppError(409, 'conflict');
    await recordAudit(tx, actor, {
      action: `titleRound.${next}`,
      targetType: 'titleRound',
      targetId: id,
      changes: { from: round.status, to: next, ...(values.publicityUntil ? { publicityUntil: values.publicityUntil.toISOString() } : {}), ...(next === 'completed' ? { recorded } : {}) },
    });
    return id;
  });
}

// ——— declarations ———

function declarationView(row: DeclarationListRow) {
  const { declaration } = row;
  return {
    id: declaration.id,
    roundId: declaration.roundId,
    talentId: declaration.talentId,
    talentName: row.talentName,
    organisationId: declaration.organisationId,
    organisationName: row.organisationName,
    level: declaration.level,
    materials: declaration.materials,
    status: declaration.status,
    checkComment: declaration.checkComment,
    resultComment: declaration.resultComment,
    averageScore: row.averageScore === null ? null : Number(row.averageScore),
    scoreCount: row.scoreCount,
    openObjections: row.openObjections,
    recordedAt: declaration.recordedAt?.toISOString() ?? null,
    submittedAt: declaration.submittedAt.toISOString(),
    version: declaration.version,
  };
}

export async function declarationList(db: Db, user: SessionUser, query: DeclarationQuery) {
  const page = await listDeclarations(db, query, declarationScope(user));
  return { items: page.items.map(declarationView), total: page.total };
}

/** 回避 (the shared panel's rule): an expert of the declaring enterprise abstains. */
const conflicted = (expert: ExpertRow, declaration: { organisationId: string }) => mustAbstain({ id: expert.organisationId }, [{ id: declaration.organisationId }]);

/**
 * A declaration as its reader may see it. Staff see each expert's score and opinion and who must abstain (回避); the
 * declaring enterprise sees the average score, the result and the objections' outcome, not who scored what.
 */
export async function declarationDetail(db: Db, user: SessionUser, id: string) {
  const row = await findDeclarationView(db, id, declarationScope(user));
  if (!row) throw notFound();
  const staff = isStaff(user);
  const [scores, objections, experts] = await Promise.all([listScores(db, id), listObjections(db, id), staff ? listExperts(db, row.declaration.roundId) : []]);
  return {
    ...declarationView(row),
    scores: staff ? scores.map(({ score, expertName }) => ({ expertId: score.expertId, expertName, score: score.score, opinion: score.opinion })) : [],
    experts: experts.map(({ expert }) => ({
      id: expert.id,
      name: expert.name,
      mine: expert.userId === user.id,
      conflict: conflicted(expert, row.declaration),
      scored: scores.some(({ score }) => score.expertId === expert.id),
    })),
    objections: objections.map((objection) => ({
      id: objection.id,
      objector: staff ? objection.objector : '',
      content: objection.content,
      status: objection.status,
      resolution: objection.resolution,
      recordedAt: objection.recordedAt.toISOString(),
    })),
  };
}

export type DeclareInput = { roundId: string; talentId: string; level: TitleLevel; materials: { name: string }[] };

/** Enterprise HR declares one of its staff in a round that takes declarations, within its window (Beijing dates). */
export async function declare(db: Db, actor: Actor, user: SessionUser, input: DeclareInput, now = new Date()) {
  return db.transaction(async (tx) => {
    const round = await findRound(tx, input.roundId);
    if (!round) throw invalid({ roundId: { code: 'reference.unknown' } });
    if (round.status !== 'declaring') throw roundState(round.status);
    const today = beijingDate(now);
    if (today < round.declareFrom || today > round.declareTo) throw new AppError(409, 'titleWindowClosed', { from: round.declareFrom, to: round.declareTo });
    const problems: Record<string, FieldProblem> = {};
    const talent = await findStaffTalent(tx, input.talentId);
    if (!talent || !user.organisationId || talent.employerId !== user.organisationId) problems.talentId = { code: 'title.notStaff' };
    if (!round.levels.includes(input.level)) problems.level = { code: 'title.levelClosed' };
    if (Object.keys(problems).length) throw invalid(problems);
    const row = await insertDeclaration(tx, { ...input, organisationId: user.organisationId!, submittedBy: actor.userId });
    if (!row) throw new AppError(409, 'titleDeclarationExists');
    await recordAudit(tx, actor, { action: 'titleDeclaration.submit', targetType: 'titleDeclaration', targetId: row.id, changes: { ...input, materials: input.materials.map((file) => file.name) } });
    return row.id;
  });
}

/** The enterprise corrects a returned declaration (补正) and sends it back to the office while the round takes declarations. */
export async function resubmitDeclaration(db: Db, actor: Actor, user: SessionUser, id: string, input: { level: TitleLevel; materials: { name: string }[]; version: number }) {
  return db.transaction(async (tx) => {
    const declaration = await findDeclaration(tx, id, declarationScope(user), true);
    if (!declaration) throw notFound();
    if (declaration.status !== 'returned') throw declarationState(declaration.status);
    const round = (await findRound(tx, declaration.roundId))!;
    if (round.status !== 'declaring') throw roundState(round.status);
    if (!round.levels.includes(input.level)) throw invalid({ level: { code: 'title.levelClosed' } });
    const updated = await updateDeclaration(tx, id, input.version, { level: input.level, materials: input.materials, status: 'submitted', submittedAt: new Date() });
    if (!updated) throw new AppError(409, 'conflict');
    await recordAudit(tx, actor, { action: 'titleDeclaration.resubmit', targetType: 'titleDeclaration', targetId: id, changes: { level: input.level, materials: input.materials.map((file) => file.name) } });
    return id;
  });
}

/** The office checks the materials: accepted for review, or returned for correction (补正) with the reason. */
export async function checkDeclaration(db: Db, actor: Actor, id: string, input: { outcome: 'accept' | 'return'; comment?: string; version: number }) {
  if (input.outcome === 'return' && !input.comment) throw invalid({ comment: { code: 'title.commentRequired' } });
  return db.transaction(async (tx) => {
    const declaration = await findDeclaration(tx, id, undefined, true);
    if (!declaration) throw notFound();
    if (declaration.status !== 'submitted') throw declarationState(declaration.status);
    const round = (await findRound(tx, declaration.roundId))!;
    if (round.status !== 'declaring') throw roundState(round.status);
    const status = input.outcome === 'accept' ? 'accepted' : 'returned';
    const updated = await updateDeclaration(tx, id, input.version, { status, checkComment: input.comment ?? null, checkedBy: actor.userId, checkedAt: new Date() });
    if (!updated) throw new AppError(409, 'conflict');
    await recordAudit(tx, actor, { action: `titleDeclaration.${input.outcome}`, targetType: 'titleDeclaration', targetId: id, changes: { status, comment: input.comment ?? null } });
    return id;
  });
}

/**
 * An expert scores an accepted declaration while the round is under review (a score given again replaces the first).
 * An expert who is a user scores as themself; the office records the score of any expert of the group (名单 experts
 * score on paper). An expert of the candidate's own enterprise must abstain (回避): 403 `titleExpertConflict`.
 */
export async function scoreDeclaration(db: Db, actor: Actor, user: SessionUser, id: string, input: { expertId?: string; score: number; opinion: string }) {
  return db.transaction(async (tx) => {
    const declaration = await findDeclaration(tx, id, declarationScope(user), true);
    if (!declaration) throw notFound();
    const round = (await findRound(tx, declaration.roundId))!;
    if (round.status !== 'reviewing') throw roundState(round.status);
    if (declaration.status !== 'accepted') throw declarationState(declaration.status);
    const experts = (await listExperts(tx, round.id)).map((row) => row.expert);
    const own = experts.find((expert) => expert.userId === user.id);
    let expert: ExpertRow | undefined;
    if (input.expertId) {
      expert = experts.find((candidate) => candidate.id === input.expertId);
      if (!expert) throw invalid({ expertId: { code: 'title.expertUnknown' } });
      if (expert !== own && !user.roles.includes('office')) throw new AppError(403, 'titleNotExpert');
    } else {
      expert = own;
      if (!expert) throw new AppError(403, 'titleNotExpert');
    }
    if (conflicted(expert, declaration)) throw new AppError(403, 'titleExpertConflict');
    await upsertScore(tx, { declarationId: id, expertId: expert.id, score: input.score, opinion: input.opinion, recordedBy: actor.userId! });
    await recordAudit(tx, actor, { action: 'titleDeclaration.score', targetType: 'titleDeclaration', targetId: id, changes: { expert: expert.name, score: input.score } });
    return id;
  });
}

/** The group's result, recorded by the office once every expert who may score has scored; changeable while under review. */
export async function decideDeclaration(db: Db, actor: Actor, id: string, input: { result: TitleResult; comment?: string; version: number }) {
  return db.transaction(async (tx) => {
    const declaration = await findDeclaration(tx, id, undefined, true);
    if (!declaration) throw notFound();
    const round = (await findRound(tx, declaration.roundId))!;
    if (round.status !== 'reviewing') throw roundState(round.status);
    if (!['accepted', 'passed', 'failed'].includes(declaration.status)) throw declarationState(declaration.status);
    const [experts, scores] = await Promise.all([listExperts(tx, round.id), listScores(tx, id)]);
    const missing = missingScorers(experts.map(({ expert }) => expert), (expert) => conflicted(expert, declaration), scores.map(({ score }) => score.expertId)).length;
    if (missing) throw new AppError(409, 'titleScoresMissing', { count: missing });
    const status = input.result === 'pass' ? 'passed' : 'failed';
    const updated = await updateDeclaration(tx, id, input.version, { status, resultComment: input.comment ?? null, decidedBy: actor.userId, decidedAt: new Date() });
    if (!updated) throw new AppError(409, 'conflict');
    await recordAudit(tx, actor, { action: 'titleDeclaration.decide', targetType: 'titleDeclaration', targetId: id, changes: { from: declaration.status, to: status, comment: input.comment ?? null } });
    return id;
  });
}

/** An objection to a passed candidate, recorded by the office while the result is publicised (公示). */
export async function raiseObjection(db: Db, actor: Actor, id: string, input: { objector: string; content: string }) {
  return db.transaction(async (tx) => {
    const declaration = await findDeclaration(tx, id, undefined, true);
    if (!declaration) throw notFound();
    const round = (await findRound(tx, declaration.roundId))!;
    if (round.status !== 'publicizing') throw roundState(round.status);
    if (declaration.status !== 'passed') throw declarationState(declaration.status);
    const objection = await insertObjection(tx, { declarationId: id, objector: input.objector, content: input.content, recordedBy: actor.userId! });
    await recordAudit(tx, actor, { action: 'titleObjection.create', targetType: 'titleDeclaration', targetId: id, changes: { objection: objection.id } });
    return objection.id;
  });
}

/** Resolves an objection: upheld withdraws the candidate's pass (未通过), dismissed keeps it. */
export async function settleObjection(db: Db, actor: Actor, id: string, input: { outcome: Exclude<TitleObjectionStatus, 'open'>; resolution: string }) {
  return db.transaction(async (tx) => {
    const objection = await findObjection(tx, id, true);
    if (!objection) throw notFound();
    const declaration = (await findDeclaration(tx, objection.declarationId, undefined, true))!;
    const round = (await findRound(tx, declaration.roundId))!;
    if (round.status !== 'publicizing') throw roundState(round.status);
    const resolved = await resolveObjection(tx, id, { status: input.outcome, resolution: input.resolution, resolvedBy: actor.userId });
    if (!resolved) throw new AppError(409, 'conflict');
    const entries: AuditEntry[] = [{ action: `titleObjection.${input.outcome}`, targetType: 'titleDeclaration', targetId: declaration.id, changes: { objection: id, resolution: input.resolution } }];
    if (input.outcome === 'upheld' && declaration.status === 'passed') {
      await updateDeclaration(tx, declaration.id, declaration.version, { status: 'failed' });
      entries.push({ action: 'titleDeclaration.decide', targetType: 'titleDeclaration', targetId: declaration.id, changes: { objection: id, from: 'passed', to: 'failed' } });
    }
    await recordAudits(tx, actor, entries);
    return declaration.id;
  });
}
