import { expertKinds } from '../../../domain/cooperation';
import { candidateKinds } from './matching';
import { z } from 'zod';
import { demandInput, demandStatuses, demandUrgencies, fillChannels, matchFactors } from '../../../domain/demands';
import { chainSegments, educationLevels, salaryBands, titleLevels } from '../../../domain/dictionaries';
import { pageQuery, pageSchema } from '../../http/pagination';
import { talentSummarySchema } from '../talents/talents.schemas';

const named = z.object({ code: z.string(), name: z.string(), nameEn: z.string() });

export const dictionariesSchema = z.object({
  disciplines: z.array(named.extend({ keywords: z.array(z.string()) })),
  skills: z.array(z.object({ name: z.string(), nameEn: z.string(), synonyms: z.array(z.string()) })),
});

export const demandListQuery = pageQuery.extend({
  status: z.enum(demandStatuses).optional(),
  discipline: z.string().trim().max(40).optional(),
  industry: z.string().trim().max(40).optional(),
  chain: z.string().trim().max(40).optional(),
  enterpriseId: z.uuid().optional(),
});

export const demandSummaryQuery = z.object({ enterpriseId: z.uuid().optional() });

export const demandItem = z.object({
  id: z.uuid(),
  enterprise: z.object({ id: z.uuid(), name: z.string() }),
  post: z.string(),
  industry: named,
  chain: z.string().nullable(),
  chainSegment: z.enum(chainSegments).nullable(),
  discipline: named,
  education: z.enum(educationLevels).nullable(),
  title: z.enum(titleLevels).nullable(),
  minYears: z.number().int(),
  skills: z.array(z.string()),
  headcount: z.number().int(),
  filled: z.number().int(),
  salaryBand: z.enum(salaryBands).nullable(),
  urgency: z.enum(demandUrgencies),
  deadline: z.string().nullable(),
  status: z.enum(demandStatuses),
  createdAt: z.iso.datetime(),
  version: z.number().int(),
});
export const demandPage = pageSchema(demandItem);

export const demandSchema = demandItem.extend({
  description: z.string(),
  closedAt: z.iso.datetime().nullable(),
  fills: z.array(
    z.object({
      id: z.uuid(),
      channel: z.enum(fillChannels),
      count: z.number().int(),
      filledOn: z.string(),
      talent: z.object({ id: z.uuid(), name: z.string() }).nullable(),
      sourceId: z.uuid().nullable(),
      note: z.string(),
    }),
  ),
});

export const demandSummary = z.array(
  z.object({ chain: z.string().nullable(), discipline: named, demands: z.number().int(), headcount: z.number().int(), filled: z.number().int() }),
);

export const demandBody = demandInput;
export const updateDemandBody = demandInput.omit({ enterpriseId: true }).extend({ version: z.number().int().min(1) });
export const closeBody = z.object({ version: z.number().int().min(1) });

const reason = z.object({
  factor: z.enum(matchFactors),
  met: z.enum(['yes', 'partly', 'no']),
  value: z.string().nullable(),
  required: z.string().nullable(),
  text: z.string().describe('the reason in the reader’s language: 技能: 电池材料 ✓'),
});

export const candidatesQuery = z.object({ limit: z.coerce.number().int().min(1).max(50).default(20) });
export const candidateList = z.object({
  considered: z.number().int().describe('talents scored (those whose record mentions the discipline or a skill, within the reader’s scope)'),
  items: z.array(z.object({ talent: talentSummarySchema, score: z.number(), reasons: z.array(reason) })),
});

export const suggestionList = z.object({
  considered: z.number().int().describe('profiles scored: talents whose record mentions the discipline or a skill (within the reader’s scope), engaged experts, resident teams'),
  items: z.array(z.object({
    kind: z.enum(candidateKinds),
    id: z.uuid().describe('the talent, expert or team'),
    name: z.string(),
    post: z.string().nullable().describe('a talent’s post, an expert’s field, a team’s project'),
    organisation: z.string().nullable().describe('a talent’s employer, an expert’s affiliation'),
    expertKind: z.enum(expertKinds).nullable(),
    members: z.number().int().nullable().describe('a team’s members'),
    score: z.number(),
    reasons: z.array(reason),
  })),
});

export const openingList = z.object({
  items: z.array(z.object({ demand: demandItem, score: z.number(), reasons: z.array(reason) })),
});
