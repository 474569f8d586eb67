/**
 * The demo's talent history (retention, `talent_events`): three years of monthly history consistent with the registry
 * the demo just stored — every arrival, contract and its renewals, living subsidies and 人才公寓 leases with their end,
 * employer and title changes, service requests and their outcome, leader contacts, and each departure the registry
 * records (with a `departures` row for those of the three years, its reasons read from the registry's outflow note).
 *
 * How it avoids leaking the answer. Each talent's hidden propensities (pay, family, room to develop), contract length,
 * lease and leader contacts were drawn by the talent generator, and its departure (if any) was drawn from the monthly
 * hazard they make (`propensity.ts`). The history writes the calendar facts (contracts, subsidies, leases, contacts) and
 * observes the propensities only with noise: service requests raised at rates of a noisy propensity, their outcomes
 * likewise. No signal is computed from the departure date. Talents the generator never lets leave (the cohorts hired
 * by campaigns, executives, flexible experts) get propensities from this module's own stream.
 */
import { latestDemoDate } from './reference';
import { seededRandom, seedOf } from './random';
import { contractEnds, dayIn, drawPropensity, gaussian, historyStart } from './propensity';
import type { PlannedTalent } from './talents';
import { addMonths, applyEvent, chainMedians, defaultSignalWeights, highRiskScore, monthEnd, scoreTalent, type KnownState, type TalentProfile, type TalentEventDetail, type TalentEventKind, type DepartureKind, type DepartureReason, type DestinationKind } from '../../../domain/retention';
import { insertJsonRows } from '../bulk';
import type { Executor } from '../client';
import { departures, liaisonContacts, liaisonPairs, retentionTasks, talentEvents } from '../schema';
import { demoIndustries } from './reference';

export { historyStart };
const generalCategories = ['policyHelp', 'entrepreneurship', 'housing', 'medical', 'finance', 'transport', 'rights', 'other'];
const familyCategories = ['familyRegistration', 'spousePlacement', 'schooling'];

type Event = { talentId: string; kind: TalentEventKind; occurredOn: string; detail: TalentEventDetail; source: 'demo' };
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
/** The months from the month of `from` through the month of `to`. */
function monthsFrom(from: string, to: string) {
  const months: string[] = [];
  for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = addMonths(`${month}-01`, 1).slice(0, 7)) months.push(month);
  return months;
}

const reasonOf: Record<string, DepartureReason> = { 薪酬待遇: 'pay', 职业发展平台: 'development', 继续深造: 'development', 子女教育: 'family', 配偶两地分居: 'family', 家庭原因: 'family', 住房条件: 'environment' };
const kindOf: Record<string, DepartureKind> = { 辞职: 'resignation', 正常调离: 'transfer', 自动离职: 'other' };

type HistoryContext = { talents: PlannedTalent[]; leaderUserId: string; officeUserId: string; enterpriseIds: string[] };

/** The history, the departures of the three years, and the demo leader's pairs (tiers A–C in the zone) with their contacts. */
export async function storeTalentHistory(executor: Executor, context: HistoryContext) {
  const { events, departureRows, pairRows, contactRows, taskRows } = demoHistory(context);
  await insertJsonRows(executor, talentEvents, events);
  await insertJsonRows(executor, departures, departureRows);
  await insertJsonRows(executor, liaisonPairs, pairRows);
  await insertJsonRows(executor, liaisonContacts, contactRows);
  await insertJsonRows(executor, retentionTasks, taskRows);
  return { events: events.length, departures: departureRows.length, pairs: pairRows.length, contacts: contactRows.length, visitTasks: taskRows.length };
}

