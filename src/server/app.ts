import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Config } from './config';
import type { Database } from './db/client';
import type { Secrets } from './security/secrets';
import type { DestinationStream } from 'pino';
import { AppError } from './errors';
import { openApiSecuritySchemes, withSecurity } from './http/openapi';
import { loggerOptions } from './logging';
import type { App } from './http/types';
import { authPlugin } from './plugins/auth';
import { errorBody, errorsPlugin, languageOf } from './plugins/errors';
import { inputPlugin } from './plugins/input';
import { auditRoutes } from './modules/audit/audit.routes';
import { useAuditChain } from './modules/audit/audit.chain';
import { authRoutes } from './modules/auth/auth.routes';
import { homeRoutes } from './modules/home/home.routes';
import { organisationsRoutes } from './modules/organisations/organisations.routes';
import { usersRoutes } from './modules/users/users.routes';
import { referenceRoutes } from './modules/reference/reference.routes';
import { talentsRoutes } from './modules/talents/talents.routes';
import { enterprisesRoutes } from './modules/enterprises/enterprises.routes';
import { importsRoutes } from './modules/imports/imports.routes';
import { policiesRoutes } from './modules/policies/policies.routes';
import { calendarRoutes } from './modules/calendar/calendar.routes';
import { refreshWorkingCalendar } from './modules/calendar/calendar.service';
import { talentCardRoutes } from './modules/talent-card/talent-card.routes';
import { poolsRoutes } from './modules/pools/pools.routes';
import { casesRoutes } from './modules/cases/cases.routes';
import { serviceRequestsRoutes } from './modules/service-requests/service-requests.routes';
import { apartmentsRoutes } from './modules/apartments/apartments.routes';
import { loansRoutes } from './modules/loans/loans.routes';
import { titleEvaluationsRoutes } from './modules/title-evaluations/title-evaluations.routes';
import { selectionsRoutes } from './modules/selections/selections.routes';
import { demandsRoutes } from './modules/demands/demands.routes';
import { campaignsRoutes } from './modules/campaigns/campaigns.routes';
import { trainingRoutes } from './modules/training/training.routes';
import { challengesRoutes } from './modules/challenges/challenges.routes';
import { flexibleTalentRoutes } from './modules/flexible-talent/flexible-talent.routes';
import { universitiesRoutes } from './modules/universities/universities.routes';
import { platformsRoutes } from './modules/platforms/platforms.routes';
import { retentionRoutes } from './modules/retention/retention.routes';
import { coordinationRoutes } from './modules/coordination/coordination.routes';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes';
import { analyticsRoutes } from './modules/analytics/analytics.routes';

export type AppOptions = {
  config: Config;
  database: Database;
  /** Printed at start-up when first-run set-up is needed; the set-up form asks for it. */
  setupToken?: string;
  /** Encryption and look-up hashing of personal data (see config.secretsFor). */
  secrets: Secrets;
  /** Where the log goes (standard output by default; tests capture it). */
  logStream?: DestinationStream;
};

/** Zod validation that keeps the raw issues (with their input) so the error handler can name fields in the request's language. */
const validatorCompiler =
  ({ schema }: { schema: z.ZodType }) =>
  (data: unknown) => {
    const result = schema.safeParse(data, { reportInput: true });
    return result.success ? { value: result.data } : { error: result.error.issues as unknown as Error };
  };

/** A file of the build's `assets/` folder: its name carries its content hash, so it may be cached for good. */
function isHashedAsset(webDir: string, path: string): boolean {
  return relative(webDir, path).split(sep)[0] === 'assets';
}

