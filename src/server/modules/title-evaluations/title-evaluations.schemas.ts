import { z } from 'zod';
import { titleLevels } from '../../../domain/dictionaries';
import { safeText } from '../../../domain/text';
import {
  publicityDaysRange, scoreRange, titleCheckOutcomes, titleDeclarationStatuses, titleObjectionStatuses, titleResults, titleRoundStatuses,
} from '../../../domain/title-evaluations/titles';
import { pageQuery, pageSchema } from '../../http/pagination';

const dateTime = z.iso.datetime({ offset: true });
const int = z.number().int();
const version = z.number().int().min(1);
const text = (max: number) => safeText(z.string().trim().min(1).max(max));

export const seriesSchema = z.object({ code: z.string(), name: z.string(), nameEn: z.string() });

const expertInput = z.object({
  name: text(40),
  userId: z.uuid().nullish().describe('a user who scores as themself; leave out for an outside expert whose scores the office records'),
  organisationId: z.uuid().nullish().describe('the expert’s organisation: an expert never scores a candidate of it (回避)'),
});
export const roundBody = z.object({
  year: z.number().int().min(2000).max(2100),
  series: z.string().trim().min(1).max(40),
  name: text(80),
  levels: z.array(z.enum(titleLevels)).min(1).max(titleLevels.length),
  declareFrom: z.iso.date(),
  declareTo: z.iso.date(),
  publicityDays: z.number().int().min(publicityDaysRange.min).max(publicityDaysRange.max),
  experts: z.array(expertInput).max(25).default([]),
});
export const roundUpdateBody = roundBody.extend({ version });
export const versionBody = z.object({ version });

const roundFields = {
  id: z.uuid(),
  year: int,
  series: z.string(),
  seriesName: z.string(),
  seriesNameEn: z.string(),
  name: z.string(),
  levels: z.array(z.enum(titleLevels)),
  declareFrom: z.iso.date(),
  declareTo: z.iso.date(),
  publicityDays: int,
  status: z.enum(titleRoundStatuses),
  publicityFrom: dateTime.nullable(),
  publicityUntil: dateTime.nullable().describe('the 公示 ends: publicityDays working days on the Chinese calendar after it began'),
  completedAt: dateTime.nullable(),
  version: int,
  declared: int,
  passed: int,
  enterprises: int,
};
export const roundSchema = z.object(roundFields);
export const roundPage = pageSchema(roundSchema);
export const roundListQuery = pageQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  series: z.string().trim().max(40).optional(),
  status: z.enum(titleRoundStatuses).optional(),
});

const figuresSchema = z.object({
  declared: int,
  passed: int,
  enterprises: int,
  bySeriesAndLevel: z.array(z.object({ series: z.string(), level: z.enum(titleLevels), declared: int, passed: int })),
});
export const roundDetailSchema = roundSchema.extend({
  experts: z.array(z.object({ id: z.uuid(), name: z.string(), userId: z.uuid().nullable(), organisationId: z.uuid().nullable(), organisationName: z.string().nullable() })),
  figures: figuresSchema,
});
export const zoneFiguresSchema = figuresSchema.extend({ years: z.array(int) });
export const figuresQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

const materials = z.array(z.object({ name: text(120) })).min(1).max(20);
export const declarationBody = z.object({ roundId: z.uuid(), talentId: z.uuid(), level: z.enum(titleLevels), materials });
export const resubmitBody = z.object({ level: z.enum(titleLevels), materials, version });
export const checkBody = z.object({ outcome: z.enum(titleCheckOutcomes), comment: safeText(z.string().trim().max(500)).optional(), version });
export const scoreBody = z.object({
  expertId: z.uuid().optional().describe('the expert whose score the office records; an expert scoring as themself leaves it out'),
  score: z.number().int().min(scoreRange.min).max(scoreRange.max),
  opinion: text(1000),
});
export const resultBody = z.object({ result: z.enum(titleResults), comment: safeText(z.string().trim().max(500)).optional(), version });
export const objectionBody = z.object({ objector: text(60), content: text(1000) });
export const resolutionBody = z.object({ outcome: z.enum(titleObjectionStatuses.filter((status) => status !== 'open') as ['upheld', 'dismissed']), resolution: text(1000) });

const declarationFields = {
  id: z.uuid(),
  roundId: z.uuid(),
  talentId: z.uuid(),
  talentName: z.string(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  level: z.enum(titleLevels),
  materials: z.array(z.object({ name: z.string() })),
  status: z.enum(titleDeclarationStatuses),
  checkComment: z.string().nullable(),
  resultComment: z.string().nullable(),
  averageScore: z.number().nullable(),
  scoreCount: int,
  openObjections: int,
  recordedAt: dateTime.nullable().describe('when the title was written into the talent’s record'),
  submittedAt: dateTime,
  version: int,
};
export const declarationSchema = z.object(declarationFields);
export const declarationPage = pageSchema(declarationSchema);
export const declarationListQuery = pageQuery.extend({ roundId: z.uuid().optional(), status: z.enum(titleDeclarationStatuses).optional() });
export const declarationDetailSchema = declarationSchema.extend({
  scores: z.array(z.object({ expertId: z.uuid(), expertName: z.string(), score: int, opinion: z.string() })).describe('staff only'),
  experts: z.array(z.object({ id: z.uuid(), name: z.string(), mine: z.boolean(), conflict: z.boolean().describe('回避: of the candidate’s enterprise'), scored: z.boolean() })).describe('staff only'),
  objections: z.array(z.object({ id: z.uuid(), objector: z.string(), content: z.string(), status: z.enum(titleObjectionStatuses), resolution: z.string().nullable(), recordedAt: dateTime })),
});
