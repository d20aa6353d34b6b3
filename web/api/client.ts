/**
 * Typed fetch wrapper for the Sejour API (`/api/v1/...`).
 *
 *   const departements = await api.get<DepartementListBody>('/departements');
 *   await api.post<ApplicationBody>('/applications', { ... }, { signal });
 *
 * Every request carries `Accept-Language` (the current UI language, so problems come back in the
 * reader's language) and `Accept: application/json`; a request with a body also carries
 * `content-type: application/json` (only then: Fastify answers 400 to an empty body announced as
 * JSON). A state-changing request (POST, PUT, PATCH, DELETE) also carries the anti-CSRF token the
 * server expects (`x-csrf-token` = the `sejour_csrf` cookie; when the cookie is not there yet, the
 * client asks `GET /api/v1/auth/csrf` for one first).
 * Any non-2xx answer, and any network failure, rejects with an `ApiProblem` that keeps the
 * server's RFC 9457 problem as is: its `message` is the problem's `detail` (else its `title`).
 */
import type { ProblemBody } from '../../contract/problem';
import { currentLanguage, i18n } from '../i18n';

export const API_BASE = '/api/v1';

/**
 * The values of `CSRF_COOKIE` and `CSRF_HEADER` in contract/accounts.ts, repeated here so that the
 * bundle does not pull that module's schemas (and typebox) in; client.test.ts checks they agree.
 */
export const CSRF_COOKIE_NAME = 'sejour_csrf';
export const CSRF_HEADER_NAME = 'x-csrf-token';
const CSRF_ENDPOINT = '/auth/csrf';
const STATE_CHANGING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type ContractFieldError = NonNullable<ProblemBody['errors']>[number];
/** One invalid field. The contract's `in` and `code` are kept when present, never required. */
export type ProblemFieldError = Pick<ContractFieldError, 'field' | 'message'> &
  Partial<Omit<ContractFieldError, 'field' | 'message'>>;
/** RFC 9457 problem details as described by `contract/problem.ts`. */
export type ProblemDetails = Omit<ProblemBody, 'errors'> & { errors?: ProblemFieldError[] };

/** Codes the client itself gives to failures that did not come with a problem from the server. */
export const CLIENT_PROBLEM_CODES = {
  /** The request never got an answer (offline, DNS, server down, CORS…). */
  network: 'network_error',
  /** The server answered an error without a problem+json body (proxy page, empty body…). */
  unexpectedResponse: 'unexpected_response',
  /** A 2xx answer whose body is not the JSON announced. */
  invalidBody: 'invalid_response_body',
} as const;

export class ApiProblem extends Error {
  override readonly name = 'ApiProblem';
  readonly type: string;
  readonly title: string;
  /** HTTP status; 0 when no answer came back. */
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly instance: string | undefined;
  readonly requestId: string | undefined;
  readonly errors: readonly ProblemFieldError[];
  /** The answer's `Location` header: what the refusal points to (e.g. the existing record of a 409). */
  readonly location: string | undefined;

  constructor(problem: ProblemDetails, options?: { cause?: unknown; location?: string | undefined }) {
    super(problem.detail || problem.title, options);
    this.type = problem.type;
    this.title = problem.title;
    this.status = problem.status;
    this.detail = problem.detail;
    this.code = problem.code;
    this.instance = problem.instance;
    this.requestId = problem.requestId;
    this.errors = problem.errors ?? [];
    this.location = options?.location;
  }

  /** The message of each invalid field, by dotted field path (first message wins). */
  fieldErrors(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const error of this.errors) byField[error.field] ??= error.message;
    return byField;
  }

  /** The problem as the server sent it (or as the client built it). */
  toJSON(): ProblemDetails {
    return {
      type: this.type,
      title: this.title,
      status: this.status,
      detail: this.detail,
      code: this.code,
      ...(this.instance === undefined ? {} : { instance: this.instance }),
      ...(this.requestId === undefined ? {} : { requestId: this.requestId }),
      ...(this.errors.length === 0 ? {} : { errors: [...this.errors] }),
    };
  }
}

