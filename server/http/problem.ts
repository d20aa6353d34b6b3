/**
 * RFC 9457 problem details: the one error shape of the whole API. Every failure — unknown route,
 * bad JSON, schema violation, oversized body, refusal, unexpected crash — leaves through here,
 * with a stable `code` and a title and detail in the caller's language.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { type Locale, type Params, pickLocale, translate } from '../i18n/index';

export interface FieldError {
  /** Where the value was: body, query, params or headers. */
  in: 'body' | 'query' | 'params' | 'headers';
  /** Dotted path inside that part, e.g. `application.filedOn`; empty for the part itself. */
  field: string;
  code: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
}

/** A refusal the caller can act on: status, stable code, message parameters, field errors. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: Params = {},
    readonly fieldErrors: Array<Omit<FieldError, 'message'> & { messageKey?: string; params?: Params }> = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export function requestLocale(request: FastifyRequest): Locale {
  return pickLocale(request.headers['accept-language']);
}

export function buildProblem(
  locale: Locale,
  status: number,
  code: string,
  params: Params,
  extra: { instance?: string; requestId?: string; errors?: FieldError[] } = {},
): Problem {
  return {
    type: `urn:sejour:problem:${code}`,
    title: translate(locale, `errors:problems.${code}.title`, params),
    status,
    detail: translate(locale, `errors:problems.${code}.detail`, params),
    code,
    ...extra,
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem, headers: Record<string, string> = {}): FastifyReply {
  return reply.code(problem.status).headers(headers).type('application/problem+json; charset=utf-8').send(problem);
}

const PART: Record<string, FieldError['in']> = { body: 'body', querystring: 'query', params: 'params', headers: 'headers' };

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

/** Translates one schema violation into a field error a person can read. */
export function fieldErrorFromAjv(locale: Locale, part: FieldError['in'], error: AjvError): FieldError {
  const segments = error.instancePath.split('/').filter(Boolean).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const p = error.params;
  let messageKey = 'invalid';
  let params: Params = {};
  switch (error.keyword) {
    case 'required':
      segments.push(String(p.missingProperty));
      messageKey = 'required';
      break;
    case 'additionalProperties':
      segments.push(String(p.additionalProperty));
      messageKey = 'additional_property';
      params = { property: String(p.additionalProperty) };
      break;
    case 'format':
      messageKey = p.format === 'date' ? 'format_date' : 'format';
      params = { format: String(p.format) };
      break;
    case 'type':
      messageKey = 'type';
      params = { type: String(p.type) };
      break;
    case 'enum':
      messageKey = 'enum';
      params = { values: Array.isArray(p.allowedValues) ? p.allowedValues.join(', ') : '' };
      break;
    case 'const':
    case 'pattern':
      messageKey = error.keyword;
      break;
    case 'minLength':
    case 'maxLength':
    case 'minimum':
    case 'maximum':
    case 'maxItems':
      messageKey = error.keyword.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      params = { limit: Number(p.limit) };
      break;
  }
  return {
    in: part,
    field: segments.join('.'),
    code: error.keyword,
    message: translate(locale, `errors:fields.${messageKey}`, params),
  };
}

/** Maps any thrown error to a problem; `internal` tells the caller to log it as a crash. */
export function problemFromError(
  request: FastifyRequest,
  error: FastifyError | AppError | Error,
  bodyLimit: number,
): { problem: Problem; headers: Record<string, string>; internal: boolean } {
  const locale = requestLocale(request);
  const extra = { instance: request.url.split('?')[0] ?? '/', requestId: String(request.id) };

  if (error instanceof AppError) {
    const errors = error.fieldErrors.map((f) => ({
      in: f.in,
      field: f.field,
      code: f.code,
      message: translate(locale, f.messageKey ?? `errors:fields.${f.code}`, f.params),
    }));
    return {
      problem: buildProblem(locale, error.status, error.code, error.params, { ...extra, ...(errors.length ? { errors } : {}) }),
      headers: error.headers,
      internal: false,
    };
  }

  const fastifyError = error as FastifyError & { validation?: AjvError[]; validationContext?: string };
  if (fastifyError.validation) {
    const part = PART[fastifyError.validationContext ?? 'body'] ?? 'body';
    const errors = fastifyError.validation.map((v) => fieldErrorFromAjv(locale, part, v));
    return { problem: buildProblem(locale, 400, 'validation_failed', {}, { ...extra, errors }), headers: {}, internal: false };
  }

  const simple = (status: number, code: string, params: Params = {}) => ({
    problem: buildProblem(locale, status, code, params, extra),
    headers: {},
    internal: false,
  });
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return simple(400, 'invalid_json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return simple(400, 'empty_body');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return simple(413, 'payload_too_large', { limit: bodyLimit });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return simple(415, 'unsupported_media_type', { contentType: String(request.headers['content-type'] ?? '') });
  }
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) return simple(400, 'invalid_json');
  const status = fastifyError.statusCode;
  if (status === 404) return simple(404, 'not_found');
  if (status === 405) return simple(405, 'method_not_allowed');
  if (status === 413) return simple(413, 'payload_too_large', { limit: bodyLimit });
  if (status === 503) return simple(503, 'service_unavailable');
  if (status !== undefined && status >= 400 && status < 500) return simple(status, 'bad_request');
  if (isDatabaseUnavailable(error)) return simple(503, 'service_unavailable');
  return {
    problem: buildProblem(locale, 500, 'internal_error', { requestId: String(request.id) }, extra),
    headers: {},
    internal: true,
  };
}

/** A lost or refused database connection: the caller should retry, nothing was saved half-way. */
export function isDatabaseUnavailable(error: unknown): boolean {
  // Drizzle wraps the driver's error (`DrizzleQueryError`, the pg error as its `cause`).
  for (let current = error, depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
    const message = (current as { message?: unknown }).message;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((text) => message.includes(text))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);
/** node-postgres reports a dropped connection without a code. */
const UNAVAILABLE_MESSAGES = ['Connection terminated unexpectedly', 'Connection terminated due to connection timeout', 'Client has encountered a connection error'];

/**
 * What the log keeps of an unexpected error: its type, message and stack — but of a failed query
 * only the driver's cause, never the SQL text nor its parameters (they may hold personal data).
 */
export function errorForLog(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  if ('query' in error || 'params' in error) {
    const cause = error.cause instanceof Error ? error.cause : undefined;
    return {
      type: error.name,
      message: `failed query${cause ? `: ${cause.message}` : ''}`,
      code: (cause as { code?: unknown } | undefined)?.code,
      stack: cause?.stack,
    };
  }
  return { type: error.name, message: error.message, code: (error as { code?: unknown }).code, stack: error.stack };
}
