import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/app';
import { buildApp } from '../../app';
import { loadEnv } from '../../../env';
import { createTestDatabase } from '../../../../test/db';

const { app } = await createTestApp();

/** The request of the issue, verbatim (nulls included). */
const ISSUE_EXAMPLE = {
  today: '2026-11-26',
  department: '75',
  permit: { kind: 'temporary_card', cardType: 'visiteur', validFrom: '2026-01-01', validUntil: '2026-12-31' },
  enteredFranceOn: '2026-01-10',
  application: {
    filedOn: '2026-10-15',
    completeOn: '2026-10-20',
    documentRequests: [{ requestedOn: '2026-11-02', dueOn: '2026-12-02', answeredOn: '2026-11-12' }],
    decision: { kind: 'refusal', notifiedOn: '2027-01-20' },
    reasonsRequestedOn: null,
    reasonsGivenOn: null,
  },
};

function post(body: unknown, language = 'fr') {
  return app.inject({ method: 'POST', url: '/api/v1/deadlines', payload: body as object, headers: { 'accept-language': language } });
}

describe('POST /api/v1/deadlines', () => {
  it('answers the issue’s example with cited, explained dates and a coverage timeline', async () => {
    const response = await post(ISSUE_EXAMPLE);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const opens = body.dates.find((d: { id: string }) => d.id === 'application_window_opens');
    // E − 120 days, E = 2026-12-31 (CESEDA R.431-5 1°)
    expect(opens).toMatchObject({ on: '2026-09-02', ruleId: 'R-10' });
    expect(opens.citation).toContain('R.431-5');
    expect(opens.explanation.fr.length).toBeGreaterThan(10);
    expect(opens.explanation.en.length).toBeGreaterThan(10);
    expect(body.coverage[0]).toMatchObject({ from: '2026-01-01', until: '2026-12-31', document: 'permit' });
    expect(body.today).toMatchObject({ covered: true, document: 'permit', until: '2026-12-31' });
    // A refusal: recourse within two months, franc, rolled forward to a working day.
    const recourse = body.dates.find((d: { id: string }) => d.id === 'recourse_deadline');
    expect(recourse.on).toBe('2027-03-22');
    // Absent, never null.
    expect(JSON.stringify(body)).not.toContain('null');
  });

  it('computes for today in Europe/Paris when no day is given', async () => {
    const database = await createTestDatabase();
    // 23:30 UTC on 31 December is already 1 January in Paris: the permit below has lapsed there.
    const clocked = await buildApp({ env: loadEnv({ NODE_ENV: 'test' }), database, logger: false, now: () => new Date('2026-12-31T23:30:00Z') });
    const { today: _omit, application: _none, ...withoutToday } = ISSUE_EXAMPLE;
    const response = await clocked.inject({ method: 'POST', url: '/api/v1/deadlines', payload: withoutToday });
    expect(response.statusCode).toBe(200);
    expect(response.json().today).toMatchObject({ covered: false, document: 'none' });
    const beforeMidnight = await buildApp({ env: loadEnv({ NODE_ENV: 'test' }), database, logger: false, now: () => new Date('2026-12-31T22:30:00Z') });
    const covered = await beforeMidnight.inject({ method: 'POST', url: '/api/v1/deadlines', payload: withoutToday });
    expect(covered.json().today).toMatchObject({ covered: true, document: 'permit', until: '2026-12-31' });
    await clocked.close();
    await beforeMidnight.close();
    await database.close();
  });

  it('names the field of an impossible date, in the caller’s language', async () => {
    const response = await post({ ...ISSUE_EXAMPLE, permit: { ...ISSUE_EXAMPLE.permit, validUntil: '2026-02-30' } }, 'en');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = response.json();
    expect(body.code).toBe('validation_failed');
    expect(body.errors).toContainEqual(expect.objectContaining({ in: 'body', field: 'permit.validUntil', code: 'impossible_date', message: 'This date does not exist.' }));
  });

  it('refuses a filing before the permit starts, naming the field', async () => {
    const response = await post({ ...ISSUE_EXAMPLE, application: { ...ISSUE_EXAMPLE.application, filedOn: '2025-12-01' } });
    expect(response.statusCode).toBe(400);
    const fields = response.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toContain('application.filedOn');
  });

  it('refuses an unknown kind of permit at the schema level, naming the field', async () => {
    const response = await post({ ...ISSUE_EXAMPLE, permit: { ...ISSUE_EXAMPLE.permit, kind: 'golden_visa' } }, 'en');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toContainEqual(expect.objectContaining({ field: 'permit.kind', code: 'enum' }));
  });

  it('refuses an unknown département', async () => {
    const response = await post({ ...ISSUE_EXAMPLE, department: '20' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('department');
  });

  it('appears in the OpenAPI document with its request and response schemas', async () => {
    const doc = (await app.inject({ url: '/api/v1/openapi.json' })).json();
    const operation = doc.paths['/api/v1/deadlines'].post;
    expect(operation.requestBody.content['application/json'].schema.properties).toHaveProperty('permit');
    expect(operation.responses['200'].content['application/json'].schema.properties).toHaveProperty('coverage');
    expect(operation.responses['400']).toBeDefined();
  });

  it('needs no account, no cookie and no CSRF token', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/deadlines', payload: ISSUE_EXAMPLE, headers: { 'sec-fetch-site': 'same-origin' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['set-cookie']).toBeUndefined();
  });
});
