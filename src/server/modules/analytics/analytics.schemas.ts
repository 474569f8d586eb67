import { z } from 'zod';
import { arrivalRoutes, chainSegments, educationLevels, talentStatuses, titleLevels } from '../../../domain/dictionaries';

const named = { name: z.string(), nameEn: z.string() };
const industry = z.object({ code: z.string(), ...named, chain: z.string().nullable() });

export const industryMapSchema = z.object({
  allTalents: z.number().int().describe('talents in the zone (status inZone)'),
  chains: z.array(z.object({
    chain: z.string(),
    nameEn: z.string(),
    industries: z.array(z.string()),
    talents: z.number().int(),
    enterprises: z.number().int(),
    openPosts: z.number().int(),
    segments: z.array(z.object({
      segment: z.enum(chainSegments).nullable().describe('null: enterprises and talents whose employer names no segment'),
      description: z.string(),
      descriptionEn: z.string(),
      enterprises: z.number().int(),
      talents: z.number().int(),
      openPosts: z.number().int().describe('headcount not yet filled of demands open or partly filled'),
      demands: z.number().int(),
      trainingHeadcount: z.number().int().describe('headcount of open training orders'),
      challenges: z.number().int().describe('open challenges (揭榜挂帅)'),
    })),
    disciplines: z.array(z.object({ discipline: z.string(), openPosts: z.number().int() })),
    quotients: z.array(z.object({
      area: z.enum(['province', 'national']), share: z.number(), zoneShare: z.number(), quotient: z.number().nullable(),
      source: z.string(), sourceEn: z.string(), year: z.number().int(),
    })),
  })),
  industries: z.array(industry),
  shortage: z.array(z.object({
    discipline: z.string(), ...named,
    openPosts: z.number().int(), supply: z.number().int(), timeToFill: z.number().nullable(), vacancyAge: z.number().nullable(),
    value: z.number().int().describe('0–100, see the method'), computedAt: z.iso.datetime(),
    history: z.array(z.object({ day: z.iso.date(), value: z.number().int() })),
  })),
});

export const talentMapSchema = z.object({
  year: z.number().int(),
  chains: z.array(z.object({ chain: z.string(), nameEn: z.string(), industries: z.array(z.string()) })),
  industries: z.array(industry),
  cells: z.array(z.object({ facet: z.string(), industry: z.string(), key: z.string(), count: z.number().int() })),
  parks: z.array(z.object({ id: z.uuid(), name: z.string() })),
  flows: z.array(z.object({ year: z.number().int(), arrived: z.number().int(), left: z.number().int() })),
  destinations: z.array(z.object({ text: z.string(), province: z.string().nullable(), count: z.number().int() })),
});

const list = z.string().trim().max(400).optional().transform((value) => (value ? value.split(',').map((part) => part.trim()).filter(Boolean) : []));
const age = z.coerce.number().int().min(14).max(100).optional().transform((value) => value ?? null);

export const askQuery = z.object({ q: z.string().trim().min(1).max(100), page: z.coerce.number().int().min(1).max(250).default(1) });
export const askTalentsQuery = z.object({
  chain: list, industry: list,
  education: list.pipe(z.array(z.enum(educationLevels))), title: list.pipe(z.array(z.enum(titleLevels))),
  status: list.pipe(z.array(z.enum(talentStatuses))), route: list.pipe(z.array(z.enum(arrivalRoutes))),
  ageMin: age, ageMax: age,
  months: z.coerce.number().int().min(1).max(600).optional().transform((value) => value ?? null),
  page: z.coerce.number().int().min(1).max(250).default(1),
});

const askFilter = z.object({
  kind: z.enum(['industry', 'chain', 'education', 'title', 'status', 'route', 'age', 'period']),
  value: z.string().optional(), min: z.number().nullable().optional(), max: z.number().nullable().optional(), months: z.number().optional(),
  words: z.string().describe('the words of the question it was read from'),
});
export const askResultSchema = z.object({
  total: z.number().int(), capped: z.boolean().describe('more than 5,000'),
  items: z.array(z.object({
    id: z.uuid(), name: z.string(), employer: z.string().nullable(), post: z.string().nullable(), industry: z.string().nullable(),
    highestEducation: z.string().nullable(), highestTitle: z.string().nullable(), status: z.string(), birthYear: z.number().int(),
  })),
});
export const askAnswerSchema = z.object({
  filters: z.array(askFilter), unknown: z.array(z.string()).describe('words not understood'), skipped: z.array(z.string()).describe('small words that carry no filter'),
  result: askResultSchema,
});
