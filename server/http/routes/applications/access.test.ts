/**
 * Access to the applicant's routes: every route tried with another applicant's ids answers 404
 * (exactly like an id that does not exist), and without a session 401. The list of routes is
 * checked against the API description, so a new route cannot be forgotten here.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { TINY_PNG } from '../../../usecases/applications/test-pdfs';
import { STAMP, createApplicationsTestApp, expectProblem, multipart, ok, recordCard, signedIn, startDraft, upload } from './test-kit';

const ctx = await createApplicationsTestApp('2026-10-01T10:00:00Z');

// The owner: a VLS-TS, a card, a draft with a document.
const owner = await signedIn(ctx);
const visa = ok<{ id: string }>(
  await owner.browser.post('/api/v1/vls-ts', { cardType: 'visiteur', validFrom: '2026-01-01', validUntil: '2026-12-30', enteredFranceOn: '2026-09-15' }),
  201,
);
const card = await recordCard(owner.browser, { validUntil: '2026-12-31', cardType: 'visiteur' });
const draft = await startDraft(owner.browser);
const document = ok<{ id: string }>(await upload(owner.browser, `/api/v1/applications/${draft.id}/items/passport/documents`, { data: TINY_PNG, contentType: 'image/png' }), 201);

const file = multipart([{ name: 'file', filename: 'x.png', contentType: 'image/png', data: TINY_PNG }]);

interface RouteCase {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  route: string;
  url: string;
  payload?: InjectOptions['payload'];
  headers?: Record<string, string>;
  /** Routes that read or act on one of the owner's objects (404 for anyone else). */
  ownObject: boolean;
}

const CASES: RouteCase[] = [
  { method: 'GET', route: '/api/v1/permits', url: '/api/v1/permits', ownObject: false },
  { method: 'POST', route: '/api/v1/permits', url: '/api/v1/permits', payload: { kind: 'temporary_card', cardType: 'salarie', validFrom: '2026-01-01', validUntil: '2026-12-31', foreignerNumber: '7501234567' }, ownObject: false },
  { method: 'GET', route: '/api/v1/permits/{id}', url: `/api/v1/permits/${String(card.id)}`, ownObject: true },
  { method: 'POST', route: '/api/v1/vls-ts', url: '/api/v1/vls-ts', payload: { cardType: 'visiteur', validFrom: '2026-01-01', validUntil: '2026-12-30', enteredFranceOn: '2026-09-15' }, ownObject: false },
  {
    method: 'POST',
    route: '/api/v1/vls-ts/{id}/validation',
    url: `/api/v1/vls-ts/${visa.id}/validation`,
    payload: { address: { line1: '1 rue A', postalCode: '69001', city: 'Lyon', departement: '69' }, taxStampNumber: STAMP() },
    ownObject: true,
  },
  { method: 'GET', route: '/api/v1/applications', url: '/api/v1/applications', ownObject: false },
  { method: 'POST', route: '/api/v1/applications', url: '/api/v1/applications', payload: { cardType: 'visiteur', departement: '69' }, ownObject: false },
  { method: 'GET', route: '/api/v1/applications/{id}', url: `/api/v1/applications/${draft.id}`, ownObject: true },
  { method: 'PATCH', route: '/api/v1/applications/{id}', url: `/api/v1/applications/${draft.id}`, payload: { departement: '75' }, ownObject: true },
  { method: 'POST', route: '/api/v1/applications/{id}/submit', url: `/api/v1/applications/${draft.id}/submit`, headers: { 'idempotency-key': 'access-test-key-1' }, ownObject: true },
  { method: 'POST', route: '/api/v1/applications/{id}/withdraw', url: `/api/v1/applications/${draft.id}/withdraw`, ownObject: true },
  { method: 'POST', route: '/api/v1/applications/{id}/items/{itemId}/documents', url: `/api/v1/applications/${draft.id}/items/passport/documents`, payload: file.payload, headers: file.headers, ownObject: true },
  { method: 'PUT', route: '/api/v1/applications/{id}/documents/{documentId}', url: `/api/v1/applications/${draft.id}/documents/${document.id}`, payload: file.payload, headers: file.headers, ownObject: true },
  { method: 'DELETE', route: '/api/v1/applications/{id}/documents/{documentId}', url: `/api/v1/applications/${draft.id}/documents/${document.id}`, ownObject: true },
  {
    method: 'POST',
    route: '/api/v1/applications/{id}/document-requests/{requestId}/answer',
    url: `/api/v1/applications/${draft.id}/document-requests/${randomUUID()}/answer`,
    ownObject: true,
  },
  { method: 'POST', route: '/api/v1/applications/{id}/corrections', url: `/api/v1/applications/${draft.id}/corrections`, payload: { answers: { marriedOrHasChildren: true } }, ownObject: true },
  { method: 'GET', route: '/api/v1/applications/{id}/decision-estimate', url: `/api/v1/applications/${draft.id}/decision-estimate`, ownObject: true },
  { method: 'GET', route: '/api/v1/applications/{id}/documents/{documentId}/content', url: `/api/v1/applications/${draft.id}/documents/${document.id}/content`, ownObject: true },
  { method: 'GET', route: '/api/v1/applications/{id}/letters/{kind}.pdf', url: `/api/v1/applications/${draft.id}/letters/no_answer.pdf`, ownObject: true },
];

