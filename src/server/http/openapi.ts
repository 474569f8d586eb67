import type { FastifySchema, RouteOptions } from 'fastify';

/**
 * How a client authenticates, for the OpenAPI document: the session cookie that POST /api/auth/login sets, and on
 * state-changing requests the session's CSRF token in a header.
 */
export const openApiSecuritySchemes = {
  cookieAuth: { type: 'apiKey', in: 'cookie', name: 'tz_session', description: 'The session cookie set by POST /api/auth/login (HttpOnly)' },
  csrfToken: {
    type: 'apiKey',
    in: 'header',
    name: 'X-CSRF-Token',
    description: 'The session’s CSRF token (in the answers of POST /api/auth/login and GET /api/auth/me), required on POST, PUT, PATCH and DELETE',
  },
} as const;

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The `security` of one operation: none for a public route (`config.access === 'public'`); otherwise the session
 * cookie, and the CSRF header too when the method changes something.
 */
export function withSecurity(transformed: { schema: FastifySchema; url: string }, route: RouteOptions) {
  const access = (route.config as { access?: unknown } | undefined)?.access;
  const methods = [route.method].flat().map((method) => method.toUpperCase());
  const requirement: Record<string, string[]> = methods.some((method) => stateChanging.has(method)) ? { cookieAuth: [], csrfToken: [] } : { cookieAuth: [] };
  const security = access === 'public' ? [] : [requirement];
  return { ...transformed, schema: { ...transformed.schema, security } };
}
