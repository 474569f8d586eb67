import { errorResponses, errorSchema, uuidParam, type App } from '../../http/types';
import {
  categoryBody, categoryList, categoryParam, categorySchema, decisionBody, performanceQuery, performanceSchema, ratingBody, reassignBody, reopenBody, resubmitBody,
  serviceRequestBody, serviceRequestListQuery, serviceRequestPage, serviceRequestSchema, subtaskBody, subtaskDecisionBody, subtaskParams, versionBody,
} from './service-requests.schemas';
import {
  decideServiceRequest, decideServiceSubtask, listCategories, listServiceRequests, raiseServiceRequest, rateServiceRequest, reassignServiceRequest, reopenServiceRequest,
  resubmitServiceRequest, routeCategory, serviceRequestDetail, servicePerformance, splitServiceRequest, withdrawServiceRequest,
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
  app.get('/api/service-requests/performance', { config: { access: 'serviceRequests.performance' }, schema: { tags, summary: 'The unit performance table for a period (a unit: its own row)', querystring: performanceQuery, response: { 200: performanceSchema, ...errorResponses } } },
    async (request) => servicePerformance(app.db, request.session!.user, request.query));
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
  app.post('/api/service-requests/:id/subtasks', { config: { access: 'serviceRequests.handle' }, schema: { tags, summary: '联办: hand parts of an open request to other units, each with a time limit', params: uuidParam, body: subtaskBody, response: { 200: serviceRequestSchema, ...errorResponses, 409: errorSchema } } },
    async (request) => splitServiceRequest(app.db, request.actor, request.session!.user, request.params.id, request.body));
  app.post('/api/service-requests/:id/subtasks/:subtaskId/decision', { config: { access: 'serviceRequests.handle' }, schema: { tags, summary: 'A 联办 unit ends its sub-task: done, or returned to the handling unit', params: subtaskParams, body: subtaskDecisionBody, response: { 200: serviceRequestSchema, ...errorResponses, 409: errorSchema } } },
    async (request) => decideServiceSubtask(app.db, request.actor, request.session!.user, request.params.id, request.params.subtaskId, request.body));
  app.post('/api/service-requests/:id/rating', { config: { access: 'serviceRequests.submit' }, schema: { tags, summary: '好差评: rate a done request once (5 非常满意 … 1 非常不满意)', params: uuidParam, body: ratingBody, response: { 200: serviceRequestSchema, ...errorResponses, 409: errorSchema } } },
    async (request) => rateServiceRequest(app.db, request.actor, request.session!.user, request.params.id, request.body));
  app.post('/api/service-requests/:id/reopen', { config: { access: 'serviceRequests.submit' }, schema: { tags, summary: 'Reopen a done request once after rating it 不满意 or 非常不满意', params: uuidParam, body: reopenBody, response: { 200: serviceRequestSchema, ...errorResponses, 409: errorSchema } } },
    async (request) => reopenServiceRequest(app.db, request.actor, request.session!.user, request.params.id, request.body));
}
