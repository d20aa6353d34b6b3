/**
 * A whole year of reminders, driven by a test clock, delivered to a real SMTP server started here:
 * each scheduled reminder arrives on its day, at 09:00 Paris, once, in the person's language; an
 * application filed on the way cancels the reminders that no longer apply.
 */
import { Temporal } from 'temporal-polyfill';
import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { todayInParis } from '../../../domain/calendar/today-in-paris';
import { reminderSendAt } from '../../../domain/reminders/compute-reminders';
import { notifications, outboxMessages, reminders, users } from '../../db/schema/index';
import { TINY_PNG } from '../applications/test-pdfs';
import { createApplicationsTestApp, fillChecklist, ok, recordCard, signedIn, startDraft } from '../../http/routes/applications/test-kit';
import { startSmtpServer } from '../../../test/smtp-server';
import { closeDeliveries, deliveryFor } from './delivery';
import { sendReminder } from './send-reminder';
import { reclaimStaleReminders, takeDueReminders } from './sweep-due-reminders';

const ctx = await createApplicationsTestApp('2026-09-20T10:00:00Z');
const { db, clock } = ctx;
const smtp = await startSmtpServer({ clock: () => clock.now });
afterAll(async () => {
  closeDeliveries();
  await smtp.close();
});
const PUBLIC_URL = 'https://sejour.example.fr';
const delivery = deliveryFor({ smtpUrl: smtp.url, smtpFrom: 'Sejour <no-reply@sejour.example.fr>', sms: undefined }, () => clock.now);

/** What the sweep job and the send jobs do, run in line at the clock's time. */
async function sweepAndSend(): Promise<void> {
  const now = clock.now;
  await reclaimStaleReminders(db, now, 300);
  const ids = await db.transaction((tx) => takeDueReminders(tx, now, 300, 500));
  for (const id of ids) await sendReminder({ db, now: () => clock.now, publicUrl: PUBLIC_URL, delivery }, id);
}

const parisTime = (day: string, time: string) => new Date(Temporal.PlainDate.from(day).toZonedDateTime({ timeZone: 'Europe/Paris', plainTime: time }).epochMilliseconds);

/** Every day from `from` to `to`: a pass at 08:59 and one at 09:01 Paris time. */
async function liveThrough(from: string, to: string, onDay?: (day: string) => Promise<void>): Promise<void> {
  for (let day = Temporal.PlainDate.from(from); Temporal.PlainDate.compare(day, Temporal.PlainDate.from(to)) <= 0; day = day.add({ days: 1 })) {
    for (const time of ['08:59', '09:01']) {
      clock.now = parisTime(day.toString(), time);
      await sweepAndSend();
    }
    await onDay?.(day.toString());
  }
}

const sent = (to: string) => smtp.messages.filter((m) => m.to === to).map((m) => [todayInParis(m.receivedAt), m.subject] as const);

describe('the reminder timeline', () => {
  it('sends a VLS-TS holder exactly the scheduled reminders, on their day at 09:00 Paris, once each, in English; filing cancels the renewal reminders of another person', async () => {
    clock.now = new Date('2026-09-20T10:00:00Z');
    // A student who entered on 10 Sep 2026 with a VLS-TS valid until 31 Aug 2027, reading English, with a phone.
    const holder = await signedIn(ctx);
    await db.update(users).set({ locale: 'en', phone: '+33612345678' }).where(eq(users.id, holder.user.id));
    ok(await holder.browser.post('/api/v1/vls-ts', { cardType: 'etudiant', validFrom: '2026-09-01', validUntil: '2027-08-31', enteredFranceOn: '2026-09-10' }), 201);
    // A card holder (French) whose card expires on 31 Dec 2026, who files on 20 Oct.
    const renewer = await signedIn(ctx);
    await recordCard(renewer.browser, { validUntil: '2026-12-31', cardType: 'visiteur' });

    await liveThrough('2026-09-20', '2026-10-19');
    const draft = await startDraft(renewer.browser, { answers: { marriedOrHasChildren: false } });
    await fillChecklist(renewer.browser, draft.id, { data: TINY_PNG, filename: 'scan.png', contentType: 'image/png' });
    ok(await renewer.browser.post(`/api/v1/applications/${draft.id}/submit`, undefined, { headers: { 'idempotency-key': `k-${draft.id}` } }));
    await liveThrough('2026-10-20', '2027-08-31');

    expect(sent(holder.user.email)).toEqual([
      ['2026-11-26', 'Validate your long-stay visa before 10 December 2026'], // S-02: entry + 3 months − 14 days
      ['2027-04-30', 'Your residence permit expires on 31 August 2027'], // 4 months before
      ['2027-06-17', 'The filing period for your application ends on 2 July 2027'], // S-01: 75 days before
      ['2027-06-23', 'One week left to file your application in time'], // 2 months (30 Jun) − 7 days
    ]);
    // The renewer got the S-01 warning (17 Oct) before filing, and nothing after: 24 Oct was cancelled.
    expect(sent(renewer.user.email)).toEqual([['2026-10-17', 'La période de dépôt de votre demande se termine le 1 novembre 2026']]);
    const cancelled = await db.select().from(reminders).where(and(eq(reminders.userId, renewer.user.id), eq(reminders.status, 'cancelled')));
    expect(cancelled.map((r) => `${r.kind} ${r.channel}`).sort()).toEqual(['renewal_2_months_1_week email', 'renewal_2_months_1_week in_app']);

    // Each at 09:00 Paris on its day (the 09:01 pass), once.
    for (const message of smtp.messages) expect(message.receivedAt).toEqual(new Date(new Date(reminderSendAt(todayInParis(message.receivedAt))).getTime() + 60_000));
    const keys = smtp.messages.map((m) => m.reminderKey);
    expect(new Set(keys).size).toBe(keys.length);
    const first = smtp.messages.find((m) => m.to === holder.user.email)!;
    expect(first.text).toContain(`${PUBLIC_URL}/espace`);
    expect(first.html).toContain(`href="${PUBLIC_URL}/espace"`);
    expect(first.text).toContain('a reminder Sejour adds to help you');

    // The same reminders by SMS (outbox) and in the personal space.
    const sms = await db.select().from(outboxMessages).where(and(eq(outboxMessages.recipient, '+33612345678'), eq(outboxMessages.channel, 'sms')));
    expect(sms).toHaveLength(4);
    for (const message of sms) expect(message.text.length).toBeLessThanOrEqual(160);
    expect(await db.select().from(notifications).where(eq(notifications.userId, holder.user.id))).toHaveLength(4);
    expect(await db.select().from(reminders).where(and(eq(reminders.userId, holder.user.id), eq(reminders.status, 'pending')))).toEqual([]);
  });
});
