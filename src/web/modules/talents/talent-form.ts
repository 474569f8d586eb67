import dayjs, { type Dayjs } from 'dayjs';
import type { ArrivalRoute, Degree, EducationLevel, PoliticalStatus, SalaryBand, TalentStatus, TitleLevel } from '../../../domain/dictionaries';
import type { Reference } from '../reference/reference.api';
import { regionPath } from '../reference/reference.api';
import type { TalentDetail, TalentPayload, TalentUpdatePayload } from './talents.api';

export type EducationValues = {
  level?: EducationLevel;
  degree?: Degree;
  school?: string;
  major?: string;
  startYear?: number | null;
  graduationYear?: number | null;
  fullTime?: boolean;
  overseas?: boolean;
};
export type TitleValues = { level?: TitleLevel; series?: string; name?: string; year?: number | null };
export type CertificateValues = { name?: string; level?: number; issuer?: string; year?: number | null };
export type EmployerMode = 'zone' | 'outside';

/** The form's values: the payload's names, with pickers' own value types (dates, the province → city path). */
export type TalentFormValues = {
  name?: string;
  idNumber?: string;
  ethnicity?: string | null;
  nativePlace?: string[] | null;
  politicalStatus?: PoliticalStatus | null;
  phone?: string;
  email?: string;
  educations?: EducationValues[];
  titles?: TitleValues[];
  certificates?: CertificateValues[];
  employerMode?: EmployerMode;
  employerId?: string | null;
  employerName?: string;
  post?: string;
  industry?: string | null;
  salaryBand?: SalaryBand | null;
  arrivalRoute?: ArrivalRoute;
  arrivedOn?: Dayjs | null;
  tier?: string | null;
  tags?: string[];
  status?: TalentStatus;
  statusSince?: Dayjs | null;
  statusNote?: string;
};

/** The form's fields as dotted paths (`*` for a list index), to place the server's and the schema's messages. */
export const talentFormFields = [
  'name', 'idNumber', 'ethnicity', 'nativePlace', 'politicalStatus', 'phone', 'email',
  'educations.*.level', 'educations.*.degree', 'educations.*.school', 'educations.*.major', 'educations.*.startYear', 'educations.*.graduationYear',
  'titles.*.level', 'titles.*.series', 'titles.*.name', 'titles.*.year',
  'certificates.*.name', 'certificates.*.level', 'certificates.*.issuer', 'certificates.*.year',
  'employerId', 'employerName', 'post', 'industry', 'salaryBand', 'arrivalRoute', 'arrivedOn', 'tier', 'tags', 'status', 'statusSince', 'statusNote',
] as const;

const blank = (value: string | null | undefined) => {
  const text = value?.trim();
  return text ? text : null;
};
const dateOf = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);

/** The values of a new record: in the zone, no lists yet. */
export const emptyTalentValues = (employerId: string | null): TalentFormValues => ({
  employerMode: 'zone',
  employerId,
  status: 'inZone',
  educations: [],
  titles: [],
  certificates: [],
  tags: [],
});

/**
 * A stored record as form values. The ID number and phone come masked: the form shows them so and leaves them out of
 * the update unless they are replaced (the inputs start empty).
 */
export function talentValues(talent: TalentDetail, reference: Reference | undefined): TalentFormValues {
  return {
    name: talent.name,
    idNumber: '',
    ethnicity: talent.ethnicity,
    nativePlace: regionPath(reference, talent.nativePlace) ?? null,
    politicalStatus: talent.politicalStatus,
    phone: '',
    email: talent.email ?? '',
    educations: talent.educations.map((education) => ({ ...education })),
    titles: talent.titles.map((title) => ({ ...title })),
    certificates: talent.certificates.map((certificate) => ({ ...certificate })),
    employerMode: talent.employer || !talent.employerName ? 'zone' : 'outside',
    employerId: talent.employer?.id ?? null,
    employerName: talent.employerName ?? '',
    post: talent.post ?? '',
    industry: talent.industry,
    salaryBand: talent.salaryBand,
    arrivalRoute: talent.arrivalRoute,
    arrivedOn: talent.arrivedOn ? dayjs(talent.arrivedOn) : null,
    tier: talent.tier,
    tags: [...talent.tags],
    status: talent.status,
    statusSince: null,
    statusNote: '',
  };
}

/**
 * The form's values as the API's input, before validation: empty texts become null, the city of the native place is
 * kept, one of employer or outside employer is sent. Gender and birth date are not sent: the ID number gives them.
 */
export function talentPayload(values: TalentFormValues): TalentPayload {
  const mode = values.employerMode ?? 'zone';
  return {
    name: values.name ?? '',
    idNumber: values.idNumber?.trim() ?? '',
    ethnicity: (values.ethnicity ?? null) as TalentPayload['ethnicity'],
    nativePlace: values.nativePlace?.[values.nativePlace.length - 1] ?? null,
    politicalStatus: values.politicalStatus ?? null,
    phone: blank(values.phone),
    email: blank(values.email),
    educations: (values.educations ?? []).map((education) => ({
      level: education.level as EducationLevel,
      degree: education.degree ?? 'none',
      school: education.school ?? '',
      major: education.major ?? '',
      startYear: education.startYear ?? null,
      graduationYear: education.graduationYear as number,
      fullTime: education.fullTime ?? true,
      overseas: education.overseas ?? false,
    })),
    titles: (values.titles ?? []).map((title) => ({ level: title.level as TitleLevel, series: title.series ?? '', name: title.name ?? '', year: title.year as number })),
    certificates: (values.certificates ?? []).map((certificate) => ({
      name: certificate.name ?? '',
      level: certificate.level as number,
      issuer: certificate.issuer ?? '',
      year: certificate.year as number,
    })),
    employerId: mode === 'zone' ? (values.employerId ?? null) : null,
    employerName: mode === 'outside' ? blank(values.employerName) : null,
    post: blank(values.post),
    industry: values.industry ?? null,
    salaryBand: values.salaryBand ?? null,
    arrivalRoute: values.arrivalRoute as ArrivalRoute,
    arrivedOn: dateOf(values.arrivedOn),
    tier: values.tier ?? null,
    tags: values.tags ?? [],
    status: values.status ?? 'inZone',
  };
}

export const statusChangeOf = (values: TalentFormValues) => ({ statusSince: dateOf(values.statusSince), statusNote: blank(values.statusNote) });

/** Which of the numbers shown masked an edit replaces; the others are left out of the update (kept as stored). */
export type Replacing = { idNumber: boolean; phone: boolean };

/**
 * The form's values as an update: every field, but the ID number and the phone only when replaced (an empty phone then
 * clears it). Gender and birth date are not sent: the ID number gives them.
 */
export function talentUpdatePayload(values: TalentFormValues, replacing: Replacing): TalentUpdatePayload {
  const { idNumber, phone, ...rest } = talentPayload(values);
  return { ...rest, ...(replacing.idNumber ? { idNumber } : {}), ...(replacing.phone ? { phone } : {}) };
}
