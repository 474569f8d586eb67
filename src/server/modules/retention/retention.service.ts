/**
 * The talent history and the early warning (流失预警): registry changes become dated events; risk scores are computed
 * from the events known on a day (`domain/retention.ts`), with the office's weights; high-risk talents are routed to
 * their paired leader (or the office) as visit tasks; the back-test replays the history month by month.
 */
import { beijingDate } from '../../../domain/calendar';
import {
  addMonths, applyEvent, backtestMonths, backtestReplay, chainMedians, contributionText, defaultSignalWeights, highRiskScore, knownState, riskSignals, scoreTalent,
  talentEventKinds, type RiskScore, type SignalWeight, type TalentEvent, type TalentEventKind, type TalentProfile,
} from '../../../domain/retention';
import type { Db, Executor } from '../../db/client';
import { AppError, invalid, notFound } from '../../errors';
import type { Actor, SessionUser } from '../../plugins/auth';
import { recordAudit } from '../audit/audit.service';
import { notify } from '../notifications/notifications.service';
import { findTalent } from '../talents/talents.repo';
import { talentReadScope } from '../talents/talents.policies';
import {
  activePairOf, departureDays, departureEventsBetween, eventChunksInDayOrder, eventsOfTalent, lastEventDay, historyEvents, insertEvents, insertTasks, listWeights, lockWeights, openRequestsOf, openTaskTalents, talentProfiles, taskOutcomeRows, taskOutcomes, taskScope,
  talentSummaries, tasksOfTalent, updateWeight, type NewTalentEvent,
} from './retention.repo';

export const today = () => beijingDate(new Date());

// ——— history ———

/** Registry fields whose change is an event of the talent's history, and the event it is. */
const registryEventOf: Record<string, TalentEventKind> = { employerId: 'employerChange', tier: 'tierChange', titles: 'titleChange', educations: 'educationChange' };

/**
 * The events of a registry update, written in its transaction: employer, tier, title and education changes from the
 * update's audited changes, and a departure when the status became 已离区 (`talents.service.ts` calls this).
 */
export async function recordRegistryEvents(executor: Executor, talentId: string, changes: Record<string, { from: unknown; to: unknown }>, on: string) {
  const rows: NewTalentEvent[] = [];
  for (const [field, change] of Object.entries(changes)) {
    const kind = registryEventOf[field];
    if (!kind) continue;
    const detail = kind === 'employerChange'
      ? { employerId: (change.to as string | null) ?? null, fromEmployerId: (change.from as string | null) ?? null }
      : { from: JSON.stringify(change.from ?? null).slice(0, 500), to: JSON.stringify(change.to ?? null).slice(0, 500) };
    rows.push({ talentId, kind, occurredOn: on, detail, source: 'registry' });
  }
  if (changes.status?.to === 'left') rows.push({ talentId, kind: 'departure', occurredOn: on, detail: { employerId: (changes.employerId?.from as string | undefined) ?? null }, source: 'registry' });
  await insertEvents(executor, rows);
}

/** A talent's history, newest first, for whoever may read the talent (others: 404). */
export async function talentHistory(executor: Executor, user: SessionUser, talentId: string) {
  if (!(await findTalent(executor, talentId, talentReadScope(user)))) throw notFound();
  const rows = await eventsOfTalent(executor, talentId);
  return rows.map((row) => ({ id: row.id, kind: row.kind, occurredOn: row.occurredOn, detail: row.detail, source: row.source }));
}

// ——— weights ———

export async function signalWeights(executor: Executor): Promise<SignalWeight[]> {
  const rows = await listWeights(executor);
  return rows.length ? rows : defaultSignalWeights;
}

export type WeightsInput = { weights: { signal: SignalWeight['signal']; weight: number; threshold: number }[]; version: number };

