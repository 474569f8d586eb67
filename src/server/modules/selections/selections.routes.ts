import { z } from 'zod';
import { errorResponses, errorSchema, uuidParam, type App } from '../../http/types';
import {
  honourSchema, kindSchema, nominateBody, nominationSchema, objectionBody, resolutionBody, scoreBody, selectionBody, selectionDetailSchema, selectionListQuery, selectionPage, versionBody,
} from './selections.schemas';
import {
  advanceSelection, checkEligibility, createSelection, kindList, nominate, nominationDetail, raiseObjection, scoreNomination, selectionDetail, selectionList, settleObjection,
  talentHonourList,
} from './selections.service';

const tags = ['selections'];
const base = '/api/selections';
const conflict = { 409: errorSchema };

export async function selectionsRoutes(app: App) {
  app.get(`${base}/kinds`, { config: { access: 'selections.read' }, schema: { tags, summary: 'Kinds of selection (科技创新企业家评选, 优秀人才评选 …)', response: { 200: z.array(kindSchema), ...errorResponses } } },
    async () => kindList(app.db));
  app.get(base, { config: { access: 'selections.read' }, schema: { tags, summary: 'Selections (评选), newest year first; counts within what the reader may see', querystring: selectionListQuery, response: { 200: selectionPage, ...errorResponses } } },
    async (request) => selectionList(app.db, request.session!.user, request.query));
  app.post(base, { config: { access: 'selections.manage' }, schema: { tags, summary: 'Open a selection with its expert panel', body: selectionBody, response: { 201: selectionDetailSchema, ...errorResponses, ...conflict } } },
    async (request, reply) => reply.status(201).send(await createSelection(app.db, request.actor, request.session!.user, request.body)));
  app.get(`${base}/:id`, { config: { access: 'selections.read' }, schema: { tags, summary: 'A selection with the nominations the reader may see, ranked', params: uuidParam, response: { 200: selectionDetailSchema, ...errorResponses } } },
    async (request) => selectionDetail(app.db, request.session!.user, request.params.id));
  app.post(`${base}/:id/eligibility`, { config: { access: 'selections.manage' }, schema: { tags, summary: 'Check every nomination by the policy’s rule (资格核验), with the reasons', params: uuidParam, body: versionBody, response: { 200: selectionDetailSchema, ...errorResponses, ...conflict } } },
    async (request) => checkEligibility(app.db, request.actor, request.session!.user, request.params.id, request.body));
  app.post(`${base}/:id/advance`, { config: { access: 'selections.manage' }, schema: { tags, summary: 'Move a selection on: review, 公示 (ranked, quota selected), completed (honours onto profiles)', params: uuidParam, body: versionBody, response: { 200: selectionDetailSchema, ...errorResponses, ...conflict } } },
    async (request) => advanceSelection(app.db, request.actor, request.session!.user, request.params.id, request.body));
  app.post(`${base}/:id/nominations`, { config: { access: 'selections.nominate' }, schema: { tags, summary: 'Nominate a talent (an enterprise: its own staff) within the window', params: uuidParam, body: nominateBody, response: { 201: nominationSchema, ...errorResponses, ...conflict } } },
    async (request, reply) => reply.status(201).send(await nominate(app.db, request.actor, request.session!.user, request.params.id, request.body)));
  app.get(`${base}/nominations/:id`, { config: { access: 'selections.read' }, schema: { tags, summary: 'One nomination (another organisation’s: 404)', params: uuidParam, response: { 200: nominationSchema, ...errorResponses } } },
    async (request) => nominationDetail(app.db, request.session!.user, request.params.id));
  app.post(`${base}/nominations/:id/scores`, { config: { access: 'selections.score' }, schema: { tags, summary: 'Score an eligible nomination as a panel member (回避: 403)', params: uuidParam, body: scoreBody, response: { 200: nominationSchema, ...errorResponses, ...conflict } } },
    async (request) => scoreNomination(app.db, request.actor, request.session!.user, request.params.id, request.body));
  app.post(`${base}/nominations/:id/objections`, { config: { access: 'selections.manage' }, schema: { tags, summary: 'Record an objection to a selected nominee during 公示', params: uuidParam, body: objectionBody, response: { 200: nominationSchema, ...errorResponses, ...conflict } } },
    async (request) => raiseObjection(app.db, request.actor, request.session!.user, request.params.id, request.body));
  app.post(`${base}/objections/:id/resolution`, { config: { access: 'selections.manage' }, schema: { tags, summary: 'Uphold (未入选) or dismiss an objection', params: uuidParam, body: resolutionBody, response: { 200: nominationSchema, ...errorResponses, ...conflict } } },
    async (request) => settleObjection(app.db, request.actor, request.session!.user, request.params.id, request.body));
  app.get('/api/talents/:id/honours', { config: { access: 'talents.read' }, schema: { tags, summary: 'A talent’s honours (荣誉) on the profile, newest first', params: uuidParam, response: { 200: z.array(honourSchema), ...errorResponses } } },
    async (request) => talentHonourList(app.db, request.session!.user, request.params.id));
}
