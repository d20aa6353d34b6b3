import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applicationEvents, applications } from '../../../db/schema/index';
import { REFERENCE_PATTERN } from '../../../../domain/applications/index';
import { TINY_PNG } from '../../../usecases/applications/test-pdfs';
import {
  STAMP,
  createApplicationsTestApp,
  expectProblem,
  fillChecklist,
  ok,
  recordCard,
  signedIn,
  startDraft,
  upload,
  type Applicant,
} from './test-kit';

const START = '2026-10-01T10:00:00Z';
const ctx = await createApplicationsTestApp(START);
const { app, clock, db } = ctx;
const PNG = { data: TINY_PNG, filename: 'scan.png', contentType: 'image/png' };

type Body = Record<string, unknown> & { id: string };

/** An applicant with a temporary card expiring on `validUntil` (clock back to START). */
async function holder(validUntil = '2026-12-31'): Promise<Applicant> {
  clock.now = new Date(START);
  const applicant = await signedIn(ctx);
  await recordCard(applicant.browser, { validUntil, cardType: 'visiteur' });
  return applicant;
}

/** A visiteur draft with answers and every needed document, ready to file. */
async function readyDraft(validUntil = '2026-12-31'): Promise<Applicant & { draft: Body }> {
  const applicant = await holder(validUntil);
  const draft = await startDraft(applicant.browser, { answers: { marriedOrHasChildren: false } });
  await fillChecklist(applicant.browser, draft.id, PNG);
  return { ...applicant, draft };
}

const submit = (applicant: Applicant, id: string, key: string) =>
  applicant.browser.post(`/api/v1/applications/${id}/submit`, undefined, { headers: { 'idempotency-key': key } });

async function submitEvents(applicationId: string) {
  return db
    .select()
    .from(applicationEvents)
    .where(and(eq(applicationEvents.applicationId, applicationId), eq(applicationEvents.event, 'submit')));
}

describe('GET /api/v1/card-types', () => {
  it('is public and lists each card’s documents and fees, in French by default', async () => {
    const response = await app.inject({ url: '/api/v1/card-types' });
    const body = ok<{ on: string; items: Array<Record<string, unknown> & { documents: Array<Record<string, unknown>>; fees: Array<Record<string, unknown>> }> }>(response);
    expect(body.on).toBe('2026-10-01');
    const visiteur = body.items.find((item) => item.id === 'visiteur');
    expect(visiteur).toMatchObject({ name: 'Visiteur', basis: 'CESEDA L.426-20', multiYearEligible: false });
    expect(visiteur?.documents.find((doc) => doc.id === 'passport')).toMatchObject({
      name: 'Passeport',
      requirement: 'required',
      condition: null,
      accepts: ['application/pdf', 'image/jpeg', 'image/png'],
    });
    expect(visiteur?.documents.find((doc) => doc.id === 'birth_certificate')).toMatchObject({
      requirement: 'conditional',
      condition: { kind: 'previous_permit_is_vls_ts', question: null, label: 'Si votre titre actuel est un VLS-TS' },
    });
    // 2026-10-01 is after the assumed start of the 2026 finance law: unconfirmed amounts (policy 8).
    expect(visiteur?.fees).toContainEqual(expect.objectContaining({ id: 'stamp_duty', amountEur: 50, confirmed: false, label: 'Droit de timbre' }));
    expect(visiteur?.fees).toContainEqual(expect.objectContaining({ id: 'late_renewal_fee', amountEur: 180, ruleId: 'R-76' }));
    for (const id of ['visiteur', 'salarie', 'travailleur_temporaire', 'etudiant', 'vie_privee_familiale', 'talent', 'retraite']) {
      expect(body.items.map((item) => item.id)).toContain(id);
    }
  });

  it('speaks English when asked', async () => {
    const body = ok<{ items: Array<{ id: string; name: string; questions: Array<{ id: string; label: string }> }> }>(
      await app.inject({ url: '/api/v1/card-types', headers: { 'accept-language': 'en' } }),
    );
    const salarie = body.items.find((item) => item.id === 'salarie');
    expect(salarie?.name).toBe('Employee');
    expect(salarie?.questions.find((q) => q.id === 'employmentSituation')?.label).toBe('What is your employment situation?');
  });
});