/** The rows of the demo history, computed (no I/O: the back-test of the demo can be studied in memory). */
export function demoHistory(context: HistoryContext) {
  const random = seededRandom(seedOf('demo:history'));
  const ids = seededRandom(seedOf('demo:history-ids'));
  const events: Event[] = [];
  const departureRows: Record<string, unknown>[] = [];
  const pairRows: Record<string, unknown>[] = [];
  const contactRows: Record<string, unknown>[] = [];
  const end = latestDemoDate;
  for (const talent of context.talents) {
    const input = talent.input;
    if (!input.arrivedOn) continue;
    const arrivedOn = input.arrivedOn;
    const id = talent.id;
    const left = talent.leaving?.since ?? null;
    const last = left ?? end;
    const chosen = talent.hidden ?? drawPropensity(random, {
      arrivedOn, tier: input.tier ?? null, postgraduate: input.educations.some((education) => education.level === 'doctorate' || education.level === 'master'), mover: false,
    });
    const subsidyEnds = chosen.subsidyEndsOn;
    const paired = chosen.paired && (!left || left > historyStart);
    const pairedOn = historyStart;
    const add = (kind: TalentEventKind, occurredOn: string, detail: TalentEventDetail = {}) => {
      if (occurredOn <= last && occurredOn <= end) events.push({ talentId: id, kind, occurredOn, detail, source: 'demo' });
    };
    // registry facts: arrival (from another employer for a few who changed employer in the three years), contracts, benefits, titles
    const changedEmployer = !left && input.employerId && random.chance(0.04) ? dayIn(random, addMonths(historyStart, random.integer(1, 33)).slice(0, 7)) : null;
    const previousEmployer = changedEmployer ? random.pick(context.enterpriseIds.filter((other) => other !== input.employerId)) : null;
    add('arrival', arrivedOn, { employerId: previousEmployer ?? input.employerId ?? null });
    if (changedEmployer && changedEmployer > arrivedOn) add('employerChange', changedEmployer, { employerId: input.employerId ?? null, fromEmployerId: previousEmployer });
    let start = arrivedOn;
    for (const contractEnd of contractEnds(arrivedOn, chosen.contractMonths, last)) {
      add('contract', start, { endsOn: contractEnd });
      start = contractEnd;
    }
    if (subsidyEnds) {
      add('subsidyStart', addMonths(arrivedOn, 1), { endsOn: subsidyEnds });
      add('subsidyEnd', subsidyEnds);
    }
    if (chosen.lease) {
      add('leaseStart', arrivedOn, { endsOn: addMonths(arrivedOn, 24) });
      add('leaseEnd', addMonths(arrivedOn, 24));
    }
    for (const title of input.titles) if (`${title.year}-06-30` >= arrivedOn) add('titleChange', `${title.year}-06-30`, { to: title.name });
    for (const contact of chosen.contacts) add('leaderContact', contact, { form: random.weighted([['visit', 5], ['symposium', 2], ['fellowship', 1], ['phone', 2]]) });
    // observed with noise: service requests raised at rates of noisy propensities, their outcomes likewise
    const seenPay = chosen.pay + 0.6 * gaussian(random);
    const seenFamily = chosen.family + 0.6 * gaussian(random);
    for (const month of monthsFrom(arrivedOn > historyStart ? arrivedOn : historyStart, last)) {
      const raised: string[] = [];
      if (random.chance(Math.min(0.5, 0.01 * Math.exp(1.1 * seenPay)))) raised.push(random.pick(generalCategories));
      if (random.chance(Math.min(0.5, 0.006 * Math.exp(1.2 * seenFamily)))) raised.push(random.pick(familyCategories));
      for (const category of raised) {
        const request = ids.uuid();
        const on = dayIn(random, month);
        add('serviceRequest', on, { request, category });
        const closed = addMonths(on, random.integer(1, 5));
        const outcome = random.chance(sigmoid(-1.8 + 1.2 * (chosen.growth + 0.6 * gaussian(random)))) ? 'dissatisfied' : random.chance(0.1) ? 'declined' : 'resolved';
        add('serviceRequestOutcome', closed, { request, outcome });
      }
    }
    if (left) {
      add('departure', left, { employerId: input.employerId ?? null });
      if (left >= historyStart) {
        const note = talent.leaving!.note;
        const [kindText, destinationText, causeText] = note.split('；').map((part) => part.split('：').pop() ?? '');
        departureRows.push({
          id: ids.uuid(), talentId: id, leftOn: left, kind: kindOf[kindText] ?? 'other', destinationRegion: destinationText, destinationKind: random.weighted<DestinationKind>([['enterprise', 6], ['institution', 2], ['university', 1], ['government', 1]]),
          reasons: [reasonOf[causeText] ?? 'other'], exitInterview: '', employerId: input.employerId ?? null, recordedBy: context.officeUserId,
        });
      }
    }
    if (paired) {
      const pairId = ids.uuid();
      pairRows.push({ id: pairId, leaderId: context.leaderUserId, talentId: id, basis: 'tier', planMonths: 3, pairedOn, endedOn: left, createdBy: context.officeUserId });
      for (const [index, contact] of chosen.contacts.entries()) {
        if (contact > last) continue;
        contactRows.push({ id: ids.uuid(), pairId, contactedOn: contact, form: index % 3 === 1 ? 'symposium' : 'visit', topics: index % 3 === 1 ? '人才座谈会：产业发展与人才政策' : '走访了解工作生活情况', problems: [], taskId: null, recordedBy: context.leaderUserId });
      }
    }
  }
  events.sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : 0));
  const taskRows = visitTasks(context, events, pairRows, contactRows);
  return { events, departureRows, pairRows, contactRows, taskRows };
}

