import type { ApartmentLayout, ApartmentUnitStatus, LeaseStatus } from '../../../domain/apartments';
import type { CaseAction } from '../../../domain/cases';
import type { ApplicationStatus, ReviewDecision } from '../../../domain/policies/policy';
import type { Explanation } from '../../../domain/rules';
import { api, type Page } from '../../app/api';

type Counts = { units: number; vacant: number; reserved: number; occupied: number; maintenance: number; occupancyRate: number };
export type Building = Counts & { id: string; name: string; address: string; park: string; version: number };
export type ApartmentUnit = {
  id: string; buildingId: string; buildingName: string; number: string; layout: ApartmentLayout; area: number; furnished: boolean; monthlyRent: number; status: ApartmentUnitStatus;
  tenant: string | null; version: number;
};
export type Lease = {
  id: string; unitId: string; unitNumber: string; buildingName: string; layout: ApartmentLayout; monthlyRent: number; applicationId: string; talent: { id: string; name: string };
  status: LeaseStatus; startDate: string; endDate: string; moveInDate: string | null; moveOutDate: string | null; renewals: number; allocatedAt: string; version: number;
};
export type ApartmentApplication = {
  id: string; talent: { id: string; name: string; tier: string | null }; status: ApplicationStatus;
  preferences: { layout: ApartmentLayout | null; buildingId: string | null; buildingName: string | null; familySize: number; note: string };
  position: number | null; leaseId: string | null; dueAt: string | null; overdue: boolean; escalated: boolean; submittedAt: string; decidedAt: string | null;
};
export type ApplicationDetail = ApartmentApplication & {
  eligibility: Explanation | null;
  policy: { code: string; title: string; asOf: string };
  history: { action: CaseAction; unit: string | null; unitEn: string | null; actor: string | null; comment: string; internalNote: string | null; at: string }[];
  lease: Lease | null;
  waitingCount: number;
  version: number;
  permissions: { decide: boolean; resubmit: boolean; withdraw: boolean; allocate: boolean; manage: boolean };
};
export type Eligibility = { policy: { code: string; title: string }; status: 'eligible' | 'notEligible' | 'needsData'; explanation: Explanation; asOf: string };
export type Mine = { applications: ApartmentApplication[]; leases: Lease[]; waitingCount: number };
export type ApplyPayload = { preferredLayout: ApartmentLayout | null; preferredBuildingId: string | null; familySize: number; applicationNote: string };

export const fetchBuildings = () => api.get<{ items: Building[]; totals: Counts }>('/api/apartments/buildings');
export const fetchUnits = (query: { page: number; pageSize: number; buildingId?: string; unitStatus?: ApartmentUnitStatus; layout?: ApartmentLayout }) =>
  api.get<Page<ApartmentUnit>>('/api/apartments/units', query);
export const fetchWaitingList = () => api.get<{ items: (ApartmentApplication & { position: number })[] }>('/api/apartments/waiting-list');
export const fetchLeases = (query: { page: number; pageSize: number; leaseStatus?: LeaseStatus }) => api.get<Page<Lease>>('/api/apartments/leases', query);
export const fetchApplications = (query: { page: number; pageSize: number; status?: ApplicationStatus }) => api.get<Page<ApartmentApplication>>('/api/apartments/applications', query);
export const fetchApplication = (id: string) => api.get<ApplicationDetail>(`/api/apartments/applications/${id}`);
export const fetchEligibility = () => api.get<Eligibility>('/api/apartments/eligibility');
export const fetchMine = () => api.get<Mine>('/api/apartments/mine');
export const applyForApartment = (payload: ApplyPayload) => api.post<ApplicationDetail>('/api/apartments/applications', payload);
export const decideApplication = (id: string, payload: { decision: ReviewDecision; comment: string; internalNote: string; version: number }) =>
  api.post<ApplicationDetail>(`/api/apartments/applications/${id}/decision`, payload);
export const withdrawApplication = (id: string, version: number) => api.post<ApplicationDetail>(`/api/apartments/applications/${id}/withdraw`, { version });
export const allocate = (payload: { applicationId: string; apartmentId: string; startDate: string; endDate: string }) => api.post<Lease>('/api/apartments/allocations', payload);
export const moveIn = (id: string, payload: { moveInDate: string; version: number }) => api.post<Lease>(`/api/apartments/leases/${id}/move-in`, payload);
export const renew = (id: string, payload: { endDate: string; version: number }) => api.post<Lease>(`/api/apartments/leases/${id}/renewal`, payload);
export const moveOut = (id: string, payload: { moveOutDate: string; unitStatusAfter: 'vacant' | 'maintenance'; version: number }) => api.post<Lease>(`/api/apartments/leases/${id}/move-out`, payload);
