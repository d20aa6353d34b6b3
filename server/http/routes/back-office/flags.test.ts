/**
 * "Nobody falls through" on the test clock (docs/adr/0019-back-office-flags-and-dashboard.md): the
 * daily `back-office.flag-cases` check raises and clears flags, shows them in the queue and the
 * case file, and notifies the préfecture's supervisors once per new flag.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, caseFlags, notifications } from '../../../db/schema/index';
import type { UserRole } from '../../../db/schema/users';
import { TINY_PNG } from '../../../usecases/applications/test-pdfs';
import { flagCases } from '../../../usecases/back-office/flag-cases';
import { issueDueProlongations } from '../../../usecases/attestations/issue-due-prolongations';
import { keysOf } from '../../../usecases/attestations/context';
import { loadEnv } from '../../../env';
import { JOBS } from '../../../jobs/registry';
import { backOfficeFlagCases } from '../../../jobs/jobs/back-office-flag-cases';
import type { CaseFile, Dashboard, QueuePage } from '../../../../contract/back-office';
import { staffSignedIn, prefectureIdOf, createApplicationsTestApp, expectProblem, fillChecklist, ok, recordCard, signedIn, startDraft, type Applicant } from '../applications/test-kit';

const START = '2026-10-01T10:00:00Z';
const ctx = await createApplicationsTestApp(START);
const { clock, db } = ctx;
const keys = keysOf(loadEnv({ NODE_ENV: 'test', DATA_DIR: ctx.dataDir }));
const PNG = { data: TINY_PNG, filename: 'scan.png', contentType: 'image/png' };

const prefectureId = (code: string) => prefectureIdOf(db, code);

const agentOf = (departement: string, role: UserRole = 'agent') => staffSignedIn(ctx, departement, { role });

/** A visiteur application filed in time on 2026-10-01 in the Rhône (card expires 2026-12-31). */
async function filed(): Promise<Applicant & { id: string }> {
  clock.now = new Date(START);
  const applicant = await signedIn(ctx);
  await recordCard(applicant.browser, { validUntil: '2026-12-31', cardType: 'visiteur', foreignerNumber: String(7_000_000_000 + Math.floor(Math.random() * 999_999_999)) });
  const draft = await startDraft(applicant.browser, { answers: { marriedOrHasChildren: false }, departement: '69' });
  await fillChecklist(applicant.browser, draft.id, PNG);
  ok(await applicant.browser.post(`/api/v1/applications/${draft.id}/submit`, undefined, { headers: { 'idempotency-key': `key-${draft.id}` } }));
  return { ...applicant, id: draft.id };
}

const runOn = (day: string) => {
  clock.now = new Date(`${day}T04:15:00Z`);
  return flagCases({ db, now: () => clock.now }, day);
};
const openFlags = async (id: string) =>
  (await db.select().from(caseFlags).where(eq(caseFlags.applicationId, id)))
    .filter((f) => f.clearedOn === null)
    .map((f) => f.kind)
    .sort();

