import { AppError } from '../../errors';
import { errorResponses, errorSchema, uuidParam, type App } from '../../http/types';
import { xlsxMediaType } from '../imports/imports.workbook';
import {
  assessmentBody, attendanceBody, certificateBody, classBody, classListQuery, classPage, classSchema, enrolBody, matchBody, orderBody, orderListQuery, orderPage, orderSchema,
  placementBody, providerList, sessionBody, sessionParams, talentTrainingList, talentTrainingQuery, traineeImportResult,
} from './training.schemas';
import {
  addTrainingSession, assessTrainee, enrolTrainee, fileTrainingOrder, importTrainees, issueCertificate, listTrainingClasses, listTrainingOrders, listTrainingProviders, matchTrainingProvider,
  openTrainingClass, placeTrainee, recordAttendance, talentTrainingRecords, trainingClassDetail, trainingOrderDetail,
} from './training.service';

const tags = ['training'];
const withConflict = { ...errorResponses, 409: errorSchema };

export async function trainingRoutes(app: App) {
  app.get('/api/training-providers', { config: { access: 'training.read' }, schema: { tags, summary: 'Training providers: the colleges, universities and institutes of the organisation directory', response: { 200: providerList, ...errorResponses } } },
    async () => listTrainingProviders(app.db));
  app.get('/api/training-orders', { config: { access: 'training.read' }, schema: { tags, summary: 'Skill orders (订单式培训) with their fulfilment rate (an enterprise: its own)', querystring: orderListQuery, response: { 200: orderPage, ...errorResponses } } },
    async (request) => listTrainingOrders(app.db, request.session!.user, request.query));
  app.get('/api/training-orders/:id', { config: { access: 'training.read' }, schema: { tags, summary: 'One skill order with its classes', params: uuidParam, response: { 200: orderSchema, ...errorResponses } } },
    async (request) => trainingOrderDetail(app.db, request.session!.user, request.params.id));
  app.post('/api/training-orders', { config: { access: 'training.order' }, schema: { tags, summary: 'File a skill order (an enterprise for itself; the office names the enterprise)', body: orderBody, response: { 201: orderSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await fileTrainingOrder(app.db, request.actor, request.session!.user, request.body)));
  app.post('/api/training-orders/:id/provider', { config: { access: 'training.manage' }, schema: { tags, summary: 'Match a provider to an order', params: uuidParam, body: matchBody, response: { 200: orderSchema, ...withConflict } } },
    async (request) => matchTrainingProvider(app.db, request.actor, request.session!.user, request.params.id, request.body));
  app.get('/api/training-classes', { config: { access: 'training.read' }, schema: { tags, summary: 'Classes: order classes, enterprise order classes (企业订单班), management programmes (研修班)', querystring: classListQuery, response: { 200: classPage, ...errorResponses } } },
    async (request) => listTrainingClasses(app.db, request.session!.user, request.query));
  app.get('/api/training-classes/:id', { config: { access: 'training.read' }, schema: { tags, summary: 'One class with sessions, attendance and trainees', params: uuidParam, response: { 200: classSchema, ...errorResponses } } },
    async (request) => trainingClassDetail(app.db, request.session!.user, request.params.id));
  app.post('/api/training-classes', { config: { access: 'training.manage' }, schema: { tags, summary: 'Open a class', body: classBody, response: { 201: classSchema, ...withConflict } } },
    async (request, reply) => reply.status(201).send(await openTrainingClass(app.db, request.actor, request.session!.user, request.body)));
  app.post('/api/training-classes/:id/sessions', { config: { access: 'training.manage' }, schema: { tags, summary: 'Add a session (课次)', params: uuidParam, body: sessionBody, response: { 200: classSchema, ...withConflict } } },
    async (request) => addTrainingSession(app.db, request.actor, request.session!.user, request.params.id, request.body));
  app.put('/api/training-classes/:id/sessions/:sessionId/attendance', { config: { access: 'training.manage' }, schema: { tags, summary: 'Record a session’s attendance (the trainees present)', params: sessionParams, body: attendanceBody, response: { 200: classSchema, ...withConflict } } },
    async (request) => recordAttendance(app.db, request.actor, request.session!.user, request.params.id, request.params.sessionId, request.body.presentEnrolmentIds));
  app.post('/api/training-classes/:id/enrolments', { config: { access: 'training.manage' }, schema: { tags, summary: 'Enrol a trainee: a talent of the registry, or a new person registered first', params: uuidParam, body: enrolBody, response: { 200: classSchema, ...withConflict } } },
    async (request) => enrolTrainee(app.db, app.secrets, request.actor, request.session!.user, request.params.id, request.body));
  // a class's trainees from a sheet: the one body here that is not JSON, in its own encapsulated scope (as imports do)
  await app.register(async (upload: App) => {
    upload.addContentTypeParser(xlsxMediaType, { parseAs: 'buffer', bodyLimit: 5 * 1024 * 1024 }, (_request, body, done) => done(null, body));
    upload.addContentTypeParser('*', (_request, _payload, done) => done(new AppError(415, 'importMediaType'), undefined));
    upload.post(
      '/api/training-classes/:id/enrolments/import',
      {
        bodyLimit: 5 * 1024 * 1024,
        config: { access: 'training.manage' },
        schema: {
          tags,
          summary: `Enrol a sheet of trainees (.xlsx body, Content-Type ${xlsxMediaType}; columns 姓名, 身份证号码, 手机号码): registered ID numbers enrol that talent, new ones are registered first; all or nothing`,
          params: uuidParam,
          response: { 200: traineeImportResult, ...withConflict, 413: errorSchema, 415: errorSchema },
        },
      },
      async (request) => {
        if (!Buffer.isBuffer(request.body)) throw new AppError(415, 'importMediaType');
        return importTrainees(app.db, app.secrets, request.actor, request.session!.user, request.params.id, request.body);
      },
    );
  });
  app.put('/api/training-enrolments/:id/assessment', { config: { access: 'training.manage' }, schema: { tags, summary: 'Record a trainee’s assessment', params: uuidParam, body: assessmentBody, response: { 200: classSchema, ...withConflict } } },
    async (request) => assessTrainee(app.db, request.actor, request.session!.user, request.params.id, request.body));
  app.post('/api/training-enrolments/:id/certificate', { config: { access: 'training.manage' }, schema: { tags, summary: 'Issue the certificate (written onto the talent’s profile)', params: uuidParam, body: certificateBody, response: { 200: classSchema, ...withConflict } } },
    async (request) => issueCertificate(app.db, app.secrets, request.actor, request.session!.user, request.params.id, request.body));
  app.post('/api/training-enrolments/:id/placement', { config: { access: 'training.manage' }, schema: { tags, summary: 'Place a trainee into the class’s enterprise (the talent’s employer is updated)', params: uuidParam, body: placementBody, response: { 200: classSchema, ...withConflict } } },
    async (request) => placeTrainee(app.db, app.secrets, request.actor, request.session!.user, request.params.id, request.body));
  app.get('/api/training-records', { config: { access: ['training.read', 'talents.read'] }, schema: { tags, summary: 'A talent’s training records: classes, certificates, placements (whoever reads the talent)', querystring: talentTrainingQuery, response: { 200: talentTrainingList, ...errorResponses } } },
    async (request) => talentTrainingRecords(app.db, request.session!.user, request.query.talentId));
}
