import { z } from 'zod';
import { applicationStatuses } from '../../../domain/policies/policy';
import { caseActions, caseTypes, inboxTabs } from '../../../domain/cases';
import { pageQuery, pageSchema } from '../../http/pagination';

const dateTime = z.iso.datetime({ offset: true });
const unitName = z.object({ code: z.string(), name: z.string(), nameEn: z.string() });

export const inboxQuery = pageQuery.extend({ tab: z.enum(inboxTabs).default('todo') });
export const mineQuery = pageQuery;

export const caseItem = z.object({
  id: z.uuid(),
  type: z.enum(caseTypes),
  title: z.string().describe('the policy’s title, or the request’s own'),
  category: z.object({ code: z.string(), name: z.string(), nameEn: z.string() }).nullable().describe('a service request’s category'),
  subject: z.object({ kind: z.enum(['talent', 'enterprise']), id: z.uuid(), name: z.string() }),
  status: z.enum(applicationStatuses),
  stepName: z.string().nullable(),
  unitNames: z.array(unitName).describe('the units of the current step'),
  escalated: z.boolean(),
  dueAt: dateTime.nullable().describe('when the current step is due (working days)'),
  overdue: z.boolean(),
  submittedAt: dateTime,
  updatedAt: dateTime,
  link: z.string(),
});
export const inboxPage = pageSchema(caseItem);
export const minePage = pageSchema(
  caseItem.extend({
    timeline: z.array(z.object({ action: z.enum(caseActions), unit: z.string().nullable(), unitEn: z.string().nullable(), comment: z.string(), at: dateTime })),
  }),
);
