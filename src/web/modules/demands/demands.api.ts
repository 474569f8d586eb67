import type { DemandInput, DemandStatus, DemandUrgency, FillChannel, MatchFactor } from '../../../domain/demands';
import type { ChainSegment, EducationLevel, SalaryBand, TitleLevel } from '../../../domain/dictionaries';
import type { ExpertKind } from '../../../domain/cooperation';
import { api, type Page } from '../../app/api';

type Named = { code: string; name: string; nameEn: string };
export type DemandSummary = {
  id: string; enterprise: { id: string; name: string }; post: string; industry: Named; chain: string | null; chainSegment: ChainSegment | null; discipline: Named; education: EducationLevel | null;
  title: TitleLevel | null; minYears: number; skills: string[]; headcount: number; filled: number; salaryBand: SalaryBand | null; urgency: DemandUrgency; deadline: string | null; status: DemandStatus; version: number;
};
export type DemandDetail = DemandSummary & { description: string; closedAt: string | null; fills: { id: string; channel: FillChannel; count: number; filledOn: string; talent: { id: string; name: string } | null; note: string }[] };
export type Reason = { factor: MatchFactor; met: 'yes' | 'partly' | 'no'; value: string | null; required: string | null; text: string };
export type Candidates = { considered: number; items: { talent: { id: string; name: string; idNumber: string; highestEducation: EducationLevel | null; post: string | null }; score: number; reasons: Reason[] }[] };
/** A suggested candidate of a challenge or campaign post: a talent, a flexible expert or a resident team. */
export type Suggestion = {
  kind: 'talent' | 'expert' | 'team'; id: string; name: string; post: string | null; organisation: string | null; expertKind: ExpertKind | null; members: number | null; score: number; reasons: Reason[];
};
export type Suggestions = { considered: number; items: Suggestion[] };
export type Dictionaries = { disciplines: (Named & { keywords: string[] })[]; skills: { name: string; nameEn: string; synonyms: string[] }[] };
export type DemandSummaryRow = { chain: string | null; discipline: Named; demands: number; headcount: number; filled: number };
export type DemandListQuery = { page: number; pageSize: number; status?: DemandStatus; discipline?: string; chain?: string };

export const fetchDemands = (query: DemandListQuery) => api.get<Page<DemandSummary>>('/api/demands', query);
export const fetchDemandSummary = () => api.get<DemandSummaryRow[]>('/api/demands/summary');
export const fetchDemand = (id: string) => api.get<DemandDetail>(`/api/demands/${id}`);
export const fetchCandidates = (id: string) => api.get<Candidates>(`/api/demands/${id}/candidates`);
export const fetchDictionaries = () => api.get<Dictionaries>('/api/demands/dictionaries');
export const createDemand = (body: Partial<DemandInput>) => api.post<DemandDetail>('/api/demands', body);
export const updateDemand = (id: string, body: Omit<Partial<DemandInput>, 'enterpriseId'> & { version: number }) => api.put<DemandDetail>(`/api/demands/${id}`, body);
export const closeDemand = (id: string, version: number) => api.post<DemandDetail>(`/api/demands/${id}/close`, { version });
export const fetchChallengeCandidates = (id: string) => api.get<Suggestions>(`/api/challenges/${id}/candidates`);
export const fetchPostCandidates = (campaignId: string, postId: string) => api.get<Suggestions>(`/api/campaigns/${campaignId}/posts/${postId}/candidates`);