const options = (c: RouteCase): InjectOptions => ({ method: c.method, url: c.url, ...(c.payload === undefined ? {} : { payload: c.payload }), headers: { ...c.headers } });

describe('access to the applicant’s routes', () => {
  it('covers every route of permits, VLS-TS and applications in the API description', async () => {
    const paths = (ctx.app.swagger() as { paths: Record<string, Record<string, unknown>> }).paths;
    const documented = Object.entries(paths)
      .filter(([route]) => /^\/api\/v1\/(permits|vls-ts|applications)/.test(route))
      .flatMap(([route, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${route}`))
      .sort();
    expect(CASES.map((c) => `${c.method} ${c.route}`).sort()).toEqual(documented);
  });

  it.each(CASES)('$method $route answers 401 without a session', async (c) => {
    expectProblem(await ctx.app.inject(options(c)), 401, 'unauthenticated');
  });

  it.each(CASES.filter((c) => c.ownObject))('$method $route answers 404 to another applicant', async (c) => {
    const other = await signedIn(ctx);
    const response = await other.browser.request(options(c));
    expect(response.statusCode, response.body).toBe(404);
    expect(response.json().code).toMatch(/_not_found$/);
  });

  it.each(CASES)('$method $route answers 403 to a préfecture agent', async (c) => {
    const agent = await signedIn(ctx, 'agent');
    expectProblem(await agent.browser.request(options(c)), 403, 'forbidden');
  });

  it('answers 403 to a state change without the anti-CSRF token', async () => {
    expectProblem(await owner.browser.request({ method: 'POST', url: `/api/v1/applications/${draft.id}/withdraw`, csrf: false }), 403, 'csrf_invalid');
  });

  it('left the owner’s objects untouched', async () => {
    const detail = ok<{ status: string; prefecture: { departement: string }; checklist: Array<{ itemId: string; documents: unknown[] }> }>(
      await owner.browser.get(`/api/v1/applications/${draft.id}`),
    );
    expect(detail.status).toBe('draft');
    expect(detail.prefecture.departement).toBe('69');
    expect(detail.checklist.find((entry) => entry.itemId === 'passport')?.documents).toHaveLength(1);
    const permits = ok<{ items: Array<{ id: string; foreignerNumber: string | null }> }>(await owner.browser.get('/api/v1/permits'));
    expect(permits.items.find((p) => p.id === visa.id)?.foreignerNumber).toBeNull();
  });
});
