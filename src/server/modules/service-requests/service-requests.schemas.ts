import { z } from 'zod';
import { applicationStatuses, reviewDecisions } from '../../../domain/policies/policy';
import { caseActions, caseChannels } from '../../../domain/cases';
import { safeText } from '../../../domain/text';
import { pageQuery, pageSchema } from '../../http/pagination';

const dateTime = z.iso.datetime({ offset: true });
const int = z.number().int();
const version = z.number().int().min(1);

export const categorySchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  unitCode: z.string().nullable().describe('the routing rule: the unit a request of this category goes to'),
  unitName: z.string().nullable(),
  unitNameEn: z.string().nullable(),
  workingDays: int,
  version: int,
});
export const categoryList = z.array(categorySchema);
export const categoryParam = z.object({ code: z.string().trim().min(1).max(40) });
export const categoryBody = z.object({ unitCode: z.string().trim().min(1).max(20), workingDays: z.number().int().min(1).max(60), version });

export const serviceRequestBody = z.object({
  requestCategory: z.string().trim().min(1).max(40),
  requestTitle: safeText(z.string().trim().min(2).max(80)),
  requestText: safeText(z.string().trim().min(1).max(2000)),
  attachmentIds: z.array(z.uuid()).max(10).default([]),
  /** Staff recording at the window (代办) name the requester; a talent or enterprise raising it online leaves these out. */
  requesterKind: z.enum(['talent', 'enterprise']).optional(),
  requesterId: z.uuid().optional(),
});
export const decisionBody = z.object({
  decision: z.enum(reviewDecisions),
  comment: safeText(z.string().trim().max(1000)).default(''),
  internalNote: safeText(z.string().trim().max(1000)).default(''),
  version,
});
export const resubmitBody = z.object({ requestText: safeText(z.string().trim().min(1).max(2000)), attachmentIds: z.array(z.uuid()).max(10).default([]), version });
export const versionBody = z.object({ version });
export const reassignBody = z.object({ unitCode: z.string().trim().min(1).max(20), internalNote: safeText(z.string().trim().max(1000)).default(''), version });

export const serviceRequestListQuery = pageQuery.extend({
  status: z.enum(applicationStatuses).optional(),
  requestCategory: z.string().trim().max(40).optional(),
});

const unitName = z.object({ code: z.string(), name: z.string(), nameEn: z.string() });
const deadline = { dueAt: dateTime.nullable().describe('when the current step is due (working days)'), overdue: z.boolean() };
const category = z.object({ code: z.string(), name: z.string(), nameEn: z.string() });
const subject = z.object({ kind: z.enum(['talent', 'enterprise']), id: z.uuid(), name: z.string() });

export const serviceRequestItem = z.object({
  id: z.uuid(),
  category,
  title: z.string(),
  subject,
  channel: z.enum(caseChannels),
  status: z.enum(applicationStatuses),
  unitNames: z.array(unitName).describe('the units of the current step'),
  escalated: z.boolean(),
  ...deadline,
  submittedAt: dateTime,
});
export const serviceRequestPage = pageSchema(serviceRequestItem);

export const serviceRequestSchema = serviceRequestItem.extend({
  text: z.string(),
  steps: z.array(z.object({ name: z.string(), units: z.array(z.string()), unitNames: z.array(unitName), mode: z.enum(['all', 'any']), workingDays: int, state: z.enum(['done', 'current', 'waiting']) })),
  history: z.array(
    z.object({
      action: z.enum(caseActions),
      unit: z.string().nullable(),
      unitEn: z.string().nullable(),
      actor: z.string().nullable().describe('staff only'),
      comment: z.string(),
      internalNote: z.string().nullable().describe('staff only'),
      at: dateTime,
    }),
  ),
  attachments: z.array(z.object({ id: z.uuid(), requirement: z.string(), fileName: z.string(), mediaType: z.string(), size: int })),
  decidedAt: dateTime.nullable(),
  version: int,
  permissions: z.object({ handle: z.boolean(), resubmit: z.boolean(), withdraw: z.boolean(), reassign: z.boolean() }),
});
