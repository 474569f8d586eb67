import { stdSerializers, type DestinationStream, type LoggerOptions } from 'pino';
import { maskIdNumber } from '../domain/validators/id-number';
import { maskPhone } from '../domain/validators/phone';

/**
 * Full personal numbers never reach a log. A search for a full ID number or phone puts it in the request line
 * (`GET /api/talents?q=…`), and a database error's message carries its parameters (drizzle: `params: …`); so the
 * request's URL and every text of a logged error pass through `maskNumbers`, and an error's parameters are dropped.
 */

const idNumbers = /(?<![0-9])\d{17}[\dXx]?(?![0-9A-Za-z])/g;
/** A mainland mobile number, optionally with +86/0086 and spaces or hyphens between digits. */
const phones = /(?<![0-9])(?:(?:\+|00)86[\s-]*)?1[3-9](?:[\s-]*\d){9}(?![0-9])/g;

/** A text with ID numbers (17 or 18 characters) and mobile numbers masked as the screens show them. */
export function maskNumbers(text: string): string {
  return text
    .replace(idNumbers, (found) => (found.length === 18 ? maskIdNumber(found.toUpperCase()) : `${found.slice(0, 6)}${'*'.repeat(found.length - 6)}`))
    .replace(phones, (found) => maskPhone(found.replace(/[\s-]/g, '').slice(-11)));
}

/** A URL as the log keeps it: decoded (so `%20`-separated digits are seen too), numbers masked. */
export function maskedUrl(url: string): string {
  let decoded = url;
  try {
    decoded = decodeURIComponent(url.replaceAll('+', ' '));
  } catch {
    // a malformed escape: mask what is there
  }
  return maskNumbers(decoded);
}

type LoggedRequest = { method: string; url: string; hostname?: string; host?: string; ip?: string; socket?: { remotePort?: number } };

/** Fastify's request line, with the URL masked. */
function serializeRequest(request: LoggedRequest) {
  return { method: request.method, url: maskedUrl(request.url), host: request.host ?? request.hostname, remoteAddress: request.ip, remotePort: request.socket?.remotePort };
}

/** Every text of a logged value masked; `params` (a failed query's parameters) left out. */
function scrubbed(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskNumbers(value.replace(/\nparams: [^\n]*/g, '\nparams: [not logged]'));
  if (depth > 5 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => scrubbed(item, depth + 1));
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'params' && key !== 'parameters').map(([key, inner]) => [key, scrubbed(inner, depth + 1)]));
}

/** An error as pino writes it (message, stack, cause), its texts masked and without the query's parameters. */
function serializeError(error: Error) {
  return scrubbed(stdSerializers.err(error));
}

/** The logger options of the app: the level, the masking serializers, and a destination (tests capture the log). */
export function loggerOptions(level: string, stream?: DestinationStream): (LoggerOptions & { stream?: DestinationStream }) | false {
  if (level === 'silent') return false;
  return { level, serializers: { req: serializeRequest as never, err: serializeError as never }, ...(stream ? { stream } : {}) };
}
