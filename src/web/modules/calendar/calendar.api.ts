import type { CalendarDayInput, CalendarEntryKind, DayKind, DaySource } from '../../../domain/calendar';
import { api } from '../../app/api';

export type CalendarDay = { date: string; working: boolean; kind: DayKind; name: string | null; nameEn: string | null; source: DaySource | null };
export type CalendarRange = { from: string; to: string; workingDays: number; packageYears: { from: number; to: number }; days: CalendarDay[] };
export type CalendarOverride = { date: string; kind: CalendarEntryKind; name: string; nameEn: string | null; note: string | null; updatedAt: string };
export type JobRun = {
  job: string; runDate: string; status: 'running' | 'done' | 'failed'; attempts: number; instance: string;
  startedAt: string; finishedAt: string | null; result: Record<string, unknown> | null; error: string | null;
};

export const fetchCalendarYear = (year: number) => api.get<CalendarRange>('/api/calendar/days', { from: `${year}-01-01`, to: `${year}-12-31` });
export const fetchOverrides = (year: number) => api.get<{ year: number; items: CalendarOverride[] }>('/api/calendar/overrides', { year });
export const saveOverride = (date: string, input: CalendarDayInput) => api.put<CalendarOverride>(`/api/calendar/overrides/${date}`, input);
export const removeOverride = (date: string) => api.delete<null>(`/api/calendar/overrides/${date}`);
export const fetchJobRuns = () => api.get<{ items: JobRun[] }>('/api/calendar/job-runs');
