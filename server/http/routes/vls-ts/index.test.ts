import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { permits, vlsTsValidations } from '../../../db/schema/index';
import { STAMP, createApplicationsTestApp, expectProblem, ok, signedIn } from '../applications/test-kit';

const ctx = await createApplicationsTestApp('2026-09-20T10:00:00Z');
const { app, clock } = ctx;

const VISA = { cardType: 'etudiant', validFrom: '2026-09-01', validUntil: '2027-08-31', enteredFranceOn: '2026-09-10' };
const ADDRESS = { line1: '12 rue des Lilas', postalCode: '69003', city: 'Lyon', departement: '69' };

async function recorded(visa: Record<string, string> = VISA) {
  const applicant = await signedIn(ctx);
  const permit = ok<{ id: string }>(await applicant.browser.post('/api/v1/vls-ts', visa), 201);
  return { ...applicant, permit };
}

describe('POST /api/v1/vls-ts', () => {
  it('records the visa and tells by which date to validate it: entry + 3 months [R-01]', async () => {
    clock.now = new Date('2026-09-20T10:00:00Z');
    const { permit } = await recorded();
    expect(permit).toMatchObject({
      kind: 'vls_ts',
      cardType: 'etudiant',
      validFrom: '2026-09-01',
      validUntil: '2027-08-31',
      foreignerNumber: null,
      vlsTs: { enteredFranceOn: '2026-09-10', validatedOn: null, validation: 'possible', validationDeadline: '2026-12-10' },
    });
  });

  it('passes on the engine’s checks as field errors: a visa longer than a year, an entry outside it [R-02]', async () => {
    const { browser } = await signedIn(ctx);
    const tooLong = expectProblem(await browser.post('/api/v1/vls-ts', { ...VISA, validUntil: '2027-12-31' }, { headers: { 'accept-language': 'en' } }), 400, 'validation_failed');
    expect(tooLong.errors).toEqual([expect.objectContaining({ in: 'body', field: 'validUntil', code: 'vls_ts_longer_than_one_year' })]);
    const outside = expectProblem(await browser.post('/api/v1/vls-ts', { ...VISA, enteredFranceOn: '2026-08-01' }), 400, 'validation_failed');
    expect(outside.errors).toEqual([expect.objectContaining({ in: 'body', field: 'enteredFranceOn', code: 'entered_outside_permit' })]);
  });

  it('refuses unknown fields and impossible card types by schema', async () => {
    const { browser } = await signedIn(ctx);
    expectProblem(await browser.post('/api/v1/vls-ts', { ...VISA, cardType: 'astronaute' }), 400, 'validation_failed');
    expectProblem(await browser.post('/api/v1/vls-ts', { ...VISA, userId: 'someone' }), 400, 'validation_failed');
  });
});

