/**
 * Representatives: a person authorises another account with scopes and can revoke it; the
 * representative sees and does only what was granted, every action says it was them, and
 * anything else — another person's application, a revoked or someone else's authorisation — is 404.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { REPRESENTATION_SCOPES, REPRESENTATIVE_KINDS, applicationDocuments, applicationEvents, users } from '../../../db/schema/index';
import { REPRESENTATION_SCOPE_VALUES, REPRESENTATIVE_KIND_VALUES } from '../../../../contract/representations';
import { TINY_PNG } from '../../../usecases/applications/test-pdfs';
import {
  createApplicationsTestApp,
  expectProblem,
  fillChecklist,
  ok,
  openDocumentRequest,
  recordCard,
  signedIn,
  startDraft,
  upload,
  type Applicant,
} from '../applications/test-kit';

const START = '2026-10-01T10:00:00Z';
const ctx = await createApplicationsTestApp(START);
const PNG = { data: TINY_PNG, filename: 'scan.png', contentType: 'image/png' };

interface Representation {
  id: string;
  scopes: string[];
  active: boolean;
  revokedAt: string | null;
  person: { email: string };
  representative: { email: string };
}

async function emailOf(applicant: Applicant): Promise<string> {
  const [row] = await ctx.db.select({ email: users.email }).from(users).where(eq(users.id, applicant.user.id));
  return row?.email ?? '';
}

/** A visiteur application filed on 2026-10-01. */
async function filed(): Promise<Applicant & { applicationId: string }> {
  ctx.clock.now = new Date(START);
  const applicant = await signedIn(ctx);
  await recordCard(applicant.browser, { validUntil: '2026-12-31', cardType: 'visiteur' });
  const draft = await startDraft(applicant.browser, { answers: { marriedOrHasChildren: false } });
  await fillChecklist(applicant.browser, draft.id, PNG);
  ok(await applicant.browser.post(`/api/v1/applications/${draft.id}/submit`, undefined, { headers: { 'idempotency-key': `key-${draft.id}` } }));
  return { ...applicant, applicationId: draft.id };
}

async function grant(person: Applicant, representative: Applicant, scopes: string[] = ['applications:read']): Promise<Representation> {
  return ok<Representation>(await person.browser.post('/api/v1/representations', { email: await emailOf(representative), kind: 'lawyer', scopes }), 201);
}

describe('authorising a representative', () => {
  it('stores the scopes and kinds the contract names', () => {
    expect([...REPRESENTATION_SCOPES]).toEqual([...REPRESENTATION_SCOPE_VALUES]);
    expect([...REPRESENTATIVE_KINDS]).toEqual([...REPRESENTATIVE_KIND_VALUES]);
  });

  it('lists it for both, with read access always included, and the person can revoke it', async () => {
    const person = await signedIn(ctx);
    const lawyer = await signedIn(ctx);
    const given = await grant(person, lawyer, ['applications:withdraw']);
    expect(given).toMatchObject({ active: true, revokedAt: null, scopes: ['applications:read', 'applications:withdraw'] });
    expect(ok<{ granted: Representation[] }>(await person.browser.get('/api/v1/representations')).granted.map((r) => r.id)).toEqual([given.id]);
    expect(ok<{ received: Representation[] }>(await lawyer.browser.get('/api/v1/representations')).received.map((r) => r.id)).toEqual([given.id]);

    expect((await person.browser.delete(`/api/v1/representations/${given.id}`)).statusCode).toBe(204);
    const after = ok<{ granted: Representation[] }>(await person.browser.get('/api/v1/representations'));
    expect(after.granted[0]).toMatchObject({ id: given.id, active: false });
    expect(ok<{ received: Representation[] }>(await lawyer.browser.get('/api/v1/representations')).received).toEqual([]);
  });

  it('refuses an unknown email, oneself and a second active authorisation, with field errors', async () => {
    const person = await signedIn(ctx);
    const unknown = expectProblem(await person.browser.post('/api/v1/representations', { email: 'nobody@example.org', kind: 'family', scopes: ['applications:read'] }, { headers: { 'accept-language': 'en' } }), 422, 'representative_not_found');
    expect(unknown.errors).toEqual([expect.objectContaining({ field: 'email', code: 'representative_not_found', message: 'No applicant account uses this email address.' })]);
    expectProblem(await person.browser.post('/api/v1/representations', { email: await emailOf(person), kind: 'family', scopes: ['applications:read'] }), 422, 'representation_self');
    const lawyer = await signedIn(ctx);
    await grant(person, lawyer);
    expectProblem(await person.browser.post('/api/v1/representations', { email: await emailOf(lawyer), kind: 'lawyer', scopes: ['applications:read'] }), 409, 'representation_exists');
    expectProblem(await person.browser.post('/api/v1/representations', { email: await emailOf(lawyer), kind: 'lawyer', scopes: ['everything'] }), 400, 'validation_failed');
  });

  it('lets only the person revoke: anyone else gets 404', async () => {
    const person = await signedIn(ctx);
    const lawyer = await signedIn(ctx);
    const given = await grant(person, lawyer);
    expectProblem(await lawyer.browser.delete(`/api/v1/representations/${given.id}`), 404, 'representation_not_found');
    expectProblem(await (await signedIn(ctx)).browser.delete(`/api/v1/representations/${given.id}`), 404, 'representation_not_found');
  });
});

