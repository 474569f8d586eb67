import type { TrainingClassKind, TrainingClassStatus, TrainingOrderStatus } from '../../../domain/growth';
import { api, apiUpload, type Page } from '../../app/api';

type Named = { id: string; name: string };

export type TrainingOrder = {
  id: string;
  enterprise: Named;
  skill: string;
  headcount: number;
  deadline: string;
  demandId: string | null;
  provider: Named | null;
  status: TrainingOrderStatus;
  enrolled: number;
  certified: number;
  placed: number;
  fulfilmentRate: number;
  createdAt: string;
};
export type TrainingClassItem = {
  id: string;
  kind: TrainingClassKind;
  name: string;
  orderId: string | null;
  provider: Named;
  enterprise: Named | null;
  skill: string;
  certificateName: string | null;
  certificateLevel: number | null;
  startsOn: string;
  endsOn: string;
  status: TrainingClassStatus;
  trainees: number;
  certified: number;
  placed: number;
};
export type TrainingOrderDetail = TrainingOrder & { note: string; classes: TrainingClassItem[]; version: number; permissions: { manage: boolean } };
export type Enrolment = {
  id: string;
  classId: string;
  talent: Named;
  enrolledOn: string;
  attended: number;
  sessions: number;
  assessmentScore: number | null;
  assessmentPassed: boolean | null;
  assessedOn: string | null;
  certificateNumber: string | null;
  certificateIssuedOn: string | null;
  placedEnterprise: Named | null;
  placedOn: string | null;
  version: number;
};
export type TrainingClassDetail = TrainingClassItem & {
  order: { id: string; skill: string; headcount: number } | null;
  sessions: { id: string; heldOn: string; topic: string; lecturer: string; present: string[] }[];
  enrolments: Enrolment[];
  version: number;
  permissions: { manage: boolean };
};
export type TrainingRecord = {
  enrolmentId: string;
  class: { id: string; name: string; kind: TrainingClassKind };
  provider: string;
  certificateName: string | null;
  certificateNumber: string | null;
  certificateIssuedOn: string | null;
  placedOn: string | null;
};
export type Provider = { id: string; name: string; kind: string };

export type OrderInput = { enterpriseId?: string; skill: string; headcount: number; deadline: string; note?: string };
export type ClassInput = {
  kind: TrainingClassKind; className: string; orderId?: string | null; providerId: string; enterpriseId?: string | null; skill?: string; certificateName?: string | null;
  certificateLevel?: number | null; startsOn: string; endsOn: string;
};
export type NewTrainee = { name: string; idNumber: string; phone?: string; arrivalRoute: 'localTraining' };

export const fetchProviders = () => api.get<Provider[]>('/api/training-providers');
export const fetchOrders = (query: { status?: TrainingOrderStatus; page: number; pageSize: number }) => api.get<Page<TrainingOrder>>('/api/training-orders', query);
export const fetchOrder = (id: string) => api.get<TrainingOrderDetail>(`/api/training-orders/${id}`);
export const fileOrder = (input: OrderInput) => api.post<TrainingOrderDetail>('/api/training-orders', input);
export const matchProvider = (id: string, input: { providerId: string; version: number }) => api.post<TrainingOrderDetail>(`/api/training-orders/${id}/provider`, input);
export const fetchClasses = (query: { kind?: TrainingClassKind; page: number; pageSize: number }) => api.get<Page<TrainingClassItem>>('/api/training-classes', query);
export const fetchClass = (id: string) => api.get<TrainingClassDetail>(`/api/training-classes/${id}`);
export const openClass = (input: ClassInput) => api.post<TrainingClassDetail>('/api/training-classes', input);
export const addSession = (id: string, input: { heldOn: string; topic: string; lecturer?: string }) => api.post<TrainingClassDetail>(`/api/training-classes/${id}/sessions`, input);
export const saveAttendance = (id: string, sessionId: string, presentEnrolmentIds: string[]) =>
  api.put<TrainingClassDetail>(`/api/training-classes/${id}/sessions/${sessionId}/attendance`, { presentEnrolmentIds });
export const enrol = (id: string, input: { talentId?: string; newTalent?: NewTrainee }) => api.post<TrainingClassDetail>(`/api/training-classes/${id}/enrolments`, input);
export const assess = (id: string, input: { score: number; passed: boolean; assessedOn: string; version: number }) => api.put<TrainingClassDetail>(`/api/training-enrolments/${id}/assessment`, input);
export const certify = (id: string, input: { issuedOn: string; version: number }) => api.post<TrainingClassDetail>(`/api/training-enrolments/${id}/certificate`, input);
export const place = (id: string, input: { placedOn: string; version: number }) => api.post<TrainingClassDetail>(`/api/training-enrolments/${id}/placement`, input);
export const fetchTrainingRecords = (talentId: string) => api.get<TrainingRecord[]>('/api/training-records', { talentId });
export const importTrainees = (classId: string, file: File) =>
  apiUpload<{ enrolled: number; registered: number; skipped: number }>(`/api/training-classes/${classId}/enrolments/import`, file, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
