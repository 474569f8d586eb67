/**
 * Retention (留才): the talent history's event kinds, leader pairing and visits, departures, and the early warning —
 * an explainable risk score from signals whose weights are data — with its back-test. Pure: no I/O. The same
 * `signalsAsOf` scores the present (the risk list) and each month of the past (the back-test), from the events known
 * on that day only.
 */
import type { SalaryBand } from './dictionaries';

type Bilingual = { 'zh-CN': string; 'en-US': string };
const l = (zh: string, en: string): Bilingual => ({ 'zh-CN': zh, 'en-US': en });

// ——— history ———

export const talentEventKinds = [
  'arrival', 'employerChange', 'titleChange', 'educationChange', 'tierChange', 'contract', 'subsidyStart', 'subsidyEnd', 'leaseStart', 'leaseEnd',
  'serviceRequest', 'serviceRequestOutcome', 'leaderContact', 'departure', 'honour',
] as const;
export type TalentEventKind = (typeof talentEventKinds)[number];
export const talentEventLabels: Record<TalentEventKind, Bilingual> = {
  arrival: l('入区', 'Arrived'),
  employerChange: l('变更工作单位', 'Changed employer'),
  titleChange: l('职称变化', 'New title'),
  educationChange: l('学历变化', 'New degree'),
  tierChange: l('人才层次变化', 'Tier changed'),
  contract: l('签订劳动合同', 'Contract signed'),
  subsidyStart: l('开始享受补贴', 'Subsidy started'),
  subsidyEnd: l('补贴结束', 'Subsidy ended'),
  leaseStart: l('人才公寓入住', 'Apartment lease started'),
  leaseEnd: l('人才公寓退租', 'Apartment lease ended'),
  serviceRequest: l('提出诉求', 'Service request raised'),
  serviceRequestOutcome: l('诉求办结', 'Service request closed'),
  leaderContact: l('领导联系', 'Leader contact'),
  departure: l('离开高新区', 'Left the zone'),
  honour: l('获得荣誉', 'Honour received'),
};
export const requestOutcomes = ['resolved', 'dissatisfied', 'declined'] as const;
export type RequestOutcome = (typeof requestOutcomes)[number];
export const requestOutcomeLabels: Record<RequestOutcome, Bilingual> = { resolved: l('已解决', 'resolved'), dissatisfied: l('不满意', 'dissatisfied'), declined: l('未受理', 'declined') };

/** What an event carries, by kind (all optional: a backfilled event knows less). Dates are ISO days. */
export type TalentEventDetail = {
  /** contract, subsidyStart, leaseStart: when it ends. */
  endsOn?: string;
  /** serviceRequest: the category; serviceRequestOutcome: the outcome; both: the request (case id or a generated key). */
  category?: string;
  outcome?: RequestOutcome;
  request?: string;
  /** employerChange: from → to; departure: the employer left. */
  employerId?: string | null;
  fromEmployerId?: string | null;
  from?: string | null;
  to?: string | null;
  /** leaderContact: the contact's form. */
  form?: string;
  /** departure: its kind. */
  departureKind?: string;
  /** honour: the honour's name and the selection that awarded it. */
  honour?: string;
  selectionId?: string;
};
export type TalentEvent = { talentId: string; kind: TalentEventKind; on: string; detail: TalentEventDetail };

// ——— pairing and visits ———

export const contactForms = ['visit', 'symposium', 'fellowship', 'phone'] as const;
export type ContactForm = (typeof contactForms)[number];
export const contactFormLabels: Record<ContactForm, Bilingual> = {
  visit: l('走访', 'Visit'), symposium: l('座谈', 'Symposium'), fellowship: l('联谊', 'Fellowship event'), phone: l('电话联系', 'Phone call'),
};
export const pairBases = ['tier', 'office'] as const;
export type PairBasis = (typeof pairBases)[number];

// ——— departures ———