/** The office tunes the weights (all at once, with the version it read: the highest of the rows). */
export async function saveWeights(db: Db, actor: Actor, input: WeightsInput) {
  return db.transaction(async (tx) => {
    const current = await lockWeights(tx);
    const version = Math.max(0, ...current.map((row) => row.version));
    if (version !== input.version) throw new AppError(409, 'conflict');
    const seen = new Set<string>();
    for (const [index, item] of input.weights.entries()) {
      if (seen.has(item.signal)) throw invalid({ [`weights.${index}.signal`]: { code: 'retention.signalTwice' } });
      seen.add(item.signal);
    }
    const changes: Record<string, unknown> = {};
    for (const item of input.weights) {
      const before = current.find((row) => row.signal === item.signal);
      if (before && before.weight === item.weight && before.threshold === item.threshold) continue;
      await updateWeight(tx, item.signal, { weight: item.weight, threshold: item.threshold, version: version + 1 });
      changes[item.signal] = { from: before ? { weight: before.weight, threshold: before.threshold } : null, to: { weight: item.weight, threshold: item.threshold } };
    }
    await recordAudit(tx, actor, { action: 'retention.weights', targetType: 'retention', targetId: null, changes });
    return weightsView(tx);
  });
}

export async function weightsView(executor: Executor) {
  const rows = await listWeights(executor);
  return { weights: rows.map(({ signal, weight, threshold }) => ({ signal, weight, threshold })), version: Math.max(0, ...rows.map((row) => row.version)), highRiskScore };
}

// ——— scores ———

/**
 * Today's scores of the talents given (or of everyone in the zone): the state known today from the history, plus the
 * service requests open in the case engine now. Chain medians are over everyone in the zone.
 */
export async function currentScores(executor: Executor, talentIds?: string[], asOf = today()): Promise<Map<string, RiskScore>> {
  const everyone = await talentProfiles(executor);
  const inZone = everyone.filter((profile) => profile.status !== 'left');
  const wanted = talentIds ? inZone.filter((profile) => talentIds.includes(profile.id)) : inZone;
  const ids = wanted.map((profile) => profile.id);
  const [events, departuresAround, open, weights] = await Promise.all([
    talentIds ? historyEvents(executor, ids) : historyEvents(executor),
    talentIds ? recentDepartures(executor, asOf) : Promise.resolve([]),
    openRequestsOf(executor, ids),
    signalWeights(executor),
  ]);
  const state = knownState([...events, ...departuresAround], asOf);
  for (const request of open) applyEvent(state, { talentId: request.talentId, kind: 'serviceRequest', on: asOf, detail: { request: request.id, category: request.category ?? 'other' } });
  const medians = chainMedians(inZone);
  return new Map(wanted.map((profile) => [profile.id, scoreTalent(profile, state, weights, medians)]));
}

/** Departures of the last six months, of anyone: the signal of departures from the same employer. */
async function recentDepartures(executor: Executor, asOf: string): Promise<TalentEvent[]> {
  return departureEventsBetween(executor, addMonths(asOf, -6), asOf);
}

/** A score as the API shows it: the points and, for each contribution, its words in both languages. */
export function presentScore(score: RiskScore | undefined) {
  if (!score) return { score: 0, highRisk: false, contributions: [] };
  return {
    score: score.score,
    highRisk: score.score >= highRiskScore,
    contributions: score.contributions.map((item) => ({
      signal: item.signal, points: item.points, text: contributionText(item, 'zh-CN'), textEn: contributionText(item, 'en-US'),
    })),
  };
}

/** The highest scores of the zone (office; a leader: their paired talents only), with the reasons in words. */
export async function riskList(executor: Executor, user: SessionUser, limit: number, pairedTalentIds: string[] | null) {
  const scores = await currentScores(executor, pairedTalentIds ?? undefined);
  const ranked = [...scores.values()].filter((item) => item.score > 0).sort((a, b) => b.score - a.score || (a.talentId < b.talentId ? -1 : 1)).slice(0, limit);
  const names = await talentNames(executor, ranked.map((item) => item.talentId));
  return { items: ranked.map((item) => ({ talentId: item.talentId, ...names.get(item.talentId)!, ...presentScore(item) })), highRiskScore, user: user.id };
}

const talentNames = talentSummaries;

/**
 * Routes every high-risk talent without an open visit task to its paired leader (or the office: no assignee), as a
 * visit task with the score's reasons; the leader is notified. Daily work and the office's button.
 */
