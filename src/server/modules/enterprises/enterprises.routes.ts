import { enterpriseInput } from '../../../domain/talent';
import { errorResponses, errorSchema, uuidParam, type App } from '../../http/types';
import { enterpriseDetailSchema, enterpriseListQuery, enterprisePage, updateEnterpriseBody } from './enterprises.schemas';
import { createEnterprise, enterpriseDetail, listEnterpriseSummaries, updateEnterprise } from './enterprises.service';

const tags = ['enterprises'];

export async function enterprisesRoutes(app: App) {
  app.get(
    '/api/enterprises',
    {
      config: { access: 'enterprises.read' },
      schema: { tags, summary: 'The enterprise registry (企业库), with staff counts; contact phones masked', querystring: enterpriseListQuery, response: { 200: enterprisePage, ...errorResponses } },
    },
    async (request) => listEnterpriseSummaries(app.db, request.session!.user, request.query),
  );

  app.get(
    '/api/enterprises/:id',
    { config: { access: 'enterprises.read' }, schema: { tags, summary: 'One enterprise', params: uuidParam, response: { 200: enterpriseDetailSchema, ...errorResponses } } },
    async (request) => enterpriseDetail(app.db, request.session!.user, request.params.id),
  );

  app.post(
    '/api/enterprises',
    {
      config: { access: 'enterprises.create' },
      schema: { tags, summary: 'Register an enterprise', body: enterpriseInput, response: { 201: enterpriseDetailSchema, ...errorResponses, 409: errorSchema } },
    },
    async (request, reply) => reply.status(201).send(await createEnterprise(app.db, app.secrets, request.actor, request.session!.user, request.body)),
  );

  app.put(
    '/api/enterprises/:id',
    {
      config: { access: 'enterprises.write' },
      schema: {
        tags,
        summary: 'Update an enterprise (enterprise HR: its own only; send the version read, 409 when someone else saved first)',
        params: uuidParam,
        body: updateEnterpriseBody,
        response: { 200: enterpriseDetailSchema, ...errorResponses, 409: errorSchema },
      },
    },
    async (request) => updateEnterprise(app.db, app.secrets, request.actor, request.session!.user, request.params.id, request.body),
  );
}
