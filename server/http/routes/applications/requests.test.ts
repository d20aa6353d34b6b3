/**
 * After filing: the préfecture's requests for documents and their answer [R-20, R.431-11], and
 * the applicant's corrections of their details. The request is opened by the use case (the back
 * office has no route yet); everything else goes through the API as the applicant sees it.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applicationEvents, applications } from '../../../db/schema/index';
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
} from './test-kit';

const START = '2026-10-01T10:00:00Z';
const ctx = await createApplicationsTestApp(START);
const { clock, db } = ctx;
const PNG = { data: TINY_PNG, filename: 'scan.png', contentType: 'image/png' };

interface Entry {
  itemId: string;
  name: string;
  hint: string;
  documents: Array<{ id: string; addedAfterFiling: boolean }>;
}
interface RequestBody {
  id: string;
  requestedOn: string;
  dueOn: string;
  answeredOn: string | null;
  items: string[];
  open: boolean;
  overdue: boolean;
  entries: Entry[];
}
interface Detail {
  id: string;
  status: string;
  reference: string;
  filedOn: string;
  late: boolean;
  filing: { status: string };
  answers: Record<string, unknown>;
  documentRequests: RequestBody[];
  history: Array<{ event: string; statusFrom: string | null; statusTo: string; actorKind: string; at: string; details: Record<string, unknown> }>;
}

/** A visiteur application filed in time on 2026-10-01 (card expires 2026-12-31). */
async function filed(): Promise<Applicant & { id: string }> {
  clock.now = new Date(START);
  const applicant = await signedIn(ctx);
  await recordCard(applicant.browser, { validUntil: '2026-12-31', cardType: 'visiteur' });
  const draft = await startDraft(applicant.browser, { answers: { marriedOrHasChildren: false } });
  await fillChecklist(applicant.browser, draft.id, PNG);
  ok(await applicant.browser.post(`/api/v1/applications/${draft.id}/submit`, undefined, { headers: { 'idempotency-key': `key-${draft.id}` } }));
  return { ...applicant, id: draft.id };
}

const detailOf = async (applicant: Applicant, id: string, lang = 'fr') =>
  ok<Detail>(await applicant.browser.request({ method: 'GET', url: `/api/v1/applications/${id}`, headers: { 'accept-language': lang } }));
const answer = (applicant: Applicant, id: string, requestId: string) => applicant.browser.post(`/api/v1/applications/${id}/document-requests/${requestId}/answer`);
const send = (applicant: Applicant, id: string, item: string) => upload(applicant.browser, `/api/v1/applications/${id}/items/${item}/documents`, PNG);

async function rowOf(id: string) {
  const [row] = await db.select().from(applications).where(eq(applications.id, id));
  if (!row) throw new Error('no row');
  return row;
}

