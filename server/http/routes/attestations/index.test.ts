import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applications, attestations, shareCodeChecks } from '../../../db/schema/index';
import { TINY_PNG } from '../../../usecases/applications/test-pdfs';
import { issueAttestation } from '../../../usecases/attestations/issue-attestation';
import { keysOf } from '../../../usecases/attestations/context';
import { pdfText } from '../../../usecases/attestations/test-support';
import { loadEnv } from '../../../env';
import { Browser } from '../../../../test/accounts';
import { STAMP, createApplicationsTestApp, expectProblem, fillChecklist, ok, recordCard, signedIn, startDraft, type Applicant } from '../applications/test-kit';
import { VERIFY_RATE_LIMIT } from '../verify/index';

const START = '2026-10-01T10:00:00Z';
const ctx = await createApplicationsTestApp(START);
const { app, clock, db } = ctx;
const PNG = { data: TINY_PNG, filename: 'scan.png', contentType: 'image/png' };
const keys = keysOf(loadEnv({ NODE_ENV: 'test', DATA_DIR: ctx.dataDir }));

interface Summary {
  id: string;
  kind: string;
  issuedOn: string;
  validUntilOn: string | null;
  superseded: boolean;
  applicationId: string | null;
  reference: string | null;
}

async function filedApplicant(options: { profile?: boolean } = {}): Promise<Applicant & { applicationId: string; response: ReturnType<Browser['post']> }> {
  clock.now = new Date(START);
  const applicant = await signedIn(ctx, 'applicant', options);
  await recordCard(applicant.browser, { validUntil: '2026-12-31' });
  const draft = await startDraft(applicant.browser, { answers: { marriedOrHasChildren: false } });
  await fillChecklist(applicant.browser, draft.id, PNG);
  const response = applicant.browser.post(`/api/v1/applications/${draft.id}/submit`, undefined, { headers: { 'idempotency-key': `key-${draft.id}` } });
  return { ...applicant, applicationId: draft.id, response };
}

const list = async (applicant: Applicant) => ok<{ attestations: Summary[] }>(await applicant.browser.get('/api/v1/attestations')).attestations;

async function verify(body: Record<string, unknown>, ip = '10.0.0.1', lang = 'en') {
  return new Browser(app).request({ method: 'POST', url: '/api/v1/verify', payload: body, remoteAddress: ip, headers: { 'accept-language': lang } });
}

async function renew(applicationId: string, userId: string, validUntilOn: string) {
  const [application] = await db.select().from(applications).where(eq(applications.id, applicationId));
  return db.transaction((tx) =>
    issueAttestation(tx, { keys, now: () => clock.now }, {
      kind: 'prolongation',
      userId,
      prefectureId: application!.prefectureId,
      applicationId,
      reference: application!.reference,
      dates: [],
      validUntilOn,
      issuedOn: '2026-10-01',
    }),
  );
}

