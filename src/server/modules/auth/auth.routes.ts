import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../errors';
import { errorResponses, errorSchema, type App } from '../../http/types';
import { sessionCookie } from '../../plugins/auth';
import { timingSafeEqual } from 'node:crypto';
import { changePassword, completeLogin, confirmTotpEnrolment, disableTotp, login, logout, runSetup, secondFactorStatus, setupRequired, startTotpEnrolment, type SessionResult } from './auth.service';
import { newCaptcha } from './throttle';
import { sessionAbsoluteMs } from './sessions.repo';
import { demoAccounts, demoPassword, demoTotpSecret } from '../../db/demo/accounts';
import {
  captchaResponse, challengeResponse, changePasswordBody, loginBody, loginSecondFactorBody, secondFactorStatus as secondFactorStatusSchema, sessionResponse, setupBody,
  setupStatus, totpConfirmBody, totpConfirmResponse, totpDisableBody, totpEnrolmentResponse,
} from './auth.schemas';

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
  const sessionBody = ({ user, restriction, secondFactor, csrfToken }: SessionResult) => ({ user, restriction, secondFactor, csrfToken });

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public', csrfExempt: true },
      schema: {
        tags,
        summary: 'Sign in; sets the session cookie, or answers a challenge token when TOTP is on (then POST /api/auth/login/second-factor)',
        body: loginBody,
        response: { 200: z.union([sessionResponse, challengeResponse]), 400: errorSchema, 401: errorSchema, 403: errorSchema, 429: errorSchema },
      },
    },
    async (request, reply) => {
      const result = await login(app.db, { ...request.body, ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
      if (result.kind === 'challenge') return { secondFactorRequired: true as const, challengeToken: result.challengeToken };
      setSessionCookie(app, request, reply, result.token);
      return sessionBody(result);
    },
  );

  app.post(
    '/api/auth/login/second-factor',
    {
      config: { access: 'public', csrfExempt: true },
      schema: { tags, summary: 'Sign in, second step: a TOTP code or a recovery code for the challenge token', body: loginSecondFactorBody, response: { 200: sessionResponse, 400: errorSchema, 401: errorSchema } },
    },
    async (request, reply) => {
      const result = await completeLogin(app.db, app.secrets, { ...request.body, ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
      setSessionCookie(app, request, reply, result.token);
      return sessionBody(result);
    },
  );

  app.get(
    '/api/auth/captcha',
    { config: { access: 'public' }, schema: { tags, summary: 'A new image captcha (图形验证码) for the sign-in form: single-use, valid 2 minutes', response: { 200: captchaResponse } } },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return newCaptcha(app.db);
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { access: 'authenticated', whileRestricted: true }, schema: { tags, summary: 'Sign out; ends the session on the server', response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      await logout(app.db, request.actor, request.session!.tokenHash);
      reply.clearCookie(sessionCookie, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: 'authenticated', whileRestricted: true },
      schema: { tags, summary: 'The signed-in user, the CSRF token, and what the session must do first (restriction)', response: { 200: sessionResponse, 401: errorSchema } },
    },
    // from the session the request already checked (cached: no query on a warm session)
    async (request) => {
      const { user, restriction, secondFactor, csrfToken } = request.session!;
      return { user, restriction, secondFactor, csrfToken };
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: 'authenticated', whileRestricted: true },
      schema: { tags, summary: 'Change one’s own password (a one-time password too); all sessions end and a new one starts', body: changePasswordBody, response: { 200: sessionResponse, ...errorResponses } },
    },
    async (request, reply) => {
      const result = await changePassword(app.db, request.actor, { ...request.body, userAgent: request.headers['user-agent'] ?? null });
      setSessionCookie(app, request, reply, result.token);
      return sessionBody(result);
    },
  );

  app.get(
    '/api/auth/second-factor',
    { config: { access: 'authenticated', whileRestricted: 'secondFactorRequired' }, schema: { tags, summary: 'Whether TOTP is on, required, and how many recovery codes are left', response: { 200: secondFactorStatusSchema, ...errorResponses } } },
    async (request) => secondFactorStatus(app.db, request.session!.user.id),
  );

  app.post(
    '/api/auth/second-factor/enrolment',
    {
      config: { access: 'authenticated', whileRestricted: 'secondFactorRequired' },
      schema: { tags, summary: 'Start TOTP enrolment: a new secret and its QR code (data URL)', response: { 200: totpEnrolmentResponse, ...errorResponses, 409: errorSchema } },
    },
    async (request) => startTotpEnrolment(app.db, app.secrets, request.actor),
  );

  app.post(
    '/api/auth/second-factor/confirmation',
    {
      config: { access: 'authenticated', whileRestricted: 'secondFactorRequired' },
      schema: { tags, summary: 'Confirm TOTP enrolment with a code; answers the 10 recovery codes, shown once', body: totpConfirmBody, response: { 200: totpConfirmResponse, ...errorResponses, 409: errorSchema } },
    },
    async (request) => {
      const { recoveryCodes, session } = await confirmTotpEnrolment(app.db, app.secrets, request.actor, request.body.code);
      return { recoveryCodes, session: { user: session.user, restriction: session.restriction, secondFactor: session.secondFactor } };
    },
  );

  app.delete(
    '/api/auth/second-factor',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Turn TOTP off (not for administrators), with the password', body: totpDisableBody, response: { 204: z.null(), ...errorResponses, 409: errorSchema } },
    },
    async (request, reply) => {
      await disableTotp(app.db, request.actor, request.body.password);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/setup',
    { config: { access: 'public' }, schema: { tags, summary: 'Whether first-run set-up is needed', response: { 200: setupStatus } } },
    async () =>
      app.config.demo
        ? { required: false, demo: true, demoAccounts: demoAccounts.map(({ username, roles }) => ({ username, roles })), demoPassword, demoTotpSecret }
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
