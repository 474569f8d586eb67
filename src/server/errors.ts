import type { ErrorCode, FieldMessageCode } from '../domain/i18n';

/** A field problem: a message code and its placeholders, rendered in the request's language by the error handler. */
export type FieldProblem = { code: FieldMessageCode; params?: Record<string, string | number> };

/**
 * The one error type services throw. The error handler renders every error as
 * `{"error":{"code","message","fields":{path:message}}}` in the request's language.
 */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly fields: Record<string, FieldProblem> = {},
    /** Response headers the answer carries (`Retry-After` of a 409 or 429). */
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const notFound = () => new AppError(404, 'notFound');
export const forbidden = () => new AppError(403, 'forbidden');
export const conflict = (code: ErrorCode, fields: Record<string, FieldProblem> = {}) => new AppError(409, code, {}, fields);

/** A 400 naming the fields that are wrong; keys are dotted paths (`sysadmin.password`). */
export const invalid = (fields: Record<string, FieldProblem>) => new AppError(400, 'validation', {}, fields);
