import { z } from 'zod';
import { nominationStatuses, selectionNominators, selectionObjectionStatuses, selectionStatuses } from '../../../domain/selections';
import { safeText } from '../../../domain/text';
import { pageQuery, pageSchema } from '../../http/pagination';

const dateTime = z.iso.datetime({ offset: true });
const day = z.iso.date();
const int = z.number().int();
const version = z.number().int().min(1);
const text = (max: number) => safeText(z.string().trim().min(1).max(max));

export const kindSchema = z.object({ code: z.string(), name: z.string(), nameEn: z.string() });

const expertInput = z.object({
  name: text(40),
  userId: z.uuid().nullish().describe('a user who scores as themself; leave out for an outside expert whose scores the office records'),
  organisationId: z.uuid().nullish().describe('the expert’s organisation: an expert never scores a nominee employed or nominated by it (回避)'),
});
export const selectionBody = z.object({
  kind: z.string().trim().min(1).max(40),
  year: z.number().int().min(2000).max(2100),
  title: text(80),
  titleEn: text(160),
  honour: text(60),
  honourEn: text(120),
  quota: z.number().int().min(1).max(500),
  policyId: z.uuid(),
  nominateFrom: day,
  nominateTo: day,
  publicityDays: z.number().int().min(5).max(20),
  experts: z.array(expertInput).max(25).default([]),
});
export const versionBody = z.object({ version });
export const nominateBody = z.object({ talentId: z.uuid(), reason: text(1000) });
export const scoreBody = z.object({
  expertId: z.uuid().optional().describe('the office records a named expert’s score; an expert who is a user leaves it out'),
  score: z.number().int().min(0).max(100),
  opinion: text(1000),
});
export const objectionBody = z.object({ objector: text(60), content: text(1000) });
export const resolutionBody = z.object({ outcome: z.enum(['upheld', 'dismissed']), resolution: text(1000) });

const eligibilitySchema = z
  .object({ eligible: z.boolean(), asOf: day, policyVersionId: z.uuid(), reasons: z.array(z.object({ met: z.boolean(), zh: z.string(), en: z.string() })) })
  .nullable()
  .describe('the policy rule’s answer on the nominee’s facts when checked: each condition met or missed, in both languages');

const nominationFields = {
  id: z.uuid(),
  selectionId: z.uuid(),
  talent: z.object({ id: z.uuid(), name: z.string(), employerName: z.string().nullable() }),
  nominator: z.object({ kind: z.enum(selectionNominators), name: z.string().nullable(), nameEn: z.string().nullable() }),
  reason: z.string(),
  status: z.enum(nominationStatuses),
  eligibility: eligibilitySchema,
  averageScore: z.number().nullable(),
  scoreCount: int,
  rank: int.nullable().describe('by average score among the eligible, ties sharing a rank; set when the 公示 begins'),
  openObjections: int,
  recordedAt: dateTime.nullable().describe('when the honour was written onto the profile'),
  nominatedAt: dateTime,
  version: int,
};
const scoreSchema = z.object({ expertId: z.uuid(), expertName: z.string(), score: int, opinion: z.string() });
export const nominationSchema = z.object({
  ...nominationFields,
  scores: z.array(scoreSchema).describe('staff only'),
  objections: z.array(z.object({ id: z.uuid(), objector: z.string(), content: z.string(), status: z.enum(selectionObjectionStatuses), resolution: z.string().nullable(), recordedAt: dateTime })),
});

const selectionFields = {
  id: z.uuid(),
  kind: z.string(),
  kindName: z.string(),
  kindNameEn: z.string(),
  year: int,
  title: z.string(),
  titleEn: z.string(),
  honour: z.string(),
  honourEn: z.string(),
  quota: int,
  policy: z.object({ id: z.uuid(), title: z.string() }),
  nominateFrom: day,
  nominateTo: day,
  publicityDays: int,
  status: z.enum(selectionStatuses),
  publicityFrom: dateTime.nullable(),
  publicityUntil: dateTime.nullable().describe('the 公示 ends: publicityDays working days on the Chinese calendar after it began'),
  completedAt: dateTime.nullable(),
  nominated: int.describe('nominations the reader may see'),
  selected: int,
  canNominate: z.boolean(),
  version: int,
};
export const selectionSchema = z.object(selectionFields);
export const selectionPage = pageSchema(selectionSchema);
export const selectionListQuery = pageQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  kind: z.string().trim().max(40).optional(),
  status: z.enum(selectionStatuses).optional(),
});
export const selectionDetailSchema = z.object({
  ...selectionFields,
  experts: z.array(z.object({ id: z.uuid(), name: z.string(), userId: z.uuid().nullable(), organisationId: z.uuid().nullable(), organisationName: z.string().nullable(), mine: z.boolean() })),
  nominations: z.array(
    z.object({
      ...nominationFields,
      scores: z.array(scoreSchema),
      myScore: int.nullable(),
      abstain: z.boolean().describe('the reader, an expert, must abstain from this nominee (回避)'),
      abstaining: z.array(z.uuid()).describe('staff: the experts who abstain from this nominee'),
    }),
  ),
  permissions: z.object({ manage: z.boolean(), score: z.boolean() }),
});
export const honourSchema = z.object({
  id: z.uuid(), name: z.string(), nameEn: z.string(), year: int, awardedOn: day, selectionId: z.uuid().nullable(), kindName: z.string().nullable(), kindNameEn: z.string().nullable(),
});
