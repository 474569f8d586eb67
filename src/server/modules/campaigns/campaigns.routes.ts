import type { FastifyReply } from 'fastify';
import { AppError } from '../../errors';
import { errorResponses, errorSchema, uuidParam, type App } from '../../http/types';
import { languageOf } from '../../plugins/errors';
import { candidatesQuery, suggestionList } from '../demands/demands.schemas';
import { xlsxMediaType } from '../imports/imports.workbook';
import {
  applicantBody, applicantExportQuery, postParams, withdrawBody, applicantImportResult, applicantListQuery, applicantPage, applicantParams, applicantSchema, appraisalBody, campaignBody, campaignListQuery, campaignPage, campaignSchema, executiveListQuery,
  executivePage, executiveSchema, hireBody, hireResult, postBody, resultBody, scoreImportResult, scoreTemplateQuery, scoreUploadQuery,
} from './campaigns.schemas';
import { applicantTemplate, exportApplicants, importApplicants } from './applicants.sheet';
import { importScores, scoreTemplate } from './campaigns.scores';
import { addApplicant, addPost, campaignDetail, createCampaign, hireApplicant, listApplicants, listCampaigns, postCandidates, recordResult, withdrawApplicant } from './campaigns.service';
import { executiveDetail, listExecutives, recordAppraisal } from './executives.service';

const tags = ['campaigns'];
const uploadLimit = 5 * 1024 * 1024;

const download = (reply: FastifyReply, fileName: string, asciiName: string, bytes: Buffer) =>
  reply
    .header('content-type', xlsxMediaType)
    .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'no-store')
    .send(bytes);

