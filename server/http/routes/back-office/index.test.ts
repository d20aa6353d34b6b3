/**
 * The back office through its API: the queue with its legal clock, filters and search, the case
 * file, inline documents, the agent's actions through the transition table; every route refused
 * to applicants (403), to staff without the second factor (403) and, on another préfecture's
 * application, answered 404; audit rows for every read and action.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applications, attestations, auditEvents, reminders } from '../../../db/schema/index';
import type { UserRole } from '../../../db/schema/users';
import { TINY_PNG } from '../../../usecases/applications/test-pdfs';
import type { CaseFile, QueuePage } from '../../../../contract/back-office';
import { staffSignedIn, createApplicationsTestApp, expectProblem, fillChecklist, ok, recordCard, signedIn, startDraft, type Applicant } from '../applications/test-kit';

const START = '2026-10-01T10:00:00Z';
const ctx = await createApplicationsTestApp(START);
const { clock, db } = ctx;
const PNG = { data: TINY_PNG, filename: 'scan.png', contentType: 'image/png' };


const agentOf = (departement: string, options: { role?: UserRole; secondFactor?: boolean } = {}) => staffSignedIn(ctx, departement, options);

/** A visiteur application filed in time on 2026-10-01 in the Rhône (card expires 2026-12-31). */
async function filed(options: { validUntil?: string; departement?: string; surname?: string } = {}): Promise<Applicant & { id: string }> {
  clock.now = new Date(START);
  const applicant = await signedIn(ctx);
  if (options.surname) {
    const { applicantProfiles } = await import('../../../db/schema/index');
    await db.update(applicantProfiles).set({ surname: options.surname }).where(eq(applicantProfiles.userId, applicant.user.id));
  }
  await recordCard(applicant.browser, { validUntil: options.validUntil ?? '2026-12-31', cardType: 'visiteur', foreignerNumber: String(7_000_000_000 + Math.floor(Math.random() * 999_999_999)) });
  const draft = await startDraft(applicant.browser, { answers: { marriedOrHasChildren: false }, departement: options.departement ?? '69' });
  await fillChecklist(applicant.browser, draft.id, PNG);
  ok(await applicant.browser.post(`/api/v1/applications/${draft.id}/submit`, undefined, { headers: { 'idempotency-key': `key-${draft.id}` } }));
  return { ...applicant, id: draft.id };
}

const caseOf = async (agent: Applicant, id: string) => ok<CaseFile>(await agent.browser.get(`/api/v1/staff/applications/${id}`));
const queueOf = async (agent: Applicant, query = '') => ok<QueuePage>(await agent.browser.get(`/api/v1/staff/applications${query}`));

async function auditOf(actorId: string) {
  return db.select().from(auditEvents).where(eq(auditEvents.actorUserId, actorId)).orderBy(auditEvents.id);
}

/** Every back-office route, with a valid body, for one application. */
async function everyRoute(id: string, documentId: string, item: string) {
  return [
    { method: 'GET' as const, url: `/api/v1/staff/applications/${id}` },
    { method: 'GET' as const, url: `/api/v1/staff/applications/${id}/documents/${documentId}/content` },
    { method: 'POST' as const, url: `/api/v1/staff/applications/${id}/document-requests`, payload: { items: [item], dueOn: '2026-10-20' } },
    { method: 'POST' as const, url: `/api/v1/staff/applications/${id}/complete`, payload: {} },
    { method: 'POST' as const, url: `/api/v1/staff/applications/${id}/favourable-decision`, payload: {} },
    { method: 'POST' as const, url: `/api/v1/staff/applications/${id}/refusal`, payload: { reasons: ['Les ressources ne sont pas suffisantes.'] } },
  ];
}

