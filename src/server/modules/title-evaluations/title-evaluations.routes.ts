import { z } from 'zod';
import { errorResponses, errorSchema, uuidParam, type App } from '../../http/types';
import {
  checkBody, declarationBody, declarationDetailSchema, declarationListQuery, declarationPage, figuresQuery, objectionBody, resolutionBody, resubmitBody, resultBody,
  roundBody, roundDetailSchema, roundListQuery, roundPage, roundUpdateBody, scoreBody, seriesSchema, versionBody, zoneFiguresSchema,
} from './title-evaluations.schemas';
import {
  advanceRound, changeRound, checkDeclaration, createRound, decideDeclaration, declarationDetail, declarationList, declare, raiseObjection, resubmitDeclaration,
  roundDetail, roundList, scoreDeclaration, seriesList, settleObjection, zoneFigures,
} from './title-evaluations.service';

const tags = ['title evaluation'];
const base = '/api/title-evaluations';
const conflict = { 409: errorSchema };

export async function titleEvaluationsRoutes(app: App) {
  const user = (request: { session?: { user: Parameters<typeof declarationList>[1] } | null }) => request.session!.user;
  const declarationAnswer = async (request: Parameters<typeof user>[0], id: string) => declarationDetail(app.db, user(request), id);

  app.get(`${base}/series`, { config: { access: 'titles.read' }, schema: { tags, summary: 'Title series (工程, 经济, 会计 …)', response: { 200: z.array(seriesSchema), ...errorResponses } } },
    async () => seriesList(app.db));
  app.get(`${base}/figures`, { config: { access: 'titles.read' }, schema: { tags, summary: 'Declared and passed by series and level, enterprises: for a year or every year', querystring: figuresQuery, response: { 200: zoneFiguresSchema, ...errorResponses } } },
    async (request) => zoneFigures(app.db, request.query.year));

  // ——— rounds ———
  app.get(`${base}/rounds`, { config: { access: 'titles.read' }, schema: { tags, summary: 'Evaluation rounds with their counts', querystring: roundListQuery, response: { 200: roundPage, ...errorResponses } } },
    async (request) => roundList(app.db, request.query));
  app.get(`${base}/rounds/:id`, { config: { access: 'titles.read' }, schema: { tags, summary: 'A round with its expert group and figures', params: uuidParam, response: { 200: roundDetailSchema, ...errorResponses } } },
    async (request) => roundDetail(app.db, request.params.id));
  app.post(`${base}/rounds`, { config: { access: 'titles.manage' }, schema: { tags, summary: 'Open a round (申报中): year, series, levels, window, 公示 length, expert group', body: roundBody, response: { 201: roundDetailSchema, ...errorResponses, ...conflict } } },
    async (request, reply) => reply.status(201).send(await roundDetail(app.db, await createRound(app.db, request.actor, request.body))));
  app.put(`${base}/rounds/:id`, { config: { access: 'titles.manage' }, schema: { tags, summary: 'Change a round while it takes declarations', params: uuidParam, body: roundUpdateBody, response: { 200: roundDetailSchema, ...errorResponses, ...conflict } } },
    async (request) => roundDetail(app.db, await changeRound(app.db, request.actor, request.params.id, request.body)));
  app.post(`${base}/rounds/:id/advance`, { config: { access: 'titles.manage' }, schema: { tags, summary: 'Next status: 评审中, then 公示中 (working days), then 已完成 (titles written into the registry)', params: uuidParam, body: versionBody, response: { 200: roundDetailSchema, ...errorResponses, ...conflict } } },
    async (request) => roundDetail(app.db, await advanceRound(app.db, app.secrets, request.actor, request.params.id, request.body)));

  // ——— declarations ———
  app.get(`${base}/declarations`, { config: { access: 'titles.read' }, schema: { tags, summary: 'Declarations I may see (an enterprise: its own)', querystring: declarationListQuery, response: { 200: declarationPage, ...errorResponses } } },
    async (request) => declarationList(app.db, user(request), request.query));
  app.get(`${base}/declarations/:id`, { config: { access: 'titles.read' }, schema: { tags, summary: 'A declaration with scores (staff), objections', params: uuidParam, response: { 200: declarationDetailSchema, ...errorResponses } } },
    async (request) => declarationAnswer(request, request.params.id));
  app.post(`${base}/declarations`, { config: { access: 'titles.declare' }, schema: { tags, summary: 'Declare one of my enterprise’s staff with materials and the level sought', body: declarationBody, response: { 201: declarationDetailSchema, ...errorResponses, ...conflict } } },
    async (request, reply) => reply.status(201).send(await declarationAnswer(request, await declare(app.db, request.actor, user(request), request.body))));
  app.put(`${base}/declarations/:id`, { config: { access: 'titles.declare' }, schema: { tags, summary: 'Correct and resubmit a returned declaration (补正)', params: uuidParam, body: resubmitBody, response: { 200: declarationDetailSchema, ...errorResponses, ...conflict } } },
    async (request) => declarationAnswer(request, await resubmitDeclaration(app.db, request.actor, user(request), request.params.id, request.body)));
  app.post(`${base}/declarations/:id/check`, { config: { access: 'titles.manage' }, schema: { tags, summary: 'The office’s check: accept for review or return for correction', params: uuidParam, body: checkBody, response: { 200: declarationDetailSchema, ...errorResponses, ...conflict } } },
    async (request) => declarationAnswer(request, await checkDeclaration(app.db, request.actor, request.params.id, request.body)));
  app.post(`${base}/declarations/:id/scores`, { config: { access: 'titles.score' }, schema: { tags, summary: 'An expert’s score and opinion (回避: never of one’s own enterprise)', params: uuidParam, body: scoreBody, response: { 200: declarationDetailSchema, ...errorResponses, ...conflict } } },
    async (request) => declarationAnswer(request, await scoreDeclaration(app.db, request.actor, user(request), request.params.id, request.body)));
  app.post(`${base}/declarations/:id/result`, { config: { access: 'titles.manage' }, schema: { tags, summary: 'The expert group’s result: pass or fail', params: uuidParam, body: resultBody, response: { 200: declarationDetailSchema, ...errorResponses, ...conflict } } },
    async (request) => declarationAnswer(request, await decideDeclaration(app.db, request.actor, request.params.id, request.body)));
  app.post(`${base}/declarations/:id/objections`, { config: { access: 'titles.manage' }, schema: { tags, summary: 'Record an objection raised during 公示', params: uuidParam, body: objectionBody, response: { 201: declarationDetailSchema, ...errorResponses, ...conflict } } },
    async (request, reply) => {
      await raiseObjection(app.db, request.actor, request.params.id, request.body);
      return reply.status(201).send(await declarationAnswer(request, request.params.id));
    });
  app.post(`${base}/objections/:id/resolution`, { config: { access: 'titles.manage' }, schema: { tags, summary: 'Resolve an objection: upheld (the pass is withdrawn) or dismissed', params: uuidParam, body: resolutionBody, response: { 200: declarationDetailSchema, ...errorResponses, ...conflict } } },
    async (request) => declarationAnswer(request, await settleObjection(app.db, request.actor, request.params.id, request.body)));
}
