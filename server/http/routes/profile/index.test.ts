import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { profileChanges } from '../../../db/schema/index';
import { TINY_PNG } from '../../../usecases/applications/test-pdfs';
import {
  createApplicationsTestApp,
  expectProblem,
  fillChecklist,
  ok,
  recordCard,
  signedIn,
  startDraft,
  type Applicant,
} from '../applications/test-kit';

const START = '2026-10-01T10:00:00Z';
const ctx = await createApplicationsTestApp(START);
const { app, clock, db } = ctx;
const PNG = { data: TINY_PNG, filename: 'scan.png', contentType: 'image/png' };

const PROFILE = {
  surname: '  Benali ',
  givenNames: 'Amina Sofia',
  birthDate: '1994-03-12',
  birthPlace: 'Casablanca, Maroc',
  nationality: 'MAR',
  address: { line1: '12 rue des Lilas', postalCode: '69003', city: 'Lyon', departement: '69' },
};

type ProfileResponse = {
  profile: Record<string, unknown> | null;
  changesRecorded: boolean;
  changes: Array<{ field: string; oldValue: string | null; newValue: string | null; reason: string | null; actorKind: string }>;
  addressDeclarations: Array<{ reason: string | null; changes: Array<{ field: string }>; applications: Array<{ id: string; reference: string | null }> }>;
};

const put = (applicant: Applicant, body: unknown, headers: Record<string, string> = {}) =>
  applicant.browser.request({ method: 'PUT', url: '/api/v1/me/profile', payload: body as object, headers });

/** An applicant whose visiteur application is filed (card expiring 2026-12-31, in the window on START). */
async function filer(): Promise<Applicant & { applicationId: string; reference: string }> {
  clock.now = new Date(START);
  const applicant = await signedIn(ctx);
  await recordCard(applicant.browser, { validUntil: '2026-12-31', cardType: 'visiteur' });
  const draft = await startDraft(applicant.browser, { answers: { marriedOrHasChildren: false } });
  await fillChecklist(applicant.browser, draft.id, PNG);
  const filed = ok<{ id: string; reference: string }>(
    await applicant.browser.post(`/api/v1/applications/${draft.id}/submit`, undefined, { headers: { 'idempotency-key': `profile-${draft.id}` } }),
  );
  return { ...applicant, applicationId: filed.id, reference: filed.reference };
}

describe('GET /api/v1/me/profile', () => {
  it('asks a signed-out caller to sign in and refuses agents', async () => {
    expectProblem(await app.inject({ url: '/api/v1/me/profile' }), 401, 'unauthenticated');
    const agent = await signedIn(ctx, 'agent');
    expect((await agent.browser.get('/api/v1/me/profile')).statusCode).toBe(403);
  });

  it('is empty until the person fills it in', async () => {
    const applicant = await signedIn(ctx, 'applicant', { profile: false });
    const response = await applicant.browser.get('/api/v1/me/profile');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(ok<ProfileResponse>(response)).toEqual({ profile: null, changesRecorded: false, changes: [], addressDeclarations: [] });
  });
});

