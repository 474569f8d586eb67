import { z } from 'zod';
import { indicatorCodes, indicatorGroups, periodPattern } from '../../../domain/dashboard';
import { safeText } from '../../../domain/text';

const int = z.number().int();
export const periodQuery = z.object({ period: z.string().trim().regex(periodPattern).describe('a year (2026), a quarter (2026-Q4) or a month (2026-11)') });

const figureSchema = z.object({
  code: z.enum(indicatorCodes),
  group: z.enum(indicatorGroups),
  unit: z.enum(['count', 'yuan', 'rate', 'signed']),
  value: z.number().nullable().describe('null: nothing to measure (a rate of no requests)'),
  previousValue: z.number().nullable(),
  change: z.number().nullable(),
  plan: z.object({ target: int, yearToDate: z.number(), version: int }).nullable().describe("the year's target and the year to date up to the period's end"),
  link: z.object({ path: z.string(), query: z.record(z.string(), z.string()) }).nullable().describe('the list of the records behind the figure, with its filters'),
  exact: z.boolean().describe('the linked list is filtered to exactly the figure’s records'),
});

export const dashboardSchema = z.object({
  period: z.string(),
  kind: z.enum(['month', 'quarter', 'year']),
  from: z.string(),
  to: z.string(),
  previous: z.string(),
  scope: z.enum(['zone', 'enterprise']),
  indicators: z.array(figureSchema),
});

const counts = z.record(z.string(), z.number().int());
export const screenSchema = z.object({
  at: z.iso.datetime(),
  today: z.string(),
  month: dashboardSchema,
  year: dashboardSchema,
  trend: z.array(z.object({ month: z.string(), arrived: int, left: int })),
  talentsByStatus: counts,
  organisationsByKind: counts,
  platforms: z.array(z.object({ id: z.uuid(), name: z.string(), type: z.string(), level: z.string(), tenants: int, talents: int })),
});

export const planYearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const planParams = planYearParams.extend({ indicator: z.enum(indicatorCodes) });
export const planBody = z.object({
  planned: z.number().int().min(0).max(1_000_000_000_000),
  note: safeText(z.string().trim().max(200)).default(''),
  version: z.number().int().min(0).describe('0 to create the plan, else the version read'),
});
const planSchema = z.object({ indicator: z.enum(indicatorCodes), planned: int, note: z.string(), version: int });
export const plansSchema = z.object({ year: int, plans: z.array(planSchema) });
export { planSchema };