describe('POST /api/v1/applications: the window decision [R-10, policy 2]', () => {
  it('refuses a draft before the window opens, with the opening date', async () => {
    const { browser } = await holder('2027-03-31');
    const response = await browser.post('/api/v1/applications', { cardType: 'visiteur', departement: '69' }, { headers: { 'accept-language': 'en' } });
    const problem = expectProblem(response, 409, 'application_too_early');
    expect(problem.detail).toBe('The application cannot be filed yet: it can be filed from 2026-12-01 and must be filed by 2027-01-30 to be in time.');
  });

  it('starts a draft in time, linked to the current permit and the département’s préfecture', async () => {
    const { browser } = await holder('2026-12-31');
    const draft = await startDraft(browser, { departement: '69' });
    expect(draft).toMatchObject({
      status: 'draft',
      reference: null,
      cardType: 'visiteur',
      filedOn: null,
      late: false,
      foreignerNumber: '7501234567',
      permit: { kind: 'temporary_card', validUntil: '2026-12-31' },
      prefecture: { departement: '69' },
      filing: { status: 'in_time', opensOn: '2026-09-02', closesOn: '2026-11-01', consequences: [] },
      unansweredQuestions: ['marriedOrHasChildren'],
      history: [expect.objectContaining({ sequence: 1, event: 'create', statusFrom: null, statusTo: 'draft', actorKind: 'applicant' })],
    });
  });

  it('accepts a late draft and says what lateness costs: 180 €, no attestation de prolongation [R-15, R-16, R-76]', async () => {
    const { browser } = await holder('2026-11-15');
    const draft = await startDraft(browser);
    expect(draft.filing).toMatchObject({
      status: 'late',
      closesOn: '2026-09-16',
      consequences: [
        { code: 'late_renewal_fee', ruleIds: ['R-76', 'R-15'], amountEur: 180, citation: 'CESEDA L.436-5' },
        { code: 'no_prolongation_attestation', ruleIds: ['R-16'], amountEur: null, citation: 'CESEDA R.431-15-1 al. 2' },
      ],
    });
  });

  it('accepts a very late draft (more than 6 months after expiry) with the entry conditions again [R-17]', async () => {
    const { browser } = await holder('2026-03-31');
    const draft = await startDraft(browser);
    expect(draft.filing).toMatchObject({ status: 'very_late', entryConditionsAgainFrom: '2026-10-01' });
    expect((draft.filing as { consequences: Array<{ code: string }> }).consequences.map((c) => c.code)).toEqual([
      'late_renewal_fee',
      'no_prolongation_attestation',
      'entry_conditions_again',
    ]);
  });
});

describe('POST /api/v1/applications: what a draft needs', () => {
  it('needs a permit, then the numéro d’étranger (a VLS-TS not yet validated has none)', async () => {
    clock.now = new Date('2026-09-20T10:00:00Z');
    const { browser } = await signedIn(ctx);
    expectProblem(await browser.post('/api/v1/applications', { cardType: 'etudiant', departement: '69' }), 409, 'permit_required');
    const visa = ok<{ id: string }>(
      await browser.post('/api/v1/vls-ts', { cardType: 'etudiant', validFrom: '2026-01-01', validUntil: '2026-12-31', enteredFranceOn: '2026-01-10' }),
      201,
    );
    expectProblem(await browser.post('/api/v1/applications', { cardType: 'etudiant', departement: '69' }), 409, 'foreigner_number_required');
    expect(visa.id).toBeDefined();
    clock.now = new Date(START);
  });

  it('takes the département from the VLS-TS validation address when none is given', async () => {
    clock.now = new Date('2026-09-20T10:00:00Z');
    const { browser } = await signedIn(ctx);
    const visa = ok<{ id: string }>(
      await browser.post('/api/v1/vls-ts', { cardType: 'etudiant', validFrom: '2026-01-01', validUntil: '2026-12-31', enteredFranceOn: '2026-09-15' }),
      201,
    );
    ok(await browser.post(`/api/v1/vls-ts/${visa.id}/validation`, { address: { line1: '1 cours Mirabeau', postalCode: '13100', city: 'Aix-en-Provence', departement: '13' }, taxStampNumber: STAMP() }));
    const draft = ok<Body>(await browser.post('/api/v1/applications', { cardType: 'etudiant' }), 201);
    expect(draft).toMatchObject({ prefecture: { departement: '13' }, permit: { kind: 'vls_ts' } });
    // After a VLS-TS, the birth certificate and the validation attestation are needed.
    expect(draft.missingDocuments).toEqual(expect.arrayContaining(['vls_ts_validation_attestation', 'birth_certificate']));
    clock.now = new Date(START);
  });

  it('asks for a département when it cannot be found, and refuses card types Sejour does not offer', async () => {
    const { browser } = await holder();
    expectProblem(await browser.post('/api/v1/applications', { cardType: 'visiteur' }), 400, 'departement_required');
    expectProblem(await browser.post('/api/v1/applications', { cardType: 'stagiaire', departement: '69' }), 400, 'card_type_not_offered');
  });

  it('keeps one live application per permit; a withdrawn one frees it', async () => {
    const { browser } = await holder();
    const first = await startDraft(browser);
    expectProblem(await browser.post('/api/v1/applications', { cardType: 'salarie', departement: '69' }), 409, 'application_already_open');
    ok(await browser.post(`/api/v1/applications/${first.id}/withdraw`));
    await startDraft(browser);
  });
});

