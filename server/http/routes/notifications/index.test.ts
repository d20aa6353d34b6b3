/**
 * The applicant's notifications, channel choices and calendar feed, through the API: only the
 * owner sees or changes them (another applicant's notification → 404, staff → 403); a revoked
 * calendar address answers 404.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { reminders } from '../../../db/schema/index';
import { deliveryFor } from '../../../usecases/reminders/delivery';
import { sendReminder } from '../../../usecases/reminders/send-reminder';
import { TINY_PNG } from '../../../usecases/applications/test-pdfs';
import { createApplicationsTestApp, expectProblem, fillChecklist, ok, recordCard, signedIn, startDraft, type Applicant } from '../applications/test-kit';

const ctx = await createApplicationsTestApp('2026-10-01T10:00:00Z');
const { db, clock, app } = ctx;

/** A card expiring on 31 Dec 2026; the 17 Oct reminder (S-01) shown in the space. */
async function withNotification(): Promise<Applicant> {
  clock.now = new Date('2026-10-01T10:00:00Z');
  const applicant = await signedIn(ctx);
  await recordCard(applicant.browser, { validUntil: '2026-12-31', cardType: 'visiteur' });
  const [inApp] = await db
    .select()
    .from(reminders)
    .where(and(eq(reminders.userId, applicant.user.id), eq(reminders.channel, 'in_app'), eq(reminders.kind, 'window_closing')));
  const at = new Date('2026-10-17T07:00:30Z');
  const delivery = deliveryFor({ smtpUrl: undefined, smtpFrom: 'x', sms: undefined }, () => at);
  expect(await sendReminder({ db, now: () => at, publicUrl: 'http://localhost', delivery }, inApp!.id)).toBe('sent');
  return applicant;
}

interface List {
  unread: number;
  notifications: Array<{ id: string; kind: string; title: string; readAt: string | null }>;
}