describe('back-office.flag-cases', () => {
  it('is registered and scheduled daily', () => {
    expect(JOBS).toContain(backOfficeFlagCases);
    expect(backOfficeFlagCases.schedule?.cron).toBe('15 5 * * *');
  });

  it('raises, clears and notifies once: lapsing documents, implicit rejection at 30 and 7 days, overdue requests', async () => {
    const plain = await filed();
    const blocked = await filed();
    const requested = await filed();
    const agent = await agentOf('69');
    const supervisor = await agentOf('69', 'supervisor');
    const parisSupervisor = await agentOf('75', 'supervisor');
    clock.now = new Date('2026-10-02T09:00:00Z');
    ok(await agent.browser.post(`/api/v1/staff/applications/${blocked.id}/prolongation-block`, { reason: 'Vérification de l’authenticité du passeport en cours.' }));
    const file = ok<CaseFile>(await agent.browser.get(`/api/v1/staff/applications/${requested.id}`));
    ok(await agent.browser.post(`/api/v1/staff/applications/${requested.id}/document-requests`, { items: [file.documents[0]?.checklistItemId], dueOn: '2026-10-10' }), 201);

    await runOn('2026-10-05');
    expect(await openFlags(requested.id)).toEqual([]);
    // The request's due date has passed.
    const first = await runOn('2026-10-15');
    expect(first.raised.request_overdue).toBe(1);
    expect(await openFlags(requested.id)).toEqual(['request_overdue']);
    // Idempotent: a second run the same day raises and notifies nothing more.
    const again = await runOn('2026-10-15');
    expect(again).toMatchObject({ raised: { request_overdue: 0 }, notified: 0 });
    const notes = await db.select().from(notifications).where(eq(notifications.userId, supervisor.user.id));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: 'case_flag', params: expect.objectContaining({ flag: 'request_overdue', applicationId: requested.id }) });
    expect(await db.select().from(notifications).where(eq(notifications.userId, parisSupervisor.user.id))).toEqual([]);

    // 20 December: the blocked case's card ends within 15 days and nothing will renew it; the
    // plain one will get its attestation automatically, so it is not flagged.
    await runOn('2026-12-20');
    expect(await openFlags(blocked.id)).toEqual(['document_lapses']);
    expect(await openFlags(plain.id)).toEqual([]);

    // 1 January: the hourly job issues the plain case's attestation de prolongation (not the blocked one's).
    clock.now = new Date('2027-01-01T08:00:00Z');
    await issueDueProlongations({ db, keys, now: () => clock.now }, '2027-01-01');
    // 5 January: 27 days before the implicit rejection of 1 February.
    await runOn('2027-01-05');
    expect(await openFlags(plain.id)).toEqual(['tacit_refusal_30']);
    expect(await openFlags(blocked.id)).toEqual(['document_lapses', 'tacit_refusal_30']);
    // 26 January: 6 days before — the 30-day flag is cleared, the 7-day one raised.
    await runOn('2027-01-26');
    expect(await openFlags(plain.id)).toEqual(['tacit_refusal_7']);
    const cleared = await db.select().from(caseFlags).where(and(eq(caseFlags.applicationId, plain.id), eq(caseFlags.kind, 'tacit_refusal_30')));
    expect(cleared[0]?.clearedOn).toBe('2027-01-26');

    // The queue shows the flagged cases with their badges; the case file lists its flags.
    const queue = ok<QueuePage>(await agent.browser.get('/api/v1/staff/applications?flagged=true&limit=100'));
    const plainRow = queue.rows.find((r) => r.id === plain.id);
    expect(plainRow?.flags).toEqual(['tacit_refusal_7']);
    expect(queue.rows.every((r) => r.flags.length > 0)).toBe(true);
    const plainFile = ok<CaseFile>(await agent.browser.get(`/api/v1/staff/applications/${plain.id}`));
    expect(plainFile.flags).toEqual([expect.objectContaining({ kind: 'tacit_refusal_7', raisedOn: '2027-01-26', aboutOn: '2027-02-01' })]);

    // A decided case loses its flags at the next run.
    ok(await agent.browser.post(`/api/v1/staff/applications/${plain.id}/refusal`, { reasons: ['Les ressources ne sont pas suffisantes.'] }));
    await runOn('2027-01-27');
    expect(await openFlags(plain.id)).toEqual([]);
    const kinds = (await db.select().from(notifications).where(eq(notifications.userId, supervisor.user.id))).map((n) => n.params.flag).sort();
    expect(kinds).toEqual(expect.arrayContaining(['document_lapses', 'request_overdue', 'tacit_refusal_30', 'tacit_refusal_7']));
    // The supervisor reads them on the dashboard, in their language.
    const board = ok<Dashboard>(await supervisor.browser.get(`/api/v1/staff/dashboard?prefectureId=${await prefectureId('69')}`));
    expect(board.notices.map((n) => n.title)).toContain(`Dossier ${file.application.reference} signalé : Pièces demandées en retard`);
  });
});

describe('the supervisor dashboard', () => {
  it('shows backlog, processing times over 90 days, flagged cases, held-back attestations and notices; supervisors of the préfecture only', async () => {
    const supervisor = await agentOf('69', 'supervisor');
    const agent = await agentOf('69');
    const lyon = await prefectureId('69');
    const decidedAfter = [10, 20, 40];
    for (const days of decidedAfter) {
      const applicant = await filed();
      clock.now = new Date(Date.UTC(2026, 9, 1 + days, 9));
      ok(await agent.browser.post(`/api/v1/staff/applications/${applicant.id}/complete`, {}));
      ok(await agent.browser.post(`/api/v1/staff/applications/${applicant.id}/favourable-decision`, {}));
    }
    clock.now = new Date('2026-11-10T10:00:00Z');
    const board = ok<Dashboard>(await supervisor.browser.get(`/api/v1/staff/dashboard?prefectureId=${lyon}`));
    expect(board.processing).toEqual({ windowDays: 90, decisions: 3, medianDays: 20, p90Days: 40 });
    expect(board.backlog.map((b) => b.status)).toEqual(['submitted', 'documents_requested', 'complete']);
    expect(board.backlog.find((b) => b.status === 'documents_requested')?.count).toBeGreaterThanOrEqual(1);
    // From the first scenario: the overdue request and the held-back attestation with its reason.
    expect(board.flagged.map((f) => f.kind)).toContain('request_overdue');
    expect(board.blockedProlongations).toEqual([expect.objectContaining({ reason: 'Vérification de l’authenticité du passeport en cours.' })]);
    expect((await db.select().from(auditEvents).where(eq(auditEvents.actorUserId, supervisor.user.id))).map((a) => a.action)).toEqual(['dashboard.read']);

    expectProblem(await agent.browser.get(`/api/v1/staff/dashboard?prefectureId=${lyon}`), 403, 'forbidden');
    const paris = await agentOf('75', 'supervisor');
    expectProblem(await paris.browser.get(`/api/v1/staff/dashboard?prefectureId=${lyon}`), 404, 'prefecture_not_found');
    const applicant = await signedIn(ctx);
    expectProblem(await applicant.browser.get(`/api/v1/staff/dashboard?prefectureId=${lyon}`), 403, 'forbidden');
  });
});
