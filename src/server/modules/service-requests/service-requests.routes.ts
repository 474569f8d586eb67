import { errorResponses, errorSchema, uuidParam, type App } from '../../http/types';
import {
  categoryBody, categoryList, categoryParam, categorySchema, decisionBody, reassignBody, resubmitBody, serviceRequestBody, serviceRequestListQuery, serviceRequestPage,
  serviceRequestSchema, versionBody,
} from './service-requests.schemas';
import {
  decideServiceRequest, listCategories, listServiceRequests, raiseServiceRequest, reassignServiceRequest, resubmitServiceRequest, routeCategory, serviceRequestDetail,
  withdrawServiceRequest,
} from './service-requests.service';

const tags = ['service requests'];
const requester = ['serviceRequests.submit', 'serviceRequests.record'] as const;

export async function serviceRequestsRoutes(app: App) {
  app.get('/api/service-requests/categories', { config: { access: ['serviceRequests.read', 'serviceRequests.record'] }, schema: { tags, summary: 'Request categories and the unit each routes to', response: { 200: categoryList, ...errorResponses } } },
    async () => listCategories(app.db));
  app.put('/api/service-requests/categories/:code', { config: { access: 'serviceRequests.route' }, schema: { tags, summary: 'Change a category’s routing rule (unit, time limit in working days)', params: categoryParam, body: categoryBody, response: { 200: categorySchema, ...errorResponses, 409: errorSchema } } },
    async (request) => routeCategory(app.db, request.actor, request.params.code, request.body));
  app.get('/api/service-requests', { config: { access: 'serviceRequests.read' }, schema: { tags, summary: 'Service requests I may see (a unit: its own)', querystring: serviceRequestListQuery, response: { 200: serviceRequestPage, ...errorResponses } } },
    async (request) => listServiceRequests(app.db, request.session!.user, request.query));
  app.get('/api/service-requests/:id', { config: { access: 'serviceRequests.read' }, schema: { tags, summary: 'One service request with its history (internal notes for staff only)', params: uuidParam, response: { 200: serviceRequestSchema, ...errorResponses } } },
    async (request) => serviceRequestDetail(app.db, request.session!.user, request.params.id));
  app.post('/api/service-requests', { config: { access: [...requester] }, schema: { tags, summary: 'Raise a request online, or record one at the window for a requester (代办); routed to a unit by its category', body: serviceRequestBody, response: { 201: serviceRequestSchema, ...errorResponses, 409: errorSchema } } },
    async (request, reply) => reply.status(201).send(await raiseServiceRequest(app.db, request.actor, request.session!.user, request.body)));
  app.post('/api/service-requests/:id/decision', { config: { access: 'serviceRequests.handle' }, schema: { tags, summary: 'Handle (approve = 办结), return for correction (退回补正) or decline (不予受理)', params: uuidParam, body: decisionBody, response: { 200: serviceRequestSchema, ...errorResponses, 409: errorSchema } } },
    async (request) => decideServiceRequest(app.db, request.actor, request.session!.user, request.params.id, request.body));
  app.post('/api/service-requests/:id/resubmit', { config: { access: [...requester] }, schema: { tags, summary: 'Send a returned request again, corrected', params: uuidParam, body: resubmitBody, response: { 200: serviceRequestSchema, ...errorResponses, 409: errorSchema } } },
    async (request) => resubmitServiceRequest(app.db, request.actor, request.session!.user, request.params.id, request.body));
  app.post('/api/service-requests/:id/withdraw', { config: { access: [...requester] }, schema: { tags, summary: 'Withdraw an open request', params: uuidParam, body: versionBody, response: { 200: serviceRequestSchema, ...errorResponses, 409: errorSchema } } },
    async (request) => withdrawServiceRequest(app.db, request.actor, request.session!.user, request.params.id, request.body.version));
  app.post('/api/service-requests/:id/reassignment', { config: { access: 'serviceRequests.route' }, schema: { tags, summary: 'Move an open request to another unit (改派, office)', params: uuidParam, body: reassignBody, response: { 200: serviceRequestSchema, ...errorResponses, 409: errorSchema } } },
    async (request) => reassignServiceRequest(app.db, request.actor, request.session!.user, request.params.id, request.body));
}
