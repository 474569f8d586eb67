import { issueProblem } from '../../domain/issues';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { z } from 'zod';
import { errorMessages, fieldLabel, fieldMessages, fill, labelScopeOfRoute, pickLanguage, type ErrorCode, type Language, type LabelScope } from '../../domain/i18n';
import { AppError, type FieldProblem } from '../errors';

export type ErrorBody = { error: { code: ErrorCode; message: string; fields: Record<string, string> } };

/** The request's language: the web app sends its chosen language as Accept-Language. */
export const languageOf = (request: FastifyRequest): Language => pickLanguage(request.headers['accept-language']);

const problemOf = issueProblem;

const render = (problem: FieldProblem, language: Language) => fill(fieldMessages[problem.code][language], problem.params);

/** `educations.0.school` → `['educations', 0, 'school']`, so a list item reads #1. */
const pathOf = (path: string) => path.split('.').map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));

function body(code: ErrorCode, language: Language, params: Record<string, string | number>, problems: Record<string, FieldProblem>, scope?: LabelScope): ErrorBody {
  const fields: Record<string, string> = {};
  const named: string[] = [];
  for (const [path, problem] of Object.entries(problems)) {
    const label = fieldLabel(pathOf(path), language, scope);
    fields[path] = `${label}${language === 'zh-CN' ? '：' : ' '}${render(problem, language)}`;
    named.push(label);
  }
  const separator = language === 'zh-CN' ? '、' : ', ';
  return { error: { code, message: fill(errorMessages[code][language], { ...params, fields: named.join(separator) }), fields } };
}

function issuesToProblems(issues: z.core.$ZodIssue[], prefix: string | undefined): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.') || prefix || 'body';
    problems[path] ??= problemOf(issue);
  }
  return problems;
}

export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) => {
    const language = languageOf(request);
    // the same field name means different things on different resources: `name` is 企业名称 on /api/enterprises
    const scope = labelScopeOfRoute(request.routeOptions.url);
    if (error instanceof AppError) {
      // a limit says when to come back (seconds)
      if (typeof error.params.retryAfter === 'number') reply.header('Retry-After', String(error.params.retryAfter));
      return reply.status(error.statusCode).send(body(error.code, language, error.params, error.fields, scope));
    }
    const validation = (error as FastifyError).validation as unknown as z.core.$ZodIssue[] | undefined;
    if (validation) {
      const context = (error as FastifyError).validationContext;
      return reply.status(400).send(body('validation', language, {}, issuesToProblems(validation, context), scope));
    }
    // a unique index that settled a race between two writers
    if ((error as { code?: string }).code === '23505') return reply.status(409).send(body('conflict', language, {}, {}));
    const status = (error as FastifyError).statusCode ?? 500;
    if (status === 415) return reply.status(415).send(body('unsupportedMediaType', language, {}, {}));
    if (status === 413) return reply.status(413).send(body('payloadTooLarge', language, {}, {}));
    if (status >= 400 && status < 500) return reply.status(status).send(body('badRequest', language, {}, {}));
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(body('internal', language, {}, {}));
  });
});

/** The error response schema, for OpenAPI. */
export { body as errorBody };
