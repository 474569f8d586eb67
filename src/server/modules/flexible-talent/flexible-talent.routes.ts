import type { FastifyReply } from 'fastify';
import { consultationInput, expertInput, expertUpdateInput, projectInput, teamInput, teamMemberInput } from '../../../domain/cooperation';
import { AppError } from '../../errors';
import { errorResponses, errorSchema, uuidParam, type App } from '../../http/types';
import { exportExperts, importExperts } from './experts.sheet';
import {
  consultationList, createConsultation, createExpert, createProject, createTeam, addTeamMember, expertDetail, expertList, projectList, teamDetail, teamList,
  updateExpert,
} from './flexible-talent.service';
import {
  consultationListQuery, consultationPage, consultationSchema, expertExportQuery, expertListQuery, expertPage, expertSchema, importResultSchema, projectListQuery,
  projectPage, projectSchema, teamDetailSchema, teamListQuery, teamPage,
} from './flexible-talent.schemas';
import { xlsxMediaType } from './sheet';

const tags = ['flexible talent'];
const uploadLimit = 5 * 1024 * 1024;

/** An .xlsx download with a Chinese file name (RFC 6266 filename*) and an ASCII one for the rest. */
export const sendWorkbook = (reply: FastifyReply, fileName: string, asciiName: string, bytes: Buffer) =>
  reply
    .header('content-type', xlsxMediaType)
    .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'no-store')
    .send(bytes);

/** Flexible talent (柔性引才) and the think tank: investment projects, resident teams, experts, 问诊把脉. */
export async function flexibleTalentRoutes(app: App) {
  const read = { access: 'flexibleTalent.read' } as const;
  const manage = { access: 'flexibleTalent.manage' } as const;

  app.get('/api/projects', { config: read, schema: { tags, summary: 'Investment projects (招商引资项目) with the teams and experts they bring', querystring: projectListQuery, response: { 200: projectPage, ...errorResponses } } },
    async (request) => projectList(app.db, request.query));
  app.post('/api/projects', { config: manage, schema: { tags, summary: 'Record an investment project', body: projectInput, response: { 201: projectSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await createProject(app.db, request.actor, request.body)));

  app.get('/api/teams', { config: read, schema: { tags, summary: 'Resident talent teams (常驻人才团队)', querystring: teamListQuery, response: { 200: teamPage, ...errorResponses } } },
    async (request) => teamList(app.db, request.query));
  app.get('/api/teams/:id', { config: read, schema: { tags, summary: 'One team with its members and experts', params: uuidParam, response: { 200: teamDetailSchema, ...errorResponses } } },
    async (request) => teamDetail(app.db, request.params.id));
  app.post('/api/teams', { config: manage, schema: { tags, summary: 'Record a resident team (an organisation of kind team)', body: teamInput, response: { 201: teamDetailSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await createTeam(app.db, request.actor, request.body)));
  app.post('/api/teams/:id/members', { config: manage, schema: { tags, summary: 'Add a talent of the registry to a team', params: uuidParam, body: teamMemberInput, response: { 200: teamDetailSchema, ...errorResponses } } },
    async (request) => addTeamMember(app.db, request.actor, request.params.id, request.body));

  app.get('/api/experts', { config: read, schema: { tags, summary: 'Flexibly engaged experts (柔性专家)', querystring: expertListQuery, response: { 200: expertPage, ...errorResponses } } },
    async (request) => expertList(app.db, request.query));
  app.get('/api/experts/export', { config: read, schema: { tags, summary: 'The experts matching the filters as an .xlsx roster (the import\'s columns)', querystring: expertExportQuery, response: errorResponses } },
    async (request, reply) => sendWorkbook(reply, '柔性专家名册.xlsx', 'experts.xlsx', await exportExperts(app.db, request.actor, request.query)));
  app.get('/api/experts/:id', { config: read, schema: { tags, summary: 'One expert', params: uuidParam, response: { 200: expertSchema, ...errorResponses } } },
    async (request) => expertDetail(app.db, request.params.id));
  app.post('/api/experts', { config: manage, schema: { tags, summary: 'Engage an expert', body: expertInput, response: { 201: expertSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await createExpert(app.db, request.actor, request.body)));
  app.put('/api/experts/:id', {
    config: manage,
    schema: { tags, summary: 'Change an expert\'s engagement: team, project, service days, outputs (send the version read; 409 when stale)', params: uuidParam, body: expertUpdateInput, response: { 200: expertSchema, ...errorResponses, 409: errorSchema } },
  }, async (request) => updateExpert(app.db, request.actor, request.params.id, request.body));

  await app.register(async (upload: App) => {
    upload.addContentTypeParser(xlsxMediaType, { parseAs: 'buffer', bodyLimit: uploadLimit }, (_request, body, done) => done(null, body));
    upload.addContentTypeParser('*', (_request, _payload, done) => done(new AppError(415, 'importMediaType'), undefined));
    upload.post('/api/experts/import', {
      bodyLimit: uploadLimit,
      config: manage,
      schema: { tags, summary: `Import an experts' roster (.xlsx body, Content-Type ${xlsxMediaType}), all or nothing: a bad cell is a 400 naming it`, response: { 201: importResultSchema, ...errorResponses, 413: errorSchema, 415: errorSchema } },
    }, async (request, reply) => {
      // JSON (which the app's own parser reads) or no body at all is not a workbook
      if (!Buffer.isBuffer(request.body)) throw new AppError(415, 'importMediaType');
      return reply.status(201).send(await importExperts(app.db, request.actor, request.body as Buffer));
    });
  });

  app.get('/api/consultations', { config: read, schema: { tags, summary: 'Think-tank consultations (问诊把脉)', querystring: consultationListQuery, response: { 200: consultationPage, ...errorResponses } } },
    async (request) => consultationList(app.db, request.query));
  app.post('/api/consultations', { config: manage, schema: { tags, summary: 'Record a consultation of experts with an enterprise', body: consultationInput, response: { 201: consultationSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await createConsultation(app.db, request.actor, request.body)));
}
