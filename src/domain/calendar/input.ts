import { z } from 'zod';
import { safeText } from '../text';
import { calendarEntryKinds } from './calendar';

/** An override as the office enters it (the date is in the path): shared by the API and the web form. */
export const calendarDayInput = z.strictObject({
  kind: z.enum(calendarEntryKinds).describe('holiday: a day off; workday: a working day (调休上班, or a holiday cancelled)'),
  name: safeText(z.string().trim().min(1).max(40)),
  nameEn: safeText(z.string().trim().max(80)).nullable().optional(),
  note: safeText(z.string().trim().max(200)).nullable().optional(),
});
export type CalendarDayInput = z.infer<typeof calendarDayInput>;