describe('the back-office queue', () => {
  it("lists only the agent's préfecture, with the legal clock of each row, and audits the read", async () => {
    const lyon = await filed({ surname: 'Queuetest' });
    const paris = await filed({ departement: '75', surname: 'Queuetest' });
    const agent = await agentOf('69');
    clock.now = new Date('2026-10-11T09:00:00Z');
    const page = await queueOf(agent, '?q=queuetest');
    expect(page.rows.map((row) => row.id)).toEqual([lyon.id]);
    expect(page.rows.map((row) => row.id)).not.toContain(paris.id);
    const [row] = page.rows;
    expect(row?.clock.daysSinceFiling).toBe(10);
    // Filed 1 October: silence is an implicit rejection four months later.
    expect(row?.clock.tacitRefusal).toMatchObject({ on: '2027-02-01', ruleId: 'R-41' });
    expect(row?.clock.currentDocument.lapsesSoon).toBe(false);
    const audit = await auditOf(agent.user.id);
    expect(audit.at(-1)).toMatchObject({ action: 'queue.read', details: expect.objectContaining({ applicationIds: [lyon.id] }) });
  });

  it('filters by overdue requests, days to tacit refusal and late filing, and finds by reference and numéro d’étranger', async () => {
    const one = await filed({ surname: 'Filtreun' });
    const two = await filed({ surname: 'Filtredeux' });
    const agent = await agentOf('69');
    const file = await caseOf(agent, one.id);
    const item = file.documents[0]?.checklistItemId ?? '';
    clock.now = new Date('2026-10-02T09:00:00Z');
    ok(await agent.browser.post(`/api/v1/staff/applications/${one.id}/document-requests`, { items: [item], dueOn: '2026-10-10' }), 201);
    clock.now = new Date('2026-10-15T09:00:00Z');
    const overdue = await queueOf(agent, '?overdue=true&q=filtre');
    expect(overdue.rows.map((r) => r.id)).toEqual([one.id]);
    expect(overdue.rows[0]?.clock.overdue).toBe(true);
    const byRef = await queueOf(agent, `?q=${file.application.reference}`);
    expect(byRef.rows.map((r) => r.id)).toEqual([one.id]);
    const number = file.applicant.foreignerNumber ?? '';
    expect((await queueOf(agent, `?q=${number}`)).rows.map((r) => r.id)).toEqual([one.id]);
    expect((await queueOf(agent, '?q=filtre&filing=late')).rows).toEqual([]);
    expect((await queueOf(agent, '?q=filtre&tacitWithin=5')).rows).toEqual([]);
    const both = await queueOf(agent, '?q=filtre&tacitWithin=200&sort=-tacit_refusal_on');
    // The request suspended one's clock: its implicit rejection comes later, so first when sorting descending.
    expect(both.rows.map((r) => r.id)).toEqual([one.id, two.id]);
    const paged = await queueOf(agent, '?q=filtre&limit=1');
    expect(paged.nextOffset).toBe(1);
    expectProblem(await agent.browser.get('/api/v1/staff/applications?limit=1000'), 400, 'validation_failed');
  });
});

describe('the queue after a change of name', () => {
  it('finds the person under the new name once they correct it in their profile', async () => {
    const applicant = await filed({ surname: 'Ancienom' });
    const agent = await agentOf('69');
    expect((await queueOf(agent, '?q=ancienom')).rows.map((r) => r.id)).toEqual([applicant.id]);
    ok(
      await applicant.browser.request({
        method: 'PUT',
        url: '/api/v1/me/profile',
        payload: {
          surname: 'Nouvonom',
          givenNames: 'Zoë Anaïs',
          birthDate: '1994-03-15',
          nationality: 'COL',
          address: { line1: '12 rue des Lilas', postalCode: '69003', city: 'Lyon', departement: '69' },
        },
      }),
    );
    expect((await queueOf(agent, '?q=ancienom')).rows).toEqual([]);
    expect((await queueOf(agent, '?q=NOUVO')).rows.map((r) => r.id)).toEqual([applicant.id]);
  });
});

