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
  talents: Map<string, {
    contractEndsOn: string | null; benefitEndsOn: string[]; lastContact: string | null;
    openRequests: Map<string, string>; dissatisfiedOn: string[]; departedOn: string | null; employerId: string | null | undefined;
  }>;
  /** Departure days by the employer the talent left. */
  departuresByEmployer: Map<string, string[]>;
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

/** A talent's score on `state.asOf`, each fired signal with its points and the value it reads. */
export function scoreTalent(profile: TalentProfile, state: KnownState, weights: readonly SignalWeight[], medians: Map<string, number>): RiskScore {
  const known = state.talents.get(profile.id);
  const asOf = state.asOf;
  const contributions: Contribution[] = [];
  for (const { signal, weight, threshold } of weights) {
    if (weight === 0) continue;
    let value: string | null = null;
    switch (signal) {
      case 'contractEnding': {
        const ends = known?.contractEndsOn;
        if (ends && ends > asOf && ends <= addMonths(asOf, threshold)) value = ends;
        break;
      }
      case 'benefitEnding': {
        const ends = (known?.benefitEndsOn ?? []).filter((day) => day > asOf && day <= addMonths(asOf, threshold)).sort()[0];
        if (ends) value = ends;
        break;
      }
      case 'noContact': {
        const since = known?.lastContact ?? profile.arrivedOn;
        if (since) {
          const months = monthsBetween(since, asOf);
          if (months >= threshold) value = String(months);
        }
        break;
      }
      case 'openRequests': {
        const open = known?.openRequests.size ?? 0;
        if (open >= Math.max(1, threshold)) value = String(open);
        break;
      }
      case 'dissatisfied': {
        const from = addMonths(asOf, -threshold);
        const count = (known?.dissatisfiedOn ?? []).filter((day) => day > from).length;
        if (count > 0) value = String(count);
        break;
      }
      case 'salaryBelowMedian': {
        const median = profile.chain ? medians.get(profile.chain) : undefined;
        if (profile.salaryBand && median !== undefined && salaryRank[profile.salaryBand] < median - threshold) value = salaryBandOrder[median];
        break;
      }
      case 'familyOpen': {
        const open = [...(known?.openRequests.values() ?? [])].filter((category) => familyCategories.has(category)).length;
        if (open >= Math.max(1, threshold)) value = String(open);
        break;
      }
      case 'employerDepartures': {
        const employer = known?.employerId !== undefined ? known.employerId : profile.employerId;
        if (employer) {
          const from = addMonths(asOf, -6);
          const count = (state.departuresByEmployer.get(employer) ?? []).filter((day) => day > from).length;
          if (count >= Math.max(1, threshold)) value = String(count);
        }
        break;
      }
      case 'shortTenure': {
        if (profile.arrivedOn) {
          const years = Math.floor(monthsBetween(profile.arrivedOn, asOf) / 12);
          if (years < threshold) value = String(years);
        }
        break;
      }
    }
    if (value !== null) contributions.push({ signal, points: weight, value });
  }
  contributions.sort((a, b) => b.points - a.points);
  return { talentId: profile.id, score: contributions.reduce((sum, item) => sum + item.points, 0), contributions };
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

/**
 * Replays the history month by month: on each month's last day every talent in the zone is scored with the state known
 * that day (events applied in day order up to it, never later ones), ranked, and compared with who left in the
 * following `horizonMonths` — top-decile capture and precision at the top 50, for the model and for the naive
 * baseline (fewest months in the zone first). `score` is injectable so a test can watch what it is given.
 */
export function runBacktest(
  profiles: readonly TalentProfile[], events: readonly TalentEvent[], weights: readonly SignalWeight[], months: readonly string[], horizonMonths = 6,
  score: (profile: TalentProfile, state: KnownState, medians: Map<string, number>) => RiskScore = (profile, state, medians) => scoreTalent(profile, state, weights, medians),
): BacktestResult {
  const sorted = [...events].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  // departures are the outcome: read from the full history, only to label
  const departedOn = new Map<string, string>();
  for (const event of sorted) if (event.kind === 'departure' && !departedOn.has(event.talentId)) departedOn.set(event.talentId, event.on);
  const state: KnownState = { asOf: '', talents: new Map(), departuresByEmployer: new Map() };
  let next = 0;
  const result: BacktestMonth[] = [];
  const totals = { leavers: 0, modelCaptured: 0, baselineCaptured: 0, model50: 0, baseline50: 0, slots50: 0 };
  for (const month of months) {
    while (next < sorted.length && sorted[next].on <= month) applyEvent(state, sorted[next++]);
    state.asOf = month;
    const population = profiles.filter((profile) => profile.arrivedOn && profile.arrivedOn <= month && !state.talents.get(profile.id)?.departedOn);
    if (population.length === 0) continue;
    const medians = chainMedians(population);
    const horizonEnd = addMonths(month, horizonMonths);
    const left = (id: string) => {
      const day = departedOn.get(id);
      return day !== undefined && day > month && day <= horizonEnd;
    };
    const scored = population.map((profile) => ({ id: profile.id, score: score(profile, state, medians).score, tenure: monthsBetween(profile.arrivedOn!, month) }));
    // ties broken by id, so the ranking is the same on every run
    const byModel = [...scored].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    const byBaseline = [...scored].sort((a, b) => a.tenure - b.tenure || (a.id < b.id ? -1 : 1));
    const decile = Math.max(1, Math.ceil(population.length / 10));
    const top50 = Math.min(50, population.length);
    const leavers = scored.filter((item) => left(item.id)).length;
    const measure = (ranked: typeof scored) => {
      const topDecileCaptured = ranked.slice(0, decile).filter((item) => left(item.id)).length;
      const top50Leavers = ranked.slice(0, top50).filter((item) => left(item.id)).length;
      return { topDecileCaptured, topDecileCapture: leavers ? topDecileCaptured / leavers : 0, top50Leavers, precisionAt50: top50Leavers / top50 };
    };
    const model = measure(byModel);
    const baseline = measure(byBaseline);
    totals.leavers += leavers;
    totals.modelCaptured += model.topDecileCaptured;
    totals.baselineCaptured += baseline.topDecileCaptured;
    totals.model50 += model.top50Leavers;
    totals.baseline50 += baseline.top50Leavers;
    totals.slots50 += top50;
    result.push({ month: month.slice(0, 7), population: population.length, leavers, model, baseline });
  }
  const ratio = (a: number, b: number) => (b ? a / b : 0);
  return {
    months: result,
    model: { topDecileCapture: ratio(totals.modelCaptured, totals.leavers), precisionAt50: ratio(totals.model50, totals.slots50) },
    baseline: { topDecileCapture: ratio(totals.baselineCaptured, totals.leavers), precisionAt50: ratio(totals.baseline50, totals.slots50) },
    horizonMonths,
    talents: profiles.length,
    events: events.length,
  };
}
