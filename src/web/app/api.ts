import { i18n } from './i18n';

/** The server's one error shape: `{"error":{"code","message","fields":{path:message}}}`, messages already localized. */
export type ApiErrorBody = { error: { code: string; message: string; fields: Record<string, string> } };

/** A failed API call: the HTTP status, the server's error code, its localized message and per-field messages. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

export type Query = Record<string, string | number | boolean | null | undefined>;
/** Extra request headers (e.g. `Idempotency-Key`); the client's own (CSRF token, language, content type) always win. */
export type RequestHeaders = Record<string, string>;
type RequestOptions = { query?: Query; body?: unknown; headers?: RequestHeaders };
/** Options of the `api` shortcuts. */
export type CallOptions = { headers?: RequestHeaders };
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

let csrfToken: string | null = null;
let unauthenticatedHandler: (() => void) | null = null;

/** The session's CSRF token, sent with every state-changing request (set after sign-in and on start-up). */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Called when a request of a signed-in page answers 401 (the session ended on the server). */
export function setUnauthenticatedHandler(handler: (() => void) | null) {
  unauthenticatedHandler = handler;
}

/** Paths whose 401 is an answer, not a lost session (signing out of an expired session is still a sign-out). */
const sessionlessPaths = new Set(['/api/auth/login', '/api/auth/logout', '/api/auth/me', '/api/setup']);

function urlOf(path: string, query?: Query) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (!value || typeof value !== 'object' || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return !!error && typeof error === 'object' && 'code' in error && 'message' in error;
}

/** Reads a failed response as an ApiError (the server's error shape, or the bare status). */
async function errorOf(response: Response, path: string): Promise<ApiError> {
  if (response.status === 401 && !sessionlessPaths.has(path)) unauthenticatedHandler?.();
  const text = await response.text().catch(() => '');
  let payload: unknown = null;
  try {
    payload = text ? JSON.parse(text) : null;
  } catch {
    payload = null;
  }
  if (isErrorBody(payload)) return new ApiError(response.status, payload.error.code, payload.error.message, payload.error.fields ?? {});
  return new ApiError(response.status, 'http', i18n.t('errors.http', { status: response.status }));
}

async function send(method: Method, url: string, headers: RequestHeaders, body?: BodyInit, extra: RequestHeaders = {}): Promise<Response> {
  const all: RequestHeaders = { ...extra, 'Accept-Language': i18n.language, ...headers };
  if (method !== 'GET' && csrfToken) all['X-CSRF-Token'] = csrfToken;
  try {
    return await fetch(url, { method, headers: all, credentials: 'same-origin', body });
  } catch {
    throw new ApiError(0, 'network', i18n.t('errors.network'));
  }
}

export async function apiRequest<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: RequestHeaders = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await send(method, urlOf(path, options.query), headers, options.body === undefined ? undefined : JSON.stringify(options.body), options.headers);
  if (!response.ok) throw await errorOf(response, path);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  try {
    return (text ? JSON.parse(text) : null) as T;
  } catch {
    return null as T;
  }
}

/** Sends a file's bytes as the request body (not JSON), with its content type; answers the JSON reply. */
export async function apiUpload<T>(path: string, file: Blob, contentType: string, query?: Query): Promise<T> {
  const response = await send('POST', urlOf(path, query), { Accept: 'application/json', 'Content-Type': contentType }, file);
  if (!response.ok) throw await errorOf(response, path);
  return (await response.json()) as T;
}

/** `attachment; filename*=UTF-8''%E4%BA%BA.xlsx` or `filename="a.xlsx"` → the file name, or null. */
function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain ? plain[1].trim() : null;
}

/**
 * Downloads a file the server generates (an Excel template or export) and hands it to the browser as a download,
 * so a refusal shows as a message on the page instead of replacing it. Answers the file name used.
 */
export async function apiDownload(path: string, query: Query | undefined, fallbackName: string): Promise<string> {
  const response = await send('GET', urlOf(path, query), { Accept: 'application/octet-stream, application/json' });
  if (!response.ok) throw await errorOf(response, path);
  const blob = await response.blob();
  const fileName = fileNameOf(response.headers.get('Content-Disposition')) ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return fileName;
}

export const api = {
  get: <T>(path: string, query?: Query, options?: CallOptions) => apiRequest<T>('GET', path, { query, ...options }),
  post: <T>(path: string, body?: unknown, options?: CallOptions) => apiRequest<T>('POST', path, { body, ...options }),
  patch: <T>(path: string, body?: unknown, options?: CallOptions) => apiRequest<T>('PATCH', path, { body, ...options }),
  put: <T>(path: string, body?: unknown, options?: CallOptions) => apiRequest<T>('PUT', path, { body, ...options }),
  delete: <T>(path: string, body?: unknown, options?: CallOptions) => apiRequest<T>('DELETE', path, { body, ...options }),
};

/** The list pattern of every paged endpoint. */
export type Page<T> = { items: T[]; total: number };
