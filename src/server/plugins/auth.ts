import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { grantingRole, permissions, type Permission } from '../../domain/permissions';
import { isAdminRole, type Role } from '../../domain/roles';
import type { Db } from '../db/client';
import type { users } from '../db/schema';
import { AppError } from '../errors';
import { recordAudit } from '../modules/audit/audit.service';
import { SessionCache } from '../modules/auth/sessions.cache';
import { findLiveSession, hashToken } from '../modules/auth/sessions.repo';

export const sessionCookie = 'tz_session';

/**
 * Who acts: written into every audit row. `role` is the role that granted the permission
 * the route demanded (or all of the user's roles on routes any signed-in user may call).
 */
export type Actor = { userId: string | null; username: string | null; role: string | null; ip: string | null };

export type SessionUser = {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  talentId: string | null;
  organisationId: string | null;
  unitId: string | null;
};

/** See auth.service `restrictionOf`: what the session must do before anything else, or null. */
export type SessionRestriction = 'passwordChangeRequired' | 'secondFactorRequired' | null;

export type RequestSession = { tokenHash: string; csrfToken: string; user: SessionUser; restriction: SessionRestriction; secondFactor: boolean };

/** Every route declares who may call it: anyone, any signed-in user, or holders of (any of) the named permissions. */
export type Access = 'public' | 'authenticated' | Permission | readonly Permission[];

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmenting Fastify's interfaces needs an interface
  interface FastifyContextConfig {
    access?: Access;
    /** State-changing public routes that run before a session exists (login, first-run set-up). */
    csrfExempt?: boolean;
    /**
     * Routes a restricted session may call: `true` under any restriction (me, change password, sign out), or the one
     * restriction they serve (TOTP enrolment while `secondFactorRequired`). Every other route answers 403 with the
     * restriction as the error code.
     */
    whileRestricted?: true | Exclude<SessionRestriction, null>;
  }
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmenting Fastify's interfaces needs an interface
  interface FastifyRequest {
    session: RequestSession | null;
    actor: Actor;
  }
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmenting Fastify's interfaces needs an interface
  interface FastifyInstance {
    /** This app server's session cache (see SessionCache); tests wait on it for other servers' notifications. */
    sessionCache: SessionCache;
  }
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const sameToken = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

/** Origin, when the browser sends it, must be this server: a second line of defence after SameSite and the CSRF token. */
function crossOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    // request.host honours X-Forwarded-Host when the proxy is trusted (TZ_TRUST_PROXY), the Host header otherwise.
    return new URL(origin).host !== request.host;
  } catch {
    return true;
  }
}

/** What a request knows of its signed-in user: identity, roles and the records the roles are bound to. */
export const sessionUserOf = (user: typeof users.$inferSelect): SessionUser => ({
  id: user.id,
  username: user.username,
  displayName: user.displayName,
  roles: [...user.roles],
  talentId: user.talentId,
  organisationId: user.organisationId,
  unitId: user.unitId,
});

/**
 * What a session of this user may do: everything (null); or only read /api/auth/me, change the password and sign out
 * while the password was set by someone else; or only enrol TOTP while an administrator has none.
 */
export function restrictionOf(user: typeof users.$inferSelect): SessionRestriction {
  if (user.mustChangePassword) return 'passwordChangeRequired';
  if (user.roles.some(isAdminRole) && !user.totpEnabledAt) return 'secondFactorRequired';
  return null;
}

/** What the system does by itself (daily work, start-up repairs, restores, break-glass): audited as `system`. */
export const systemActor: Actor = { userId: null, username: 'system', role: null, ip: null };

export const actorOf = (user: SessionUser | null, role: string | null, ip: string | null): Actor => ({
  userId: user?.id ?? null,
  username: user?.username ?? null,
  role,
  ip,
});

export const authPlugin = fp(async (app: FastifyInstance, options: { db: Db }) => {
  const { db } = options;
  // a warm session costs no query; the database's notifications say when to forget (nothing cached without them)
  const cache = new SessionCache();
  app.decorate('sessionCache', cache);
  const listen = app.hasDecorator('database') ? app.database.listen : undefined;
  if (listen) {
    const stop = await listen('tz_sessions', (payload) => cache.forget(payload), (healthy) => cache.setHealthy(healthy));
    // the database may be closed first (it ends its listeners itself)
    app.addHook('onClose', async () => stop().catch(() => undefined));
  }
  app.decorateRequest('session', null);
  app.decorateRequest('actor', null as unknown as Actor);

  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (access === undefined) throw new Error(`Route ${route.method} ${route.url} declares no access rule`);
    const named = access === 'public' || access === 'authenticated' ? [] : typeof access === 'string' ? [access] : access;
    for (const permission of named) {
      if (!(permissions as readonly string[]).includes(permission)) throw new Error(`Route ${route.url}: unknown permission ${permission}`);
    }
  });

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const config = request.routeOptions.config;
    request.actor = actorOf(null, null, request.ip);
    const token = request.cookies[sessionCookie];
    if (token) {
      const live = await findLiveSession(db, token, new Date(), cache);
      if (live) {
        const { user, session } = live;
        request.session = {
          tokenHash: session.tokenHash,
          csrfToken: session.csrfToken,
          user: sessionUserOf(user),
          restriction: restrictionOf(user),
          secondFactor: !!user.totpEnabledAt,
        };
        request.actor = actorOf(request.session.user, user.roles.join(','), request.ip);
      } else {
        reply.clearCookie(sessionCookie, { path: '/' });
      }
    }

    const access = config.access;
    if (access === undefined) return; // not a route of ours (404 handler)
    if (unsafeMethods.has(request.method)) {
      if (crossOrigin(request)) throw new AppError(403, 'crossOrigin');
      if (!config.csrfExempt && access !== 'public') {
        const header = request.headers['x-csrf-token'];
        if (!request.session || typeof header !== 'string' || !sameToken(header, request.session.csrfToken)) {
          if (!request.session) throw new AppError(401, 'unauthenticated');
          throw new AppError(403, 'csrf');
        }
      }
    }
    if (access === 'public') return;
    if (!request.session) throw new AppError(401, 'unauthenticated');
    const { restriction } = request.session;
    if (restriction && config.whileRestricted !== true && config.whileRestricted !== restriction) throw new AppError(403, restriction);
    if (access === 'authenticated') return;
    const wanted = typeof access === 'string' ? [access as Permission] : access;
    const role = wanted.map((permission) => grantingRole(request.session!.user.roles, permission)).find(Boolean) ?? null;
    if (!role) {
      await recordAudit(db, request.actor, {
        action: 'permission.denied',
        targetType: 'route',
        targetId: `${request.method} ${request.routeOptions.url}`,
        result: 'denied',
        detail: wanted.join(' | '),
      });
      throw new AppError(403, 'forbidden');
    }
    request.actor = actorOf(request.session.user, role, request.ip);
  });
});

export { hashToken };
