import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { applications, documentRequests } from '../../../db/schema/index';
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
import type { OverviewBody } from '../../../../contract/overview';

const START = '2026-10-01T10:00:00Z';
const ctx = await createApplicationsTestApp(START);
const { app, clock, db } = ctx;
const PNG = { data: TINY_PNG, filename: 'scan.png', contentType: 'image/png' };

const overview = async (applicant: Applicant) => ok<OverviewBody>(await applicant.browser.get('/api/v1/me/overview'));

/** An applicant holding a visiteur card that expires on 2026-12-31 (the window is open on START). */
async function holder(): Promise<Applicant> {
  clock.now = new Date(START);
  const applicant = await signedIn(ctx);
  await recordCard(applicant.browser, { validUntil: '2026-12-31', cardType: 'visiteur' });
  return applicant;
}

async function file(applicant: Applicant): Promise<{ id: string; reference: string }> {
  const draft = await startDraft(applicant.browser, { answers: { marriedOrHasChildren: false } });
  await fillChecklist(applicant.browser, draft.id, PNG);
  return ok(await applicant.browser.post(`/api/v1/applications/${draft.id}/submit`, undefined, { headers: { 'idempotency-key': `overview-${draft.id}` } }));
}

describe('GET /api/v1/me/overview', () => {
  it('asks a signed-out caller to sign in', async () => {
    expectProblem(await app.inject({ url: '/api/v1/me/overview' }), 401, 'unauthenticated');
  });

  it('says nothing is known yet for a new account', async () => {
    clock.now = new Date(START);
    const applicant = await signedIn(ctx);
    expect(await overview(applicant)).toEqual({
      today: '2026-10-01',
      profileComplete: false,
      coverage: null,
      nextDeadline: null,
      permits: [],
      applications: [],
      openRequests: [],
      addressDeclarations: [],
    });
  });

  it('with a card only: covered by it until its last day, and the window closing next, with its rule', async () => {
    const applicant = await holder();
    const body = await overview(applicant);
    expect(body.coverage).toMatchObject({ covered: true, document: 'permit', until: '2026-12-31', ruleId: 'R-00', citation: 'CESEDA L.411-1', applicationId: null });
    expect(body.coverage?.permitId).toBe(body.permits[0]!.id);
    expect(body.nextDeadline).toMatchObject({ id: 'application_window_closes', on: '2026-11-01', ruleId: 'R-10' });
    expect(body.nextDeadline?.citation).toContain('R.431-5');
    expect(body.nextDeadline?.explanation.fr.length).toBeGreaterThan(10);
    expect(body.nextDeadline?.explanation.en.length).toBeGreaterThan(10);
  });

  it('past the expiry, an application filed in time covers the person once the file is complete (R-31); the application shows with its reference', async () => {
    const applicant = await holder();
    const filed = await file(applicant);
    // Filed: the window's last day is no longer a deadline; the implicit rejection date is next.
    const justFiled = await overview(applicant);
    expect(justFiled.nextDeadline).toMatchObject({ id: 'tacit_refusal_on', ruleId: expect.stringMatching(/^R-/) });
    clock.now = new Date('2027-01-15T10:00:00Z');
    const incomplete = await overview(applicant);
    expect(incomplete.today).toBe('2027-01-15');
    expect(incomplete.coverage).toMatchObject({ covered: false, document: 'none', until: null, ruleId: 'R-31', applicationId: filed.id });
    expect(incomplete.applications).toEqual([expect.objectContaining({ id: filed.id, reference: filed.reference, status: 'submitted', filedOn: '2026-10-01' })]);

    // The préfecture records the file complete on 5 October.
    await db.update(applications).set({ status: 'complete', completeOn: '2026-10-05' }).where(eq(applications.id, filed.id));
    const complete = await overview(applicant);
    expect(complete.coverage).toMatchObject({ covered: true, document: 'prolongation_attestation', until: '2027-03-31', ruleId: 'R-31', applicationId: filed.id });
  });

  it('lists the requests for documents still waiting for an answer, earliest due first, and not the answered ones', async () => {
    const applicant = await holder();
    const filed = await file(applicant);
    const now = new Date(START);
    const [late] = await db
      .insert(documentRequests)
      .values({ applicationId: filed.id, requestedOn: '2026-10-01', dueOn: '2026-10-31', items: ['passport', 'resources'], createdAt: now })
      .returning();
    const [soon] = await db
      .insert(documentRequests)
      .values({ applicationId: filed.id, requestedOn: '2026-10-01', dueOn: '2026-10-15', items: ['housing'], createdAt: now })
      .returning();
    await db.insert(documentRequests).values({ applicationId: filed.id, requestedOn: '2026-10-01', dueOn: '2026-10-10', answeredOn: '2026-10-01', items: ['photo'], createdAt: now });
    const body = await overview(applicant);
    expect(body.openRequests).toEqual([
      { applicationId: filed.id, reference: filed.reference, requestId: soon!.id, requestedOn: '2026-10-01', dueOn: '2026-10-15', items: ['housing'] },
      { applicationId: filed.id, reference: filed.reference, requestId: late!.id, requestedOn: '2026-10-01', dueOn: '2026-10-31', items: ['passport', 'resources'] },
    ]);
  });

  it("never shows one applicant another's permits, applications or requests", async () => {
    const first = await holder();
    const filed = await file(first);
    await db.insert(documentRequests).values({ applicationId: filed.id, requestedOn: '2026-10-01', dueOn: '2026-10-31', items: ['passport'], createdAt: new Date(START) });
    const second = await signedIn(ctx);
    const body = await overview(second);
    expect(body).toMatchObject({ coverage: null, permits: [], applications: [], openRequests: [] });
    expect(JSON.stringify(body)).not.toContain(filed.id);
  });
});
