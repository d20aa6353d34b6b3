import { describe, expect, it } from 'vitest';
import { CSRF_COOKIE, CSRF_HEADER } from '../../contract/accounts';
import {
  ApiProblem,
  CLIENT_PROBLEM_CODES,
  CSRF_COOKIE_NAME,
  CSRF_HEADER_NAME,
  buildUrl,
  createApiClient,
  readDocumentCookie,
  type ApiClientConfig,
  type ProblemDetails,
} from './client';

interface Call {
  url: string;
  init: RequestInit;
}

function clientAnswering(
  respond: (call: Call) => Response | Promise<Response>,
  language = 'en',
  extra: Partial<ApiClientConfig> = {},
) {
  const calls: Call[] = [];
  const client = createApiClient({
    ...extra,
    getLanguage: () => language,
    translate: (key, values) => `${key}${values.status === undefined ? '' : ` ${String(values.status)}`}`,
    fetch: async (input, init) => {
      const call = { url: String(input), init: init ?? {} };
      calls.push(call);
      return respond(call);
    },
  });
  return { client, calls };
}

const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

function headersOf(call: Call | undefined): Record<string, string> {
  return (call?.init.headers ?? {}) as Record<string, string>;
}

async function rejection(promise: Promise<unknown>): Promise<ApiProblem> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiProblem) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

const VALIDATION_PROBLEM: ProblemDetails = {
  type: 'urn:sejour:problem:validation_failed',
  title: 'Données invalides',
  status: 400,
  detail: 'Certaines données envoyées ne sont pas valides. Corrigez les champs indiqués.',
  code: 'validation_failed',
  requestId: 'req-42',
  errors: [
    { in: 'body', field: 'application.filedOn', code: 'format_date', message: 'Indiquez une date réelle au format AAAA-MM-JJ.' },
    { in: 'body', field: 'application.filedOn', code: 'required', message: 'Ce champ est obligatoire.' },
  ],
};