describe('POST /api/v1/vls-ts/:id/validation', () => {
  it('validates the visa and issues a 10-digit numéro d’étranger, stored as a string on the permit [policy 9]', async () => {
    clock.now = new Date('2026-09-20T10:00:00Z');
    const { browser, permit } = await recorded();
    const response = await browser.post(`/api/v1/vls-ts/${permit.id}/validation`, { address: ADDRESS, taxStampNumber: '1234 5678 9012 3456' });
    const result = ok<{ foreignerNumber: string; permit: { foreignerNumber: string; vlsTs: unknown } }>(response);
    expect(result).toMatchObject({ foreignerNumberIssued: true, validatedOn: '2026-09-20', departement: '69' });
    expect(result.foreignerNumber).toMatch(/^[1-9]\d{9}$/);
    expect(result.permit.foreignerNumber).toBe(result.foreignerNumber);
    expect(result.permit.vlsTs).toMatchObject({ validatedOn: '2026-09-20', validation: 'validated' });
    const [stored] = await ctx.db.select().from(vlsTsValidations).where(eq(vlsTsValidations.permitId, permit.id));
    expect(stored).toMatchObject({ taxStampNumber: '1234567890123456', foreignerNumber: result.foreignerNumber, postalCode: '69003' });
  });

  it('is possible on the deadline day and refused the next day, saying what to do instead', async () => {
    const { browser, permit } = await recorded();
    clock.now = new Date('2026-12-10T22:30:00Z'); // 23:30 in Paris: still 10 December
    ok(await browser.post(`/api/v1/vls-ts/${permit.id}/validation`, { address: ADDRESS, taxStampNumber: STAMP() }));

    const late = await recorded();
    clock.now = new Date('2026-12-10T23:30:00Z'); // 00:30 on 11 December in Paris
    const response = await late.browser.post(`/api/v1/vls-ts/${late.permit.id}/validation`, { address: ADDRESS, taxStampNumber: STAMP() }, { headers: { 'accept-language': 'en' } });
    const problem = expectProblem(response, 409, 'vls_ts_validation_too_late');
    expect(problem.detail).toContain('2026-12-10');
    expect(problem.detail).toContain('contact your préfecture');
    const listed = ok<{ items: Array<{ vlsTs: { validation: string } }> }>(await late.browser.get('/api/v1/permits'));
    expect(listed.items[0]?.vlsTs.validation).toBe('too_late');
    clock.now = new Date('2026-09-20T10:00:00Z');
  });

  it('waits for the entry into France', async () => {
    clock.now = new Date('2026-09-05T10:00:00Z');
    const { browser, permit } = await recorded();
    expectProblem(await browser.post(`/api/v1/vls-ts/${permit.id}/validation`, { address: ADDRESS, taxStampNumber: STAMP() }), 409, 'vls_ts_not_entered_yet');
    clock.now = new Date('2026-09-20T10:00:00Z');
  });

  it('checks the tax stamp: 16 digits, used once', async () => {
    const { browser, permit } = await recorded();
    const bad = await browser.post(`/api/v1/vls-ts/${permit.id}/validation`, { address: ADDRESS, taxStampNumber: '1234 5678 9012 345' }, { headers: { 'accept-language': 'en' } });
    const problem = expectProblem(bad, 400, 'validation_failed');
    expect(problem.errors).toContainEqual({ in: 'body', field: 'taxStampNumber', code: 'tax_stamp_number', message: 'The electronic tax stamp number has 16 digits.' });

    const stamp = STAMP();
    ok(await browser.post(`/api/v1/vls-ts/${permit.id}/validation`, { address: ADDRESS, taxStampNumber: stamp }));
    const other = await recorded();
    expectProblem(await other.browser.post(`/api/v1/vls-ts/${other.permit.id}/validation`, { address: ADDRESS, taxStampNumber: stamp }), 409, 'tax_stamp_already_used');
  });

  it('validates only once, and only a VLS-TS', async () => {
    const { browser, permit } = await recorded();
    ok(await browser.post(`/api/v1/vls-ts/${permit.id}/validation`, { address: ADDRESS, taxStampNumber: STAMP() }));
    const card = { kind: 'temporary_card', cardType: 'etudiant', validFrom: '2027-09-01', validUntil: '2028-08-31', foreignerNumber: '1111111111' };
    // A card with another number than the one issued is refused: one person, one number.
    expectProblem(await browser.post('/api/v1/permits', card), 409, 'foreigner_number_mismatch');
    const [created] = await ctx.db.select().from(permits).where(eq(permits.id, permit.id));
    expectProblem(await browser.post(`/api/v1/vls-ts/${permit.id}/validation`, { address: ADDRESS, taxStampNumber: STAMP() }), 409, 'vls_ts_already_validated');
    const recordedCard = ok<{ id: string }>(await browser.post('/api/v1/permits', { ...card, foreignerNumber: created?.foreignerNumber }), 201);
    expectProblem(await browser.post(`/api/v1/vls-ts/${recordedCard.id}/validation`, { address: ADDRESS, taxStampNumber: STAMP() }), 409, 'permit_not_vls_ts');
  });

  it('keeps the number the person already has instead of issuing a second one', async () => {
    const { browser, permit } = await recorded();
    const first = ok<{ foreignerNumber: string }>(await browser.post(`/api/v1/vls-ts/${permit.id}/validation`, { address: ADDRESS, taxStampNumber: STAMP() }));
    const second = ok<{ id: string }>(await browser.post('/api/v1/vls-ts', { ...VISA, validFrom: '2026-09-02' }), 201);
    const result = ok(await browser.post(`/api/v1/vls-ts/${second.id}/validation`, { address: ADDRESS, taxStampNumber: STAMP() }));
    expect(result).toMatchObject({ foreignerNumber: first.foreignerNumber, foreignerNumberIssued: false });
  });

  it('issues different numbers to different people', async () => {
    const numbers = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const { browser, permit } = await recorded();
      numbers.add(ok<{ foreignerNumber: string }>(await browser.post(`/api/v1/vls-ts/${permit.id}/validation`, { address: ADDRESS, taxStampNumber: STAMP() })).foreignerNumber);
    }
    expect(numbers.size).toBe(5);
    const rows = await ctx.db.select({ n: permits.foreignerNumber }).from(permits);
    expect(rows.every((row) => row.n === null || /^\d{10}$/.test(row.n))).toBe(true);
  });

  it('refuses a département without a préfecture and a wrong postal code by schema', async () => {
    const { browser, permit } = await recorded();
    expectProblem(await browser.post(`/api/v1/vls-ts/${permit.id}/validation`, { address: { ...ADDRESS, departement: '20' }, taxStampNumber: STAMP() }), 400, 'validation_failed');
    expectProblem(await browser.post(`/api/v1/vls-ts/${permit.id}/validation`, { address: { ...ADDRESS, postalCode: '6903' }, taxStampNumber: STAMP() }), 400, 'validation_failed');
  });
});

describe('access to VLS-TS routes', () => {
  it('asks a signed-out caller to sign in', async () => {
    expectProblem(await app.inject({ method: 'POST', url: '/api/v1/vls-ts', payload: VISA }), 401, 'unauthenticated');
  });

  it('answers 404 for another person’s VLS-TS, as for one that does not exist', async () => {
    const { permit } = await recorded();
    const other = await signedIn(ctx);
    expectProblem(await other.browser.post(`/api/v1/vls-ts/${permit.id}/validation`, { address: ADDRESS, taxStampNumber: STAMP() }), 404, 'permit_not_found');
    expectProblem(await other.browser.post('/api/v1/vls-ts/00000000-0000-4000-8000-000000000000/validation', { address: ADDRESS, taxStampNumber: STAMP() }), 404, 'permit_not_found');
  });

  it('refuses staff accounts (applicant routes)', async () => {
    const agent = await signedIn(ctx, 'agent');
    expectProblem(await agent.browser.post('/api/v1/vls-ts', VISA), 403, 'forbidden');
  });
});
