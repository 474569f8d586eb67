import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasUnsafeCharacters, normaliseText, unsafeTextCode } from '../../domain/text';
import { AppError, invalid, type FieldProblem } from '../errors';

/** How deep a JSON body, query or path may nest: a rule 32 levels deep is about 70 (an object and an array a level). */
export const maximumInputDepth = 100;

/**
 * Secrets are checked but never rewritten: a password set before normalisation existed must still match its hash, and
 * a token is compared byte for byte.
 */
const verbatimKey = /password|secret|token/i;

/** At most this many refused fields are named in one answer. */
const maximumProblems = 20;

/** An object of parsed JSON or of a query string (whose prototype has no `constructor`), never a buffer. */
const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || ArrayBuffer.isView(value)) return false;
  const prototype = Object.getPrototypeOf(value) as { constructor?: unknown } | null;
  return prototype === null || prototype === Object.prototype || prototype.constructor === undefined;
};

/**
 * Walks a parsed input without recursion (a body 10,000 levels deep must not overflow the stack): every string but a
 * secret's is normalised (NFC, zero-width characters removed) in place, and every string or key the text rule refuses is named
 * by its dotted path. Returns the problems; throws `inputTooDeep` beyond `maximumInputDepth`.
 */
export function cleanInput(root: unknown, rootPath: string): { value: unknown; problems: Record<string, FieldProblem> } {
  const problems: Record<string, FieldProblem> = {};
  const refuse = (path: string) => {
    if (Object.keys(problems).length < maximumProblems) problems[path || rootPath] ??= { code: unsafeTextCode };
  };
  const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));
  if (typeof root === 'string') {
    if (hasUnsafeCharacters(root)) refuse('');
    return { value: normaliseText(root), problems };
  }
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: '', depth: 0 }];
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    if (depth > maximumInputDepth) throw new AppError(400, 'inputTooDeep', { maximum: maximumInputDepth });
    const visit = (container: Record<string | number, unknown>, key: string | number, childPath: string) => {
      const child = container[key];
      if (typeof child === 'string') {
        if (hasUnsafeCharacters(child)) refuse(childPath);
        else if (typeof key === 'number' || !verbatimKey.test(key)) container[key] = normaliseText(child);
      } else if (Array.isArray(child) || isPlainObject(child)) {
        stack.push({ value: child, path: childPath, depth: depth + 1 });
      }
    };
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index += 1) visit(value as unknown as Record<number, unknown>, index, join(path, index));
    } else if (isPlainObject(value)) {
      for (const key of Object.keys(value)) {
        // a key is named by its object: the key itself is what cannot be shown
        if (hasUnsafeCharacters(key)) refuse(path);
        else visit(value, key, join(path, key));
      }
    }
  }
  return { value: root, problems };
}

function cleanRequest(request: FastifyRequest) {
  const problems: Record<string, FieldProblem> = {};
  for (const part of ['params', 'query', 'body'] as const) {
    const input = request[part] as unknown;
    if (input === undefined || input === null) continue;
    const cleaned = cleanInput(input, part);
    if (typeof input === 'string') (request as { [key in typeof part]: unknown })[part] = cleaned.value;
    Object.assign(problems, cleaned.problems);
  }
  if (Object.keys(problems).length) throw invalid(problems);
}

/**
 * Text hygiene for every route, before its schema runs: strings of the path, the query and a JSON body are normalised,
 * and a request holding NUL, control characters (other than tab and line breaks), unpaired surrogates or bidi controls
 * anywhere is a 400 naming the field. Raw bodies (attachments, spreadsheets) are buffers and pass untouched.
 */
export const inputPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', async (request) => cleanRequest(request));
});
