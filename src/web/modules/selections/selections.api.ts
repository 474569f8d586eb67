import type { NominationStatus, SelectionNominator, SelectionObjectionStatus, SelectionStatus } from '../../../domain/selections';
import { api, type Page } from '../../app/api';

export type SelectionKind = { code: string; name: string; nameEn: string };
export type Selection = {
  id: string; kind: string; kindName: string; kindNameEn: string; year: number; title: string; titleEn: string; honour: string; honourEn: string; quota: number;
  policy: { id: string; title: string }; nominateFrom: string; nominateTo: string; publicityDays: number; status: SelectionStatus;
  publicityFrom: string | null; publicityUntil: string | null; completedAt: string | null; nominated: number; selected: number; canNominate: boolean; version: number;
};
export type Eligibility = { eligible: boolean; asOf: string; policyVersionId: string; reasons: { met: boolean; zh: string; en: string }[] } | null;
export type Nomination = {
  id: string; selectionId: string; talent: { id: string; name: string; employerName: string | null }; nominator: { kind: SelectionNominator; name: string | null; nameEn: string | null };
  reason: string; status: NominationStatus; eligibility: Eligibility; averageScore: number | null; scoreCount: number; rank: number | null; openObjections: number;
  recordedAt: string | null; nominatedAt: string; version: number;
};
export type PanelScore = { expertId: string; expertName: string; score: number; opinion: string };
export type SelectionNomination = Nomination & { scores: PanelScore[]; myScore: number | null; abstain: boolean; abstaining: string[] };
export type SelectionDetail = Selection & {
  experts: { id: string; name: string; userId: string | null; organisationId: string | null; organisationName: string | null; mine: boolean }[];
  nominations: SelectionNomination[];
  permissions: { manage: boolean; score: boolean };
};
export type NominationDetail = Nomination & {
  scores: PanelScore[];
  objections: { id: string; objector: string; content: string; status: SelectionObjectionStatus; resolution: string | null; recordedAt: string }[];
};
export type Honour = { id: string; name: string; nameEn: string; year: number; awardedOn: string; selectionId: string | null; kindName: string | null; kindNameEn: string | null };
export type SelectionPayload = {
  kind: string; year: number; title: string; titleEn: string; honour: string; honourEn: string; quota: number; policyId: string; nominateFrom: string; nominateTo: string;
  publicityDays: number; experts: { name: string; organisationId?: string | null }[];
};

const base = '/api/selections';
export const fetchKinds = () => api.get<SelectionKind[]>(`${base}/kinds`);
export const fetchSelections = (query: { page: number; pageSize: number; year?: number; status?: SelectionStatus }) => api.get<Page<Selection>>(base, query);
export const fetchSelection = (id: string) => api.get<SelectionDetail>(`${base}/${id}`);
export const createSelection = (body: SelectionPayload) => api.post<SelectionDetail>(base, body);
export const checkEligibility = (id: string, version: number) => api.post<SelectionDetail>(`${base}/${id}/eligibility`, { version });
export const advanceSelection = (id: string, version: number) => api.post<SelectionDetail>(`${base}/${id}/advance`, { version });
export const nominate = (id: string, body: { talentId: string; reason: string }) => api.post<NominationDetail>(`${base}/${id}/nominations`, body);
export const fetchNomination = (id: string) => api.get<NominationDetail>(`${base}/nominations/${id}`);
export const scoreNomination = (id: string, body: { expertId?: string; score: number; opinion: string }) => api.post<NominationDetail>(`${base}/nominations/${id}/scores`, body);
export const raiseObjection = (id: string, body: { objector: string; content: string }) => api.post<NominationDetail>(`${base}/nominations/${id}/objections`, body);
export const resolveObjection = (id: string, body: { outcome: 'upheld' | 'dismissed'; resolution: string }) => api.post<NominationDetail>(`${base}/objections/${id}/resolution`, body);
export const fetchHonours = (talentId: string) => api.get<Honour[]>(`/api/talents/${talentId}/honours`);