/** Builds the whole app without listening: `main` listens, tests call `app.inject`. */
export async function buildApp({ config, database, setupToken, secrets, logStream }: AppOptions): Promise<App> {
  const app = Fastify({
    // full ID numbers and phones are masked in the request line and in logged errors (logging.ts)
    logger: loggerOptions(config.logLevel, logStream),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Malformed URLs are refused before routing, past the error handler and helmet's hooks: answer them in the one
    // error shape too.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
      return reply.status(status).header('x-content-type-options', 'nosniff').send(errorBody('badRequest', languageOf(request), {}, {}));
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', database.db);
  app.decorate('database', database);
  app.decorate('config', config);
  app.decorate('secrets', secrets);
  useAuditChain(secrets);
  // the working-day calendar (holidays, 调休) with the office's overrides, so deadline maths stays synchronous
  await refreshWorkingCalendar(database.db, { force: true });

  // JSON bodies only: without a parser for text/plain, anything but JSON is answered 415.
  app.removeContentTypeParser('text/plain');

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd writes its styles at run time (CSS-in-JS): inline style elements, never inline script.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
    hsts: config.production ? undefined : false,
  });
  await app.register(cookie);
  await app.register(errorsPlugin);
  await app.register(inputPlugin);
  await app.register(swagger, {
    openapi: {
      info: { title: 'TalentZone API', description: 'TalentZone — 高新区人才工作平台', version: '0.1.0' },
      components: { securitySchemes: openApiSecuritySchemes },
      security: [{ cookieAuth: [] }],
    },
    transform: (input) => withSecurity(jsonSchemaTransform(input), input.route),
    // schemas with an id (`.meta({ id })`, e.g. the recursive ExplainNode) become components that routes reference
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  // Routes that plugins add (static files, API docs) are public; our own routes must declare access (checked in authPlugin).
  app.addHook('onRoute', (route) => {
    if (route.config?.access === undefined && (!route.url.startsWith('/api') || route.url.startsWith('/api/docs'))) {
      route.config = { ...route.config, access: 'public' };
      route.schema = { ...route.schema, hide: true };
    }
  });
  await app.register(authPlugin, { db: database.db });

  app.get(
    '/api/health',
    { config: { access: 'public' }, schema: { tags: ['system'], summary: 'Liveness and database check', response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) }) } } },
    async () => {
      await database.db.execute(sql`select 1`);
      return { status: 'ok' as const, db: database.kind };
    },
  );
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  await app.register(authRoutes, { setupToken });
  await app.register(usersRoutes);
  await app.register(auditRoutes);
  await app.register(organisationsRoutes);
  await app.register(homeRoutes);
  await app.register(referenceRoutes);
  await app.register(talentsRoutes);
  await app.register(enterprisesRoutes);
  await app.register(importsRoutes);
  await app.register(policiesRoutes);
  await app.register(calendarRoutes);
  await app.register(talentCardRoutes);
  await app.register(casesRoutes);
  await app.register(serviceRequestsRoutes);
  await app.register(poolsRoutes);
  await app.register(apartmentsRoutes);
  await app.register(loansRoutes);
  await app.register(titleEvaluationsRoutes);
  await app.register(selectionsRoutes);
  await app.register(demandsRoutes);
  await app.register(campaignsRoutes);
  await app.register(trainingRoutes);
  await app.register(challengesRoutes);
  await app.register(flexibleTalentRoutes);
  await app.register(universitiesRoutes);
  await app.register(platformsRoutes);
  await app.register(retentionRoutes);
  await app.register(coordinationRoutes);
  await app.register(dashboardRoutes);
  await app.register(analyticsRoutes);

  const indexHtml = join(config.webDir, 'index.html');
  const hasWeb = existsSync(indexHtml);
  if (hasWeb) {
    // The build writes a brotli (.br) and a gzip (.gz) copy next to each file (vite.config.ts): one is sent by the
    // request's Accept-Encoding, the plain file otherwise. Hashed assets never change under their name; everything
    // else (index.html, the icon) is revalidated by its ETag on every use.
    await app.register(fastifyStatic, {
      root: config.webDir,
      wildcard: false,
      index: false,
      preCompressed: true,
      globIgnore: ['**/*.br', '**/*.gz', '.build-stamp'],
      // our own Cache-Control (send's `public, max-age=0` would replace the one set below)
      cacheControl: false,
      setHeaders: (response, path) => {
        response.setHeader('Cache-Control', isHashedAsset(config.webDir, path) ? 'public, max-age=31536000, immutable' : 'no-cache');
        response.setHeader('Vary', 'Accept-Encoding');
      },
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    // a missing hashed asset (a chunk of an older build) is a 404, never the page: a script must not get HTML
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/api') && !request.url.startsWith('/assets/') && hasWeb;
    if (wantsPage) return reply.sendFile('index.html');
    throw new AppError(404, 'routeNotFound');
  });
  return app;
}