describe('PATCH /api/v1/applications/:id', () => {
  it('changes answers, card type, département and stamp of a draft; answers of other questions are dropped', async () => {
    const { browser } = await holder();
    const draft = await startDraft(browser, { answers: { marriedOrHasChildren: true } });
    expect(draft.missingDocuments).toContain('family_civil_status');
    const changed = ok<Body>(
      await browser.patch(`/api/v1/applications/${draft.id}`, {
        cardType: 'salarie',
        departement: '75',
        answers: { marriedOrHasChildren: false, employmentSituation: 'job_lost', doctoralStudent: true },
        taxStampNumber: '1234 5678 9012 3456',
      }),
    );
    expect(changed).toMatchObject({
      cardType: 'salarie',
      prefecture: { departement: '75' },
      answers: { marriedOrHasChildren: false, employmentSituation: 'job_lost' },
      taxStampNumber: '1234567890123456',
      unansweredQuestions: ['multiYearCardRequested'],
    });
    expect(changed.missingDocuments).toEqual(expect.arrayContaining(['termination_letter', 'france_travail_certificate', 'work_certificate']));
    expect(changed.missingDocuments).not.toContain('payslips');
    expectProblem(await browser.patch(`/api/v1/applications/${draft.id}`, { taxStampNumber: '123' }), 400, 'validation_failed');
  });

  it('removes the documents of items the new card type does not have', async () => {
    const { browser } = await holder();
    const draft = await startDraft(browser);
    ok(await upload(browser, `/api/v1/applications/${draft.id}/items/no_work_undertaking/documents`, PNG), 201);
    ok(await upload(browser, `/api/v1/applications/${draft.id}/items/passport/documents`, PNG), 201);
    const changed = ok<{ checklist: Array<{ itemId: string; documents: unknown[] }>; storage: { usedBytes: number } }>(
      await browser.patch(`/api/v1/applications/${draft.id}`, { cardType: 'retraite' }),
    );
    expect(changed.checklist.find((entry) => entry.itemId === 'passport')?.documents).toHaveLength(1);
    expect(changed.checklist.some((entry) => entry.itemId === 'no_work_undertaking')).toBe(false);
    expect(changed.storage.usedBytes).toBe(TINY_PNG.length);
  });
});

