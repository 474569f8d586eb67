import { z } from 'zod';
import { errorResponses, type App } from '../../http/types';
import { listIndustries, listParks, listTiers } from './reference.repo';
import { saveIndustry } from './reference.service';
import { regions } from './regions';

const industrySchema = z.object({ code: z.string(), name: z.string(), nameEn: z.string(), chain: z.string().nullable(), sortOrder: z.number().int(), active: z.boolean() });
const referenceSchema = z.object({
  industries: z.array(industrySchema),
  tiers: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string(), definition: z.string(), sortOrder: z.number().int() })),
  regions: z.array(z.object({ code: z.string(), name: z.string(), cities: z.array(z.object({ code: z.string(), name: z.string() })) })),
  parks: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
/**
 * An industry as sent: every field optional. On an existing code a field left out keeps its stored value; a new code
 * needs its names (chain none, sort order 0 and active by default).
 */
const industryBody = z.object({
  name: z.string().trim().min(1).max(40).optional(),
  nameEn: z.string().trim().min(1).max(80).optional(),
  chain: z.string().trim().max(40).nullable().optional(),
  sortOrder: z.number().int().min(0).max(999).optional(),
  active: z.boolean().optional(),
});

export async function referenceRoutes(app: App) {
  app.get(
    '/api/reference',
    {
      config: { access: 'reference.read' },
      schema: { tags: ['reference'], summary: 'Reference data: industries and chains, talent tiers, regions (GB/T 2260), parks and platforms', response: { 200: referenceSchema, ...errorResponses } },
    },
    async () => {
      const [industries, tiers, parks] = await Promise.all([listIndustries(app.db), listTiers(app.db), listParks(app.db)]);
      return { industries, tiers, regions: regions(), parks };
    },
  );

  app.put(
    '/api/reference/industries/:code',
    {
      config: { access: 'reference.write' },
      schema: {
        tags: ['reference'],
        summary: 'Add or change an industry of the zone’s list (the office keeps it); on a change, fields left out keep their values',
        params: z.object({ code: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{1,39}$/) }),
        body: industryBody,
        response: { 200: industrySchema, ...errorResponses },
      },
    },
    async (request) => saveIndustry(app.db, request.actor, { code: request.params.code, ...request.body }),
  );
}
