import type { ArrivalRoute, Degree, EducationLevel, Gender, PoliticalStatus, SalaryBand, TalentStatus, TitleLevel } from '../../../domain/dictionaries';
import type { z } from 'zod';
import type { talentInput, talentUpdateInput } from '../../../domain/talent';
import { api, apiDownload, type Page } from '../../app/api';
import type { AuditEntry } from '../audit/audit.api';

type Named = { id: string; name: string };

export type TalentSummary = {
  id: string;
  name: string;
  gender: Gender;
  /** The birth date only comes with a reveal. */
  birthYear: number;
  /** Masked, the area code only: 140302************. */
  idNumber: string;
  /** Masked: 138****5678. */
  phone: string | null;
  highestEducation: EducationLevel | null;
  highestTitle: TitleLevel | null;
  employer: Named | null;
  employerName: string | null;
  post: string | null;
  industry: string | null;
  tier: string | null;
  arrivalRoute: ArrivalRoute;
  arrivedOn: string | null;
  status: TalentStatus;
  tags: string[];
  verified: boolean;
  updatedAt: string;
};

export type Education = {
  level: EducationLevel;
  degree: Degree;
  school: string;
  major: string;
  startYear: number | null;
  graduationYear: number;
  fullTime: boolean;
  overseas: boolean;
};
export type Title = { level: TitleLevel; series: string; name: string; year: number };
export type Certificate = { name: string; level: number; issuer: string; year: number };
export type StatusEntry = { status: TalentStatus; since: string; note: string; recordedBy: string | null };

export type TalentDetail = TalentSummary & {
  ethnicity: string | null;
  nativePlace: string | null;
  nativePlaceName: string | null;
  politicalStatus: PoliticalStatus | null;
  email: string | null;
  salaryBand: SalaryBand | null;
  statusSince: string | null;
  educations: Education[];
  titles: Title[];
  certificates: Certificate[];
  statusHistory: StatusEntry[];
  verification: { verifiedAt: string | null; fields: string[] };
  version: number;
  createdAt: string;
  permissions: { edit: boolean; reveal: boolean; verify: boolean; lockedFields: string[] };
};

export const talentSorts = ['relevance', 'name', '-name', 'arrivedOn', '-arrivedOn', 'updatedAt', '-updatedAt'] as const;
export type TalentSort = (typeof talentSorts)[number];

/** The list's filters, as the address and the API name them. */
export const talentFilterKeys = ['q', 'industry', 'education', 'title', 'tier', 'status', 'employer', 'arrivalRoute', 'tag', 'arrivedFrom', 'arrivedTo', 'statusFrom', 'statusTo'] as const;
export type TalentFilterKey = (typeof talentFilterKeys)[number];
export type TalentFilters = Partial<Record<TalentFilterKey, string>>;
export type TalentListQuery = TalentFilters & { sort?: TalentSort; page: number; pageSize: number };

/** The input the form sends: the shared schema's input (before its defaults and transforms). */
export type TalentPayload = z.input<typeof talentInput>;
/** An update: fields left out keep their stored values (the ID number and phone are sent only to replace them). */
export type TalentUpdatePayload = z.input<typeof talentUpdateInput>;
export type UpdateTalentPayload = TalentUpdatePayload & { version: number; statusSince?: string | null; statusNote?: string | null };

/** A page of the list; a search counts up to a limit, and `totalCapped` says there are more than `total` (超过 5,000 条). */
export type TalentPage = Page<TalentSummary> & { totalCapped: boolean };
/** A search for a full ID number or phone (an exact look-up, office only) carries the reason the office gave. */
export const fetchTalents = (query: TalentListQuery & { lookupReason?: string }) => api.get<TalentPage>('/api/talents', query);
export const fetchTalent = (id: string) => api.get<TalentDetail>(`/api/talents/${id}`);
export const createTalent = (input: TalentPayload, confirmPossibleDuplicate = false) =>
  api.post<TalentDetail>('/api/talents', confirmPossibleDuplicate ? { ...input, confirmPossibleDuplicate } : input);
export const updateTalent = (id: string, input: UpdateTalentPayload) => api.put<TalentDetail>(`/api/talents/${id}`, input);
export const revealTalent = (id: string, reason: string) => api.post<{ idNumber: string; phone: string | null; birthDate: string }>(`/api/talents/${id}/reveal`, { reason });
export const verifyTalent = (id: string, fields: string[]) => api.post<TalentDetail>(`/api/talents/${id}/verify`, { fields });
export const fetchTalentAudit = (id: string, page: number, pageSize: number) => api.get<Page<AuditEntry>>(`/api/talents/${id}/audit`, { page, pageSize });

/** Downloads the .xlsx of the list under the given filters; the office may add the unmasked numbers with a reason. */
export const exportTalents = (filters: TalentFilters & { sort?: TalentSort; lookupReason?: string }, fallbackName: string, reveal?: { reason: string }) =>
  apiDownload('/api/talents/export', { ...filters, ...(reveal ? { reveal: true, reason: reveal.reason } : {}) }, fallbackName);

/** The verifiable fields, in the order the office checks them (the server's list). */
export const verifiableFields = ['name', 'idNumber', 'gender', 'birthDate', 'educations', 'titles', 'certificates', 'employerId', 'post', 'arrivalRoute', 'arrivedOn', 'tier'] as const;
export type VerifiableField = (typeof verifiableFields)[number];