describe(createApiClient.name, () => {
  it('prefixes /api/v1 and sends the UI language, JSON accept headers and same-origin credentials', async () => {
    const { client, calls } = clientAnswering(() => json({ items: [] }), 'fr');
    await expect(client.get('/departements', { query: { zone: 'drom', page: 2, skip: undefined } })).resolves.toEqual({ items: [] });
    expect(calls[0]?.url).toBe('/api/v1/departements?zone=drom&page=2');
    expect(calls[0]?.init.method).toBe('GET');
    expect(calls[0]?.init.credentials).toBe('same-origin');
    expect(headersOf(calls[0])).toMatchObject({ 'accept-language': 'fr', accept: 'application/json, application/problem+json' });
  });

  it('sends a JSON body with content-type application/json, and no content-type without a body', async () => {
    const { client, calls } = clientAnswering(() => json({ id: 'a' }, 201));
    await client.post('/applications', { kind: 'renewal' });
    await client.delete('/applications/a');
    expect(calls[0]?.init.body).toBe('{"kind":"renewal"}');
    expect(headersOf(calls[0])['content-type']).toBe('application/json');
    expect(headersOf(calls[1])['content-type']).toBeUndefined();
    expect(calls[1]?.init.body).toBeUndefined();
  });

  it('returns undefined for an empty answer (204)', async () => {
    const { client } = clientAnswering(() => new Response(null, { status: 204 }));
    await expect(client.delete('/applications/a')).resolves.toBeUndefined();
  });

  it('turns a problem+json answer into an ApiProblem that keeps every field of the problem', async () => {
    const { client } = clientAnswering(() => json(VALIDATION_PROBLEM, 400, 'application/problem+json'));
    const problem = await rejection(client.post('/applications', {}));
    expect(problem).toBeInstanceOf(Error);
    expect(problem.name).toBe('ApiProblem');
    expect(problem.message).toBe(VALIDATION_PROBLEM.detail);
    expect(problem.status).toBe(400);
    expect(problem.code).toBe('validation_failed');
    expect(problem.requestId).toBe('req-42');
    expect(problem.toJSON()).toEqual(VALIDATION_PROBLEM);
    expect(problem.fieldErrors()).toEqual({ 'application.filedOn': 'Indiquez une date réelle au format AAAA-MM-JJ.' });
  });

  it('keeps the Location a refusal points to (the existing record of a 409), and none when absent', async () => {
    const conflict = { type: 'urn:sejour:problem:person_already_registered', title: 'Déjà inscrite', status: 409, detail: 'Déjà inscrite.', code: 'person_already_registered' };
    const { client } = clientAnswering(
      () => new Response(JSON.stringify(conflict), { status: 409, headers: { 'content-type': 'application/problem+json', location: '/api/v1/staff/help-desk/people/p-1' } }),
    );
    expect((await rejection(client.post('/staff/help-desk/people', {}))).location).toBe('/api/v1/staff/help-desk/people/p-1');
    const plain = clientAnswering(() => json(VALIDATION_PROBLEM, 400, 'application/problem+json')).client;
    expect((await rejection(plain.post('/applications', {}))).location).toBeUndefined();
  });

  it('keeps the message of a problem that has only a title, or a partial field error', async () => {
    const { client } = clientAnswering(() =>
      json({ title: 'Trop de requêtes', status: 429, errors: [{ field: 'x', message: 'm' }, { nope: true }] }, 429),
    );
    const problem = await rejection(client.get('/anything'));
    expect(problem.message).toBe('Trop de requêtes');
    expect(problem.detail).toBe('Trop de requêtes');
    expect(problem.code).toBe('http_429');
    expect(problem.errors).toEqual([{ field: 'x', message: 'm' }]);
  });

  it('describes an error answer that is not a problem (a proxy page) with its status', async () => {
    const { client } = clientAnswering(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    const problem = await rejection(client.get('/anything'));
    expect(problem.status).toBe(502);
    expect(problem.code).toBe(CLIENT_PROBLEM_CODES.unexpectedResponse);
    expect(problem.message).toBe('unexpectedResponse 502');
  });

  it('turns a network failure into an ApiProblem with status 0, keeping the cause', async () => {
    const failure = new TypeError('Failed to fetch');
    const { client } = clientAnswering(() => Promise.reject(failure));
    const problem = await rejection(client.get('/anything'));
    expect(problem.status).toBe(0);
    expect(problem.code).toBe(CLIENT_PROBLEM_CODES.network);
    expect(problem.message).toBe('network');
    expect(problem.cause).toBe(failure);
  });

  it('lets an abort through untouched', async () => {
    const abort = new DOMException('The operation was aborted.', 'AbortError');
    const { client } = clientAnswering(() => Promise.reject(abort));
    await expect(client.get('/anything')).rejects.toBe(abort);
  });

  it('reports a successful answer whose body is not JSON', async () => {
    const { client } = clientAnswering(() => new Response('not json', { status: 200 }));
    const problem = await rejection(client.get('/anything'));
    expect(problem.code).toBe(CLIENT_PROBLEM_CODES.invalidBody);
  });
});

describe('anti-CSRF token', () => {
  it('uses the same cookie and header names as the contract', () => {
    expect(CSRF_COOKIE_NAME).toBe(CSRF_COOKIE);
    expect(CSRF_HEADER_NAME).toBe(CSRF_HEADER);
  });

  it('echoes the cookie on state-changing requests only', async () => {
    const { client, calls } = clientAnswering(() => json({}), 'en', { readCookie: () => 'tok-1' });
    await client.get('/me');
    await client.post('/auth/sign-out');
    await client.delete('/me/thing');
    expect(headersOf(calls[0])[CSRF_HEADER_NAME]).toBeUndefined();
    expect(headersOf(calls[1])[CSRF_HEADER_NAME]).toBe('tok-1');
    expect(headersOf(calls[2])[CSRF_HEADER_NAME]).toBe('tok-1');
  });

  it('asks the server for a token when the cookie is not there yet', async () => {
    const { client, calls } = clientAnswering(
      (call) => (call.url === '/api/v1/auth/csrf' ? json({ token: 'fresh' }) : json({ ok: true })),
      'en',
      { readCookie: () => undefined },
    );
    await client.post('/auth/sign-in', { email: 'a@b.fr' });
    expect(calls.map((call) => `${call.init.method} ${call.url}`)).toEqual(['GET /api/v1/auth/csrf', 'POST /api/v1/auth/sign-in']);
    expect(headersOf(calls[1])[CSRF_HEADER_NAME]).toBe('fresh');
  });

  it('still sends the request when no token can be had, so the server explains', async () => {
    const { client, calls } = clientAnswering(
      (call) => (call.url === '/api/v1/auth/csrf' ? new Response('', { status: 503 }) : json({ ok: true })),
      'en',
      { readCookie: () => undefined },
    );
    await client.post('/auth/sign-in', {});
    expect(calls).toHaveLength(2);
    expect(headersOf(calls[1])[CSRF_HEADER_NAME]).toBeUndefined();
  });
});

describe(readDocumentCookie.name, () => {
  it('finds one cookie among several, decoded', () => {
    expect(readDocumentCookie('sejour_csrf', 'a=1; sejour_csrf=abc%2Fdef; b=2')).toBe('abc/def');
    expect(readDocumentCookie('sejour_csrf', 'xsejour_csrf=1')).toBeUndefined();
    expect(readDocumentCookie('sejour_csrf', '')).toBeUndefined();
  });
});

describe(buildUrl.name, () => {
  it('keeps a path that already starts with /api/, and appends repeated query values', () => {
    expect(buildUrl('/api/v1', '/api/v2/things', { id: ['a', 'b'], flag: true })).toBe('/api/v2/things?id=a&id=b&flag=true');
    expect(buildUrl('/api/v1', '/things?x=1', { y: 2 })).toBe('/api/v1/things?x=1&y=2');
  });

  it('refuses a relative path', () => {
    expect(() => buildUrl('/api/v1', 'things')).toThrow(TypeError);
  });
});
