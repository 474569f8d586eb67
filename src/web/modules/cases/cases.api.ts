import type { CaseAction, CaseChannel, CaseType, InboxTab } from '../../../domain/cases';
import type { ApplicationStatus, ReviewDecision } from '../../../domain/policies/policy';
import { api, type Page } from '../../app/api';

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

export type Category = { code: string; name: string; nameEn: string; unitCode: string | null; unitName: string | null; unitNameEn: string | null; workingDays: number; version: number };
export type ServiceRequestSummary = Omit<CaseSummary, 'type' | 'stepName' | 'updatedAt' | 'link' | 'category'> & { category: { code: string; name: string; nameEn: string }; channel: CaseChannel };
export type ServiceRequestDetail = ServiceRequestSummary & {
  text: string;
  history: { action: CaseAction; unit: string | null; unitEn: string | null; actor: string | null; comment: string; internalNote: string | null; at: string }[];
  attachments: { id: string; requirement: string; fileName: string; mediaType: string; size: number }[];
  decidedAt: string | null;
  version: number;
  permissions: { handle: boolean; resubmit: boolean; withdraw: boolean; reassign: boolean };
};
export type RaisePayload = { requestCategory: string; requestTitle: string; requestText: string; attachmentIds: string[]; requesterKind?: 'talent' | 'enterprise'; requesterId?: string };

export const fetchInbox = (query: { tab: InboxTab; page: number; pageSize: number }) => api.get<Page<CaseSummary>>('/api/cases/inbox', query);
export const fetchMyCases = (query: { page: number; pageSize: number }) => api.get<Page<MyCase>>('/api/cases/mine', query);
export const fetchCategories = () => api.get<Category[]>('/api/service-requests/categories');
export const fetchServiceRequests = (query: { page: number; pageSize: number; status?: ApplicationStatus }) => api.get<Page<ServiceRequestSummary>>('/api/service-requests', query);
export const fetchServiceRequest = (id: string) => api.get<ServiceRequestDetail>(`/api/service-requests/${id}`);
export const raiseServiceRequest = (payload: RaisePayload) => api.post<ServiceRequestDetail>('/api/service-requests', payload);
export const decideServiceRequest = (id: string, payload: { decision: ReviewDecision; comment: string; internalNote: string; version: number }) =>
  api.post<ServiceRequestDetail>(`/api/service-requests/${id}/decision`, payload);
export const resubmitServiceRequest = (id: string, payload: { requestText: string; attachmentIds: string[]; version: number }) =>
  api.post<ServiceRequestDetail>(`/api/service-requests/${id}/resubmit`, payload);
export const withdrawServiceRequest = (id: string, version: number) => api.post<ServiceRequestDetail>(`/api/service-requests/${id}/withdraw`, { version });