describe('the case file and its documents', () => {
  it('shows identity, permits, documents, history and every date with its rule; serves a document inline; audits both', async () => {
    const applicant = await filed();
    const agent = await agentOf('69');
    const file = await caseOf(agent, applicant.id);
    expect(file.applicant.surname).toBe('Lefèvre-Núñez');
    expect(file.permits).toHaveLength(1);
    expect(file.history.map((h) => h.event)).toContain('submit');
    expect(file.clock?.dates.find((d) => d.id === 'tacit_refusal_on')).toMatchObject({ ruleId: 'R-41', citation: expect.any(String), explanation: expect.any(String) });
    expect(file.allowedActions).toEqual(['requestDocuments', 'declareComplete', 'refuse']);
    const documentId = file.documents[0]?.id ?? '';
    const content = await agent.browser.get(`/api/v1/staff/applications/${applicant.id}/documents/${documentId}/content`);
    expect(content.statusCode).toBe(200);
    expect(content.headers['content-type']).toBe('image/png');
    expect(String(content.headers['content-disposition'])).toMatch(/^inline;/);
    expect(String(content.headers['content-security-policy'])).toContain("frame-ancestors 'self'");
    const actions = (await auditOf(agent.user.id)).map((a) => [a.action, a.objectId, a.clientAddress !== null]);
    expect(actions).toEqual([
      ['case.read', applicant.id, true],
      ['document.read', documentId, true],
    ]);
  });
});

describe('reminders that could not be delivered', () => {
  it('shows in the case file, so the préfecture can reach the person another way (issue 7)', async () => {
    const applicant = await filed();
    const agent = await agentOf('69');
    expect((await caseOf(agent, applicant.id)).failedDeliveries).toEqual([]);
    const at = new Date('2026-09-30T07:00:00Z');
    await db.insert(reminders).values({
      userId: applicant.user.id,
      kind: 'document_request_due_soon',
      subjectId: applicant.id,
      dueOn: '2026-09-30',
      aboutOn: '2026-10-15',
      sendAt: at,
      channel: 'sms',
      idempotencyKey: `${applicant.user.id}:document_request_due_soon:2026-09-30:sms`,
      ruleId: 'S-03',
      citation: 'CESEDA R.431-11',
      sejourOwn: true,
      status: 'failed',
      attempts: 5,
      nextAttemptAt: at,
      createdAt: at,
    });
    expect((await caseOf(agent, applicant.id)).failedDeliveries).toEqual([{ kind: 'document_request_due_soon', channel: 'sms', dueOn: '2026-09-30', attempts: 5 }]);
  });
});

