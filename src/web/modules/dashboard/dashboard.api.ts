import type { IndicatorCode, IndicatorGroup, IndicatorUnit, PeriodKind } from '../../../domain/dashboard';
import { api, apiDownload } from '../../app/api';

export type Figure = {
  code: IndicatorCode;
  group: IndicatorGroup;
  unit: IndicatorUnit;
  value: number | null;
  previousValue: number | null;
  change: number | null;
  plan: { target: number; yearToDate: number; version: number } | null;
  link: { path: string; query: Record<string, string> } | null;
  exact: boolean;
};
export type Dashboard = { period: string; kind: PeriodKind; from: string; to: string; previous: string; scope: 'zone' | 'enterprise'; indicators: Figure[] };
export type Screen = {
  at: string;
  today: string;
  month: Dashboard;
  year: Dashboard;
  trend: { month: string; arrived: number; left: number }[];
  talentsByStatus: Record<string, number>;
  organisationsByKind: Record<string, number>;
  platforms: { id: string; name: string; type: string; level: string; tenants: number; talents: number }[];
};
export type Plan = { indicator: IndicatorCode; planned: number; note: string; version: number };

export const fetchDashboard = (period: string) => api.get<Dashboard>('/api/dashboard', { period });
export const fetchScreen = () => api.get<Screen>('/api/dashboard/screen');
export const fetchPlans = (year: number) => api.get<{ year: number; plans: Plan[] }>(`/api/dashboard/plans/${year}`);
export const savePlan = (year: number, indicator: IndicatorCode, body: { planned: number; note: string; version: number }) =>
  api.put<Plan>(`/api/dashboard/plans/${year}/${indicator}`, body);
export const downloadReport = (period: string) => apiDownload('/api/dashboard/report', { period }, `talent-work-report-${period}.xlsx`);

/** The address of the list behind a figure, with its filters. */
export const linkOf = (link: NonNullable<Figure['link']>) => {
  const query = new URLSearchParams(link.query).toString();
  return query ? `${link.path}?${query}` : link.path;
};
