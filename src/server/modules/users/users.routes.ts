import { errorResponses, errorSchema, uuidParam, type App } from '../../http/types';
import { bindingOptions, createUser, listUserViews, resetPassword, unlockUser, updateUserAccount } from './users.service';
import { bindingOptions as bindingOptionsSchema, bindingOptionsQuery, createUserBody, resetPasswordBody, updateUserBody, userListQuery, userPage, userSchema } from './users.schemas';

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
    { config: { access: manage }, schema: { tags, summary: 'Create an account', body: createUserBody, response: { 201: userSchema, ...errorResponses, 409: errorSchema } } },
    async (request, reply) => reply.status(201).send(await createUser(app.db, request.actor, request.body)),
  );

  app.patch(
    '/api/users/:id',
    {
      config: { access: manage },
      schema: { tags, summary: 'Change name, roles, binding or disable an account', params: uuidParam, body: updateUserBody, response: { 200: userSchema, ...errorResponses } },
    },
    async (request) => updateUserAccount(app.db, request.actor, request.params.id, request.body),
  );

  app.post(
    '/api/users/:id/password',
    {
      config: { access: manage },
      schema: { tags, summary: 'Set a new password for an account (ends its sessions, clears a lock)', params: uuidParam, body: resetPasswordBody, response: { 200: userSchema, ...errorResponses } },
    },
    async (request) => resetPassword(app.db, request.actor, request.params.id, request.body.newPassword),
  );

  app.post(
    '/api/users/:id/unlock',
    { config: { access: manage }, schema: { tags, summary: 'Lift a sign-in lock', params: uuidParam, response: { 200: userSchema, ...errorResponses } } },
    async (request) => unlockUser(app.db, request.actor, request.params.id),
  );

  app.get(
    '/api/users/binding-options',
    {
      config: { access: 'users.manage' },
      schema: { tags, summary: 'Talents, enterprises or units an account can be bound to', querystring: bindingOptionsQuery, response: { 200: bindingOptionsSchema, ...errorResponses } },
    },
    async (request) => bindingOptions(app.db, request.query.kind, request.query.q),
  );
}
