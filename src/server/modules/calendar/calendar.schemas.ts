import { z } from 'zod';
import { calendarDayInput, calendarEntryKinds } from '../../../domain/calendar';

/** A calendar date the calendar keeps (2000–2099: the package starts in 2004, the office enters years ahead). */
export const calendarDate = z.iso.date().refine((date) => date >= '2000-01-01' && date <= '2099-12-31', { params: { code: 'invalidValue' }, message: 'out of range' });

export const rangeQuery = z.object({ from: calendarDate, to: calendarDate });
export const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2099) });
export const dateParam = z.object({ date: calendarDate });

export const calendarDayBody = calendarDayInput;

const dayKind = z.enum(['workday', 'weekend', 'holiday', 'makeUp']);

export const dayStatusSchema = z.object({
  date: z.string(),
  working: z.boolean(),
  kind: dayKind,
  name: z.string().nullable(),
  nameEn: z.string().nullable(),
  source: z.enum(['package', 'office']).nullable(),
});

export const rangeSchema = z.object({
  from: z.string(),
  to: z.string(),
  workingDays: z.number().int().describe('working days in the range, both ends included'),
  packageYears: z.object({ from: z.number().int(), to: z.number().int() }).describe('the years the chinese-days package covers; later years count weekends only until the office enters them'),
  days: z.array(dayStatusSchema),
});

export const overrideSchema = z.object({
  date: z.string(),
  kind: z.enum(calendarEntryKinds),
  name: z.string(),
  nameEn: z.string().nullable(),
  note: z.string().nullable(),
  updatedAt: z.iso.datetime(),
});

export const jobRunSchema = z.object({
  job: z.string(),
  runDate: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  attempts: z.number().int(),
  instance: z.string(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  result: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().nullable(),
});
