/** The talent map (人才地图) and the industry map (产业地图) with the shortage index (紧缺指数): figures from maintained aggregates. */
import { ageBandOf, locationQuotient, provinces } from '../../../domain/analytics';
import { chainSegments } from '../../../domain/dictionaries';
import type { Executor } from '../../db/client';
import type { SessionUser } from '../../plugins/auth';
import { regions } from '../reference/regions';
import {
  currentShortage, enterpriseSegmentCounts, listBenchmarks, listChainProfiles, listDisciplineNames, listIndustries, openDemandCounts, otherDemandCounts, parkNames,
  askTalents, shortageHistorySince, talentFacetCounts, type AnalyticsScope, type AskConditions, type Count,
} from './analytics.repo';
import { parseQuestion, type AskFilter } from './ask';

/** Office and leaders see the zone; an enterprise account its own records. (The route's permission keeps talents out.) */
export function analyticsScope(user: SessionUser): AnalyticsScope {
  if (user.roles.some((role) => role === 'office' || role === 'leader')) return { kind: 'zone' };
  return { kind: 'enterprise', enterpriseId: user.organisationId ?? '00000000-0000-0000-0000-000000000000' };
}

const split = (key: string) => {
  const at = key.indexOf('|');
  return { industry: key.slice(0, at), value: key.slice(at + 1) };
};

const beijingDate = (offsetDays = 0) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** The chains as data: the profiles in their order, then any chain an industry names without a profile. */
async function chainsOf(executor: Executor) {
  const [industryRows, profiles] = await Promise.all([listIndustries(executor), listChainProfiles(executor)]);
  const chains = profiles.map((profile) => ({ ...profile, industries: industryRows.filter((row) => row.chain === profile.chain).map((row) => row.code) }));
  for (const row of industryRows) {
    if (row.chain && !chains.some((chain) => chain.chain === row.chain)) {
      chains.push({ chain: row.chain, nameEn: row.chain, upstream: '', upstreamEn: '', midstream: '', midstreamEn: '', downstream: '', downstreamEn: '', sortOrder: 1000, industries: industryRows.filter((other) => other.chain === row.chain).map((other) => other.code) });
    }
  }
  return { industries: industryRows, chains };
}

