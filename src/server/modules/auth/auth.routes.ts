import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../errors';
import { errorResponses, errorSchema, type App } from '../../http/types';
import { sessionCookie } from '../../plugins/auth';
import { timingSafeEqual } from 'node:crypto';
import { changePassword, login, logout, runSetup, setupRequired } from './auth.service';
import { sessionAbsoluteMs } from './sessions.repo';
import { demoAccounts, demoPassword } from '../../db/demo';
import { changePasswordBody, loginBody, sessionResponse, setupBody, setupStatus } from './auth.schemas';

const tags = ['auth'];

function setSessionCookie(app: App, request: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(sessionCookie, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https' || app.config.forceSecureCookies,
    maxAge: sessionAbsoluteMs / 1000,
  });
}

export type AuthRoutesOptions = { setupToken?: string };

export async function authRoutes(app: App, options: AuthRoutesOptions) {
  app.post(
    '/api/auth/login',
    {
      config: { access: 'public', csrfExempt: true },
      schema: { tags, summary: 'Sign in; sets the session cookie', body: loginBody, response: { 200: sessionResponse, 401: errorSchema, 403: errorSchema, 423: errorSchema, 429: errorSchema } },
    },
    async (request, reply) => {
      const result = await login(app.db, { ...request.body, ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
      setSessionCookie(app, request, reply, result.token);
      return { user: result.user, csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Sign out; ends the session on the server', response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      await logout(app.db, request.actor, request.session!.tokenHash);
      reply.clearCookie(sessionCookie, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'The signed-in user and the CSRF token', response: { 200: sessionResponse, 401: errorSchema } } },
    async (request) => ({ user: request.session!.user, csrfToken: request.session!.csrfToken }),
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Change one’s own password; all sessions end and a new one starts', body: changePasswordBody, response: { 200: sessionResponse, ...errorResponses } },
    },
    async (request, reply) => {
      const result = await changePassword(app.db, request.actor, { ...request.body, userAgent: request.headers['user-agent'] ?? null });
      setSessionCookie(app, request, reply, result.token);
      return { user: result.user, csrfToken: result.csrfToken };
    },
  );

  app.get(
    '/api/setup',
    { config: { access: 'public' }, schema: { tags, summary: 'Whether first-run set-up is needed', response: { 200: setupStatus } } },
    async () =>
      app.config.demo
        ? { required: false, demo: true, demoAccounts: demoAccounts.map(({ username, roles }) => ({ username, roles })), demoPassword }
        : { required: await setupRequired(app.db), demo: false },
  );

  app.post(
    '/api/setup',
    {
      config: { access: 'public', csrfExempt: true },
      schema: { tags, summary: 'First-run set-up: creates the system, security and audit administrators', body: setupBody, response: { 204: z.null(), ...errorResponses, 409: errorSchema } },
    },
    async (request, reply) => {
      const { setupToken, ...accounts } = request.body;
      const expected = options.setupToken;
      const given = Buffer.from(setupToken);
      if (!expected || given.length !== Buffer.byteLength(expected) || !timingSafeEqual(given, Buffer.from(expected))) {
        throw new AppError(403, 'setupToken', {}, { setupToken: { code: 'invalid' } });
      }
      if (!(await setupRequired(app.db))) throw new AppError(409, 'setupDone');
      await runSetup(app.db, request.actor, accounts);
      return reply.status(204).send(null);
    },
  );
}