describe('POST /api/v1/applications/:id/submit', () => {
  it('refuses to file with unanswered questions, then with missing documents, naming them', async () => {
    const { browser } = await holder();
    const draft = await startDraft(browser);
    const unanswered = expectProblem(await browser.post(`/api/v1/applications/${draft.id}/submit`, undefined, { headers: { 'idempotency-key': 'key-unanswered-1' } }), 409, 'application_questions_unanswered');
    expect(unanswered.errors).toEqual([expect.objectContaining({ in: 'body', field: 'answers.marriedOrHasChildren', code: 'required' })]);
    ok(await browser.patch(`/api/v1/applications/${draft.id}`, { answers: { marriedOrHasChildren: false } }));
    const missing = expectProblem(await browser.post(`/api/v1/applications/${draft.id}/submit`, undefined, { headers: { 'idempotency-key': 'key-missing-1' } }), 409, 'documents_missing');
    expect((missing.errors as Array<{ field: string }>).map((e) => e.field)).toEqual([
      'checklist.passport',
      'checklist.current_permit',
      'checklist.proof_of_address',
      'checklist.e_photo_receipt',
      'checklist.resources_proof',
      'checklist.health_insurance',
      'checklist.no_work_undertaking',
    ]);
    const [row] = await db.select().from(applications).where(eq(applications.id, draft.id));
    expect(row).toMatchObject({ status: 'draft', reference: null, filedOn: null, submitIdempotencyKey: null });
  });

  it('files atomically: status, filing date, reference and history row', async () => {
    const applicant = await readyDraft();
    const filed = ok<Body>(await submit(applicant, applicant.draft.id, 'a1b2c3d4-0000-4000-8000-000000000001'));
    expect(filed).toMatchObject({ status: 'submitted', filedOn: '2026-10-01', late: false, filing: { status: 'in_time' }, missingDocuments: [] });
    expect(filed.reference).toMatch(new RegExp(REFERENCE_PATTERN));
    expect(String(filed.reference).startsWith('SEJ-2026-')).toBe(true);
    expect((filed.history as Array<{ event: string; statusFrom: string | null; statusTo: string; details: Record<string, unknown> }>).map((h) => [h.event, h.statusFrom, h.statusTo])).toEqual([
      ['create', null, 'draft'],
      ['submit', 'draft', 'submitted'],
    ]);
    expect((filed.history as Array<{ details: Record<string, unknown> }>)[1]?.details).toMatchObject({ reference: filed.reference, filedOn: '2026-10-01', filing: 'in_time', late: false });
  });

  it('dates the filing in Paris: 22:30 UTC on 1 October is already 2 October', async () => {
    const applicant = await readyDraft();
    clock.now = new Date('2026-10-01T22:30:00Z');
    const filed = ok<Body>(await submit(applicant, applicant.draft.id, 'paris-date-key-0001'));
    expect(filed.filedOn).toBe('2026-10-02');
    clock.now = new Date(START);
  });

  it('files a late application with its late flag and consequences in the history', async () => {
    const applicant = await readyDraft('2026-11-15');
    const filed = ok<Body>(await submit(applicant, applicant.draft.id, 'late-key-000000001'));
    expect(filed).toMatchObject({ late: true, filing: { status: 'late' } });
    expect((filed.history as Array<{ details: Record<string, unknown> }>)[1]?.details).toMatchObject({ late: true, consequences: ['late_renewal_fee', 'no_prolongation_attestation'] });
    const [row] = await db.select().from(applications).where(eq(applications.id, applicant.draft.id));
    expect(row).toMatchObject({ late: true, filingStatus: 'late' });
  });

  it('returns the same application and reference to a retry with the same key', async () => {
    const applicant = await readyDraft();
    const key = 'retry-key-00000001';
    const first = ok<Body>(await submit(applicant, applicant.draft.id, key));
    const again = await submit(applicant, applicant.draft.id, key);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(ok<Body>(again)).toEqual(first);
    expect(await submitEvents(applicant.draft.id)).toHaveLength(1);
  });

  it('files once when two requests with the same key arrive at the same time (double click)', async () => {
    const applicant = await readyDraft();
    const key = 'double-click-key-0001';
    const [a, b] = await Promise.all([submit(applicant, applicant.draft.id, key), submit(applicant, applicant.draft.id, key)]);
    const bodies = [ok<Body>(a), ok<Body>(b)];
    expect(bodies[0]?.reference).toMatch(new RegExp(REFERENCE_PATTERN));
    expect(bodies[1]?.reference).toBe(bodies[0]?.reference);
    expect([a.headers['idempotent-replayed'], b.headers['idempotent-replayed']].filter(Boolean)).toEqual(['true']);
    expect(await submitEvents(applicant.draft.id)).toHaveLength(1);
  });

  it('files once when two requests with different keys race: the other is told it is already filed', async () => {
    const applicant = await readyDraft();
    const responses = await Promise.all([submit(applicant, applicant.draft.id, 'race-key-aaaaaaaa'), submit(applicant, applicant.draft.id, 'race-key-bbbbbbbb')]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const refused = responses.find((r) => r.statusCode === 409);
    expect(refused?.json().code).toBe('application_already_submitted');
    expect(await submitEvents(applicant.draft.id)).toHaveLength(1);
  });

  it('refuses a key that already filed another application, and requires a key', async () => {
    const first = await readyDraft();
    ok(await submit(first, first.draft.id, 'shared-key-000001'));
    await recordCard(first.browser, { validUntil: '2027-01-15', cardType: 'visiteur' });
    const second = ok<Body>(await first.browser.post('/api/v1/applications', { cardType: 'visiteur', departement: '69', answers: { marriedOrHasChildren: false } }), 201);
    await fillChecklist(first.browser, second.id, PNG);
    expectProblem(await submit(first, second.id, 'shared-key-000001'), 422, 'idempotency_key_reused');
    expectProblem(await first.browser.post(`/api/v1/applications/${second.id}/submit`), 400, 'validation_failed');
    ok(await submit(first, second.id, 'another-key-000001'));
  });
});

describe('after filing', () => {
  it('adds a document after filing and keeps it in the history, but never replaces or removes a filed one', async () => {
    const applicant = await readyDraft();
    const { browser, draft } = applicant;
    const filed = ok<{ checklist: Array<{ itemId: string; documents: Array<{ id: string }> }> }>(await submit(applicant, draft.id, 'after-filing-key-01'));
    const filedDocument = filed.checklist.find((entry) => entry.itemId === 'passport')?.documents[0];
    const added = ok<{ id: string; addedAfterFiling: boolean }>(await upload(browser, `/api/v1/applications/${draft.id}/items/resources_proof/documents`, PNG), 201);
    expect(added.addedAfterFiling).toBe(true);
    const detail = ok<{ status: string; history: Array<{ event: string; statusFrom: string; statusTo: string; details: Record<string, unknown> }> }>(
      await browser.get(`/api/v1/applications/${draft.id}`),
    );
    expect(detail.status).toBe('submitted');
    expect(detail.history.at(-1)).toMatchObject({ event: 'addDocument', statusFrom: 'submitted', statusTo: 'submitted', details: { documentId: added.id, checklistItemId: 'resources_proof' } });
    expectProblem(await browser.delete(`/api/v1/applications/${draft.id}/documents/${String(filedDocument?.id)}`), 409, 'application_not_draft');
    expectProblem(await upload(browser, `/api/v1/applications/${draft.id}/documents/${String(filedDocument?.id)}`, PNG, { method: 'PUT' }), 409, 'application_not_draft');
    expectProblem(await browser.patch(`/api/v1/applications/${draft.id}`, { answers: { marriedOrHasChildren: true } }), 409, 'application_not_draft');
  });

  it('withdraws a filed application, after which nothing changes any more', async () => {
    const applicant = await readyDraft();
    const { browser, draft } = applicant;
    ok(await submit(applicant, draft.id, 'withdraw-key-00001'));
    const withdrawn = ok<{ status: string; history: Array<{ event: string; statusFrom: string; statusTo: string }> }>(await browser.post(`/api/v1/applications/${draft.id}/withdraw`));
    expect(withdrawn.status).toBe('withdrawn');
    expect(withdrawn.history.at(-1)).toMatchObject({ event: 'withdraw', statusFrom: 'submitted', statusTo: 'withdrawn' });
    expectProblem(await browser.post(`/api/v1/applications/${draft.id}/withdraw`), 409, 'application_closed');
    expectProblem(await upload(browser, `/api/v1/applications/${draft.id}/items/passport/documents`, PNG), 409, 'application_closed');
  });
});

describe('GET /api/v1/applications', () => {
  it('lists my applications only, newest first, with their status', async () => {
    const applicant = await readyDraft();
    ok(await submit(applicant, applicant.draft.id, 'list-key-000000001'));
    clock.now = new Date('2026-10-02T10:00:00Z');
    await recordCard(applicant.browser, { validUntil: '2027-01-15', cardType: 'visiteur' });
    const second = await startDraft(applicant.browser);
    clock.now = new Date(START);
    await readyDraft(); // someone else's
    const list = ok<{ items: Array<{ id: string; status: string; reference: string | null }> }>(await applicant.browser.get('/api/v1/applications'));
    expect(list.items.map((item) => [item.id, item.status])).toEqual([
      [second.id, 'draft'],
      [applicant.draft.id, 'submitted'],
    ]);
  });
});
