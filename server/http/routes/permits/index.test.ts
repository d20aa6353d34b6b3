import { describe, expect, it } from 'vitest';
import { createApplicationsTestApp, expectProblem, ok, recordCard, signedIn } from '../applications/test-kit';

const ctx = await createApplicationsTestApp('2026-10-01T10:00:00Z');

describe('POST /api/v1/permits', () => {
  it('records a card with its numéro d’étranger, kept as a string with its leading zero [policy 9]', async () => {
    const { browser } = await signedIn(ctx);
    const card = await recordCard(browser, { validUntil: '2026-12-31', foreignerNumber: '0123456789' });
    expect(card).toMatchObject({ kind: 'temporary_card', cardType: 'salarie', validUntil: '2026-12-31', foreignerNumber: '0123456789', vlsTs: null });
  });

  it('accepts a 9-digit number and refuses 8 or 11 digits', async () => {
    const { browser } = await signedIn(ctx);
    await recordCard(browser, { validUntil: '2026-12-31', foreignerNumber: '123456789' });
    for (const foreignerNumber of ['12345678', '12345678901', '12345678a']) {
      const other = await signedIn(ctx);
      const response = await other.browser.post('/api/v1/permits', { kind: 'temporary_card', cardType: 'salarie', validFrom: '2026-01-01', validUntil: '2026-12-31', foreignerNumber });
      expectProblem(response, 400, 'validation_failed');
    }
  });

  it('refuses a card ending before it starts (the engine’s check)', async () => {
    const { browser } = await signedIn(ctx);
    const response = await browser.post('/api/v1/permits', { kind: 'temporary_card', cardType: 'salarie', validFrom: '2026-12-31', validUntil: '2026-01-01', foreignerNumber: '7501234567' });
    const problem = expectProblem(response, 400, 'validation_failed');
    expect(problem.errors).toContainEqual(expect.objectContaining({ field: 'validUntil', code: 'permit_ends_before_start' }));
  });
});

describe('GET /api/v1/permits', () => {
  it('lists my permits only, the one expiring last first', async () => {
    const { browser } = await signedIn(ctx);
    await recordCard(browser, { validUntil: '2025-12-31' });
    await recordCard(browser, { validUntil: '2026-12-31' });
    const other = await signedIn(ctx);
    await recordCard(other.browser, { validUntil: '2027-06-30' });
    const list = ok<{ items: Array<{ validUntil: string }> }>(await browser.get('/api/v1/permits'));
    expect(list.items.map((item) => item.validUntil)).toEqual(['2026-12-31', '2025-12-31']);
  });

  it('shows one of my permits, and answers 404 for another person’s', async () => {
    const { browser } = await signedIn(ctx);
    const card = await recordCard(browser, { validUntil: '2026-12-31' });
    expect(ok(await browser.get(`/api/v1/permits/${String(card.id)}`))).toEqual(card);
    const other = await signedIn(ctx);
    expectProblem(await other.browser.get(`/api/v1/permits/${String(card.id)}`), 404, 'permit_not_found');
    expectProblem(await ctx.app.inject({ url: `/api/v1/permits/${String(card.id)}` }), 401, 'unauthenticated');
  });
});