describe('GET /api/v1/me/notifications and POST …/:id/read', () => {
  it('lists my notifications in my language with the unread count, and marks one read', async () => {
    const applicant = await withNotification();
    const fr = ok<List>(await applicant.browser.get('/api/v1/me/notifications'));
    expect(fr.unread).toBe(1);
    expect(fr.notifications).toEqual([expect.objectContaining({ kind: 'window_closing', title: 'Déposez votre demande avant le 1 novembre 2026', readAt: null })]);
    const en = ok<List>(await applicant.browser.get('/api/v1/me/notifications', { headers: { 'accept-language': 'en' } }));
    expect(en.notifications[0]?.title).toBe('File your application before 1 November 2026');

    const id = fr.notifications[0]!.id;
    expect((await applicant.browser.post(`/api/v1/me/notifications/${id}/read`)).statusCode).toBe(204);
    expect((await applicant.browser.post(`/api/v1/me/notifications/${id}/read`)).statusCode).toBe(204);
    expect(ok<List>(await applicant.browser.get('/api/v1/me/notifications')).unread).toBe(0);
  });

  it('answers 404 for another applicant’s notification, 403 to staff, 401 signed out, 400 for a bad id', async () => {
    const owner = await withNotification();
    const id = ok<List>(await owner.browser.get('/api/v1/me/notifications')).notifications[0]!.id;
    const other = await signedIn(ctx);
    expectProblem(await other.browser.post(`/api/v1/me/notifications/${id}/read`), 404, 'notification_not_found');
    expect(ok<List>(await other.browser.get('/api/v1/me/notifications')).notifications).toEqual([]);
    const agent = await signedIn(ctx, 'agent');
    expect((await agent.browser.get('/api/v1/me/notifications')).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me/notifications' })).statusCode).toBe(401);
    expectProblem(await owner.browser.post('/api/v1/me/notifications/not-a-uuid/read'), 400, 'validation_failed');
    expect(ok<List>(await owner.browser.get('/api/v1/me/notifications')).unread).toBe(1);
  });
});

describe('/api/v1/me/notification-preferences', () => {
  it('starts with email and SMS on, and turning email off cancels the pending email reminders', async () => {
    const applicant = await withNotification();
    expect(ok(await applicant.browser.get('/api/v1/me/notification-preferences'))).toEqual({ email: true, sms: true, inApp: true, hasPhone: false });
    expect(ok(await applicant.browser.request({ method: 'PUT', url: '/api/v1/me/notification-preferences', payload: { email: false, sms: true } }))).toEqual({
      email: false,
      sms: true,
      inApp: true,
      hasPhone: false,
    });
    const pendingEmail = await db.select().from(reminders).where(and(eq(reminders.userId, applicant.user.id), eq(reminders.channel, 'email'), eq(reminders.status, 'pending')));
    expect(pendingEmail).toEqual([]);
    expectProblem(await applicant.browser.request({ method: 'PUT', url: '/api/v1/me/notification-preferences', payload: { email: 'yes' } }), 400, 'validation_failed');
    expect(ok(await applicant.browser.get('/api/v1/me/notification-preferences'))).toMatchObject({ email: false });
  });
});

describe('the calendar feed', () => {
  it('gives a secret address serving every deadline and reminder date; a new address revokes the old; revoking answers 404', async () => {
    const applicant = await withNotification();
    const feed = ok<{ url: string }>(await applicant.browser.post('/api/v1/me/calendar-feed'), 201);
    expect(feed.url).toMatch(/^http:\/\/localhost:\d+\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const path = new URL(feed.url).pathname;
    const calendar = await app.inject({ method: 'GET', url: path });
    expect(calendar.statusCode).toBe(200);
    expect(calendar.headers['content-type']).toMatch(/^text\/calendar/);
    expect(calendar.body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    for (const day of ['20261017', '20261024', '20261101', '20261231']) expect(calendar.body).toContain(`DTSTART;VALUE=DATE:${day}`);
    expect(calendar.body).toContain('SUMMARY:Fin de validité de votre titre de séjour');

    const rotated = ok<{ url: string }>(await applicant.browser.post('/api/v1/me/calendar-feed'), 201);
    expect((await app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    const newPath = new URL(rotated.url).pathname;
    expect((await app.inject({ method: 'GET', url: newPath })).statusCode).toBe(200);

    const other = await signedIn(ctx);
    expectProblem(await other.browser.delete('/api/v1/me/calendar-feed'), 404, 'calendar_feed_not_found');
    expect((await app.inject({ method: 'GET', url: newPath })).statusCode).toBe(200);
    expect((await applicant.browser.delete('/api/v1/me/calendar-feed')).statusCode).toBe(204);
    expectProblem(await app.inject({ method: 'GET', url: newPath }), 404, 'calendar_feed_not_found');
    expectProblem(await applicant.browser.delete('/api/v1/me/calendar-feed'), 404, 'calendar_feed_not_found');
    expect((await app.inject({ method: 'GET', url: '/calendar/guess.ics' })).statusCode).toBe(404);
  });

  it('shows the day silence on a pending application becomes an implicit rejection, and drops it once withdrawn', async () => {
    clock.now = new Date('2026-10-01T10:00:00Z');
    const applicant = await signedIn(ctx);
    await recordCard(applicant.browser, { validUntil: '2026-12-31', cardType: 'visiteur' });
    const draft = await startDraft(applicant.browser, { answers: { marriedOrHasChildren: false } });
    await fillChecklist(applicant.browser, draft.id, { data: TINY_PNG, filename: 'scan.png', contentType: 'image/png' });
    const filed = ok<{ reference: string }>(await applicant.browser.post(`/api/v1/applications/${draft.id}/submit`, undefined, { headers: { 'idempotency-key': `calendar-${draft.id}` } }));
    const feed = ok<{ url: string }>(await applicant.browser.post('/api/v1/me/calendar-feed'), 201);
    const read = async () => (await app.inject({ method: 'GET', url: new URL(feed.url).pathname })).body.replaceAll('\r\n ', '');
    // Filed on 1 October 2026: four months of silence end on 1 February 2027 (R-41, month rule).
    const unfolded = await read();
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20270201');
    expect(unfolded).toContain(`SUMMARY:Sans décision sur ${filed.reference} à la fin de ce jour\\, la demande est implicitement rejetée`);
    ok(await applicant.browser.post(`/api/v1/applications/${draft.id}/withdraw`));
    expect(await read()).not.toContain('DTSTART;VALUE=DATE:20270201');
  });
});
