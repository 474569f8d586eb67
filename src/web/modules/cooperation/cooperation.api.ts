import type {
  CooperationKind, CooperationStatus, ExpertKind, FollowUpStatus, InternEvaluation, PlatformLevel, PlatformType, ProjectStatus, TransferStage,
} from '../../../domain/cooperation';
import { api, apiDownload, type Page } from '../../app/api';

type Named = { id: string; name: string };
type Paging = { page: number; pageSize: number };

export type Project = { id: string; name: string; investor: string; industry: string; amount: number; status: ProjectStatus; signedOn: string | null; teams: number; experts: number };
export type Team = {
  id: string; organisationId: string; name: string; industry: string | null; leader: Named | null; project: Named | null; serviceFrom: string; serviceTo: string | null;
  members: number; experts: number;
};
export type Expert = {
  id: string; name: string; kind: ExpertKind; field: string; affiliation: string; talentId: string | null; team: Named | null; project: Named | null;
  engagementTerms: string; engagedFrom: string; engagedTo: string | null; serviceDays: number; outputs: string; version: number;
};
export type Consultation = { id: string; topic: string; enterprise: Named; heldOn: string; experts: Named[]; recommendations: string; followUpStatus: FollowUpStatus };
export type University = { id: string; name: string; agreement: { signedOn: string; scope: string; contacts: string } | null; items: number; bases: number; interns: number };
export type UniversityDetail = University & { itemList: { id: string; kind: CooperationKind; title: string; status: CooperationStatus; startedOn: string | null; enterprise: Named | null }[] };
export type InternshipBase = { id: string; enterprise: Named; university: Named; establishedOn: string; capacity: number; interns: number; hired: number };
export type Internship = {
  id: string; baseId: string; enterprise: Named; university: Named; studentName: string; major: string; periodFrom: string; periodTo: string; mentor: string;
  evaluation: InternEvaluation | null; hired: { talentId: string; name: string; hiredOn: string | null } | null; version: number;
};
export type TechTransfer = { id: string; technology: string; source: Named; enterprise: Named; stage: TransferStage; investment: number; startedOn: string; outputs: string };
export type Platform = { id: string; name: string; type: PlatformType; level: PlatformLevel; host: string; capacity: number; establishedOn: string | null; tenants: number; talents: number };
export type PlatformDetail = Platform & { tenantList: (Named & { since: string })[]; talentList: (Named & { post: string | null; since: string })[] };

export const fetchProjects = (query: Paging & { q?: string }) => api.get<Page<Project>>('/api/projects', query);
export const fetchTeams = (query: Paging & { q?: string }) => api.get<Page<Team>>('/api/teams', query);
export const fetchExperts = (query: Paging & { q?: string; kind?: ExpertKind }) => api.get<Page<Expert>>('/api/experts', query);
export const downloadExperts = (query: { q?: string; kind?: ExpertKind }) => apiDownload('/api/experts/export', query, 'experts.xlsx');
export const saveExpert = (expert: Expert, changes: { teamId?: string | null; projectId?: string | null; serviceDays?: number }) => {
  const { id, team, project, talentId, version, ...fields } = expert;
  return api.put<Expert>(`/api/experts/${id}`, { ...fields, talentId, teamId: team?.id ?? null, projectId: project?.id ?? null, ...changes, version });
};
export const fetchConsultations = (query: Paging) => api.get<Page<Consultation>>('/api/consultations', query);
export const fetchUniversities = (query: Paging & { q?: string }) => api.get<Page<University>>('/api/universities', query);
export const fetchUniversity = (id: string) => api.get<UniversityDetail>(`/api/universities/${id}`);
export const fetchBases = (query: Paging) => api.get<Page<InternshipBase>>('/api/internships/bases', query);
export const fetchInternships = (query: Paging & { q?: string; converted?: 'true' | 'false' }) => api.get<Page<Internship>>('/api/internships', query);
export const downloadInternships = (query: { q?: string; converted?: 'true' | 'false' }) => apiDownload('/api/internships/export', query, 'interns.xlsx');
export const recordInternship = (input: { baseId: string; studentName: string; major: string; periodFrom: string; periodTo: string; mentor: string; evaluation?: InternEvaluation | null }) =>
  api.post<Internship>('/api/internships', input);
export const convertInternship = (id: string, input: { talentId: string; hiredOn: string; version: number }) => api.post<Internship>(`/api/internships/${id}/conversion`, input);
export const fetchTransfers = (query: Paging & { stage?: TransferStage }) => api.get<Page<TechTransfer>>('/api/tech-transfers', query);
export const fetchPlatforms = (query: Paging & { type?: PlatformType }) => api.get<Page<Platform>>('/api/platforms', query);
export const fetchPlatform = (id: string) => api.get<PlatformDetail>(`/api/platforms/${id}`);