export function isApiProblem(error: unknown): error is ApiProblem {
  return error instanceof ApiProblem;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  /** Appended as a query string; `undefined` and `null` values are left out. */
  query?: Record<string, QueryValue | readonly QueryValue[]>;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export interface ApiClientConfig {
  /** The UI language, sent as `Accept-Language`. */
  getLanguage: () => string;
  /** Localised texts for the failures the client has to describe itself. */
  translate: (key: 'network' | 'unexpectedResponse' | 'invalidBody', values: Record<string, unknown>) => string;
  /** Reads a cookie of this page (for the anti-CSRF token); without it, no token is sent. */
  readCookie?: (name: string) => string | undefined;
  fetch?: typeof fetch;
  baseUrl?: string;
}

export type ApiClient = ReturnType<typeof createApiClient>;

export function createApiClient(config: ApiClientConfig) {
  const baseUrl = config.baseUrl ?? API_BASE;

  async function request<T>(method: string, path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
    const url = buildUrl(baseUrl, path, options.query);
    const headers: Record<string, string> = {
      accept: 'application/json, application/problem+json',
      'accept-language': config.getLanguage(),
      ...options.headers,
    };
    if (STATE_CHANGING_METHODS.has(method)) {
      const token = await csrfToken(options.signal);
      if (token !== undefined) headers[CSRF_HEADER_NAME] = token;
    }
    const init: RequestInit = { method, headers, credentials: 'same-origin' };
    if (options.signal !== undefined) init.signal = options.signal;
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }

    let response: Response;
    try {
      response = await (config.fetch ?? globalThis.fetch)(url, init);
    } catch (error) {
      // An abort is the caller's own decision: let it through untouched.
      if (isAbortError(error)) throw error;
      throw new ApiProblem(
        clientProblem(CLIENT_PROBLEM_CODES.network, 0, config.translate('network', {})),
        { cause: error },
      );
    }

    const text = await response.text();
    if (!response.ok) throw problemFromResponse(response, text, config);
    if (text === '') return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new ApiProblem(
        clientProblem(CLIENT_PROBLEM_CODES.invalidBody, response.status, config.translate('invalidBody', {})),
        { cause: error },
      );
    }
  }

  /** The cookie's token, else a fresh one from the server (which also sets the cookie). */
  async function csrfToken(signal: AbortSignal | undefined): Promise<string | undefined> {
    if (config.readCookie === undefined) return undefined;
    const fromCookie = config.readCookie(CSRF_COOKIE_NAME);
    if (fromCookie !== undefined && fromCookie !== '') return fromCookie;
    try {
      const body = await request<{ token?: unknown }>('GET', CSRF_ENDPOINT, undefined, signal === undefined ? {} : { signal });
      return typeof body?.token === 'string' ? body.token : undefined;
    } catch (error) {
      if (isAbortError(error)) throw error;
      // Send the request anyway: the server's own answer (a 403 problem) then says what is wrong.
      return undefined;
    }
  }

  return {
    request,
    get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
    delete: <T = void>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
    post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body, options),
    put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, body, options),
    patch: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', path, body, options),
  };
}

/** `/departements` → `/api/v1/departements`; a path already starting with `/api/` is kept. */
export function buildUrl(baseUrl: string, path: string, query?: RequestOptions['query']): string {
  if (!path.startsWith('/')) throw new TypeError(`API path must start with "/": ${path}`);
  let url = path.startsWith('/api/') ? path : `${baseUrl}${path}`;
  if (query !== undefined) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      const values: readonly QueryValue[] = Array.isArray(value) ? value : [value as QueryValue];
      for (const item of values) if (item !== undefined && item !== null) params.append(key, String(item));
    }
    const search = params.toString();
    if (search !== '') url += (url.includes('?') ? '&' : '?') + search;
  }
  return url;
}

function problemFromResponse(response: Response, text: string, config: ApiClientConfig): ApiProblem {
  const parsed = parseJson(text);
  if (isProblemLike(parsed)) {
    return new ApiProblem({
      type: typeof parsed.type === 'string' ? parsed.type : 'about:blank',
      title: parsed.title ?? parsed.detail ?? '',
      status: typeof parsed.status === 'number' ? parsed.status : response.status,
      detail: parsed.detail ?? parsed.title ?? '',
      code: typeof parsed.code === 'string' ? parsed.code : `http_${response.status}`,
      ...(typeof parsed.instance === 'string' ? { instance: parsed.instance } : {}),
      ...(typeof parsed.requestId === 'string' ? { requestId: parsed.requestId } : {}),
      ...(Array.isArray(parsed.errors) ? { errors: parsed.errors.filter(isFieldError) } : {}),
    }, { location: response.headers.get('location') ?? undefined });
  }
  return new ApiProblem(
    clientProblem(
      CLIENT_PROBLEM_CODES.unexpectedResponse,
      response.status,
      config.translate('unexpectedResponse', { status: response.status }),
    ),
  );
}

function clientProblem(code: string, status: number, message: string): ProblemDetails {
  return { type: `urn:sejour:problem:${code}`, title: message, status, detail: message, code };
}

type ProblemLike = Partial<Record<keyof ProblemDetails, unknown>> & { title?: string; detail?: string };

function isProblemLike(value: unknown): value is ProblemLike {
  if (typeof value !== 'object' || value === null) return false;
  const { title, detail } = value as Record<string, unknown>;
  return (typeof title === 'string' && title !== '') || (typeof detail === 'string' && detail !== '');
}

function isFieldError(value: unknown): value is ProblemFieldError {
  if (typeof value !== 'object' || value === null) return false;
  const { field, message } = value as Record<string, unknown>;
  return typeof field === 'string' && typeof message === 'string';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

/** `name=value` from `document.cookie`, decoded. */
export function readDocumentCookie(name: string, cookies: string = document.cookie): string | undefined {
  for (const part of cookies.split(';')) {
    const separator = part.indexOf('=');
    if (separator === -1 || part.slice(0, separator).trim() !== name) continue;
    const value = part.slice(separator + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}

/** The app's client: language from i18next, failure texts from `common:api.*`, CSRF from the cookie. */
export const api = createApiClient({
  getLanguage: currentLanguage,
  translate: (key, values) => i18n.t(`common:api.${key}`, values),
  readCookie: (name) => (typeof document === 'undefined' ? undefined : readDocumentCookie(name)),
});