describe('the agent actions', () => {
  it('declares complete then decides favourably, issuing the attestation and the letter, each audited with its history row', async () => {
    const applicant = await filed();
    const agent = await agentOf('69');
    clock.now = new Date('2026-10-05T09:00:00Z');
    expect(ok(await agent.browser.post(`/api/v1/staff/applications/${applicant.id}/complete`, {}))).toMatchObject({ status: 'complete' });
    expect(ok(await agent.browser.post(`/api/v1/staff/applications/${applicant.id}/favourable-decision`, {}))).toMatchObject({ status: 'decided_favourable' });
    const issued = await db.select().from(attestations).where(eq(attestations.applicationId, applicant.id));
    expect(issued.map((a) => a.kind).sort()).toEqual(['favourable_decision', 'favourable_decision_letter', 'filing_receipt', 'prolongation']);
    // Declaring complete gave the prolongation in advance (valid from the day after the card ends);
    // the decision then superseded it.
    const prolongation = issued.find((a) => a.kind === 'prolongation')!;
    expect(prolongation).toMatchObject({ issuedOn: '2026-10-05', validUntilOn: '2027-03-31' });
    expect(prolongation.facts.dates.find((d) => d.id === 'valid_from')?.on).toBe('2027-01-01');
    expect(prolongation.supersededAt).not.toBeNull();
    const file = await caseOf(agent, applicant.id);
    expect(file.history.map((h) => [h.event, h.actorKind])).toEqual([
      ['create', 'applicant'],
      ...file.history.slice(1, -2).map((h) => [h.event, h.actorKind]),
      ['declareComplete', 'agent'],
      ['decideFavourably', 'agent'],
    ]);
    expect((await auditOf(agent.user.id)).map((a) => a.action)).toEqual(['case.declareComplete', 'case.decideFavourably', 'case.read']);
    // The applicant sees the same history.
    const mine = ok<{ history: Array<{ event: string }> }>(await applicant.browser.get(`/api/v1/applications/${applicant.id}`));
    expect(mine.history.map((h) => h.event).slice(-2)).toEqual(['declareComplete', 'decideFavourably']);
  });

  it('refuses with reasons (the letter carries them and the recourse deadline), and then refuses any further action', async () => {
    const applicant = await filed();
    const agent = await agentOf('69');
    expectProblem(await agent.browser.post(`/api/v1/staff/applications/${applicant.id}/refusal`, { reasons: [] }), 400, 'validation_failed');
    ok(await agent.browser.post(`/api/v1/staff/applications/${applicant.id}/refusal`, { reasons: ['Les ressources ne sont pas suffisantes.'] }));
    const [letter] = await db.select().from(attestations).where(and(eq(attestations.applicationId, applicant.id), eq(attestations.kind, 'refusal_letter')));
    expect(letter?.facts.reasons).toEqual(['Les ressources ne sont pas suffisantes.']);
    expect(letter?.facts.dates.map((d) => d.id)).toContain('recourse_deadline');
    expectProblem(await agent.browser.post(`/api/v1/staff/applications/${applicant.id}/complete`, {}), 409, 'application_status_conflict');
    expectProblem(await agent.browser.post(`/api/v1/staff/applications/${applicant.id}/favourable-decision`, {}), 409, 'application_status_conflict');
  });

  it('lets only one of two agents acting at once succeed', async () => {
    const applicant = await filed();
    const one = await agentOf('69');
    const two = await agentOf('69');
    const [a, b] = await Promise.all([
      one.browser.post(`/api/v1/staff/applications/${applicant.id}/complete`, {}),
      two.browser.post(`/api/v1/staff/applications/${applicant.id}/complete`, {}),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect((await caseOf(one, applicant.id)).history.filter((h) => h.event === 'declareComplete')).toHaveLength(1);
    // An action based on an outdated view of the case is refused before the table is asked.
    expectProblem(
      await one.browser.post(`/api/v1/staff/applications/${applicant.id}/refusal`, { reasons: ['Les ressources ne sont pas suffisantes.'], expectedUpdatedAt: '2020-01-01T00:00:00.000Z' }),
      409,
      'application_changed',
    );
  });
});

describe('access to the back office', () => {
  it("answers 404 on every route for another préfecture's application, and writes nothing", async () => {
    const applicant = await filed();
    const lyon = await agentOf('69');
    const file = await caseOf(lyon, applicant.id);
    const paris = await agentOf('75');
    for (const route of await everyRoute(applicant.id, file.documents[0]?.id ?? '', file.documents[0]?.checklistItemId ?? '')) {
      expectProblem(await paris.browser.request(route), 404, 'application_not_found');
    }
    const [row] = await db.select().from(applications).where(eq(applications.id, applicant.id));
    expect(row?.status).toBe('submitted');
    expect(await auditOf(paris.user.id)).toEqual([]);
  });

  it('refuses applicants (403) and staff without the second factor (403) on every route, and the queue too', async () => {
    const applicant = await filed();
    const lyon = await agentOf('69');
    const file = await caseOf(lyon, applicant.id);
    const routes = [{ method: 'GET' as const, url: '/api/v1/staff/applications' }, ...(await everyRoute(applicant.id, file.documents[0]?.id ?? '', file.documents[0]?.checklistItemId ?? ''))];
    const noFactor = await agentOf('69', { secondFactor: false });
    for (const route of routes) {
      expectProblem(await applicant.browser.request(route), 403, 'forbidden');
      expectProblem(await noFactor.browser.request(route), 403, 'second_factor_required');
    }
    // A supervisor of the préfecture reads the agents' entries.
    const supervisor = await agentOf('69', { role: 'supervisor' });
    const log = ok<{ events: Array<{ action: string; objectId: string }> }>(await supervisor.browser.get(`/api/v1/staff/audit?objectId=${applicant.id}`));
    expect(log.events.map((e) => e.action)).toContain('case.read');
  });
});
