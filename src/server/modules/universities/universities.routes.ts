import { agreementInput, conversionInput, cooperationItemInput, internshipBaseInput, internshipInput, techTransferInput } from '../../../domain/cooperation';
import { AppError } from '../../errors';
import { errorResponses, errorSchema, uuidParam, type App } from '../../http/types';
import { sendWorkbook } from '../flexible-talent/flexible-talent.routes';
import { importResultSchema } from '../flexible-talent/flexible-talent.schemas';
import { xlsxMediaType } from '../flexible-talent/sheet';
import { exportInterns, importInterns } from './interns.sheet';
import {
  addCooperationItem, baseList, convertInternship, createBase, createInternship, createTransfer, internshipDetail, internshipList, saveAgreement, transferDetail,
  transferList, universityDetail, universityList,
} from './universities.service';
import {
  baseListQuery, basePage, baseSchema, internshipExportQuery, internshipListQuery, internshipPage, internshipSchema, transferListQuery, transferPage, transferSchema,
  universityDetailSchema, universityListQuery, universityPage,
} from './universities.schemas';

const tags = ['university cooperation'];
const uploadLimit = 5 * 1024 * 1024;

/** University cooperation (省校合作): agreements and items, internship bases and placements, tech transfers. */
export async function universitiesRoutes(app: App) {
  const read = { access: 'cooperation.read' } as const;
  const manage = { access: 'cooperation.manage' } as const;
  const record = { access: 'internships.record' } as const;

  app.get('/api/universities', { config: read, schema: { tags, summary: 'Partner universities with their framework agreements', querystring: universityListQuery, response: { 200: universityPage, ...errorResponses } } },
    async (request) => universityList(app.db, request.query));
  app.get('/api/universities/:id', { config: read, schema: { tags, summary: 'One university with its cooperation items', params: uuidParam, response: { 200: universityDetailSchema, ...errorResponses } } },
    async (request) => universityDetail(app.db, request.params.id));
  app.put('/api/universities/:id/agreement', {
    config: manage,
    schema: { tags, summary: 'Record or replace the framework agreement (version 0 for the first; 409 when stale)', params: uuidParam, body: agreementInput, response: { 200: universityDetailSchema, ...errorResponses, 409: errorSchema } },
  }, async (request) => saveAgreement(app.db, request.actor, request.params.id, request.body));
  app.post('/api/universities/:id/items', { config: manage, schema: { tags, summary: 'Add a cooperation item', params: uuidParam, body: cooperationItemInput, response: { 201: universityDetailSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await addCooperationItem(app.db, request.actor, request.params.id, request.body)));

  app.get('/api/internships/bases', { config: read, schema: { tags, summary: 'Internship bases (enterprise HR: its own)', querystring: baseListQuery, response: { 200: basePage, ...errorResponses } } },
    async (request) => baseList(app.db, request.session!.user, request.query));
  app.post('/api/internships/bases', { config: manage, schema: { tags, summary: 'Open an internship base: an enterprise with a university', body: internshipBaseInput, response: { 201: baseSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await createBase(app.db, request.actor, request.session!.user, request.body)));

  app.get('/api/internships', { config: read, schema: { tags, summary: 'Intern placements (enterprise HR: on its own bases)', querystring: internshipListQuery, response: { 200: internshipPage, ...errorResponses } } },
    async (request) => internshipList(app.db, request.session!.user, request.query));
  app.get('/api/internships/export', { config: read, schema: { tags, summary: 'The placements matching the filters as an .xlsx roster (the import\'s columns)', querystring: internshipExportQuery, response: errorResponses } },
    async (request, reply) => sendWorkbook(reply, '实习生名册.xlsx', 'interns.xlsx', await exportInterns(app.db, request.actor, request.session!.user, request.query)));
  app.get('/api/internships/:id', { config: read, schema: { tags, summary: 'One placement', params: uuidParam, response: { 200: internshipSchema, ...errorResponses } } },
    async (request) => internshipDetail(app.db, request.session!.user, request.params.id));
  app.post('/api/internships', { config: record, schema: { tags, summary: 'Record an intern on a base (enterprise HR: its own bases)', body: internshipInput, response: { 201: internshipSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await createInternship(app.db, request.actor, request.session!.user, request.body)));
  app.post('/api/internships/:id/conversion', {
    config: record,
    schema: { tags, summary: 'The intern was hired: link the placement to the hire\'s record in the registry (employed by the base\'s enterprise)', params: uuidParam, body: conversionInput, response: { 200: internshipSchema, ...errorResponses, 409: errorSchema } },
  }, async (request) => convertInternship(app.db, request.actor, request.session!.user, request.params.id, request.body));

  await app.register(async (upload: App) => {
    upload.addContentTypeParser(xlsxMediaType, { parseAs: 'buffer', bodyLimit: uploadLimit }, (_request, body, done) => done(null, body));
    upload.addContentTypeParser('*', (_request, _payload, done) => done(new AppError(415, 'importMediaType'), undefined));
    upload.post('/api/internships/import', {
      bodyLimit: uploadLimit,
      config: record,
      schema: { tags, summary: `Import interns (.xlsx body, Content-Type ${xlsxMediaType}), all or nothing: a bad cell is a 400 naming it`, response: { 201: importResultSchema, ...errorResponses, 413: errorSchema, 415: errorSchema } },
    }, async (request, reply) => {
      // JSON (which the app's own parser reads) or no body at all is not a workbook
      if (!Buffer.isBuffer(request.body)) throw new AppError(415, 'importMediaType');
      return reply.status(201).send(await importInterns(app.db, request.actor, request.session!.user, request.body as Buffer));
    });
  });

  app.get('/api/tech-transfers', { config: read, schema: { tags, summary: 'Tech-transfer projects (成果转化; enterprise HR: its own)', querystring: transferListQuery, response: { 200: transferPage, ...errorResponses } } },
    async (request) => transferList(app.db, request.session!.user, request.query));
  app.get('/api/tech-transfers/:id', { config: read, schema: { tags, summary: 'One tech-transfer project', params: uuidParam, response: { 200: transferSchema, ...errorResponses } } },
    async (request) => transferDetail(app.db, request.session!.user, request.params.id));
  app.post('/api/tech-transfers', { config: manage, schema: { tags, summary: 'Record a tech-transfer project', body: techTransferInput, response: { 201: transferSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await createTransfer(app.db, request.actor, request.session!.user, request.body)));
}