describe('a request for documents from the préfecture', () => {
  it('shows the exact list with the catalogue’s names and the due date, in the person’s language', async () => {
    const applicant = await filed();
    clock.now = new Date('2026-10-05T09:00:00Z');
    const request = await openDocumentRequest(ctx, applicant.id, { items: ['resources_proof', 'passport'], dueOn: '2026-11-04' });
    const fr = await detailOf(applicant, applicant.id);
    expect(fr.status).toBe('documents_requested');
    expect(fr.documentRequests).toEqual([
      {
        id: request.id,
        requestedOn: '2026-10-05',
        dueOn: '2026-11-04',
        answeredOn: null,
        items: ['resources_proof', 'passport'],
        open: true,
        overdue: false,
        entries: [
          expect.objectContaining({ itemId: 'resources_proof', documents: [] }),
          expect.objectContaining({ itemId: 'passport', name: 'Passeport', documents: [] }),
        ],
      },
    ]);
    expect(fr.history.at(-1)).toMatchObject({
      event: 'requestDocuments',
      statusFrom: 'submitted',
      statusTo: 'documents_requested',
      actorKind: 'agent',
      details: { requestId: request.id, items: ['resources_proof', 'passport'], dueOn: '2026-11-04' },
    });
    const en = await detailOf(applicant, applicant.id, 'en');
    expect(en.documentRequests[0]?.entries[1]).toMatchObject({ itemId: 'passport', name: 'Passport' });
  });

  it('takes new files for the requested items (even one already full), then the answer: back to submitted, filing date and in-time status kept [R-20]', async () => {
    const applicant = await filed();
    const before = await rowOf(applicant.id);
    expect(before).toMatchObject({ filedOn: '2026-10-01', filingStatus: 'in_time', late: false });
    clock.now = new Date('2026-11-20T09:00:00Z'); // after the in-time window closed (2026-11-01)
    const request = await openDocumentRequest(ctx, applicant.id, { items: ['no_work_undertaking', 'resources_proof'], dueOn: '2026-12-10' });

    // Refused while a requested item has no new file.
    const refused = expectProblem(await answer(applicant, applicant.id, request.id), 409, 'document_request_items_missing');
    expect(refused.errors).toEqual([
      { in: 'body', field: 'items.no_work_undertaking', code: 'document_missing', message: expect.any(String) },
      { in: 'body', field: 'items.resources_proof', code: 'document_missing', message: expect.any(String) },
    ]);
    // `no_work_undertaking` holds one file at most and already has its filed one: the request makes room for a new one.
    const sent = ok<{ id: string; addedAfterFiling: boolean }>(await send(applicant, applicant.id, 'no_work_undertaking'), 201);
    expect(sent.addedAfterFiling).toBe(true);
    expectProblem(await send(applicant, applicant.id, 'no_work_undertaking'), 409, 'document_item_full');
    expectProblem(await answer(applicant, applicant.id, request.id), 409, 'document_request_items_missing');
    const proof = ok<{ id: string }>(await send(applicant, applicant.id, 'resources_proof'), 201);

    clock.now = new Date('2026-11-25T09:00:00Z');
    const response = await answer(applicant, applicant.id, request.id);
    const body = ok<Detail>(response);
    expect(response.headers['idempotent-replayed']).toBeUndefined();
    expect(body).toEqual(await detailOf(applicant, applicant.id));
    expect(body).toMatchObject({ status: 'submitted', filedOn: '2026-10-01', late: false, filing: { status: 'in_time' } });
    expect(body.documentRequests[0]).toMatchObject({ answeredOn: '2026-11-25', open: false, overdue: false });
    expect(body.documentRequests[0]?.entries.map((entry) => entry.documents.map((document) => document.id))).toEqual([[sent.id], [proof.id]]);
    expect(body.history.at(-1)).toMatchObject({
      event: 'answerRequest',
      statusFrom: 'documents_requested',
      statusTo: 'submitted',
      actorKind: 'applicant',
      details: { requestId: request.id, answeredOn: '2026-11-25', late: false, documentIds: expect.arrayContaining([sent.id, proof.id]) },
    });
    // The documents sent for the request stay in the history for good.
    expect(body.history.filter((event) => event.event === 'addDocument').map((event) => event.details.documentId)).toEqual([sent.id, proof.id]);
    const after = await rowOf(applicant.id);
    expect({ filedOn: after.filedOn, filingStatus: after.filingStatus, late: after.late, reference: after.reference }).toEqual({
      filedOn: before.filedOn,
      filingStatus: before.filingStatus,
      late: before.late,
      reference: before.reference,
    });
  });

  it('treats a repeated click as the same answer, and refuses an earlier request already answered', async () => {
    const applicant = await filed();
    clock.now = new Date('2026-10-05T09:00:00Z');
    const first = await openDocumentRequest(ctx, applicant.id, { items: ['resources_proof'], dueOn: '2026-10-20' });
    ok(await send(applicant, applicant.id, 'resources_proof'), 201);
    const [a, b] = await Promise.all([answer(applicant, applicant.id, first.id), answer(applicant, applicant.id, first.id)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect([a.headers['idempotent-replayed'], b.headers['idempotent-replayed']].filter(Boolean)).toEqual(['true']);
    const again = await answer(applicant, applicant.id, first.id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const answers = await db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, applicant.id));
    expect(answers.filter((event) => event.event === 'answerRequest')).toHaveLength(1);

    clock.now = new Date('2026-10-10T09:00:00Z');
    const second = await openDocumentRequest(ctx, applicant.id, { items: ['passport'], dueOn: '2026-10-25' });
    expectProblem(await answer(applicant, applicant.id, first.id), 409, 'document_request_already_answered');
    // The new request needs its own new file: the first answer’s file is not for it.
    expectProblem(await answer(applicant, applicant.id, second.id), 409, 'document_request_items_missing');
    ok(await applicant.browser.post(`/api/v1/applications/${applicant.id}/withdraw`));
    expectProblem(await answer(applicant, applicant.id, second.id), 409, 'document_request_not_open');
  });

  it('still takes an answer after the due date, flagged late in the history, the filing date kept', async () => {
    const applicant = await filed();
    clock.now = new Date('2026-10-05T09:00:00Z');
    const request = await openDocumentRequest(ctx, applicant.id, { items: ['resources_proof'], dueOn: '2026-10-20' });
    clock.now = new Date('2026-10-22T09:00:00Z');
    expect((await detailOf(applicant, applicant.id)).documentRequests[0]).toMatchObject({ open: true, overdue: true });
    ok(await send(applicant, applicant.id, 'resources_proof'), 201);
    const body = ok<Detail>(await answer(applicant, applicant.id, request.id));
    expect(body).toMatchObject({ status: 'submitted', filedOn: '2026-10-01', filing: { status: 'in_time' } });
    expect(body.documentRequests[0]).toMatchObject({ answeredOn: '2026-10-22', overdue: true });
    expect(body.history.at(-1)).toMatchObject({ event: 'answerRequest', details: { late: true, dueOn: '2026-10-20', answeredOn: '2026-10-22' } });
  });

  it('answers 404 for a request of another application, and to another applicant with real ids', async () => {
    const owner = await filed();
    const other = await filed();
    clock.now = new Date('2026-10-05T09:00:00Z');
    const request = await openDocumentRequest(ctx, owner.id, { items: ['resources_proof'], dueOn: '2026-10-20' });
    await openDocumentRequest(ctx, other.id, { items: ['resources_proof'], dueOn: '2026-10-20' });
    expectProblem(await answer(other, owner.id, request.id), 404, 'application_not_found');
    expectProblem(await answer(other, other.id, request.id), 404, 'document_request_not_found');
    expectProblem(await other.browser.post(`/api/v1/applications/${owner.id}/corrections`, { answers: { marriedOrHasChildren: true } }), 404, 'application_not_found');
    expectProblem(await upload(other.browser, `/api/v1/applications/${owner.id}/items/resources_proof/documents`, PNG), 404, 'application_not_found');
    expect((await detailOf(owner, owner.id)).documentRequests[0]?.open).toBe(true);
  });

  it('is opened only on a filed application, for items of its checklist, due after today', async () => {
    const applicant = await filed();
    await expect(openDocumentRequest(ctx, applicant.id, { items: ['payslips_nowhere'], dueOn: '2026-11-01' })).rejects.toMatchObject({ code: 'document_item_unknown' });
    await expect(openDocumentRequest(ctx, applicant.id, { items: ['passport'], dueOn: '2026-10-01' })).rejects.toMatchObject({ code: 'bad_request' });
    await openDocumentRequest(ctx, applicant.id, { items: ['passport'], dueOn: '2026-10-15' });
    await expect(openDocumentRequest(ctx, applicant.id, { items: ['passport'], dueOn: '2026-10-15' })).rejects.toMatchObject({ code: 'application_status_conflict' });
    const draft = await signedIn(ctx);
    await recordCard(draft.browser, { validUntil: '2026-12-31', cardType: 'visiteur' });
    const unfiled = await startDraft(draft.browser);
    await expect(openDocumentRequest(ctx, unfiled.id, { items: ['passport'], dueOn: '2026-10-15' })).rejects.toMatchObject({ code: 'application_status_conflict' });
  });
});

describe('POST /api/v1/applications/:id/corrections', () => {
  it('corrects details after filing, each correction in the history with old → new and the day', async () => {
    const applicant = await filed();
    clock.now = new Date('2026-10-09T14:00:00Z');
    const body = ok<Detail>(
      await applicant.browser.post(`/api/v1/applications/${applicant.id}/corrections`, { answers: { marriedOrHasChildren: true }, note: 'Mariée le 2 octobre' }),
    );
    expect(body).toMatchObject({ status: 'submitted', filedOn: '2026-10-01', answers: { marriedOrHasChildren: true } });
    expect(body.history.at(-1)).toMatchObject({
      event: 'correctDetails',
      statusFrom: 'submitted',
      statusTo: 'submitted',
      actorKind: 'applicant',
      at: '2026-10-09T14:00:00.000Z',
      details: { correctedOn: '2026-10-09', changes: [{ field: 'answers.marriedOrHasChildren', from: false, to: true }], note: 'Mariée le 2 octobre' },
    });
    expectProblem(await applicant.browser.post(`/api/v1/applications/${applicant.id}/corrections`, { answers: { marriedOrHasChildren: true } }), 409, 'application_correction_empty');
    // Also while documents are requested; refused once closed, and for a draft.
    await openDocumentRequest(ctx, applicant.id, { items: ['passport'], dueOn: '2026-10-30' });
    const during = ok<Detail>(await applicant.browser.post(`/api/v1/applications/${applicant.id}/corrections`, { answers: { marriedOrHasChildren: false } }));
    expect(during.history.at(-1)).toMatchObject({ event: 'correctDetails', statusTo: 'documents_requested', details: { changes: [{ field: 'answers.marriedOrHasChildren', from: true, to: false }] } });
    expect(during.history.filter((event) => event.event === 'correctDetails')).toHaveLength(2);
    ok(await applicant.browser.post(`/api/v1/applications/${applicant.id}/withdraw`));
    expectProblem(await applicant.browser.post(`/api/v1/applications/${applicant.id}/corrections`, { answers: { marriedOrHasChildren: true } }), 409, 'application_closed');
    const later = await signedIn(ctx);
    await recordCard(later.browser, { validUntil: '2026-12-31', cardType: 'visiteur' });
    const draft = await startDraft(later.browser);
    expectProblem(await later.browser.post(`/api/v1/applications/${draft.id}/corrections`, { answers: { marriedOrHasChildren: true } }), 409, 'application_correction_draft');
    expectProblem(await later.browser.post(`/api/v1/applications/${draft.id}/corrections`, { answers: { unknownQuestion: true } }), 400, 'validation_failed');
  });
});
