import type { EducationLevel, TitleLevel } from '../../../domain/dictionaries';
import type { PoolAction, PoolDecision, PoolMemberStatus, PoolNominator } from '../../../domain/pools';
import { api, type Page } from '../../app/api';

export type TalentPool = {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  description: string;
  descriptionEn: string;
  nominators: PoolNominator[];
  reviewMonths: number;
  active: boolean;
  sort: number;
  version: number;
  counts: Record<PoolMemberStatus, number>;
  canNominate: boolean;
};
export type PoolMember = {
  id: string;
  pool: { id: string; name: string; nameEn: string };
  talent: { id: string; name: string; employerName: string | null; highestEducation: EducationLevel | null; highestTitle: TitleLevel | null; tierName: string | null; tierNameEn: string | null };
  status: PoolMemberStatus;
  nominator: { kind: PoolNominator; unitName: string | null; unitNameEn: string | null; userName: string };
  nominatedAt: string;
  score: number | null;
  enteredOn: string | null;
  nextReviewOn: string | null;
  leftOn: string | null;
  version: number;
};
export type PoolMemberDetail = PoolMember & {
  reason: string;
  opinion: string | null;
  lastReviewedOn: string | null;
  history: { action: PoolAction; fromStatus: PoolMemberStatus | null; toStatus: PoolMemberStatus; score: number | null; note: string; actor: string | null; at: string }[];
  decisions: PoolDecision[];
};
export type MemberQuery = { pool?: string; status?: PoolMemberStatus; q?: string; reviewDue?: 'true'; page: number; pageSize: number };
export type PoolInput = { name: string; nameEn: string; description: string; descriptionEn: string; nominators: PoolNominator[]; reviewMonths: number; active: boolean; sort: number };

export const fetchPools = () => api.get<TalentPool[]>('/api/pools');
export const createPool = (input: PoolInput & { code: string }) => api.post<TalentPool>('/api/pools', input);
export const changePool = (id: string, input: PoolInput & { version: number }) => api.put<TalentPool>(`/api/pools/${id}`, input);
export const fetchMembers = (query: MemberQuery) => api.get<Page<PoolMember>>('/api/pools/members', query);
export const fetchMember = (id: string) => api.get<PoolMemberDetail>(`/api/pools/members/${id}`);
export const nominate = (input: { poolId: string; talentId: string; reason: string }) => api.post<PoolMemberDetail>('/api/pools/members', input);
export const decide = (id: string, input: { decision: PoolDecision; score?: number | null; opinion: string; version: number }) =>
  api.post<PoolMemberDetail>(`/api/pools/members/${id}/decision`, input);