/** The industry map: each chain's segments with enterprises, talents and demand; the shortage index; the location quotients. */
export async function industryMap(executor: Executor, user: SessionUser) {
  const scope = analyticsScope(user);
  const [{ industries, chains }, facetCounts, enterpriseCounts, demandCounts, otherCounts, benchmarks, disciplineNames, shortage, history] = await Promise.all([
    chainsOf(executor), talentFacetCounts(executor, scope), enterpriseSegmentCounts(executor, scope), openDemandCounts(executor, scope), otherDemandCounts(executor, scope),
    listBenchmarks(executor), listDisciplineNames(executor), currentShortage(executor), shortageHistorySince(executor, beijingDate(-180)),
  ]);
  const segmentTalents = facetCounts.filter((count) => count.dimension === 'map.segment');
  const allTalents = segmentTalents.reduce((sum, count) => sum + count.total, 0);
  const sumOf = (counts: Count[], industryCodes: string[], segment?: string) =>
    counts.reduce((sum, count) => {
      const { industry, value } = split(count.key);
      return industryCodes.includes(industry) && (segment === undefined || value === segment) ? sum + count.total : sum;
    }, 0);
  const segments = [...chainSegments, ''] as const;
  return {
    allTalents,
    chains: chains.map((chain) => {
      const inChain = (industry: string) => chain.industries.includes(industry);
      const talents = sumOf(segmentTalents, chain.industries);
      const segmentRows = segments.map((segment) => {
        const demand = demandCounts.filter((row) => inChain(row.industry) && row.segment === segment);
        const other = otherCounts.filter((row) => inChain(row.industry) && row.segment === segment);
        const description = segment === '' ? { zh: '', en: '' } : { zh: chain[segment], en: chain[`${segment}En`] };
        return {
          segment: segment === '' ? null : segment,
          description: description.zh,
          descriptionEn: description.en,
          enterprises: sumOf(enterpriseCounts, chain.industries, segment),
          talents: sumOf(segmentTalents, chain.industries, segment),
          openPosts: demand.reduce((sum, row) => sum + row.openPosts, 0),
          demands: demand.reduce((sum, row) => sum + row.demands, 0),
          trainingHeadcount: other.reduce((sum, row) => sum + row.trainingHeadcount, 0),
          challenges: other.reduce((sum, row) => sum + row.challenges, 0),
        };
      }).filter((row) => row.segment !== null || row.enterprises + row.talents + row.openPosts + row.trainingHeadcount + row.challenges > 0);
      const byDiscipline = new Map<string, number>();
      for (const row of demandCounts) if (inChain(row.industry)) byDiscipline.set(row.discipline, (byDiscipline.get(row.discipline) ?? 0) + row.openPosts);
      return {
        chain: chain.chain,
        nameEn: chain.nameEn,
        industries: chain.industries,
        talents,
        enterprises: segmentRows.reduce((sum, row) => sum + row.enterprises, 0),
        openPosts: segmentRows.reduce((sum, row) => sum + row.openPosts, 0),
        segments: segmentRows,
        disciplines: [...byDiscipline].filter(([, openPosts]) => openPosts > 0).map(([discipline, openPosts]) => ({ discipline, openPosts })),
        quotients: benchmarks.filter((row) => row.chain === chain.chain).map((row) => ({
          area: row.area, share: Number(row.share), zoneShare: allTalents ? Math.round((talents / allTalents) * 10_000) / 100 : 0,
          quotient: locationQuotient(talents, allTalents, Number(row.share)), source: row.source, sourceEn: row.sourceEn, year: row.year,
        })),
      };
    }),
    industries: industries.map((row) => ({ code: row.code, name: row.name, nameEn: row.nameEn, chain: row.chain })),
    shortage: disciplineNames.map((discipline) => {
      const row = shortage.find((entry) => entry.discipline === discipline.code);
      return {
        discipline: discipline.code, name: discipline.name, nameEn: discipline.nameEn,
        openPosts: row?.openPosts ?? 0, supply: row?.supply ?? 0, timeToFill: row?.timeToFill ?? null, vacancyAge: row?.vacancyAge ?? null,
        value: row?.value ?? 0, computedAt: (row?.computedAt ?? new Date(0)).toISOString(),
        history: history.filter((entry) => entry.discipline === discipline.code).map((entry) => ({ day: entry.day, value: entry.value })),
      };
    }),
  };
}

/** A destination as the office wrote it (北京, 太原市, 江苏省苏州市 …) → the province as the China map names it, or null. */
export function provinceOf(text: string): string | null {
  const direct = provinces.find((province) => text.includes(province.name));
  if (direct) return direct.name;
  for (const region of regions()) {
    for (const city of region.cities) {
      const short = city.name.replace(/(市|地区|盟|自治州)$/, '');
      if (short.length >= 2 && text.includes(short)) return provinces.find((province) => region.name.startsWith(province.name))?.name ?? null;
    }
  }
  return null;
}