export async function routeHighRisk(db: Db, actor: Actor, asOf = today()) {
  const scores = await currentScores(db, undefined, asOf);
  return db.transaction(async (tx) => {
    const open = await openTaskTalents(tx);
    const high = [...scores.values()].filter((item) => item.score >= highRiskScore && !open.has(item.talentId));
    const rows = [];
    for (const item of high) {
      const pair = await activePairOf(tx, item.talentId);
      rows.push({ talentId: item.talentId, pairId: pair?.id ?? null, assigneeId: pair?.leaderId ?? null, score: item.score, contributions: item.contributions, createdOn: asOf });
    }
    const inserted = await insertTasks(tx, rows);
    const names = await talentNames(tx, inserted.map((row) => row.talentId));
    for (const task of inserted) {
      if (task.assigneeId) await notify(tx, [task.assigneeId], { kind: 'liaison', params: { policy: names.get(task.talentId)?.name ?? '', event: 'highRisk' }, link: task.pairId ? `/my-talents/${task.pairId}` : '/early-warning' });
    }
    if (inserted.length) {
      await recordAudit(tx, actor, { action: 'retention.route', targetType: 'retention', targetId: null, changes: { routed: inserted.length, toLeaders: inserted.filter((task) => task.assigneeId).length } });
    }
    return { routed: inserted.length };
  });
}

export async function talentTasks(executor: Executor, talentId: string) {
  return (await tasksOfTalent(executor, talentId)).map((task) => ({
    id: task.id, createdOn: task.createdOn, status: task.status, outcome: task.outcome, assigned: task.assigneeId !== null,
    ...presentScore({ talentId, score: task.score, contributions: task.contributions }),
  }));
}

/**
 * Whether visited high-risk talents stayed: the counts over every visit task the reader may see (the office all, a
 * leader their own), and the newest 200 tasks behind them — talent, score and reasons, the visit, stayed or left (when).
 */
export async function visitOutcomes(executor: Executor, user: SessionUser) {
  const scope = taskScope(user);
  const [summary, rows] = await Promise.all([taskOutcomes(executor, scope), taskOutcomeRows(executor, scope, 200)]);
  return {
    ...summary,
    items: rows.map((row) => ({
      id: row.id, talent: { id: row.talentId, name: row.name }, createdOn: row.createdOn, leader: row.leader,
      ...presentScore({ talentId: row.talentId, score: row.score, contributions: row.contributions }),
      visited: row.status === 'done', visitedOn: row.visitedOn, visitForm: row.visitForm, outcome: row.outcome,
      stayed: row.talentStatus !== 'left', leftOn: row.talentStatus === 'left' ? row.statusSince : null,
    })),
  };
}

// ——— back-test ———

/**
 * The back-test over the history's last 36 months (or `from`…`to`): profiles, the departure days (outcome labels) and
 * the weights are read first; then the events in day order by keyset chunks, each chunk applied to the replay as it
 * arrives (`backtestReplay`: one pass, each month scored before a later event is applied).
 */
export async function backtest(executor: Executor, options: { from?: string; to?: string; horizonMonths?: number } = {}) {
  const started = Date.now();
  const [profiles, departedOn, weights, lastDay] = await Promise.all([talentProfiles(executor), departureDays(executor), signalWeights(executor), lastEventDay(executor)]);
  // the history ends on its last event (not later than today): later months have no outcome to measure yet
  const lastEvent = lastDay ?? today();
  const historyEnd = options.to ?? (lastEvent < today() ? lastEvent : today());
  const from = options.from ?? addMonths(historyEnd, -36);
  const horizon = options.horizonMonths ?? 6;
  const replay = backtestReplay(profiles, departedOn, weights, backtestMonths(from, historyEnd, horizon), horizon);
  let readMs = Date.now() - started;
  let replayMs = 0;
  let mark = Date.now();
  for await (const chunk of eventChunksInDayOrder(executor)) {
    const applying = Date.now();
    readMs += applying - mark;
    replay.push(chunk);
    mark = Date.now();
    replayMs += mark - applying;
  }
  readMs += Date.now() - mark;
  const finishing = Date.now();
  const result = replay.finish();
  replayMs += Date.now() - finishing;
  return { ...result, from: from.slice(0, 7), to: historyEnd.slice(0, 7), loadMs: readMs, replayMs };
}

export const knownSignals = riskSignals;
export const knownEventKinds = talentEventKinds;
export type { TalentProfile };
