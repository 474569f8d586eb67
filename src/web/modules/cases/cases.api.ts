import type { CaseAction, CaseChannel, CaseType, InboxTab, RequestTiming, SubtaskDecision, SubtaskStatus } from '../../../domain/cases';
import type { ApplicationStatus, ReviewDecision } from '../../../domain/policies/policy';
import { api, apiDownload, apiUpload, type Page } from '../../app/api';

export type UnitName = { code: string; name: string; nameEn: string };
export type CaseSummary = {
  id: string;
  type: CaseType;
  title: string;
  category: { code: string; name: string; nameEn: string } | null;
  subject: { kind: 'talent' | 'enterprise'; id: string; name: string };
  status: ApplicationStatus;
  stepName: string | null;
  unitNames: UnitName[];
  escalated: boolean;
  dueAt: string | null;
  overdue: boolean;
  submittedAt: string;
  updatedAt: string;
  link: string;
};
export type TimelineEntry = { action: CaseAction; unit: string | null; unitEn: string | null; comment: string; at: string };
export type MyCase = CaseSummary & { timeline: TimelineEntry[] };

export type Category = {
  code: string; name: string; nameEn: string; unitCode: string | null; unitName: string | null; unitNameEn: string | null; workingDays: number; active: boolean; version: number;
};
export type CategoryPayload = { unitCode: string; workingDays: number; active: boolean; categoryName: string; categoryNameEn: string; version: number };
export type Subtask = {
  id: string; unit: UnitName; task: string; workingDays: number; status: SubtaskStatus; note: string; startedAt: string; dueAt: string; overdue: boolean; escalated: boolean;
  decidedAt: string | null; canDecide: boolean;
};
export type Attachment = { id: string; requirement: string; fileName: string; mediaType: string; size: number };
export type ServiceRequestSummary = Omit<CaseSummary, 'type' | 'stepName' | 'updatedAt' | 'link' | 'category'> & { category: { code: string; name: string; nameEn: string }; channel: CaseChannel };
export type ServiceRequestDetail = ServiceRequestSummary & {
  text: string;
  history: { action: CaseAction; unit: string | null; unitEn: string | null; actor: string | null; comment: string; internalNote: string | null; at: string }[];
  attachments: Attachment[];
  decidedAt: string | null;
  version: number;
  subtasks: Subtask[];
  rating: { score: number; comment: string; ratedAt: string } | null;
  reopened: boolean;
  permissions: { handle: boolean; resubmit: boolean; withdraw: boolean; reassign: boolean; split: boolean; rate: boolean; reopen: boolean };
};
/** The list's filters beyond status, as the address and the API name them (the performance table links with them). */
export const requestFilterKeys = ['unitCode', 'decidedFrom', 'decidedTo', 'timing', 'rating'] as const;
export type RequestFilters = { unitCode?: string; decidedFrom?: string; decidedTo?: string; timing?: RequestTiming; rating?: 'rated' | 'satisfied' };
export type PerformanceRow = {
  unitCode: string; unitName: string; unitNameEn: string; handled: number; onTime: number; onTimeRate: number | null; averageWorkingDays: number | null; rated: number;
  satisfied: number; satisfiedRate: number | null; averageScore: number | null; open: number; overdue: number;
};
export type RaisePayload = { requestCategory: string; requestTitle: string; requestText: string; attachmentIds: string[]; requesterKind?: 'talent' | 'enterprise'; requesterId?: string };

export const fetchInbox = (query: { tab: InboxTab; page: number; pageSize: number }) => api.get<Page<CaseSummary>>('/api/cases/inbox', query);
export const fetchMyCases = (query: { page: number; pageSize: number }) => api.get<Page<MyCase>>('/api/cases/mine', query);
export const fetchCategories = () => api.get<Category[]>('/api/service-requests/categories');
export const fetchServiceRequests = (query: RequestFilters & { page: number; pageSize: number; status?: ApplicationStatus }) => api.get<Page<ServiceRequestSummary>>('/api/service-requests', query);
export const fetchServiceRequest = (id: string) => api.get<ServiceRequestDetail>(`/api/service-requests/${id}`);
export const raiseServiceRequest = (payload: RaisePayload) => api.post<ServiceRequestDetail>('/api/service-requests', payload);
export const decideServiceRequest = (id: string, payload: { decision: ReviewDecision; comment: string; internalNote: string; version: number }) =>
  api.post<ServiceRequestDetail>(`/api/service-requests/${id}/decision`, payload);
export const resubmitServiceRequest = (id: string, payload: { requestText: string; attachmentIds: string[]; version: number }) =>
  api.post<ServiceRequestDetail>(`/api/service-requests/${id}/resubmit`, payload);
export const withdrawServiceRequest = (id: string, version: number) => api.post<ServiceRequestDetail>(`/api/service-requests/${id}/withdraw`, { version });
export const splitServiceRequest = (id: string, payload: { subtasks: { unitCode: string; task: string; workingDays: number }[]; version: number }) =>
  api.post<ServiceRequestDetail>(`/api/service-requests/${id}/subtasks`, payload);
export const decideSubtask = (id: string, subtaskId: string, payload: { decision: SubtaskDecision; note: string }) =>
  api.post<ServiceRequestDetail>(`/api/service-requests/${id}/subtasks/${subtaskId}/decision`, payload);
export const rateServiceRequest = (id: string, payload: { score: number; comment: string }) => api.post<ServiceRequestDetail>(`/api/service-requests/${id}/rating`, payload);
export const reopenServiceRequest = (id: string, payload: { comment: string; version: number }) => api.post<ServiceRequestDetail>(`/api/service-requests/${id}/reopen`, payload);
export const fetchPerformance = (query: { from: string; to: string }) => api.get<{ from: string; to: string; rows: PerformanceRow[] }>('/api/service-requests/performance', query);
export const updateCategory = (code: string, payload: CategoryPayload) => api.put<Category>(`/api/service-requests/categories/${code}`, payload);
export const uploadRequestFile = (file: File) => apiUpload<Attachment>('/api/attachments', file, file.type || 'application/octet-stream', { requirement: 'other', fileName: file.name });
export const downloadRequestFile = (file: Attachment) => apiDownload(`/api/attachments/${file.id}`, undefined, file.fileName);
