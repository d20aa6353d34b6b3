import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app';
import { createTestDatabase } from '../../test/db';
import { loadEnv } from '../env';
import { buildApp } from './app';

const { app } = await createTestApp();

function isProblem(response: { headers: Record<string, unknown>; statusCode: number }, status: number) {
  expect(response.statusCode).toBe(status);
  expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
}

describe('errors as problem details', () => {
  it('answers an unknown API route with a 404 problem in French by default', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/nope' });
    isProblem(response, 404);
    const body = response.json();
    expect(body).toMatchObject({ status: 404, code: 'route_not_found', instance: '/api/v1/nope' });
    expect(body.detail).toContain("n'existe pas");
    expect(body.requestId).toBe(response.headers['x-request-id']);
  });

  it('speaks English when Accept-Language prefers it', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/nope', headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(response.json().detail).toBe('GET /api/v1/nope does not exist in the Sejour API.');
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/departements',
      headers: { 'content-type': 'application/json' },
      payload: '{bad',
    });
    isProblem(response, 400);
    expect(response.json().code).toBe('invalid_json');
  });

  it('names the offending field when a parameter breaks the schema', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/departements/99', headers: { 'accept-language': 'en' } });
    isProblem(response, 400);
    expect(response.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ in: 'params', field: 'code', code: 'pattern', message: 'This field does not have the expected format.' }],
    });
  });

  it('refuses a code that is not a département with a prefecture (975)', async () => {
    // 975 is not a département with a prefecture under CESEDA, and the pattern refuses it
    const response = await app.inject({ method: 'GET', url: '/api/v1/departements/975' });
    isProblem(response, 400);
  });

  it('refuses an oversized body with 413', async () => {
    const { app: small } = await createTestApp({ BODY_LIMIT_BYTES: '1024' });
    const response = await small.inject({
      method: 'POST',
      url: '/api/v1/departements',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ x: 'a'.repeat(5000) }),
    });
    isProblem(response, 413);
    expect(response.json().detail).toContain('1024');
  });

  it('hides an unexpected error behind a 500 problem with a request id and no stack', async () => {
    const database = await createTestDatabase();
    const logs: string[] = [];
    const crashing = await buildApp({
      env: loadEnv({ NODE_ENV: 'test' }),
      database,
      logger: { level: 'error', stream: { write: (line: string) => logs.push(line) } },
    });
    crashing.get(
      '/api/v1/crash',
      { config: { access: 'public' }, schema: { response: { 200: Type.Object({}) } } },
      async () => {
        throw new Error('secret internals at /srv/sejour/server/x.ts:12');
      },
    );
    const response = await crashing.inject({ method: 'GET', url: '/api/v1/crash', headers: { 'x-request-id': 'req-abcdef12' } });
    isProblem(response, 500);
    const body = response.json();
    expect(body.code).toBe('internal_error');
    expect(body.requestId).toBe('req-abcdef12');
    expect(response.body).not.toContain('secret internals');
    expect(response.body).not.toContain('.ts:');
    expect(logs.join('')).toContain('req-abcdef12');
    expect(logs.join('')).toContain('secret internals');
    await crashing.close();
    await database.close();
  });

  it('answers 429 with Retry-After once a client passes the rate limit', async () => {
    const { app: limited } = await createTestApp({ RATE_LIMIT_MAX: '2' });
    for (let i = 0; i < 2; i++) expect((await limited.inject({ url: '/api/v1/departements/69' })).statusCode).toBe(200);
    const response = await limited.inject({ url: '/api/v1/departements/69', headers: { 'accept-language': 'en' } });
    isProblem(response, 429);
    expect(response.json().code).toBe('rate_limited');
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    // probes are never limited
    expect((await limited.inject({ url: '/healthz' })).statusCode).toBe(200);
  });
});

describe('routes declare who may call them', () => {
  it('refuses to start with a route that does not declare its access', async () => {
    const database = await createTestDatabase();
    const bad = await buildApp({ env: loadEnv({ NODE_ENV: 'test' }), database, logger: false });
    expect(() => bad.get('/api/v1/undeclared', async () => ({}))).toThrow(/does not declare config.access/);
    await bad.close();
    await database.close();
  });
});

describe('security headers', () => {
  it('sends a strict CSP, no-sniff and no framing', async () => {
    const response = await app.inject({ url: '/healthz' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('adds HSTS when served over https', async () => {
    const { app: tls } = await createTestApp({ PUBLIC_URL: 'https://sejour.example.org' });
    const response = await tls.inject({ url: '/healthz' });
    expect(response.headers['strict-transport-security']).toContain('max-age=31536000');
  });
});

describe('health, readiness and metrics', () => {
  it('reports ready with every migration applied', async () => {
    const response = await app.inject({ url: '/readyz' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.status).toBe('ready');
    expect(body.migrations.applied).toBe(body.migrations.expected);
  });

  it('reports not ready (503 problem) when the database is gone', async () => {
    const { app: orphan, database } = await createTestApp();
    await database.close();
    const response = await orphan.inject({ url: '/readyz' });
    isProblem(response, 503);
    expect((await orphan.inject({ url: '/healthz' })).statusCode).toBe(200);
  });

  it('counts requests by route pattern in Prometheus format', async () => {
    await app.inject({ url: '/api/v1/departements/75' });
    const response = await app.inject({ url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatch(/sejour_http_requests_total\{method="GET",route="\/api\/v1\/departements\/:code",status="200"\} \d+/);
    expect(response.body).toContain('sejour_http_request_duration_seconds_bucket');
    expect(response.body).not.toContain('/api/v1/departements/75');
  });
});

describe('/metrics access', () => {
  it('refuses a client from another machine when no token is configured', async () => {
    const response = await app.inject({ url: '/metrics', remoteAddress: '203.0.113.7' });
    isProblem(response, 403);
    expect(response.body).not.toContain('sejour_http_requests_total');
  });

  it('asks for the bearer token when one is configured, even from this machine', async () => {
    const token = 'm'.repeat(12) + 'etrics-token-123';
    const { app: guarded } = await createTestApp({ METRICS_TOKEN: token });
    isProblem(await guarded.inject({ url: '/metrics' }), 403);
    isProblem(await guarded.inject({ url: '/metrics', headers: { authorization: 'Bearer wrong-token-wrong-token' } }), 403);
    const allowed = await guarded.inject({ url: '/metrics', remoteAddress: '203.0.113.7', headers: { authorization: `Bearer ${token}` } });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.body).toContain('sejour_http_requests_total');
  });
});

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 and lists every public API route with its responses', async () => {
    const response = await app.inject({ url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/healthz', '/readyz', '/api/v1/departements', '/api/v1/departements/{code}']));
    for (const [, operations] of Object.entries<Record<string, { responses?: Record<string, unknown> }>>(doc.paths)) {
      for (const operation of Object.values(operations)) {
        expect(Object.keys(operation.responses ?? {}).some((status) => /^[23]\d\d$/.test(status))).toBe(true);
      }
    }
  });

  it('serves a human-readable reference page', async () => {
    const response = await app.inject({ url: '/api/v1/docs' });
    expect([200, 302]).toContain(response.statusCode);
  });
});

describe('reference data routes', () => {
  it('lists the 101 départements with their prefecture', async () => {
    const response = await app.inject({ url: '/api/v1/departements' });
    expect(response.statusCode).toBe(200);
    const { items } = response.json();
    expect(items).toHaveLength(101);
    expect(items.find((d: { code: string }) => d.code === '2A').prefecture.name).toBe('Préfecture de la Corse-du-Sud');
  });
});
