import type { TitleLevel } from '../../../domain/dictionaries';
import type { TitleDeclarationStatus, TitleObjectionStatus, TitleRoundStatus } from '../../../domain/title-evaluations/titles';
import { api, type Page } from '../../app/api';

export type TitleSeries = { code: string; name: string; nameEn: string };
export type Figures = { declared: number; passed: number; enterprises: number; bySeriesAndLevel: { series: string; level: TitleLevel; declared: number; passed: number }[] };
export type TitleRound = {
  id: string; year: number; series: string; seriesName: string; seriesNameEn: string; name: string; levels: TitleLevel[]; declareFrom: string; declareTo: string;
  publicityDays: number; status: TitleRoundStatus; publicityFrom: string | null; publicityUntil: string | null; completedAt: string | null; version: number;
  declared: number; passed: number; enterprises: number;
};
export type TitleRoundDetail = TitleRound & {
  experts: { id: string; name: string; userId: string | null; organisationId: string | null; organisationName: string | null }[];
  figures: Figures;
};
export type Declaration = {
  id: string; roundId: string; talentId: string; talentName: string; organisationId: string; organisationName: string; level: TitleLevel;
  materials: { name: string }[]; status: TitleDeclarationStatus; checkComment: string | null; resultComment: string | null; averageScore: number | null;
  scoreCount: number; openObjections: number; recordedAt: string | null; submittedAt: string; version: number;
};
export type DeclarationDetail = Declaration & {
  scores: { expertId: string; expertName: string; score: number; opinion: string }[];
  experts: { id: string; name: string; mine: boolean; conflict: boolean; scored: boolean }[];
  objections: { id: string; objector: string; content: string; status: TitleObjectionStatus; resolution: string | null; recordedAt: string }[];
};
export type RoundPayload = {
  year: number; series: string; name: string; levels: TitleLevel[]; declareFrom: string; declareTo: string; publicityDays: number;
  experts: { name: string; organisationId?: string | null }[];
};

const base = '/api/title-evaluations';
export const fetchSeries = () => api.get<TitleSeries[]>(`${base}/series`);
export const fetchZoneFigures = (year?: number) => api.get<Figures & { years: number[] }>(`${base}/figures`, { year });
export const fetchRounds = (query: { page: number; pageSize: number; year?: number; status?: TitleRoundStatus }) => api.get<Page<TitleRound>>(`${base}/rounds`, query);
export const fetchRound = (id: string) => api.get<TitleRoundDetail>(`${base}/rounds/${id}`);
export const createRound = (body: RoundPayload) => api.post<TitleRoundDetail>(`${base}/rounds`, body);
export const advanceRound = (id: string, version: number) => api.post<TitleRoundDetail>(`${base}/rounds/${id}/advance`, { version });
export const fetchDeclarations = (query: { page: number; pageSize: number; roundId?: string; status?: TitleDeclarationStatus }) => api.get<Page<Declaration>>(`${base}/declarations`, query);
export const fetchDeclaration = (id: string) => api.get<DeclarationDetail>(`${base}/declarations/${id}`);
export const declare = (body: { roundId: string; talentId: string; level: TitleLevel; materials: { name: string }[] }) => api.post<DeclarationDetail>(`${base}/declarations`, body);
export const resubmit = (id: string, body: { level: TitleLevel; materials: { name: string }[]; version: number }) => api.put<DeclarationDetail>(`${base}/declarations/${id}`, body);
export const checkDeclaration = (id: string, body: { outcome: 'accept' | 'return'; comment?: string; version: number }) => api.post<DeclarationDetail>(`${base}/declarations/${id}/check`, body);
export const scoreDeclaration = (id: string, body: { expertId?: string; score: number; opinion: string }) => api.post<DeclarationDetail>(`${base}/declarations/${id}/scores`, body);
export const decideDeclaration = (id: string, body: { result: 'pass' | 'fail'; comment?: string; version: number }) => api.post<DeclarationDetail>(`${base}/declarations/${id}/result`, body);
export const raiseObjection = (id: string, body: { objector: string; content: string }) => api.post<DeclarationDetail>(`${base}/declarations/${id}/objections`, body);
export const resolveObjection = (id: string, body: { outcome: 'upheld' | 'dismissed'; resolution: string }) => api.post<DeclarationDetail>(`${base}/objections/${id}/resolution`, body);
