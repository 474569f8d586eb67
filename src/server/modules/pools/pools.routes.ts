import { errorResponses, errorSchema, uuidParam, type App } from '../../http/types';
import { decisionBody, memberListQuery, memberPage, memberSchema, nominateBody, poolCreateBody, poolList, poolSchema, poolUpdateBody } from './pools.schemas';
import { changePool, createPool, decideMember, listPoolMembers, listPools, nominate, poolMemberDetail } from './pools.service';

const tags = ['reserve pools'];

export async function poolsRoutes(app: App) {
  app.get('/api/pools', { config: { access: 'pools.read' }, schema: { tags, summary: 'The reserve talent pools (后备人才库) with their members per status', response: { 200: poolList, ...errorResponses } } },
    async (request) => listPools(app.db, request.session!.user));
  app.post('/api/pools', { config: { access: 'pools.manage' }, schema: { tags, summary: 'Add a pool', body: poolCreateBody, response: { 201: poolSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await createPool(app.db, request.actor, request.session!.user, request.body)));
  app.put('/api/pools/:id', { config: { access: 'pools.manage' }, schema: { tags, summary: 'Change a pool (names, who may nominate, review cycle, in use)', params: uuidParam, body: poolUpdateBody, response: { 200: poolSchema, ...errorResponses, 409: errorSchema } } },
    async (request) => changePool(app.db, request.actor, request.session!.user, request.params.id, request.body));
  app.get('/api/pools/members', { config: { access: 'pools.read' }, schema: { tags, summary: 'Memberships I may see (a unit or an enterprise: its own nominations)', querystring: memberListQuery, response: { 200: memberPage, ...errorResponses } } },
    async (request) => listPoolMembers(app.db, request.session!.user, request.query));
  app.get('/api/pools/members/:id', { config: { access: 'pools.read' }, schema: { tags, summary: 'One membership with its history', params: uuidParam, response: { 200: memberSchema, ...errorResponses } } },
    async (request) => poolMemberDetail(app.db, request.session!.user, request.params.id));
  app.post('/api/pools/members', { config: { access: 'pools.nominate' }, schema: { tags, summary: 'Nominate a talent into a pool (推荐入库)', body: nominateBody, response: { 201: memberSchema, ...errorResponses, 409: errorSchema } } },
    async (request, reply) => reply.status(201).send(await nominate(app.db, request.actor, request.session!.user, request.body)));
  app.post('/api/pools/members/:id/decision', { config: { access: 'pools.manage' }, schema: { tags, summary: 'Admit, decline, use, review or exit a member', params: uuidParam, body: decisionBody, response: { 200: memberSchema, ...errorResponses, 409: errorSchema } } },
    async (request) => decideMember(app.db, request.actor, request.session!.user, request.params.id, request.body));
}
