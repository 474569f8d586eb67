import type { ChainSegment } from '../../../domain/dictionaries';
import { api } from '../../app/api';

type Industry = { code: string; name: string; nameEn: string; chain: string | null };
export type IndustryMap = {
  allTalents: number;
  chains: {
    chain: string; nameEn: string; industries: string[]; talents: number; enterprises: number; openPosts: number;
    segments: { segment: ChainSegment | null; description: string; descriptionEn: string; enterprises: number; talents: number; openPosts: number; demands: number; trainingHeadcount: number; challenges: number }[];
    disciplines: { discipline: string; openPosts: number }[];
    quotients: { area: 'province' | 'national'; share: number; zoneShare: number; quotient: number | null; source: string; sourceEn: string; year: number }[];
  }[];
  industries: Industry[];
  shortage: {
    discipline: string; name: string; nameEn: string; openPosts: number; supply: number; timeToFill: number | null; vacancyAge: number | null; value: number; computedAt: string;
    history: { day: string; value: number }[];
  }[];
};
export type TalentMap = {
  year: number;
  chains: { chain: string; nameEn: string; industries: string[] }[];
  industries: Industry[];
  cells: { facet: string; industry: string; key: string; count: number }[];
  parks: { id: string; name: string }[];
  flows: { year: number; arrived: number; left: number }[];
  destinations: { text: string; province: string | null; count: number }[];
};
export type AskFilter = { kind: 'industry' | 'chain' | 'education' | 'title' | 'status' | 'route' | 'age' | 'period'; value?: string; min?: number | null; max?: number | null; months?: number; words: string };
export type AskResult = {
  total: number; capped: boolean;
  items: { id: string; name: string; employer: string | null; post: string | null; industry: string | null; highestEducation: string | null; highestTitle: string | null; status: string; birthYear: number }[];
};
export type AskAnswer = { filters: AskFilter[]; unknown: string[]; skipped: string[]; result: AskResult };

export const fetchIndustryMap = () => api.get<IndustryMap>('/api/analytics/industry-map');
export const fetchTalentMap = () => api.get<TalentMap>('/api/analytics/talent-map');
export const askQuestion = (q: string) => api.get<AskAnswer>('/api/analytics/ask', { q });

/** The edited chips as the structured query (`/api/analytics/ask/talents`). */
export function askTalents(filters: AskFilter[], page = 1) {
  const lists: Record<string, string[]> = { chain: [], industry: [], education: [], title: [], status: [], route: [] };
  const query: Record<string, string> = { page: String(page) };
  for (const filter of filters) {
    if (filter.kind === 'age') {
      if (filter.min !== null && filter.min !== undefined) query.ageMin = String(filter.min);
      if (filter.max !== null && filter.max !== undefined) query.ageMax = String(filter.max);
    } else if (filter.kind === 'period') query.months = String(filter.months);
    else if (filter.value) lists[filter.kind].push(filter.value);
  }
  for (const [key, values] of Object.entries(lists)) if (values.length) query[key] = values.join(',');
  return api.get<AskResult>('/api/analytics/ask/talents', query);
}