describe('attestations issued by the applicant’s acts', () => {
  it('refuses to file without an identity (identity_missing, in French and English), and files nothing', async () => {
    const applicant = await filedApplicant({ profile: false });
    const problem = expectProblem(await applicant.response, 422, 'identity_missing');
    expect(problem.detail).toContain('identité');
    const [row] = await db.select().from(applications).where(eq(applications.id, applicant.applicationId));
    expect(row?.status).toBe('draft');
    const en = await applicant.browser.post(`/api/v1/applications/${applicant.applicationId}/submit`, undefined, {
      headers: { 'idempotency-key': 'key-en-1', 'accept-language': 'en' },
    });
    expect(expectProblem(en, 422, 'identity_missing').detail).toContain('identity');
  });

  it('issues the attestation de dépôt with the filing: listed at once, PDF with the tacit-refusal date and its basis', async () => {
    const applicant = await filedApplicant();
    const filed = ok<{ reference: string }>(await applicant.response);
    const items = await list(applicant);
    expect(items).toEqual([
      { id: expect.any(String), kind: 'filing_receipt', issuedOn: '2026-10-01', validUntilOn: null, superseded: false, applicationId: applicant.applicationId, reference: filed.reference },
    ]);
    const pdf = await applicant.browser.get(`/api/v1/attestations/${items[0]!.id}/pdf?lang=fr`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('Attestation de dépôt et accusé de réception');
    expect(text).toContain('Date de dépôt de la demande : 1 octobre 2026');
    expect(text).toContain('implicitement rejetée le 1 février 2027');
    expect(text).toContain('[R-41]');
    expect(text).toContain(filed.reference);
    const en = pdfText((await applicant.browser.get(`/api/v1/attestations/${items[0]!.id}/pdf?lang=en`)).rawPayload);
    expect(en).toContain('Certificate of filing');
  });

  it('issues the VLS-TS validation attestation with the validation, and refuses the validation without an identity', async () => {
    clock.now = new Date('2026-09-20T10:00:00Z');
    const visa = { cardType: 'etudiant', validFrom: '2026-09-01', validUntil: '2027-08-31', enteredFranceOn: '2026-09-10' };
    const body = { address: { line1: '12 rue des Lilas', postalCode: '69003', city: 'Lyon', departement: '69' } };
    const anonymous = await signedIn(ctx, 'applicant', { profile: false });
    const unknownPermit = ok<{ id: string }>(await anonymous.browser.post('/api/v1/vls-ts', visa), 201);
    expectProblem(await anonymous.browser.post(`/api/v1/vls-ts/${unknownPermit.id}/validation`, { ...body, taxStampNumber: STAMP() }), 422, 'identity_missing');

    const applicant = await signedIn(ctx);
    const permit = ok<{ id: string }>(await applicant.browser.post('/api/v1/vls-ts', visa), 201);
    const validated = ok<{ foreignerNumber: string }>(await applicant.browser.post(`/api/v1/vls-ts/${permit.id}/validation`, { ...body, taxStampNumber: STAMP() }));
    const [item] = await list(applicant);
    expect(item).toMatchObject({ kind: 'vls_ts_validation', issuedOn: '2026-09-20', validUntilOn: '2027-08-31', superseded: false, applicationId: null });
    const text = pdfText((await applicant.browser.get(`/api/v1/attestations/${item!.id}/pdf`)).rawPayload);
    expect(text).toContain(validated.foreignerNumber);
    expect(text.replace(/\s+/g, ' ')).toContain("Valable jusqu'au 31 août 2027 inclus");
    clock.now = new Date(START);
  });

  it('answers 404 for another person’s attestation', async () => {
    const owner = await filedApplicant();
    ok(await owner.response);
    const [item] = await list(owner);
    const stranger = await signedIn(ctx);
    expectProblem(await stranger.browser.get(`/api/v1/attestations/${item!.id}/pdf`), 404, 'attestation_not_found');
    expect(await list(stranger)).toEqual([]);
    expectProblem(await new Browser(app).get('/api/v1/attestations'), 401, 'unauthenticated');
  });
});

describe('POST /api/v1/verify and the published keys', () => {
  it('publishes the current key, and verifies an uploaded PDF; after a renewal the older prolongation reads superseded', async () => {
    const applicant = await filedApplicant();
    ok(await applicant.response);
    const published = ok<{ keys: Array<{ kid: string; status: string; x: string }> }>(await app.inject({ method: 'GET', url: '/.well-known/sejour-keys.json' }));
    expect(published.keys).toEqual([expect.objectContaining({ kid: keys().currentKeyId, status: 'current', crv: 'Ed25519' })]);

    const first = await renew(applicant.applicationId, applicant.user.id, '2027-01-31');
    const firstPdf = (await applicant.browser.get(`/api/v1/attestations/${first.id}/pdf`)).rawPayload;
    const before = ok<Record<string, unknown>>(await verify({ pdf: firstPdf.toString('base64') }));
    expect(before).toMatchObject({ result: 'valid', signatureValid: true, status: 'current', document: { kind: 'prolongation', validUntil: '2027-01-31' } });

    await renew(applicant.applicationId, applicant.user.id, '2027-04-30');
    const after = ok<Record<string, unknown>>(await verify({ pdf: firstPdf.toString('base64') }));
    expect(after).toMatchObject({ result: 'valid', status: 'superseded', supersededOn: '2026-10-01' });
    expect(String(after.message)).toContain('superseded');
    const items = await list(applicant);
    expect(items.filter((i) => i.kind === 'prolongation').map((i) => [i.validUntilOn, i.superseded])).toEqual([
      ['2027-04-30', false],
      ['2027-01-31', true],
    ]);
    // The filing receipt stays current.
    expect(items.find((i) => i.kind === 'filing_receipt')?.superseded).toBe(false);
    expect(pdfText((await applicant.browser.get(`/api/v1/attestations/${first.id}/pdf?lang=en`)).rawPayload)).toContain('SUPERSEDED');
  });

  it('gives distinct answers for a tampered payload, an unknown key, garbage and a file that is not an attestation', async () => {
    const applicant = await filedApplicant();
    ok(await applicant.response);
    const [row] = await db.select().from(attestations).where(eq(attestations.userId, applicant.user.id));
    const [prefix, kid, body, signature] = row!.payload.split('.');
    const flipped = body!.slice(0, 10) + (body![10] === 'A' ? 'B' : 'A') + body!.slice(11);
    expect(ok<{ result: string }>(await verify({ payload: `${prefix}.${kid}.${flipped}.${signature}` }, '10.0.0.2')).result).toMatch(/bad_signature|malformed/);
    expect(ok<{ result: string; message: string }>(await verify({ payload: `${prefix}.zz9.${body}.${signature}` }, '10.0.0.2'))).toMatchObject({ result: 'unknown_key' });
    expect(ok<{ result: string }>(await verify({ payload: 'hello' }, '10.0.0.2')).result).toBe('malformed');
    expect(ok<{ result: string }>(await verify({ pdf: Buffer.from('GIF89a').toString('base64') }, '10.0.0.2')).result).toBe('no_payload');
    expect(ok<{ result: string; status: string }>(await verify({ payload: row!.payload }, '10.0.0.2'))).toMatchObject({ result: 'valid', status: 'current' });
  });

  it('is rate-limited per IP', async () => {
    const ip = '10.9.9.9';
    for (let i = 0; i < VERIFY_RATE_LIMIT; i++) expect((await verify({ payload: 'x' }, ip)).statusCode).toBe(200);
    expectProblem(await verify({ payload: 'x' }, ip), 429, 'rate_limited');
    expect((await verify({ payload: 'x' }, '10.9.9.10')).statusCode).toBe(200);
  });
});

describe('share codes', () => {
  it('shows the current status to a verifier with the code and the birth date, logs every check, and stops after revocation', async () => {
    const applicant = await filedApplicant();
    ok(await applicant.response);
    await renew(applicant.applicationId, applicant.user.id, '2027-01-31');
    const created = ok<{ code: string; shareCode: { id: string; purpose: string; expiresOn: string; active: boolean } }>(
      await applicant.browser.post('/api/v1/share-codes', { purpose: 'work' }),
      201,
    );
    expect(created.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(created.shareCode).toMatchObject({ purpose: 'work', expiresOn: '2026-12-30', active: true });

    const shown = ok<Record<string, unknown>>(await verify({ shareCode: created.code.toLowerCase(), birthDate: '1994-03-15' }, '10.1.0.1'));
    expect(shown).toMatchObject({
      result: 'valid',
      document: null,
      share: {
        holderName: 'LEFÈVRE-NÚÑEZ, Zoë Anaïs',
        purpose: 'work',
        application: { filedOn: '2026-10-01', filedInTime: true, status: 'submitted' },
        coveredBy: { kind: 'prolongation', until: '2027-01-31' },
        previousRightsContinue: true,
        // The card being renewed, recorded by the holder, is still valid today (1 October 2026).
        declaredPermit: { kind: 'temporary_card', validUntil: '2026-12-31' },
      },
    });
    expect(JSON.stringify(shown)).not.toMatch(/SEJ-|address|COL/);

    clock.now = new Date('2026-10-01T11:00:00Z');
    const wrongBirth = ok<Record<string, unknown>>(await verify({ shareCode: created.code, birthDate: '1994-03-16' }, '10.1.0.1'));
    const unknown = ok<Record<string, unknown>>(await verify({ shareCode: 'AAAA-BBBB-CCCC', birthDate: '1994-03-15' }, '10.1.0.1'));
    expect(wrongBirth).toEqual(unknown);
    expect(wrongBirth.result).toBe('not_found');

    ok(await applicant.browser.post(`/api/v1/share-codes/${created.shareCode.id}/revoke`, {}));
    clock.now = new Date('2026-10-01T12:00:00Z');
    expect(ok<{ result: string }>(await verify({ shareCode: created.code, birthDate: '1994-03-15' }, '10.1.0.1')).result).toBe('not_found');

    const codes = ok<{ shareCodes: Array<{ revoked: boolean; active: boolean; checks: Array<{ outcome: string }> }> }>(await applicant.browser.get('/api/v1/share-codes')).shareCodes;
    expect(codes[0]).toMatchObject({ revoked: true, active: false });
    expect(codes[0]!.checks.map((c) => c.outcome)).toEqual(['revoked', 'birth_date_mismatch', 'shown']);
    expect(await db.select().from(shareCodeChecks)).toHaveLength(3);

    const stranger = await signedIn(ctx);
    expectProblem(await stranger.browser.post(`/api/v1/share-codes/${created.shareCode.id}/revoke`, {}), 404, 'share_code_not_found');
  });
});