export const departureKinds = ['transfer', 'resignation', 'contractEnd', 'retirement', 'other'] as const;
export type DepartureKind = (typeof departureKinds)[number];
export const departureKindLabels: Record<DepartureKind, Bilingual> = {
  transfer: l('调离', 'Transfer'), resignation: l('辞职', 'Resignation'), contractEnd: l('合同到期', 'Contract ended'), retirement: l('退休', 'Retirement'), other: l('其他', 'Other'),
};
export const departureReasons = ['pay', 'development', 'family', 'environment', 'other'] as const;
export type DepartureReason = (typeof departureReasons)[number];
export const departureReasonLabels: Record<DepartureReason, Bilingual> = {
  pay: l('薪酬待遇', 'Pay'), development: l('发展空间', 'Room to develop'), family: l('家庭', 'Family'), environment: l('环境', 'Environment'), other: l('其他', 'Other'),
};
export const destinationKinds = ['enterprise', 'government', 'institution', 'university', 'selfEmployed', 'other'] as const;
export type DestinationKind = (typeof destinationKinds)[number];
export const destinationKindLabels: Record<DestinationKind, Bilingual> = {
  enterprise: l('企业', 'Enterprise'), government: l('党政机关', 'Government'), institution: l('事业单位', 'Public institution'),
  university: l('高校科研院所', 'University or institute'), selfEmployed: l('自主创业', 'Own business'), other: l('其他', 'Other'),
};
export const flowDimensions = ['chain', 'education', 'ageBand', 'employer'] as const;
export type FlowDimension = (typeof flowDimensions)[number];
export const ageBands = ['under30', '30to39', '40to49', '50plus'] as const;
export type AgeBand = (typeof ageBands)[number];
export const ageBandLabels: Record<AgeBand, Bilingual> = { under30: l('30 岁以下', 'Under 30'), '30to39': l('30–39 岁', '30–39'), '40to49': l('40–49 岁', '40–49'), '50plus': l('50 岁及以上', '50 and over') };
export function ageBandOn(birthDate: string, on: string): AgeBand {
  const age = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (on.slice(5) < birthDate.slice(5) ? 1 : 0);
  return age < 30 ? 'under30' : age < 40 ? '30to39' : age < 50 ? '40to49' : '50plus';
}

// ——— early warning ———

export const riskSignals = [
  'contractEnding', 'benefitEnding', 'noContact', 'openRequests', 'dissatisfied', 'salaryBelowMedian', 'familyOpen', 'employerDepartures', 'shortTenure',
] as const;
export type RiskSignal = (typeof riskSignals)[number];
/** A signal's weight (points added when it fires) and its threshold (months, a count or years, by signal): data the office tunes. */
export type SignalWeight = { signal: RiskSignal; weight: number; threshold: number };
export const defaultSignalWeights: SignalWeight[] = [
  { signal: 'contractEnding', weight: 25, threshold: 6 },
  { signal: 'benefitEnding', weight: 15, threshold: 6 },
  { signal: 'noContact', weight: 5, threshold: 6 },
  { signal: 'openRequests', weight: 10, threshold: 1 },
  { signal: 'dissatisfied', weight: 20, threshold: 12 },
  { signal: 'salaryBelowMedian', weight: 10, threshold: 0 },
  { signal: 'familyOpen', weight: 20, threshold: 1 },
  { signal: 'employerDepartures', weight: 10, threshold: 2 },
  { signal: 'shortTenure', weight: 5, threshold: 2 },
];
/** What each signal means, with its threshold ({n}); and the sentence a contribution reads as ({value}). */
export const riskSignalLabels: Record<RiskSignal, { name: Bilingual; threshold: Bilingual; reason: Bilingual }> = {
  contractEnding: { name: l('合同或聘期即将到期', 'Contract or term ending'), threshold: l('{n} 个月内到期', 'ends within {n} months'), reason: l('劳动合同或聘期将于 {value} 到期', 'Contract or term ends on {value}') },
  benefitEnding: { name: l('补贴或公寓租期即将结束', 'Subsidy or lease ending'), threshold: l('{n} 个月内结束', 'ends within {n} months'), reason: l('补贴或人才公寓租期将于 {value} 结束', 'Subsidy or apartment lease ends on {value}') },
  noContact: { name: l('长期未联系', 'No leader contact'), threshold: l('{n} 个月未联系', 'no contact for {n} months'), reason: l('已 {value} 个月没有领导联系', 'No leader contact for {value} months') },
  openRequests: { name: l('诉求未办结', 'Open service requests'), threshold: l('至少 {n} 件', 'at least {n}'), reason: l('有 {value} 件诉求尚未办结', '{value} service request(s) still open') },
  dissatisfied: { name: l('诉求办理不满意', 'Dissatisfied with a request'), threshold: l('近 {n} 个月', 'in the last {n} months'), reason: l('近期有 {value} 件诉求办理结果不满意', '{value} request(s) closed unsatisfactorily recently') },
  salaryBelowMedian: { name: l('薪酬低于产业链中位数', 'Pay below the chain median'), threshold: l('低于中位数', 'below the median'), reason: l('薪酬档次低于所在产业链中位数（{value}）', 'Pay band below the chain median ({value})') },
  familyOpen: { name: l('家庭诉求未解决', 'Family needs unresolved'), threshold: l('至少 {n} 件', 'at least {n}'), reason: l('落户、配偶安置或子女入学诉求 {value} 件未解决', '{value} household, spouse or schooling request(s) unresolved') },
  employerDepartures: { name: l('同单位近期有人离开', 'Recent departures at the employer'), threshold: l('近 6 个月至少 {n} 人', 'at least {n} in 6 months'), reason: l('所在单位近 6 个月已有 {value} 人离开', '{value} colleague(s) left the employer in the last 6 months') },
  shortTenure: { name: l('在区年限较短', 'Few years in the zone'), threshold: l('不足 {n} 年', 'under {n} years'), reason: l('在区仅 {value} 年', 'Only {value} year(s) in the zone') },
};
/** The score from which a talent is high risk and routed to a visit. */
export const highRiskScore = 40;

