import { z } from 'zod';
import { hostedTalentInput, platformInput, platformLevels, platformTypes, tenantInput } from '../../../domain/cooperation';
import { pageQuery, pageSchema } from '../../http/pagination';
import { errorResponses, uuidParam, type App } from '../../http/types';
import { addHostedTalent, addTenant, createPlatform, platformDetail, platformList } from './platforms.service';

const tags = ['platforms'];

const platformSchema = z.object({
  id: z.uuid().describe('the platform\'s organisation'), name: z.string(), type: z.enum(platformTypes), level: z.enum(platformLevels), host: z.string(),
  capacity: z.number().int(), establishedOn: z.string().nullable(), tenants: z.number().int(), talents: z.number().int(),
});
const platformDetailSchema = platformSchema.extend({
  tenantList: z.array(z.object({ id: z.uuid(), name: z.string(), since: z.string() })).describe('enterprise HR: its own tenancy only'),
  talentList: z.array(z.object({ id: z.uuid(), name: z.string(), post: z.string().nullable(), since: z.string() })).describe('enterprise HR: its own staff only'),
});
const platformListQuery = pageQuery.extend({ q: z.string().trim().max(100).optional(), type: z.enum(platformTypes).optional() });

/** Innovation platforms (平台载体): profiles, tenant enterprises, talents hosted. */
export async function platformsRoutes(app: App) {
  const read = { access: 'cooperation.read' } as const;
  const manage = { access: 'cooperation.manage' } as const;

  app.get('/api/platforms', { config: read, schema: { tags, summary: 'Innovation platforms (enterprise HR: those it is a tenant of)', querystring: platformListQuery, response: { 200: pageSchema(platformSchema), ...errorResponses } } },
    async (request) => platformList(app.db, request.session!.user, request.query));
  app.get('/api/platforms/:id', { config: read, schema: { tags, summary: 'One platform with its tenants and hosted talents', params: uuidParam, response: { 200: platformDetailSchema, ...errorResponses } } },
    async (request) => platformDetail(app.db, request.session!.user, request.params.id));
  app.post('/api/platforms', { config: manage, schema: { tags, summary: 'Record a platform\'s profile (an organisation of kind platform)', body: platformInput, response: { 201: platformDetailSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await createPlatform(app.db, request.actor, request.session!.user, request.body)));
  app.post('/api/platforms/:id/tenants', { config: manage, schema: { tags, summary: 'Add a tenant enterprise', params: uuidParam, body: tenantInput, response: { 200: platformDetailSchema, ...errorResponses } } },
    async (request) => addTenant(app.db, request.actor, request.session!.user, request.params.id, request.body));
  app.post('/api/platforms/:id/talents', { config: manage, schema: { tags, summary: 'Add a talent of the registry the platform hosts', params: uuidParam, body: hostedTalentInput, response: { 200: platformDetailSchema, ...errorResponses } } },
    async (request) => addHostedTalent(app.db, request.actor, request.session!.user, request.params.id, request.body));
}