describe('acting as a representative', () => {
  it('sees the person’s applications and history with the read scope, and cannot withdraw without its scope', async () => {
    const person = await filed();
    const lawyer = await signedIn(ctx);
    const given = await grant(person, lawyer);
    const list = ok<{ items: Array<{ id: string }> }>(await lawyer.browser.get(`/api/v1/represented/${given.id}/applications`));
    expect(list.items.map((item) => item.id)).toEqual([person.applicationId]);
    const detail = ok<{ status: string; history: unknown[] }>(await lawyer.browser.get(`/api/v1/represented/${given.id}/applications/${person.applicationId}`));
    expect(detail.status).toBe('submitted');
    // Not granted: as if it did not exist.
    expectProblem(await lawyer.browser.post(`/api/v1/represented/${given.id}/applications/${person.applicationId}/withdraw`), 404, 'representation_not_found');
    expectProblem(await lawyer.browser.post(`/api/v1/represented/${given.id}/applications/${person.applicationId}/corrections`, { answers: { marriedOrHasChildren: true } }), 404, 'representation_not_found');
    // The representative's own space shows none of it.
    expect(ok<{ items: unknown[] }>(await lawyer.browser.get('/api/v1/applications')).items).toEqual([]);
    expectProblem(await lawyer.browser.get(`/api/v1/applications/${person.applicationId}`), 404, 'application_not_found');
  });

  it('corrects and withdraws when granted, and the history says a representative did it, with their account', async () => {
    const person = await filed();
    const lawyer = await signedIn(ctx);
    const given = await grant(person, lawyer, ['applications:correct', 'applications:withdraw']);
    ok(await lawyer.browser.post(`/api/v1/represented/${given.id}/applications/${person.applicationId}/corrections`, { answers: { marriedOrHasChildren: true }, note: 'Naissance d’un enfant' }));
    const withdrawn = ok<{ status: string; history: Array<{ event: string; actorKind: string }> }>(await lawyer.browser.post(`/api/v1/represented/${given.id}/applications/${person.applicationId}/withdraw`));
    expect(withdrawn.status).toBe('withdrawn');
    expect(withdrawn.history.slice(-2).map((entry) => [entry.event, entry.actorKind])).toEqual([
      ['correctDetails', 'representative'],
      ['withdraw', 'representative'],
    ]);
    const rows = await ctx.db
      .select({ actorUserId: applicationEvents.actorUserId })
      .from(applicationEvents)
      .where(and(eq(applicationEvents.applicationId, person.applicationId), eq(applicationEvents.actorKind, 'representative')));
    expect(rows.map((row) => row.actorUserId)).toEqual([lawyer.user.id, lawyer.user.id]);
    // The person sees the same history in their own space.
    const own = ok<{ history: Array<{ actorKind: string }> }>(await person.browser.get(`/api/v1/applications/${person.applicationId}`));
    expect(own.history.at(-1)?.actorKind).toBe('representative');
  });

  it('sends documents and answers the préfecture’s request when granted, and each document says the representative sent it', async () => {
    const person = await filed();
    const volunteer = await signedIn(ctx);
    const reader = await signedIn(ctx);
    const given = await grant(person, volunteer, ['applications:documents']);
    const readOnly = await grant(person, reader);
    ctx.clock.now = new Date('2026-10-05T09:00:00Z');
    const request = await openDocumentRequest(ctx, person.applicationId, { items: ['resources_proof'], dueOn: '2026-11-04' });
    const item = (representation: string) => `/api/v1/represented/${representation}/applications/${person.applicationId}/items/resources_proof/documents`;

    // Without the scope the routes do not exist for the reader, whatever the body.
    expectProblem(await upload(reader.browser, item(readOnly.id), PNG), 404, 'representation_not_found');
    expectProblem(await reader.browser.post(`/api/v1/represented/${readOnly.id}/applications/${person.applicationId}/document-requests/${request.id}/answer`), 404, 'representation_not_found');

    const sent = ok<{ id: string; checklistItemId: string }>(await upload(volunteer.browser, item(given.id), PNG), 201);
    expect(sent.checklistItemId).toBe('resources_proof');
    const answered = ok<{ status: string; history: Array<{ event: string; actorKind: string }> }>(
      await volunteer.browser.post(`/api/v1/represented/${given.id}/applications/${person.applicationId}/document-requests/${request.id}/answer`),
    );
    expect(answered.status).toBe('submitted');
    expect(answered.history.slice(-2).map((entry) => [entry.event, entry.actorKind])).toEqual([
      ['addDocument', 'representative'],
      ['answerRequest', 'representative'],
    ]);
    const [row] = await ctx.db.select({ uploadedBy: applicationDocuments.uploadedBy }).from(applicationDocuments).where(eq(applicationDocuments.id, sent.id));
    expect(row?.uploadedBy).toBe(volunteer.user.id);

    // Read access covers downloading it; the person downloads the same bytes from their space.
    const content = await reader.browser.get(`/api/v1/represented/${readOnly.id}/applications/${person.applicationId}/documents/${sent.id}/content`);
    expect(content.statusCode).toBe(200);
    expect(content.rawPayload.equals(PNG.data)).toBe(true);
    const own = await person.browser.get(`/api/v1/applications/${person.applicationId}/documents/${sent.id}/content`);
    expect(own.rawPayload.equals(PNG.data)).toBe(true);

    // Revoked: the representative's upload route answers as if it never existed.
    expect((await person.browser.delete(`/api/v1/representations/${given.id}`)).statusCode).toBe(204);
    expectProblem(await upload(volunteer.browser, item(given.id), PNG), 404, 'representation_not_found');
  });

  it('answers 404 for another person’s application, someone else’s authorisation, and after revocation', async () => {
    const person = await filed();
    const stranger = await filed();
    const lawyer = await signedIn(ctx);
    const given = await grant(person, lawyer, ['applications:withdraw']);
    // An application of someone who did not authorise the lawyer, through a valid authorisation.
    expectProblem(await lawyer.browser.get(`/api/v1/represented/${given.id}/applications/${stranger.applicationId}`), 404, 'application_not_found');
    expectProblem(await lawyer.browser.post(`/api/v1/represented/${given.id}/applications/${stranger.applicationId}/withdraw`), 404, 'application_not_found');
    // Someone else using the lawyer's authorisation.
    expectProblem(await stranger.browser.get(`/api/v1/represented/${given.id}/applications`), 404, 'representation_not_found');
    expectProblem(await lawyer.browser.get('/api/v1/represented/00000000-0000-4000-8000-000000000000/applications'), 404, 'representation_not_found');
    // Revoked: nothing any more.
    expect((await person.browser.delete(`/api/v1/representations/${given.id}`)).statusCode).toBe(204);
    expectProblem(await lawyer.browser.get(`/api/v1/represented/${given.id}/applications/${person.applicationId}`), 404, 'representation_not_found');
    expectProblem(await lawyer.browser.post(`/api/v1/represented/${given.id}/applications/${person.applicationId}/withdraw`), 404, 'representation_not_found');
  });

  it('asks a signed-out caller to sign in and refuses staff accounts', async () => {
    expectProblem(await ctx.app.inject({ method: 'GET', url: '/api/v1/representations' }), 401, 'unauthenticated');
    const agent = await signedIn(ctx, 'agent');
    expectProblem(await agent.browser.get('/api/v1/representations'), 403, 'forbidden');
  });
});

describe('a representative and the registered letter', () => {
  it('downloads the person’s letter under an active authorisation, and gets 404 once it is revoked', async () => {
    const person = await filed();
    const lawyer = await signedIn(ctx);
    const given = await grant(person, lawyer);
    const url = `/api/v1/represented/${given.id}/applications/${person.applicationId}/letters/no_answer.pdf`;
    const response = await lawyer.browser.get(url);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await person.browser.delete(`/api/v1/representations/${given.id}`)).statusCode).toBe(204);
    expect((await lawyer.browser.get(url)).statusCode).toBe(404);
  });
});