/** What the scorer knows of a talent apart from events: fixed registry facts. */
export type TalentProfile = { id: string; arrivedOn: string | null; salaryBand: SalaryBand | null; chain: string | null; employerId: string | null };
export type Contribution = { signal: RiskSignal; points: number; value: string };
export type RiskScore = { talentId: string; score: number; contributions: Contribution[] };

const familyCategories = new Set(['familyRegistration', 'spousePlacement', 'schooling']);
const salaryRank: Record<SalaryBand, number> = { below5k: 0, '5kTo8k': 1, '8kTo12k': 2, '12kTo20k': 3, '20kTo30k': 4, above30k: 5 };
export const salaryBandOrder = Object.keys(salaryRank) as SalaryBand[];
export const salaryBandNames: Record<SalaryBand, Bilingual> = {
  below5k: l('5000 元以下', 'below ¥5,000'), '5kTo8k': l('5000–8000 元', '¥5,000–8,000'), '8kTo12k': l('8000–12000 元', '¥8,000–12,000'),
  '12kTo20k': l('12000–20000 元', '¥12,000–20,000'), '20kTo30k': l('20000–30000 元', '¥20,000–30,000'), above30k: l('30000 元以上', 'above ¥30,000'),
};

/** ISO day arithmetic by months (day clamped to the month's length). */
export function addMonths(day: string, months: number): string {
  // scoring asks for the same few days over and over (a month's end ± a threshold, for every talent): remembered
  const key = `${day}|${months}`;
  const known = addMonthsMemo.get(key);
  if (known !== undefined) return known;
  const value = addMonthsUncached(day, months);
  if (addMonthsMemo.size > 50_000) addMonthsMemo.clear();
  addMonthsMemo.set(key, value);
  return value;
}
const addMonthsMemo = new Map<string, string>();
function addMonthsUncached(day: string, months: number): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7)) - 1 + months;
  const y = year + Math.floor(month / 12);
  const m = ((month % 12) + 12) % 12;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const d = Math.min(Number(day.slice(8, 10)), last);
  return `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
export const monthsBetween = (from: string, to: string) =>
  (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) - (to.slice(8, 10) < from.slice(8, 10) ? 1 : 0);
/** The last day of the month of `day`. */
export const monthEnd = (day: string) => previousDay(addMonths(`${day.slice(0, 7)}-01`, 1));
function previousDay(day: string) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/**
 * Everything the scorer needs, gathered from the events known on `asOf` (those dated on or before it) — the
 * only door events pass through, so a score of a past month cannot see what came later.
 */
export type KnownState = {
  asOf: string;
  /** Per talent: the latest contract end, benefit ends, last contact, open requests, recent dissatisfactions. */
  talents: Map<string, KnownTalent>;
  /** Departure days by the employer the talent left. */
  departuresByEmployer: Map<string, string[]>;
  /** Days `asOf` ± n months, remembered for the `asOf` they were computed for (the scorer's cutoffs). */
  shifted?: Map<number, string>;
  shiftedFor?: string;
};
export type KnownTalent = {
  contractEndsOn: string | null; benefitEndsOn: string[]; lastContact: string | null;
  openRequests: Map<string, string>; dissatisfiedOn: string[]; departedOn: string | null; employerId: string | null | undefined;
};

/** The state known on `asOf`, from events sorted by day (later events are never read). */
export function knownState(events: readonly TalentEvent[], asOf: string): KnownState {
  const state: KnownState = { asOf, talents: new Map(), departuresByEmployer: new Map() };
  for (const event of events) {
    if (event.on > asOf) continue;
    applyEvent(state, event);
  }
  return state;
}

export function applyEvent(state: KnownState, event: TalentEvent) {
  let talent = state.talents.get(event.talentId);
  if (!talent) {
    talent = { contractEndsOn: null, benefitEndsOn: [], lastContact: null, openRequests: new Map(), dissatisfiedOn: [], departedOn: null, employerId: undefined };
    state.talents.set(event.talentId, talent);
  }
  const detail = event.detail;
  switch (event.kind) {
    case 'contract': talent.contractEndsOn = detail.endsOn ?? null; break;
    case 'subsidyStart': case 'leaseStart': if (detail.endsOn) talent.benefitEndsOn.push(detail.endsOn); break;
    case 'subsidyEnd': case 'leaseEnd': talent.benefitEndsOn = talent.benefitEndsOn.filter((day) => day > event.on); break;
    case 'leaderContact': if (!talent.lastContact || event.on > talent.lastContact) talent.lastContact = event.on; break;
    case 'serviceRequest': talent.openRequests.set(detail.request ?? `${event.on}`, detail.category ?? 'other'); break;
    case 'serviceRequestOutcome':
      talent.openRequests.delete(detail.request ?? '');
      if (detail.outcome === 'dissatisfied') talent.dissatisfiedOn.push(event.on);
      break;
    case 'employerChange': talent.employerId = detail.employerId ?? null; break;
    case 'arrival': if (detail.employerId !== undefined) talent.employerId = detail.employerId; break;
    case 'departure': {
      talent.departedOn = event.on;
      const employer = detail.employerId;
      if (employer) {
        const days = state.departuresByEmployer.get(employer);
        if (days) days.push(event.on);
        else state.departuresByEmployer.set(employer, [event.on]);
      }
      break;
    }
    default: break;
  }
}

/** The median salary rank of each chain among the given profiles (those in the zone on the day). */
export function chainMedians(profiles: readonly TalentProfile[]) {
  const ranks = new Map<string, number[]>();
  for (const profile of profiles) {
    if (!profile.salaryBand || !profile.chain) continue;
    const values = ranks.get(profile.chain);
    if (values) values.push(salaryRank[profile.salaryBand]);
    else ranks.set(profile.chain, [salaryRank[profile.salaryBand]]);
  }
  return new Map([...ranks].map(([chain, values]) => [chain, values.sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]]));
}

/** `asOf` moved by `months`, remembered per state (every talent of a month asks for the same few days). */
function shifted(state: KnownState, months: number) {
  if (state.shiftedFor !== state.asOf) {
    state.shifted = new Map();
    state.shiftedFor = state.asOf;
  }
  const shifts = state.shifted!;
  let day = shifts.get(months);
  if (day === undefined) {
    day = addMonths(state.asOf, months);
    shifts.set(months, day);
  }
  return day;
}

/** The value a signal reads on `state.asOf` when it fires (null: it does not). Loops, no copies: the back-test asks this millions of times. */
function signalValue(signal: RiskSignal, threshold: number, profile: TalentProfile, known: KnownTalent | undefined, state: KnownState, medians: Map<string, number>): string | null {
  const asOf = state.asOf;
  switch (signal) {
    case 'contractEnding': {
      const ends = known?.contractEndsOn;
      return ends && ends > asOf && ends <= shifted(state, threshold) ? ends : null;
    }
    case 'benefitEnding': {
      if (!known) return null;
      const until = shifted(state, threshold);
      let first: string | null = null;
      for (const day of known.benefitEndsOn) if (day > asOf && day <= until && (first === null || day < first)) first = day;
      return first;
    }
    case 'noContact': {
      const since = known?.lastContact ?? profile.arrivedOn;
      if (!since) return null;
      const months = monthsBetween(since, asOf);
      return months >= threshold ? String(months) : null;
    }
    case 'openRequests': {
      const open = known?.openRequests.size ?? 0;
      return open >= Math.max(1, threshold) ? String(open) : null;
    }
    case 'dissatisfied': {
      if (!known || known.dissatisfiedOn.length === 0) return null;
      const from = shifted(state, -threshold);
      let count = 0;
      for (const day of known.dissatisfiedOn) if (day > from) count += 1;
      return count > 0 ? String(count) : null;
    }
    case 'salaryBelowMedian': {
      const median = profile.chain ? medians.get(profile.chain) : undefined;
      return profile.salaryBand && median !== undefined && salaryRank[profile.salaryBand] < median - threshold ? salaryBandOrder[median] : null;
    }
    case 'familyOpen': {
      if (!known || known.openRequests.size === 0) return null;
      let open = 0;
      for (const category of known.openRequests.values()) if (familyCategories.has(category)) open += 1;
      return open >= Math.max(1, threshold) ? String(open) : null;
    }
    case 'employerDepartures': {
      const employer = known?.employerId !== undefined ? known.employerId : profile.employerId;
      if (!employer) return null;
      const days = state.departuresByEmployer.get(employer);
      if (!days) return null;
      const from = shifted(state, -6);
      let count = 0;
      for (const day of days) if (day > from) count += 1;
      return count >= Math.max(1, threshold) ? String(count) : null;
    }
    case 'shortTenure': {
      if (!profile.arrivedOn) return null;
      const years = Math.floor(monthsBetween(profile.arrivedOn, asOf) / 12);
      return years < threshold ? String(years) : null;
    }
  }
}

/** A talent's score on `state.asOf`, each fired signal with its points and the value it reads. */
export function scoreTalent(profile: TalentProfile, state: KnownState, weights: readonly SignalWeight[], medians: Map<string, number>): RiskScore {
  const known = state.talents.get(profile.id);
  const contributions: Contribution[] = [];
  let score = 0;
  for (const { signal, weight, threshold } of weights) {
    if (weight === 0) continue;
    const value = signalValue(signal, threshold, profile, known, state, medians);
    if (value === null) continue;
    contributions.push({ signal, points: weight, value });
    score += weight;
  }
  if (contributions.length > 1) contributions.sort((a, b) => b.points - a.points);
  return { talentId: profile.id, score, contributions };
}

/** A contribution in words, in one language. */
export function contributionText(contribution: Contribution, language: 'zh-CN' | 'en-US') {
  const value = contribution.signal === 'salaryBelowMedian' ? (salaryBandNames[contribution.value as SalaryBand]?.[language] ?? contribution.value) : contribution.value;
  return riskSignalLabels[contribution.signal].reason[language].replace('{value}', value);
}

// ——— back-test ———

export type BacktestMonth = {
  month: string;
  population: number;
  leavers: number;
  model: { topDecileCaptured: number; topDecileCapture: number; top50Leavers: number; precisionAt50: number };
  baseline: { topDecileCaptured: number; topDecileCapture: number; top50Leavers: number; precisionAt50: number };
};
export type BacktestResult = {
  months: BacktestMonth[];
  /** Pooled over the months: captured leavers over all leavers; top-50 leavers over 50 × months. */
  model: { topDecileCapture: number; precisionAt50: number };
  baseline: { topDecileCapture: number; precisionAt50: number };
  horizonMonths: number;
  talents: number;
  events: number;
};

/** The months scored by a back-test: each month's last day from `from` while a full horizon after it lies within the history. */
export function backtestMonths(from: string, historyEnd: string, horizonMonths: number) {
  const months: string[] = [];
  for (let month = monthEnd(from); addMonths(month, horizonMonths) <= historyEnd; month = monthEnd(addMonths(`${month.slice(0, 7)}-01`, 1))) months.push(month);
  return months;
}

/** A talent's points only (no contributions, no words): what the back-test ranks by, the same sum as `scoreTalent`. */
export function riskPoints(profile: TalentProfile, state: KnownState, weights: readonly SignalWeight[], medians: Map<string, number>) {
  const known = state.talents.get(profile.id);
  let score = 0;
  for (const { signal, weight, threshold } of weights) if (weight !== 0 && signalValue(signal, threshold, profile, known, state, medians) !== null) score += weight;
  return score;
}

const byDay = (a: TalentEvent, b: TalentEvent) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0);

/**
 * The positions of `count` items ranked by `key` ascending, ties by `tie` ascending (both whole numbers, `tie` a
 * permutation of 0…count−1): one numeric typed-array sort of composite keys, no comparator — the back-test ranks
 * 100,000 talents twice a month.
 */
function rankBy(key: Float64Array, tie: Uint32Array, count: number): Uint32Array {
  const order = new Uint32Array(count);
  let min = Infinity;
  let whole = true;
  for (let index = 0; index < count; index += 1) {
    if (key[index] < min) min = key[index];
    if (!Number.isInteger(key[index])) whole = false;
  }
  if (whole && count > 0) {
    const composite = new Float64Array(count);
    for (let index = 0; index < count; index += 1) composite[index] = (key[index] - min) * count + tie[index];
    if (composite.every((value) => value <= Number.MAX_SAFE_INTEGER)) {
      composite.sort();
      const byTie = new Uint32Array(count);
      for (let index = 0; index < count; index += 1) byTie[tie[index]] = index;
      for (let index = 0; index < count; index += 1) order[index] = byTie[composite[index] % count];
      return order;
    }
  }
  for (let index = 0; index < count; index += 1) order[index] = index;
  return order.sort((a, b) => key[a] - key[b] || tie[a] - tie[b]);
}

export type BacktestScorer = (profile: TalentProfile, state: KnownState, medians: Map<string, number>) => RiskScore | number;

/**
 * Replays the history month by month: on each month's last day every talent in the zone is scored with the state known
 * that day (events applied in day order up to it, never later ones), ranked, and compared with who left in the
 * following `horizonMonths` — top-decile capture and precision at the top 50, for the model and for the naive
 * baseline (fewest months in the zone first). `score` is injectable so a test can watch what it is given (by default
 * the points alone, `riskPoints`).
 */
export function runBacktest(
  profiles: readonly TalentProfile[], events: readonly TalentEvent[], weights: readonly SignalWeight[], months: readonly string[], horizonMonths = 6,
  score?: BacktestScorer,
): BacktestResult {
  let inOrder = true;
  for (let index = 1; index < events.length && inOrder; index += 1) if (events[index - 1].on > events[index].on) inOrder = false;
  const sorted = inOrder ? events : [...events].sort(byDay);
  // departures are the outcome: read from the full history, only to label
  const departedOn = new Map<string, string>();
  for (const event of sorted) if (event.kind === 'departure' && !departedOn.has(event.talentId)) departedOn.set(event.talentId, event.on);
  const replay = backtestReplay(profiles, departedOn, weights, months, horizonMonths, score);
  replay.push(sorted);
  return replay.finish();
}

/**
 * The replay as a single pass over events sorted by day, fed in chunks (`push`, e.g. as a keyset read returns them):
 * before an event dated after a scoring month is applied, that month is scored — the state of a month is the previous
 * month's with that month's events applied, never rebuilt, and never holds a later event. `departedOn` (each talent's
 * departure day) only labels who left within the horizon; the scorer never sees it.
 */
export function backtestReplay(
  profiles: readonly TalentProfile[], departedOn: ReadonlyMap<string, string>, weights: readonly SignalWeight[], months: readonly string[], horizonMonths = 6,
  score: BacktestScorer = (profile, state, medians) => riskPoints(profile, state, weights, medians),
) {
  // ties are broken by id: each profile's place in id order, so the ranking is the same on every run
  const idOrder = profiles.map((_, index) => index).sort((a, b) => (profiles[a].id < profiles[b].id ? -1 : profiles[a].id > profiles[b].id ? 1 : 0));
  const idRank = new Uint32Array(profiles.length);
  idOrder.forEach((profileIndex, rank) => { idRank[profileIndex] = rank; });
  const state: KnownState = { asOf: '', talents: new Map(), departuresByEmployer: new Map() };
  const result: BacktestMonth[] = [];
  const totals = { leavers: 0, modelCaptured: 0, baselineCaptured: 0, model50: 0, baseline50: 0, slots50: 0 };
  const members = new Uint32Array(profiles.length);
  let nextMonth = 0;
  let events = 0;
  let lastDay = '';

  const scoreMonth = (month: string) => {
    state.asOf = month;
    let count = 0;
    for (let index = 0; index < profiles.length; index += 1) {
      const profile = profiles[index];
      if (profile.arrivedOn && profile.arrivedOn <= month && !state.talents.get(profile.id)?.departedOn) members[count++] = index;
    }
    if (count === 0) return;
    const population = Array.from(members.subarray(0, count), (index) => profiles[index]);
    const medians = chainMedians(population);
    const horizonEnd = addMonths(month, horizonMonths);
    const modelKey = new Float64Array(count);
    const baselineKey = new Float64Array(count);
    const tie = new Uint32Array(count);
    const left = new Uint8Array(count);
    let leavers = 0;
    // ranks among this month's population, in id order
    const tieOrder = Array.from(members.subarray(0, count).keys()).sort((a, b) => idRank[members[a]] - idRank[members[b]]);
    tieOrder.forEach((position, rank) => { tie[position] = rank; });
    for (let position = 0; position < count; position += 1) {
      const profile = population[position];
      const scored = score(profile, state, medians);
      modelKey[position] = -(typeof scored === 'number' ? scored : scored.score);
      baselineKey[position] = monthsBetween(profile.arrivedOn!, month);
      const day = departedOn.get(profile.id);
      if (day !== undefined && day > month && day <= horizonEnd) {
        left[position] = 1;
        leavers += 1;
      }
    }
    const decile = Math.max(1, Math.ceil(count / 10));
    const top50 = Math.min(50, count);
    const measure = (key: Float64Array) => {
      const order = rankBy(key, tie, count);
      let topDecileCaptured = 0;
      let top50Leavers = 0;
      for (let place = 0; place < decile; place += 1) topDecileCaptured += left[order[place]];
      for (let place = 0; place < top50; place += 1) top50Leavers += left[order[place]];
      return { topDecileCaptured, topDecileCapture: leavers ? topDecileCaptured / leavers : 0, top50Leavers, precisionAt50: top50Leavers / top50 };
    };
    const model = measure(modelKey);
    const baseline = measure(baselineKey);
    totals.leavers += leavers;
    totals.modelCaptured += model.topDecileCaptured;
    totals.baselineCaptured += baseline.topDecileCaptured;
    totals.model50 += model.top50Leavers;
    totals.baseline50 += baseline.top50Leavers;
    totals.slots50 += top50;
    result.push({ month: month.slice(0, 7), population: count, leavers, model, baseline });
  };

  return {
    /** The next events, in day order (each chunk continuing the last). */
    push(chunk: readonly TalentEvent[]) {
      for (const event of chunk) {
        if (event.on < lastDay) throw new Error('back-test events must arrive in day order');
        lastDay = event.on;
        while (nextMonth < months.length && event.on > months[nextMonth]) scoreMonth(months[nextMonth++]);
        applyEvent(state, event);
        events += 1;
      }
    },
    finish(): BacktestResult {
      while (nextMonth < months.length) scoreMonth(months[nextMonth++]);
      const ratio = (a: number, b: number) => (b ? a / b : 0);
      return {
        months: result,
        model: { topDecileCapture: ratio(totals.modelCaptured, totals.leavers), precisionAt50: ratio(totals.model50, totals.slots50) },
        baseline: { topDecileCapture: ratio(totals.baselineCaptured, totals.leavers), precisionAt50: ratio(totals.baseline50, totals.slots50) },
        horizonMonths,
        talents: profiles.length,
        events,
      };
    },
  };
}
