/**
 * The daily recording of implicit rejections (issue 5): on the test clock, an application filed on
 * 2026-10-01 with no answer is implicitly rejected at the end of 2027-02-01; from 2027-02-02
 * the job records it once — history row through the state machine, in-app notification, email in
 * the outbox — and the application page then offers the request for reasons and the help.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applicationEvents, applications, notifications, outboxMessages } from '../../db/schema/index';
import { TINY_PNG } from './test-pdfs';
import { createApplicationsTestApp, fillChecklist, ok, recordCard, signedIn, startDraft } from '../../http/routes/applications/test-kit';
import { recordTacitRefusals } from './record-tacit-refusals';

const START = '2026-10-01T10:00:00Z';
const ctx = await createApplicationsTestApp(START);
const { clock, db } = ctx;
const PNG = { data: TINY_PNG, filename: 'scan.png', contentType: 'image/png' };
const job = (today: string) => recordTacitRefusals({ db, now: () => clock.now, publicUrl: 'https://sejour.example' }, today);

async function filedApplication() {
  clock.now = new Date(START);
  const applicant = await signedIn(ctx);
  await recordCard(applicant.browser, { validUntil: '2026-12-31', cardType: 'visiteur' });
  const draft = await startDraft(applicant.browser, { answers: { marriedOrHasChildren: false } });
  await fillChecklist(applicant.browser, draft.id, PNG);
  ok(await applicant.browser.post(`/api/v1/applications/${draft.id}/submit`, undefined, { headers: { 'idempotency-key': `key-${draft.id}` } }));
  return { ...applicant, id: draft.id };
}

describe(recordTacitRefusals.name, () => {
  it('records the implicit rejection once, the day after it arose, with a history row, a notification and an email', async () => {
    const applicant = await filedApplication();
    const [before] = await db.select().from(applications).where(eq(applications.id, applicant.id));
    expect(before?.tacitRefusalOn).toBe('2027-02-01');

    clock.now = new Date('2027-02-01T23:00:00Z');
    await job('2027-02-01');
    expect((await db.select().from(applications).where(eq(applications.id, applicant.id)))[0]?.tacitRefusalRecordedOn).toBeNull();

    clock.now = new Date('2027-02-02T00:20:00Z');
    const first = await job('2027-02-02');
    expect(first.recorded).toBeGreaterThanOrEqual(1);
    const again = await job('2027-02-02');
    const later = await job('2027-02-03');
    expect(again.recorded + later.recorded).toBe(0);

    const [row] = await db.select().from(applications).where(eq(applications.id, applicant.id));
    expect({ status: row?.status, recordedOn: row?.tacitRefusalRecordedOn }).toEqual({ status: 'submitted', recordedOn: '2027-02-02' });
    const history = await db.select().from(applicationEvents).where(and(eq(applicationEvents.applicationId, applicant.id), eq(applicationEvents.event, 'recordTacitRefusal')));
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ actorKind: 'system', statusFrom: 'submitted', statusTo: 'submitted', details: { tacitRefusalOn: '2027-02-01', ruleId: 'R-41' } });
    const notes = await db.select().from(notifications).where(and(eq(notifications.userId, applicant.user.id), eq(notifications.kind, 'tacit_refusal')));
    expect(notes).toHaveLength(1);
    const mails = await db.select().from(outboxMessages).where(and(eq(outboxMessages.recipient, applicant.user.email), eq(outboxMessages.kind, 'tacit_refusal')));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain('Refus implicite');
    expect(mails[0]?.text).toContain('https://sejour.example/aide?situation=tacit_refusal');

    // What the person sees: the notification's title, the history entry, the letter for the reasons.
    const list = ok<{ notifications: Array<{ kind: string; title: string }> }>(await applicant.browser.get('/api/v1/me/notifications'));
    expect(list.notifications.find((n) => n.kind === 'tacit_refusal')?.title).toBe(`Refus implicite de votre demande ${row?.reference} le 1 février 2027`);
    const detail = ok<{ help: { situation: string; letters: string[] }; history: Array<{ event: string }> }>(await applicant.browser.get(`/api/v1/applications/${applicant.id}`));
    expect(detail.help).toMatchObject({ situation: 'tacit_refusal', letters: ['no_answer', 'reasons_request'] });
    expect(detail.history.map((h) => h.event)).toContain('recordTacitRefusal');
  });

  it('leaves a withdrawn application alone', async () => {
    const applicant = await filedApplication();
    ok(await applicant.browser.post(`/api/v1/applications/${applicant.id}/withdraw`));
    clock.now = new Date('2027-02-02T00:20:00Z');
    await job('2027-02-02');
    const history = await db.select().from(applicationEvents).where(and(eq(applicationEvents.applicationId, applicant.id), eq(applicationEvents.event, 'recordTacitRefusal')));
    expect(history).toHaveLength(0);
  });
});
