import { fillInput } from '../../../domain/demands';
import { errorResponses, errorSchema, uuidParam, type App } from '../../http/types';
import { languageOf } from '../../plugins/errors';
import {
  candidateList, candidatesQuery, closeBody, demandBody, demandListQuery, demandPage, demandSchema, demandSummary, demandSummaryQuery, dictionariesSchema, openingList,
  updateDemandBody,
} from './demands.schemas';
import {
  addFill, closeDemand, createDemand, demandCandidates, demandDetail, demandDictionaries, demandSummaryOf, listDemands, talentOpenings, updateDemand,
} from './demands.service';

const tags = ['demands'];

export async function demandsRoutes(app: App) {
  app.get('/api/demands/dictionaries', { config: { access: ['demands.read', 'campaigns.read'] }, schema: { tags, summary: 'Disciplines and the skill dictionary (with synonyms): data the matching reads', response: { 200: dictionariesSchema, ...errorResponses } } },
    async () => demandDictionaries(app.db));
  app.get('/api/demands', { config: { access: 'demands.read' }, schema: { tags, summary: 'Talent demand (enterprise HR: its own), by status, discipline, industry, chain', querystring: demandListQuery, response: { 200: demandPage, ...errorResponses } } },
    async (request) => listDemands(app.db, request.session!.user, request.query));
  app.get('/api/demands/summary', { config: { access: 'demands.read' }, schema: { tags, summary: 'Demand not closed by key chain and discipline: demands, headcount, filled', querystring: demandSummaryQuery, response: { 200: demandSummary, ...errorResponses } } },
    async (request) => demandSummaryOf(app.db, request.session!.user, request.query));
  app.post('/api/demands', { config: { access: 'demands.write' }, schema: { tags, summary: 'Post a demand (enterprise HR for its own enterprise; the office names one)', body: demandBody, response: { 201: demandSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await createDemand(app.db, request.actor, request.session!.user, request.body)));
  app.get('/api/demands/:id', { config: { access: 'demands.read' }, schema: { tags, summary: 'One demand with its fills', params: uuidParam, response: { 200: demandSchema, ...errorResponses } } },
    async (request) => demandDetail(app.db, request.session!.user, request.params.id));
  app.put('/api/demands/:id', { config: { access: 'demands.write' }, schema: { tags, summary: 'Change a demand (send the version read)', params: uuidParam, body: updateDemandBody, response: { 200: demandSchema, ...errorResponses, 409: errorSchema } } },
    async (request) => updateDemand(app.db, request.actor, request.session!.user, request.params.id, request.body));
  app.post('/api/demands/:id/close', { config: { access: 'demands.write' }, schema: { tags, summary: 'Close a demand (no more fills)', params: uuidParam, body: closeBody, response: { 200: demandSchema, ...errorResponses, 409: errorSchema } } },
    async (request) => closeDemand(app.db, request.actor, request.session!.user, request.params.id, request.body.version));
  app.post('/api/demands/:id/fills', { config: { access: 'demands.write' }, schema: { tags, summary: 'Record how hires filled the demand (training order, flexible expert, own hiring; campaign hires fill it themselves)', params: uuidParam, body: fillInput, response: { 200: demandSchema, ...errorResponses, 409: errorSchema } } },
    async (request) => addFill(app.db, request.actor, request.session!.user, request.params.id, request.body));
  app.get('/api/demands/:id/candidates', { config: { access: 'demands.match' }, schema: { tags, summary: 'Suggested candidates with the score’s reasons and gaps (talents masked as the registry masks them)', params: uuidParam, querystring: candidatesQuery, response: { 200: candidateList, ...errorResponses } } },
    async (request) => demandCandidates(app.db, app.secrets, request.session!.user, request.params.id, languageOf(request), request.query.limit));
  app.get('/api/talents/:id/openings', { config: { access: 'talents.read' }, schema: { tags, summary: 'Open demands that fit a talent, with reasons and gaps', params: uuidParam, querystring: candidatesQuery, response: { 200: openingList, ...errorResponses } } },
    async (request) => talentOpenings(app.db, request.session!.user, request.params.id, languageOf(request), request.query.limit));
}
