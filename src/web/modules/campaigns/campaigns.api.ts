import type { AppraisalOutcome, ApplicantState, CampaignStage, CampaignType, DemandStatus, ExecutiveStatus } from '../../../domain/demands';
import type { Degree, EducationLevel, Gender } from '../../../domain/dictionaries';
import { api, apiDownload, apiUpload, type Page } from '../../app/api';
import { xlsxMediaType } from '../imports/imports.api';

type Named = { code: string; name: string; nameEn: string };

export type CampaignItem = { id: string; type: CampaignType; name: string; year: number; stages: CampaignStage[]; planned: number; hired: number; applicants: number; createdAt: string };
export type CampaignPost = {
  id: string; title: string; discipline: Named; headcount: number; applicants: number; hired: number; enterprise: { id: string; name: string } | null;
  demand: { id: string; post: string; status: DemandStatus } | null;
};
export type CampaignDetail = CampaignItem & {
  plan: { discipline: Named; planned: number; hired: number }[];
  stageCounts: { stage: CampaignStage; inProgress: number; failed: number }[];
  posts: CampaignPost[];
  version: number;
};
export type Applicant = {
  id: string; number: number; name: string; gender: Gender; birthYear: number; idNumber: string; phone: string | null; education: EducationLevel; school: string; major: string; graduationYear: number;
  post: { id: string; title: string }; state: ApplicantState; stage: CampaignStage | null; results: { stage: CampaignStage; passed: boolean; score: number | null; at: string }[];
  talentId: string | null; hiredOn: string | null; version: number;
};
export type HireResult = { applicant: Applicant; talentId: string; talentCreated: boolean; executiveId: string | null };
export type ScoreUpload = { preview: boolean; updated: number; passed: number; failed: number };
export type ApplicantUpload = {
  preview: boolean; created: number;
  rows: { row: number; name: string; idNumber: string; education: EducationLevel; school: string; major: string; graduationYear: number; post: { id: string; title: string } }[];
};

export type CampaignPayload = { type: CampaignType; name: string; year: number; stages: CampaignStage[]; plan: { discipline: string; planned: number }[] };
export type PostPayload = { title: string; discipline: string; headcount: number; demandId: string | null; enterpriseId: string | null };
export type ApplicantPayload = { postId: string; name: string; idNumber: string; phone: string | null; education: EducationLevel; degree: Degree; school: string; major: string; graduationYear: number };
export type HirePayload = { hiredOn: string; term: { termStart: string; termEnd: string; agreementSalary: number } | null; version: number };

export const fetchCampaigns = (query: { page: number; pageSize: number; type?: CampaignType }) => api.get<Page<CampaignItem>>('/api/campaigns', query);
export const fetchCampaign = (id: string) => api.get<CampaignDetail>(`/api/campaigns/${id}`);
export const createCampaign = (body: CampaignPayload) => api.post<CampaignDetail>('/api/campaigns', body);
export const addPost = (id: string, body: PostPayload) => api.post<CampaignDetail>(`/api/campaigns/${id}/posts`, body);
export const fetchApplicants = (id: string, query: { page: number; pageSize: number; state?: ApplicantState; postId?: string }) => api.get<Page<Applicant>>(`/api/campaigns/${id}/applicants`, query);
export const addApplicant = (id: string, body: ApplicantPayload) => api.post<Applicant>(`/api/campaigns/${id}/applicants`, body);
export const recordResult = (id: string, applicantId: string, body: { stage: CampaignStage; passed: boolean; score: number | null; version: number }) =>
  api.post<Applicant>(`/api/campaigns/${id}/applicants/${applicantId}/results`, body);
export const withdrawApplicant = (id: string, applicantId: string, version: number) => api.post<Applicant>(`/api/campaigns/${id}/applicants/${applicantId}/withdrawal`, { version });
export const hireApplicant = (id: string, applicantId: string, body: HirePayload) => api.post<HireResult>(`/api/campaigns/${id}/applicants/${applicantId}/hire`, body);
export const downloadScoreTemplate = (id: string, stage: CampaignStage | undefined, fallbackName: string) => apiDownload(`/api/campaigns/${id}/scores/template`, { stage }, fallbackName);
/** The filled score sheet: `preview` checks it and answers what would be written; without, it is written (all rows or none). */
export const uploadScores = (id: string, file: File, preview: boolean) => apiUpload<ScoreUpload>(`/api/campaigns/${id}/scores`, file, xlsxMediaType, { preview: preview ? 'true' : 'false' });

export const downloadApplicantTemplate = (id: string, fallbackName: string) => apiDownload(`/api/campaigns/${id}/applicants/template`, undefined, fallbackName);
/** The filled applicant sheet: `preview` checks it and answers the rows; without, they are registered (all or none). */
export const uploadApplicants = (id: string, file: File, preview: boolean) => apiUpload<ApplicantUpload>(`/api/campaigns/${id}/applicants/import`, file, xlsxMediaType, { preview: preview ? 'true' : 'false' });
/** The roster (.xlsx), numbers masked. */
export const downloadApplicants = (id: string, fallbackName: string) => apiDownload(`/api/campaigns/${id}/applicants/export`, undefined, fallbackName);

export type ExecutiveItem = {
  id: string; talent: { id: string; name: string }; enterprise: { id: string; name: string } | null; post: string; termStart: string; termEnd: string; agreementSalary: number;
  status: ExecutiveStatus; remindedFor: string | null; version: number;
};
export type Appraisal = { id: string; cycle: string; targets: string; score: number; outcome: AppraisalOutcome; newSalary: number | null; newTermEnd: string | null; at: string };
export type ExecutiveDetail = ExecutiveItem & { appraisals: Appraisal[] };
export type AppraisalPayload = { cycle: string; targets: string; score: number; outcome: AppraisalOutcome; newSalary: number | null; newTermEnd: string | null; version: number };

export const fetchExecutives = (query: { page: number; pageSize: number; status?: ExecutiveStatus }) => api.get<Page<ExecutiveItem>>('/api/executives', query);
export const fetchExecutive = (id: string) => api.get<ExecutiveDetail>(`/api/executives/${id}`);
export const recordAppraisal = (id: string, body: AppraisalPayload) => api.post<ExecutiveDetail>(`/api/executives/${id}/appraisals`, body);