export async function campaignsRoutes(app: App) {
  app.get('/api/campaigns', { config: { access: 'campaigns.read' }, schema: { tags, summary: 'Recruitment campaigns with planned and hired counts', querystring: campaignListQuery, response: { 200: campaignPage, ...errorResponses } } },
    async (request) => listCampaigns(app.db, request.query));
  app.post('/api/campaigns', { config: { access: 'campaigns.manage' }, schema: { tags, summary: 'Create a campaign: type, stages (ending with 录用), plan by discipline', body: campaignBody, response: { 201: campaignSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await createCampaign(app.db, request.actor, request.session!.user, request.body)));
  app.get('/api/campaigns/:id', { config: { access: 'campaigns.read' }, schema: { tags, summary: 'One campaign: plan against hires by discipline, applicants per stage, posts', params: uuidParam, response: { 200: campaignSchema, ...errorResponses } } },
    async (request) => campaignDetail(app.db, request.params.id));
  app.post('/api/campaigns/:id/posts', { config: { access: 'campaigns.manage' }, schema: { tags, summary: 'Add a post, optionally tied to a demand (its hires fill it)', params: uuidParam, body: postBody, response: { 200: campaignSchema, ...errorResponses, 409: errorSchema } } },
    async (request) => addPost(app.db, request.actor, request.params.id, request.body));
  app.get('/api/campaigns/:id/posts/:postId/candidates', { config: { access: 'demands.match' }, schema: { tags, summary: '推荐人选 for a post: talents ranked against its demand (or its title and discipline), with reasons and gaps', params: postParams, querystring: candidatesQuery, response: { 200: suggestionList, ...errorResponses } } },
    async (request) => postCandidates(app.db, request.session!.user, request.params.id, request.params.postId, languageOf(request), request.query.limit));
  app.get('/api/campaigns/:id/applicants', { config: { access: 'campaigns.read' }, schema: { tags, summary: 'Applicants (identity masked) with their state and results per stage', params: uuidParam, querystring: applicantListQuery, response: { 200: applicantPage, ...errorResponses } } },
    async (request) => listApplicants(app.db, app.secrets, request.params.id, request.query));
  app.post('/api/campaigns/:id/applicants', { config: { access: 'campaigns.manage' }, schema: { tags, summary: 'Register an applicant (报名) for a post', params: uuidParam, body: applicantBody, response: { 201: applicantSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await addApplicant(app.db, app.secrets, request.actor, request.params.id, request.body)));
  app.get('/api/campaigns/:id/applicants/template', { config: { access: 'campaigns.manage' }, schema: { tags, summary: 'The applicant sheet (.xlsx) to fill: 姓名, 身份证号码 … 报考岗位 (the campaign’s posts as a drop-down)', params: uuidParam, response: errorResponses } },
    async (request, reply) => {
      const { bytes, fileName } = await applicantTemplate(app.db, request.params.id);
      return download(reply, fileName, 'applicants-template.xlsx', bytes);
    });
  app.get('/api/campaigns/:id/applicants/export', { config: { access: 'campaigns.read' }, schema: { tags, summary: 'The applicants (.xlsx) with state, stage reached and each stage’s result and score; masked unless the office reveals with a reason; audited', params: uuidParam, querystring: applicantExportQuery, response: errorResponses } },
    async (request, reply) => {
      // HEAD (Fastify's twin of the GET route) neither builds the file nor records an export
      if (request.method === 'HEAD') return (reply as FastifyReply).header('content-type', xlsxMediaType).send('');
      const { bytes, fileName } = await exportApplicants(app.db, app.secrets, request.actor, request.session!.user, request.params.id, request.query);
      return download(reply, fileName, 'applicants.xlsx', bytes);
    });
  app.post('/api/campaigns/:id/applicants/:applicantId/results', { config: { access: 'campaigns.manage' }, schema: { tags, summary: 'Record the result (and score) of the applicant’s current stage', params: applicantParams, body: resultBody, response: { 200: applicantSchema, ...errorResponses, 409: errorSchema } } },
    async (request) => recordResult(app.db, app.secrets, request.actor, request.params.id, request.params.applicantId, request.body));
  app.post('/api/campaigns/:id/applicants/:applicantId/withdrawal', { config: { access: 'campaigns.manage' }, schema: { tags, summary: '撤回: an applicant in progress withdraws (final), with the version read', params: applicantParams, body: withdrawBody, response: { 200: applicantSchema, ...errorResponses, 409: errorSchema } } },
    async (request) => withdrawApplicant(app.db, app.secrets, request.actor, request.params.id, request.params.applicantId, request.body));
  app.post('/api/campaigns/:id/applicants/:applicantId/hire', { config: { access: 'campaigns.manage' }, schema: { tags, summary: '录用: register (or update, same ID number) the talent, fill the tied demand, start an executive’s term (市场化选聘)', params: applicantParams, body: hireBody, response: { 200: hireResult, ...errorResponses, 409: errorSchema } } },
    async (request) => hireApplicant(app.db, app.secrets, request.actor, request.params.id, request.params.applicantId, request.body));
  app.get('/api/campaigns/:id/scores/template', { config: { access: 'campaigns.manage' }, schema: { tags, summary: 'The score sheet (.xlsx) of the applicants in progress (at one stage, or all)', params: uuidParam, querystring: scoreTemplateQuery, response: errorResponses } },
    async (request, reply) => {
      const { bytes, fileName } = await scoreTemplate(app.db, request.params.id, request.query.stage);
      return download(reply, fileName, 'scores.xlsx', bytes);
    });
  // the spreadsheet uploads (scores, applicants): the only bodies here that are not JSON, in their own encapsulated scope
  await app.register(async (upload: App) => {
    upload.addContentTypeParser(xlsxMediaType, { parseAs: 'buffer', bodyLimit: uploadLimit }, (_request, body, done) => done(null, body));
    upload.addContentTypeParser('*', (_request, _payload, done) => done(new AppError(415, 'importMediaType'), undefined));
    upload.post('/api/campaigns/:id/scores', { bodyLimit: uploadLimit, config: { access: 'campaigns.manage' }, schema: { tags, summary: `Upload the filled score sheet (.xlsx body, Content-Type ${xlsxMediaType}): all rows or none, problems named by cell; ?preview=true checks without writing`, params: uuidParam, querystring: scoreUploadQuery, response: { 200: scoreImportResult, ...errorResponses, 413: errorSchema, 415: errorSchema } } },
      async (request) => {
        // JSON (which the app's own parser reads) or no body at all is not a workbook
        if (!Buffer.isBuffer(request.body)) throw new AppError(415, 'importMediaType');
        return importScores(app.db, request.actor, request.params.id, request.body, request.query.preview === 'true');
      });
    upload.post('/api/campaigns/:id/applicants/import', { bodyLimit: uploadLimit, config: { access: 'campaigns.manage' }, schema: { tags, summary: `Register applicants from the filled applicant sheet (.xlsx body, Content-Type ${xlsxMediaType}): all rows or none, problems named by row and column; ?preview=true checks without writing`, params: uuidParam, querystring: scoreUploadQuery, response: { 200: applicantImportResult, ...errorResponses, 413: errorSchema, 415: errorSchema } } },
      async (request) => {
        if (!Buffer.isBuffer(request.body)) throw new AppError(415, 'importMediaType');
        return importApplicants(app.db, app.secrets, request.actor, request.params.id, request.body, request.query.preview === 'true');
      });
  });
  app.get('/api/executives', { config: { access: 'executives.read' }, schema: { tags, summary: 'Market-hired executives (enterprise HR: its own), by term end', querystring: executiveListQuery, response: { 200: executivePage, ...errorResponses } } },
    async (request) => listExecutives(app.db, request.session!.user, request.query));
  app.get('/api/executives/:id', { config: { access: 'executives.read' }, schema: { tags, summary: 'One executive with the appraisal cycles', params: uuidParam, response: { 200: executiveSchema, ...errorResponses } } },
    async (request) => executiveDetail(app.db, request.session!.user, request.params.id));
  app.post('/api/executives/:id/appraisals', { config: { access: 'executives.manage' }, schema: { tags, summary: 'Record an appraisal cycle: renew, adjust pay or end the term', params: uuidParam, body: appraisalBody, response: { 200: executiveSchema, ...errorResponses, 409: errorSchema } } },
    async (request) => recordAppraisal(app.db, request.actor, request.session!.user, request.params.id, request.body));
}
