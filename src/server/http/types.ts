import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database, Db } from '../db/client';
import type { Config } from '../config';
import type { Secrets } from '../security/secrets';

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmenting Fastify's interfaces needs an interface
  interface FastifyInstance {
    db: Db;
    database: Database;
    config: Config;
    secrets: Secrets;
  }
}

/** The Fastify instance routes are registered on: zod schemas type the handlers. */
export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** The error body, for every route's documented error responses. */
export const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()) }),
});

/** Error responses most routes can give, for OpenAPI. */
export const errorResponses = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
};

export const uuidParam = z.object({ id: z.uuid() });
