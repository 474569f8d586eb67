import { z } from 'zod';
import { errorResponses, errorSchema, uuidParam, type App } from '../../http/types';
import { approveAdminRequest, bindingOptions, createUser, listAdminRequestViews, listUserViews, rejectAdminRequest, resetPassword, updateUserAccount } from './users.service';
import {
  adminRequestSchema, approvalResult, bindingOptions as bindingOptionsSchema, bindingOptionsQuery, createUserBody, filedRequest, updateUserBody, userListQuery, userPage,
  userSchema, withOneTimePassword,
} from './users.schemas';

const tags = ['users'];
/** The system administrator (business accounts) or the security administrator (admin accounts); the service checks which. */
const manage = ['users.manage', 'users.manageAdmins'] as const;

export async function usersRoutes(app: App) {
  app.get(
    '/api/users',
    { config: { access: 'users.read' }, schema: { tags, summary: 'List accounts', querystring: userListQuery, response: { 200: userPage, ...errorResponses } } },
    async (request) => listUserViews(app.db, request.query),
  );

  app.post(
    '/api/users',
    {
      config: { access: manage },
      schema: {
        tags,
        summary: 'Create an account with a one-time password chosen by the server (an admin account: a request for the two other administrators, 202)',
        body: createUserBody,
        response: { 201: withOneTimePassword, 202: filedRequest, ...errorResponses, 409: errorSchema },
      },
    },
    async (request, reply) => {
      const outcome = await createUser(app.db, request.actor, request.body);
      return 'done' in outcome ? reply.status(201).send(outcome.done) : reply.status(202).send(outcome);
    },
  );

  app.patch(
    '/api/users/:id',
    {
      config: { access: manage },
      schema: {
        tags,
        summary: 'Change name, roles, binding or disable an account (roles or status of an admin account: a request, 202)',
        params: uuidParam,
        body: updateUserBody,
        response: { 200: userSchema, 202: filedRequest, ...errorResponses },
      },
    },
    async (request, reply) => {
      const outcome = await updateUserAccount(app.db, request.actor, request.params.id, request.body);
      return 'done' in outcome ? outcome.done : reply.status(202).send(outcome);
    },
  );

  app.post(
    '/api/users/:id/password',
    {
      config: { access: manage },
      schema: {
        tags,
        summary: 'Reset to a one-time password chosen by the server, shown once; ends the account’s sessions (an admin account: a request, 202)',
        params: uuidParam,
        response: { 200: withOneTimePassword, 202: filedRequest, ...errorResponses },
      },
    },
    async (request, reply) => {
      const outcome = await resetPassword(app.db, request.actor, request.params.id);
      return 'done' in outcome ? outcome.done : reply.status(202).send(outcome);
    },
  );

  app.get(
    '/api/users/binding-options',
    {
      config: { access: 'users.manage' },
      schema: { tags, summary: 'Talents, enterprises or units an account can be bound to', querystring: bindingOptionsQuery, response: { 200: bindingOptionsSchema, ...errorResponses } },
    },
    async (request) => bindingOptions(app.db, request.query.kind, request.query.q),
  );

  app.get(
    '/api/admin-requests',
    {
      config: { access: 'adminRequests.decide' },
      schema: { tags, summary: 'Requests on admin accounts: pending first, then the latest decided', response: { 200: z.array(adminRequestSchema), ...errorResponses } },
    },
    async (request) => listAdminRequestViews(app.db, request.actor),
  );

  app.post(
    '/api/admin-requests/:id/approval',
    {
      config: { access: 'adminRequests.decide' },
      schema: {
        tags,
        summary: 'Approve; the last approval carries the change out (and answers a one-time password once, for a reset or a creation)',
        params: uuidParam,
        response: { 200: approvalResult, ...errorResponses, 409: errorSchema },
      },
    },
    async (request) => approveAdminRequest(app.db, request.actor, request.params.id),
  );

  app.post(
    '/api/admin-requests/:id/rejection',
    {
      config: { access: 'adminRequests.decide' },
      schema: { tags, summary: 'Turn down (an approver) or withdraw (the requester) a pending request', params: uuidParam, response: { 200: adminRequestSchema, ...errorResponses, 409: errorSchema } },
    },
    async (request) => rejectAdminRequest(app.db, request.actor, request.params.id),
  );
}