/**
 * The visit tasks the early warning would have routed to the demo leader: at each quarter's end of the last two years,
 * every paired talent still in the zone is scored with the default weights from the history known that day; a high
 * score opens a task (one open per talent), closed by the talent's next contact with its outcome. So the office's
 * report of whether visited high-risk talents stayed has records behind it.
 */
function visitTasks(context: HistoryContext, events: Event[], pairRows: Record<string, unknown>[], contactRows: Record<string, unknown>[]) {
  const ids = seededRandom(seedOf('demo:visit-tasks'));
  const chainOf = new Map(demoIndustries.map((industry) => [industry.code, industry.chain]));
  const byId = new Map(context.talents.map((talent) => [talent.id, talent]));
  const profiles: TalentProfile[] = context.talents.filter((talent) => talent.input.arrivedOn).map((talent) => ({
    id: talent.id, arrivedOn: talent.input.arrivedOn ?? null, salaryBand: talent.input.salaryBand ?? null, chain: chainOf.get(talent.input.industry ?? '') ?? null, employerId: talent.input.employerId ?? null,
  }));
  const pairOf = new Map(pairRows.map((pair) => [pair.talentId as string, pair]));
  const contactsOf = new Map<string, Record<string, unknown>[]>();
  for (const contact of contactRows) {
    const talentId = pairRows.find((pair) => pair.id === contact.pairId)!.talentId as string;
    contactsOf.set(talentId, [...(contactsOf.get(talentId) ?? []), contact]);
  }
  const state: KnownState = { asOf: '', talents: new Map(), departuresByEmployer: new Map() };
  const openUntil = new Map<string, string>();
  const rows: Record<string, unknown>[] = [];
  const outcomes = ['了解诉求，已协调相关部门跟进', '座谈交流，人才表示继续留区发展', '走访了解家庭困难，已转办落户和子女入学事宜', '了解薪酬诉求，与企业沟通调整'];
  let next = 0;
  for (let quarter = addMonths(latestDemoDate, -24); quarter <= latestDemoDate; quarter = addMonths(quarter, 3)) {
    const day = monthEnd(quarter);
    if (day > latestDemoDate) break;
    while (next < events.length && events[next].occurredOn <= day) {
      const event = events[next++];
      applyEvent(state, { talentId: event.talentId, kind: event.kind, on: event.occurredOn, detail: event.detail });
    }
    state.asOf = day;
    const inZone = profiles.filter((profile) => profile.arrivedOn! <= day && !state.talents.get(profile.id)?.departedOn);
    const medians = chainMedians(inZone);
    for (const [talentId, pair] of pairOf) {
      const profile = inZone.find((item) => item.id === talentId);
      if (!profile || (openUntil.get(talentId) ?? '') > day || !byId.has(talentId)) continue;
      const score = scoreTalent(profile, state, defaultSignalWeights, medians);
      if (score.score < highRiskScore) continue;
      const contact = (contactsOf.get(talentId) ?? []).find((item) => (item.contactedOn as string) > day && !item.taskId);
      const id = ids.uuid();
      rows.push({
        id, talentId, pairId: pair.id, assigneeId: pair.leaderId, score: score.score, contributions: score.contributions, createdOn: day,
        status: contact ? 'done' : 'open', contactId: contact?.id ?? null, outcome: contact ? ids.pick(outcomes) : null, closedAt: contact ? new Date(`${contact.contactedOn as string}T10:00:00+08:00`) : null,
      });
      if (contact) contact.taskId = id;
      openUntil.set(talentId, (contact?.contactedOn as string | undefined) ?? '9999-12-31');
    }
  }
  return rows;
}
