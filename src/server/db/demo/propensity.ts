/**
 * The demo's hidden retention model: who leaves the zone, and when, is drawn here — propensities first, departures
 * from them — and the talent history (`history.ts`) later observes those propensities only through noisy signals.
 *
 * Each talent has hidden propensities (pay, family, room to develop: standard normal), a contract length, whether it
 * holds a 人才公寓 lease, and (tiers A–C in the zone before the history's window) the demo leader's contacts. With the
 * contract and benefit calendar they make a monthly hazard of leaving; from six months after arrival to the demo's last
 * day each month is a draw, and the first success is the departure. Nothing here reads the end of the demo to decide a
 * date (the registry's former dates, uniform between arrival + 180 days and the demo's end, made recent arrivals leave
 * far more often whatever their propensities).
 */
import { addMonths, monthsBetween } from '../../../domain/retention';
import type { Random } from './random';
import { latestDemoDate } from './reference';

/** The first month of the three years of history the demo records in detail. */
export const historyStart = addMonths(`${latestDemoDate.slice(0, 7)}-01`, -35);

export type HiddenPropensity = {
  pay: number; family: number; growth: number;
  /** Young qualified talents (本科以上 under 35, 中级职称 and above) move more: a higher base. */
  mover: boolean;
  contractMonths: number; lease: boolean;
  /** When the living subsidy ends (tiered or master+ talents: 36 months from the month after arrival). */
  subsidyEndsOn: string | null;
  /** Paired with the demo leader (tiers A–C in the zone before the history's window), and the contact days. */
  paired: boolean; contacts: string[];
};

export const gaussian = (random: Random) => {
  const u = Math.max(random.next(), 1e-9);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
};
export const dayIn = (random: Random, month: string) => `${month.slice(0, 7)}-${String(random.integer(1, 28)).padStart(2, '0')}`;

/** Contract ends: from arrival every `length` months, up to the first one after `until`. */
export function contractEnds(arrivedOn: string, length: number, until: string) {
  const ends: string[] = [];
  for (let end = addMonths(arrivedOn, length); ; end = addMonths(end, length)) {
    ends.push(end);
    if (end > until) return ends;
  }
}

export function drawPropensity(random: Random, talent: { arrivedOn: string; tier: string | null; postgraduate: boolean; mover: boolean }): HiddenPropensity {
  const paired = ['A', 'B', 'C'].includes(talent.tier ?? '') && talent.arrivedOn < historyStart;
  const contacts: string[] = [];
  if (paired) for (let month = historyStart; month <= latestDemoDate; month = addMonths(month, 3)) if (random.chance(0.65)) contacts.push(dayIn(random, addMonths(month, random.integer(0, 2))));
  return {
    pay: gaussian(random), family: gaussian(random), growth: gaussian(random), mover: talent.mover,
    contractMonths: random.pick([12, 24, 36, 60]), lease: random.chance(0.3),
    subsidyEndsOn: talent.tier || talent.postgraduate ? addMonths(addMonths(talent.arrivedOn, 1), 36) : null,
    paired, contacts: contacts.filter((day) => day <= latestDemoDate),
  };
}

/** The monthly hazard of leaving in `month` (YYYY-MM), given the contract ends. */
export function hazard(hidden: HiddenPropensity, arrivedOn: string, month: string, ends: readonly string[]) {
  const day = `${month}-15`;
  const tenure = monthsBetween(arrivedOn, day) / 12;
  const endingSoon = ends.some((end) => end >= day && end <= addMonths(day, 3));
  const leaseEnds = hidden.lease ? addMonths(arrivedOn, 24) : null;
  const cliff = (ends: string | null) => ends !== null && ends <= addMonths(day, 3) && ends >= addMonths(day, -6);
  const lastContact = hidden.contacts.filter((contact) => contact <= day).pop();
  const neglected = hidden.paired && day >= historyStart && (!lastContact || monthsBetween(lastContact, day) >= 6);
  const x = -8.3 + (hidden.mover ? 0.9 : 0) + 1.1 * hidden.pay + 1.1 * hidden.family + 0.8 * hidden.growth
    + (endingSoon ? 1.5 : 0) + (cliff(hidden.subsidyEndsOn) || cliff(leaseEnds) ? 1.0 : 0) + (neglected ? 0.5 : 0) - 0.15 * Math.max(0, tenure - 2);
  return Math.min(0.5, Math.exp(x));
}

const kinds = [['辞职', 5], ['正常调离', 2], ['自动离职', 2]] as const;
const destinations = [['太原市', 30], ['北京市', 15], ['石家庄市', 8], ['西安市', 8], ['郑州市', 6], ['天津市', 6], ['深圳市', 6], ['上海市', 5], ['济南市', 5], ['杭州市', 5], ['苏州市', 4], ['成都市', 2]] as const;
/** The stated cause follows the strongest hidden propensity (what an exit interview would hear). */
const causes = { pay: ['薪酬待遇'], family: ['子女教育', '配偶两地分居', '家庭原因'], growth: ['职业发展平台', '继续深造'] } as const;

/** The departure drawn from the hazard, month by month from six months after arrival: its day and outflow note, or null. */
export function drawDeparture(random: Random, hidden: HiddenPropensity, arrivedOn: string): { since: string; note: string } | null {
  const first = addMonths(arrivedOn, 6);
  if (first > latestDemoDate) return null;
  const ends = contractEnds(arrivedOn, hidden.contractMonths, latestDemoDate);
  for (let month = first.slice(0, 7); month <= latestDemoDate.slice(0, 7); month = addMonths(`${month}-01`, 1).slice(0, 7)) {
    if (!random.chance(hazard(hidden, arrivedOn, month, ends))) continue;
    const since = dayIn(random, month) > latestDemoDate ? latestDemoDate : dayIn(random, month);
    const strongest = (['pay', 'family', 'growth'] as const).reduce((best, key) => (hidden[key] > hidden[best] ? key : best), 'pay' as 'pay' | 'family' | 'growth');
    return { since, note: `${random.weighted(kinds)}；去向：${random.weighted(destinations)}；主要原因：${random.pick(causes[strongest])}` };
  }
  return null;
}