describe('PUT /api/v1/me/profile', () => {
  it('saves identity and address, trimmed, and keeps no log before any filing', async () => {
    const applicant = await signedIn(ctx, 'applicant', { profile: false });
    const saved = ok<ProfileResponse>(await put(applicant, PROFILE));
    expect(saved.profile).toMatchObject({
      surname: 'Benali',
      givenNames: 'Amina Sofia',
      birthDate: '1994-03-12',
      nationality: 'MAR',
      address: { line1: '12 rue des Lilas', line2: null, postalCode: '69003', city: 'Lyon', departement: '69' },
    });
    ok(await put(applicant, { ...PROFILE, surname: 'Benali-Durand' }));
    const again = ok<ProfileResponse>(await applicant.browser.get('/api/v1/me/profile'));
    expect(again.profile?.surname).toBe('Benali-Durand');
    expect(again.changesRecorded).toBe(false);
    expect(again.changes).toEqual([]);
  });

  it('names each wrong field with a message in the caller’s language, and saves nothing', async () => {
    const applicant = await signedIn(ctx, 'applicant', { profile: false });
    const body = {
      ...PROFILE,
      nationality: 'ma',
      birthDate: '2030-01-01',
      address: { ...PROFILE.address, postalCode: '75001' },
    };
    const fr = expectProblem(await put(applicant, body), 400, 'validation_failed');
    expect(fr.errors).toEqual(
      expect.arrayContaining([
        { in: 'body', field: 'nationality', code: 'nationality_code', message: expect.stringContaining('3 lettres') },
        { in: 'body', field: 'birthDate', code: 'birth_date_in_future', message: 'La date de naissance ne peut pas être dans le futur.' },
        { in: 'body', field: 'address.postalCode', code: 'postal_code_departement', message: "Ce code postal n'est pas dans le département 69." },
      ]),
    );
    const en = expectProblem(await put(applicant, { ...PROFILE, birthDate: '1994-02-30' }, { 'accept-language': 'en' }), 400, 'validation_failed');
    expect(en.errors).toEqual([{ in: 'body', field: 'birthDate', code: 'birth_date_invalid', message: 'Enter a real date of birth in the format YYYY-MM-DD.' }]);
    const missing = expectProblem(await put(applicant, { ...PROFILE, surname: undefined }), 400, 'validation_failed');
    expect(missing.errors).toContainEqual(expect.objectContaining({ field: 'surname', code: 'required', message: 'Ce champ est obligatoire.' }));
    expect(ok<ProfileResponse>(await applicant.browser.get('/api/v1/me/profile')).profile).toBeNull();
  });

  it('after filing, logs every changed field with old and new values, and a new address is a déclaration de changement d’adresse', async () => {
    const applicant = await signedIn(ctx, 'applicant', { profile: false });
    ok(await put(applicant, PROFILE));
    const { browser, applicationId, reference } = { ...(await filerAs(applicant)) };
    clock.now = new Date('2026-10-05T09:00:00Z');
    const moved = ok<ProfileResponse>(
      await put(
        { ...applicant, browser },
        { ...PROFILE, givenNames: 'Amina', address: { line1: '3 place Bellecour', line2: 'Bât. B', postalCode: '69002', city: 'Lyon', departement: '69' }, reason: 'Déménagement' },
      ),
    );
    expect(moved.changesRecorded).toBe(true);
    expect(moved.changes.map((c) => [c.field, c.oldValue, c.newValue])).toEqual(
      expect.arrayContaining([
        ['givenNames', 'Amina Sofia', 'Amina'],
        ['addressLine1', '12 rue des Lilas', '3 place Bellecour'],
        ['addressLine2', null, 'Bât. B'],
        ['postalCode', '69003', '69002'],
      ]),
    );
    expect(moved.changes).toHaveLength(4);
    expect(moved.changes.every((c) => c.reason === 'Déménagement' && c.actorKind === 'applicant')).toBe(true);
    expect(moved.addressDeclarations).toHaveLength(1);
    expect(moved.addressDeclarations[0]!.applications).toEqual([{ id: applicationId, reference }]);
    expect(moved.addressDeclarations[0]!.changes.map((c) => c.field).sort()).toEqual(['addressLine1', 'addressLine2', 'postalCode']);

    // Saving the same again changes nothing and logs nothing.
    ok(await put({ ...applicant, browser }, { ...PROFILE, givenNames: 'Amina', address: { line1: '3 place Bellecour', line2: 'Bât. B', postalCode: '69002', city: 'Lyon', departement: '69' } }));
    expect(await db.select().from(profileChanges).where(eq(profileChanges.userId, applicant.user.id))).toHaveLength(4);
  });

  it('never shows one applicant the profile or the log of another', async () => {
    const first = await filer();
    ok(await put(first, PROFILE));
    ok(await put(first, { ...PROFILE, surname: 'Autre' }));
    const second = await signedIn(ctx, 'applicant', { profile: false });
    expect(ok<ProfileResponse>(await second.browser.get('/api/v1/me/profile'))).toEqual({ profile: null, changesRecorded: false, changes: [], addressDeclarations: [] });
    const own = ok<ProfileResponse>(await first.browser.get('/api/v1/me/profile'));
    expect(own.changes.map((c) => c.field)).toEqual(
      expect.arrayContaining(['surname', 'givenNames', 'birthDate', 'birthPlace', 'nationality', 'addressLine1', 'postalCode', 'city', 'departementCode']),
    );
  });
});

/** Files an application for an applicant already signed in. */
async function filerAs(applicant: Applicant): Promise<Applicant & { applicationId: string; reference: string }> {
  clock.now = new Date(START);
  await recordCard(applicant.browser, { validUntil: '2026-12-31', cardType: 'visiteur' });
  const draft = await startDraft(applicant.browser, { answers: { marriedOrHasChildren: false } });
  await fillChecklist(applicant.browser, draft.id, PNG);
  const filed = ok<{ id: string; reference: string }>(
    await applicant.browser.post(`/api/v1/applications/${draft.id}/submit`, undefined, { headers: { 'idempotency-key': `profile-${draft.id}` } }),
  );
  return { ...applicant, applicationId: filed.id, reference: filed.reference };
}
