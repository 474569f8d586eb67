import { z } from 'zod';
import { boardItemKinds, jointTaskOutcomes, jointTaskStatuses } from '../../../domain/coordination';
import { safeText } from '../../../domain/text';
import { pageQuery, pageSchema } from '../../http/pagination';

const day = z.iso.date();
const dateTime = z.iso.datetime({ offset: true });
const int = z.number().int();

export const jointTaskListQuery = pageQuery.extend({
  status: z.enum(jointTaskStatuses).optional(),
  unitId: z.uuid().optional().describe('tasks this unit owns or helps on'),
  overdue: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .describe('only open tasks past their due day'),
  q: z.string().trim().max(60).optional(),
});

export const jointTaskCreateBody = z.object({
  title: safeText(z.string().trim().min(2).max(80)),
  description: safeText(z.string().trim().max(2000)).default(''),
  ownerUnitId: z.uuid(),
  helpers: z
    .array(z.object({ unitId: z.uuid(), part: safeText(z.string().trim().max(500)).default('') }))
    .min(1)
    .max(16),
  talentId: z.uuid().nullable().optional(),
  enterpriseId: z.uuid().nullable().optional(),
  dueOn: day.nullable().optional().describe('the due day; or give workingDays'),
  workingDays: z.number().int().min(1).max(120).nullable().optional().describe('a time limit in working days from today (the working-day calendar)'),
});

export const noteBody = z.object({
  text: safeText(z.string().trim().min(2).max(2000)),
  notedOn: day.optional().describe('the day the progress was made (default today, Beijing)'),
});

export const partBody = z.object({ done: z.boolean(), note: safeText(z.string().trim().max(1000)).default('') });
export const partParams = z.object({ id: z.uuid(), unitId: z.uuid() });

export const closeBody = z.object({
  outcome: z.enum(jointTaskOutcomes),
  note: safeText(z.string().trim().max(2000)).default(''),
  version: z.number().int().min(1),
});

const unitRef = z.object({ id: z.uuid(), name: z.string(), nameEn: z.string() });

export const jointTaskItem = z.object({
  id: z.uuid(),
  title: z.string(),
  owner: unitRef,
  talent: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  enterprise: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  dueOn: day,
  workingDays: int.nullable(),
  status: z.enum(jointTaskStatuses),
  overdue: z.boolean(),
  helpersDone: int,
  helpersTotal: int,
  createdAt: dateTime,
  version: int,
});
export const jointTaskPage = pageSchema(jointTaskItem);

export const jointTaskSchema = jointTaskItem.extend({
  description: z.string(),
  createdBy: z.string(),
  closingNote: z.string().nullable(),
  closedAt: dateTime.nullable(),
  helpers: z.array(unitRef.extend({ part: z.string(), done: z.boolean(), doneAt: dateTime.nullable(), doneBy: z.string().nullable(), doneNote: z.string() })),
  notes: z.array(z.object({ id: int, notedOn: day, text: z.string(), unit: z.object({ name: z.string(), nameEn: z.string() }).nullable(), author: z.string(), at: dateTime })),
  can: z
    .object({ note: z.boolean(), close: z.boolean(), reportParts: z.array(z.uuid()) })
    .describe('what the reader may do now: add a note, close or cancel (the owner unit or the office), report these helpers’ parts'),
});

export const boardQuery = z.object({ enterpriseId: z.uuid().optional().describe('the enterprise whose board to see (the office; enterprise HR: its own)') });

export const boardSchema = z.object({
  enterprise: z.object({ id: z.uuid(), name: z.string(), industry: z.string().nullable(), industryEn: z.string().nullable(), chain: z.string().nullable() }),
  items: z.array(
    z.object({
      kind: z.enum(boardItemKinds),
      id: z.string(),
      title: z.string(),
      link: z.string(),
      deadline: day.nullable(),
      since: day.nullable(),
      reasons: z.array(z.object({ text: z.string(), textEn: z.string() })).describe('why the item is on this enterprise’s board, in words'),
    }),
  ),
});
