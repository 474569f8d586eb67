import type { ContactForm, DepartureKind, DepartureReason, DestinationKind, FlowDimension, RiskSignal } from '../../../domain/retention';
import type { ApplicationStatus } from '../../../domain/policies/policy';
import { api, type Page } from '../../app/api';

export type Risk = { score: number; highRisk: boolean; contributions: { signal: RiskSignal; points: number; text: string; textEn: string }[] };
export type Pair = {
  id: string;
  talent: { id: string; name: string; employer: string | null; post: string | null; tier: string | null; status: string };
  leader: { id: string; name: string };
  basis: 'tier' | 'office';
  planMonths: number;
  pairedOn: string;
  lastContact: string | null;
  nextContact: string;
  overdue: boolean;
  openProblems: number;
  risk: Risk;
  version: number;
};
export type PairDetail = Pair & {
  contacts: { id: string; contactedOn: string; form: ContactForm; topics: string; problems: { title: string; caseId: string; status: ApplicationStatus }[] }[];
  tasks: (Risk & { id: string; createdOn: string; status: 'open' | 'done'; outcome: string | null; assigned: boolean })[];
};
export type ContactInput = {
  contactedOn: string; contactForm: ContactForm; topics: string; outcome?: string;
  problems: { requestCategory: string; requestTitle: string; requestText: string }[];
};
export type Departure = {
  id: string; talent: { id: string; name: string }; employer: string | null; leftOn: string; kind: DepartureKind; destinationRegion: string;
  destinationKind: DestinationKind; reasons: DepartureReason[]; exitInterview: string; recordedAt: string;
};
export type DepartureInput = Omit<Departure, 'id' | 'talent' | 'employer' | 'recordedAt'> & { talentId: string };
export type Flows = {
  from: string; to: string; dimension: FlowDimension;
  monthly: { month: string; inflow: number; outflow: number; net: number }[];
  groups: { key: string; label: string | null; inflow: number; outflow: number; net: number }[];
};
type Metrics = { topDecileCaptured: number; topDecileCapture: number; top50Leavers: number; precisionAt50: number };
export type Backtest = {
  from: string; to: string; horizonMonths: number; talents: number; events: number; loadMs: number; replayMs: number;
  model: { topDecileCapture: number; precisionAt50: number }; baseline: { topDecileCapture: number; precisionAt50: number };
  months: { month: string; population: number; leavers: number; model: Metrics; baseline: Metrics }[];
};
export type RiskItem = Risk & { talentId: string; name: string; employer: string | null; tier: string | null; status: string };

export const fetchPairs = () => api.get<Pair[]>('/api/liaison/pairs');
export const fetchPair = (id: string) => api.get<PairDetail>(`/api/liaison/pairs/${id}`);
export const logContact = (id: string, input: ContactInput) => api.post<PairDetail>(`/api/liaison/pairs/${id}/contacts`, input);
export const fetchDepartures = (query: { page: number; pageSize: number }) => api.get<Page<Departure>>('/api/departures', query);
export const recordDeparture = (input: DepartureInput) => api.post<Departure>('/api/departures', input);
export const fetchFlows = (dimension: FlowDimension) => api.get<Flows>('/api/departures/flows', { dimension });
export const fetchBacktest = () => api.get<Backtest>('/api/retention/backtest');
export type VisitOutcomes = {
  routed: number; visited: number; visitedStayed: number; notVisited: number; notVisitedStayed: number;
  items: (Risk & {
    id: string; talent: { id: string; name: string }; createdOn: string; leader: string | null;
    visited: boolean; visitedOn: string | null; visitForm: ContactForm | null; outcome: string | null; stayed: boolean; leftOn: string | null;
  })[];
};
export const fetchVisitOutcomes = () => api.get<VisitOutcomes>('/api/retention/visit-outcomes');
export const fetchRisks = () => api.get<{ items: RiskItem[]; highRiskScore: number }>('/api/retention/risks', { limit: 50 });
export const routeHighRisk = () => api.post<{ routed: number }>('/api/retention/routing');
