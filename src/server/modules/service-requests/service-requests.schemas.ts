import { z } from 'zod';
import { applicationStatuses, reviewDecisions } from '../../../domain/policies/policy';
import { caseActions, caseChannels, requestTimings, subtaskDecisions, subtaskStatuses } from '../../../domain/cases';
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
  active: z.boolean().describe('switched off: no new requests of this category'),
  version: int,
});
export const categoryList = z.array(categorySchema);
export const categoryParam = z.object({ code: z.string().trim().min(1).max(40) });
export const categoryBody = z.object({
  unitCode: z.string().trim().min(1).max(20),
  workingDays: z.number().int().min(1).max(60),
  active: z.boolean().optional().describe('left out: unchanged'),
  categoryName: safeText(z.string().trim().min(2).max(40)).optional().describe('the label in Chinese; left out: unchanged'),
  categoryNameEn: safeText(z.string().trim().min(2).max(80)).optional().describe('the label in English; left out: unchanged'),
  version,
});

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

const isoDate = z.iso.date();
export const serviceRequestListQuery = pageQuery.extend({
  status: z.enum(applicationStatuses).optional(),
  requestCategory: z.string().trim().max(40).optional(),
  unitCode: z.string().trim().max(20).optional().describe('the unit of the current (or closing) step'),
  decidedFrom: isoDate.optional().describe('closed (办结 or 不予受理) on or after this Beijing date'),
  decidedTo: isoDate.optional().describe('closed on or before this Beijing date'),
  timing: z.enum(requestTimings).optional().describe('onTime / late: closed within / past the time limit; overdue: open and past it now'),
  rating: z.enum(['rated', 'satisfied']).optional().describe('rated; satisfied: rated 满意 or better'),
});

export const subtaskBody = z.object({
  subtasks: z
    .array(z.object({ unitCode: z.string().trim().min(1).max(20), task: safeText(z.string().trim().min(2).max(500)), workingDays: z.number().int().min(1).max(60) }))
    .min(1)
    .max(10),
  version,
});
export const subtaskParams = z.object({ id: z.uuid(), subtaskId: z.uuid() });
export const subtaskDecisionBody = z.object({ decision: z.enum(subtaskDecisions), note: safeText(z.string().trim().max(1000)).default('') });
export const ratingBody = z.object({ score: z.number().int().min(1).max(5).describe('5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意'), comment: safeText(z.string().trim().max(500)).default('') });
export const reopenBody = z.object({ comment: safeText(z.string().trim().min(2).max(1000)), version });

export const performanceQuery = z.object({ from: isoDate, to: isoDate });
export const performanceRow = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  unitNameEn: z.string(),
  handled: int.describe('closed in the period (办结 or 不予受理)'),
  onTime: int,
  onTimeRate: z.number().nullable().describe('share of handled within the time limit, 0–1'),
  averageWorkingDays: z.number().nullable().describe('working days from submission to closing, on average'),
  rated: int,
  satisfied: int.describe('rated 满意 or better'),
  satisfiedRate: z.number().nullable(),
  averageScore: z.number().nullable().describe('1 非常不满意 … 5 非常满意'),
  open: int.describe('in progress now'),
  overdue: int.describe('in progress now and past the time limit'),
});
export const performanceSchema = z.object({ from: isoDate, to: isoDate, rows: z.array(performanceRow) });

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
  subtasks: z.array(
    z.object({
      id: z.uuid(),
      unit: unitName,
      task: z.string(),
      workingDays: int,
      status: z.enum(subtaskStatuses),
      note: z.string(),
      startedAt: dateTime,
      dueAt: dateTime,
      overdue: z.boolean(),
      escalated: z.boolean(),
      decidedAt: dateTime.nullable(),
      canDecide: z.boolean().describe('the user may end it now (its unit; the office once escalated)'),
    }),
  ).describe('联办: parts handed to other units; the request closes when none is open'),
  rating: z.object({ score: z.number().int(), comment: z.string(), ratedAt: dateTime }).nullable(),
  reopened: z.boolean().describe('reopened once after an unsatisfied rating (a second time is refused)'),
  permissions: z.object({ handle: z.boolean(), resubmit: z.boolean(), withdraw: z.boolean(), reassign: z.boolean(), split: z.boolean(), rate: z.boolean(), reopen: z.boolean() }),
});