/** The talent map: distributions by industry (the web app groups them by chain and filters), flows, parks, where leavers went. */
export async function talentMap(executor: Executor, user: SessionUser) {
  const scope = analyticsScope(user);
  const year = Number(beijingDate().slice(0, 4));
  const [{ industries, chains }, counts] = await Promise.all([chainsOf(executor), talentFacetCounts(executor, scope)]);
  const cells = new Map<string, { facet: string; industry: string; key: string; count: number }>();
  const add = (facet: string, industry: string, key: string, count: number) => {
    const id = `${facet}|${industry}|${key}`;
    const cell = cells.get(id);
    if (cell) cell.count += count;
    else cells.set(id, { facet, industry, key, count });
  };
  const flows = new Map<number, { year: number; arrived: number; left: number }>();
  const destinations = new Map<string, { text: string; province: string | null; count: number }>();
  for (const count of counts) {
    if (count.dimension === 'talent.arrived' || count.dimension === 'talent.left') {
      const at = Number(count.key);
      const flow = flows.get(at) ?? { year: at, arrived: 0, left: 0 };
      if (count.dimension === 'talent.arrived') flow.arrived += count.total;
      else flow.left += count.total;
      flows.set(at, flow);
    } else if (count.dimension === 'map.destination') {
      if (count.key) destinations.set(count.key, { text: count.key, province: provinceOf(count.key), count: count.total });
    } else if (count.dimension.startsWith('map.')) {
      const { industry, value } = split(count.key);
      const facet = count.dimension.slice(4);
      if (facet === 'birthYear') add('ageBand', industry, ageBandOf(Number(value), year), count.total);
      else add(facet, industry, value, count.total);
    }
  }
  const parkIds = [...new Set([...cells.values()].filter((cell) => cell.facet === 'park' && cell.key).map((cell) => cell.key))];
  const parks = await parkNames(executor, parkIds);
  return {
    year,
    chains: chains.map((chain) => ({ chain: chain.chain, nameEn: chain.nameEn, industries: chain.industries })),
    industries: industries.map((row) => ({ code: row.code, name: row.name, nameEn: row.nameEn, chain: row.chain })),
    cells: [...cells.values()].filter((cell) => cell.count !== 0),
    parks: [...parks].map(([id, name]) => ({ id, name })),
    flows: [...flows.values()].sort((a, b) => a.year - b.year),
    destinations: [...destinations.values()].sort((a, b) => b.count - a.count),
  };
}

export type AskQuery = {
  chain: string[]; industry: string[]; education: string[]; title: string[]; status: string[]; route: string[];
  ageMin: number | null; ageMax: number | null; months: number | null; page: number;
};

/** The filters of a question as the structured query the chips edit. */
export function queryOfFilters(filters: AskFilter[], page = 1): AskQuery {
  const query: AskQuery = { chain: [], industry: [], education: [], title: [], status: [], route: [], ageMin: null, ageMax: null, months: null, page };
  for (const filter of filters) {
    if (filter.kind === 'age') { query.ageMin = filter.min; query.ageMax = filter.max; }
    else if (filter.kind === 'period') query.months = filter.months;
    else query[filter.kind].push(filter.value);
  }
  return query;
}

const shiftYears = (date: string, years: number) => `${Number(date.slice(0, 4)) - years}${date.slice(4)}`;
const shiftMonths = (date: string, months: number) => {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCMonth(at.getUTCMonth() - months);
  return at.toISOString().slice(0, 10);
};

/** The talents a (parsed or edited) question selects, in the reader's scope: the count (up to 5,000) and a page of 20. */
export async function askResult(executor: Executor, user: SessionUser, query: AskQuery) {
  const scope = analyticsScope(user);
  const { industries } = await chainsOf(executor);
  const today = beijingDate();
  const chained = query.chain.length || query.industry.length
    ? [...new Set([...query.industry, ...industries.filter((row) => row.chain && query.chain.includes(row.chain)).map((row) => row.code)])]
    : null;
  const conditions: AskConditions = {
    industries: chained,
    educations: query.education, titles: query.title, statuses: query.status, routes: query.route,
    // aged at most N: born after today N+1 years ago; aged at least N: born on or before today N years ago
    bornAfter: query.ageMax === null ? null : shiftYears(today, query.ageMax + 1),
    bornOnOrBefore: query.ageMin === null ? null : shiftYears(today, query.ageMin),
    since: query.months === null ? null : shiftMonths(today, query.months),
  };
  return askTalents(executor, conditions, scope, 5000, query.page);
}

/** Ask in words: the filters understood (chips), the words not understood, the words skipped, and the talents selected. */
export async function askQuestion(executor: Executor, user: SessionUser, question: string, page: number) {
  const { industries } = await chainsOf(executor);
  const answer = parseQuestion(question, { industries });
  return { ...answer, result: await askResult(executor, user, queryOfFilters(answer.filters, page)) };
}
