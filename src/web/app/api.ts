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

type Query = Record<string, string | number | boolean | null | undefined>;
type RequestOptions = { query?: Query; body?: unknown };
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

export async function apiRequest<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': i18n.language };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(urlOf(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'network', i18n.t('errors.network'));
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let payload: unknown = null;
  try {
    payload = text ? JSON.parse(text) : null;
  } catch {
    payload = null;
  }
  if (!response.ok) {
    if (response.status === 401 && !sessionlessPaths.has(path)) unauthenticatedHandler?.();
    if (isErrorBody(payload)) throw new ApiError(response.status, payload.error.code, payload.error.message, payload.error.fields ?? {});
    throw new ApiError(response.status, 'http', i18n.t('errors.http', { status: response.status }));
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => apiRequest<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, { body }),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>('PATCH', path, { body }),
};

/** The list pattern of every paged endpoint. */
export type Page<T> = { items: T[]; total: number };
