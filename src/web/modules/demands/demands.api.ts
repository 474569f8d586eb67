import type { DemandStatus, DemandUrgency, FillChannel, MatchFactor } from '../../../domain/demands';
import type { EducationLevel } from '../../../domain/dictionaries';
import { api, type Page } from '../../app/api';

type Named = { code: string; name: string; nameEn: string };
export type DemandSummary = {
  id: string; enterprise: { id: string; name: string }; post: string; industry: Named; chain: string | null; discipline: Named; education: EducationLevel | null; minYears: number;
  skills: string[]; headcount: number; filled: number; urgency: DemandUrgency; deadline: string | null; status: DemandStatus; version: number;
};
export type DemandDetail = DemandSummary & { description: string; fills: { id: string; channel: FillChannel; count: number; filledOn: string; talent: { id: string; name: string } | null; note: string }[] };
export type Reason = { factor: MatchFactor; met: 'yes' | 'partly' | 'no'; value: string | null; required: string | null; text: string };
export type Candidates = { considered: number; items: { talent: { id: string; name: string; idNumber: string; highestEducation: EducationLevel | null; post: string | null }; score: number; reasons: Reason[] }[] };
export type Dictionaries = { disciplines: (Named & { keywords: string[] })[] };

export const fetchDemands = (query: { page: number; pageSize: number; status?: DemandStatus; discipline?: string }) => api.get<Page<DemandSummary>>('/api/demands', query);
export const fetchDemand = (id: string) => api.get<DemandDetail>(`/api/demands/${id}`);
export const fetchCandidates = (id: string) => api.get<Candidates>(`/api/demands/${id}/candidates`);
export const fetchDictionaries = () => api.get<Dictionaries>('/api/demands/dictionaries');
