import { z } from 'zod';
import { chainSegments } from '../../../domain/dictionaries';

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
