/**
 * Sends one reminder on its channel, safe to run twice or at once in two workers (ADR 0012):
 *
 * 1. never at night: a reminder due between 21:00 and 08:00 Paris time waits for 09:00 (letters,
 *    channel `post`, go to the desk's print queue at any hour);
 * 2. claim: `UPDATE … SET status = 'sending' WHERE id = $1 AND status = 'pending' RETURNING` —
 *    only one sender gets the row; the others skip;
 * 3. deliver; in-app and outbox deliveries are written in the same transaction that marks the row
 *    sent (exactly once); SMTP and the SMS provider are called after the claim, then the row is
 *    marked sent — a process killed between the provider's acceptance and that mark leaves the row
 *    `sending`, and the sweep sends it again after the lease: that window is the only way to a
 *    duplicate;
 * 4. on failure: back to `pending` with an exponential delay, then `failed` after MAX_ATTEMPTS
 *    (the person sees it in their notifications; staff through `listFailedReminders`).
 */
import { appointmentCancelledTitle } from '../appointments/notification-title';
import { and, eq, ne, sql } from 'drizzle-orm';
import { nextDaytimeSend, type QuietHours } from '../../../domain/reminders/compute-reminders';
import type { Db } from '../../db/client';
import { notifications, reminders, users } from '../../db/schema/index';
import { isLocale, translate, type Locale } from '../../i18n/index';
import { composeReminderEmail, composeReminderSms, reminderTitle } from './compose-reminder';
import type { Delivery } from './delivery';
import { channelsOf } from './recompute-reminders';
import { TACIT_REFUSAL_NOTIFICATION, tacitRefusalTitle } from '../applications/record-tacit-refusals';
import { isNoticeKind } from '../../../domain/reminders/notices';
import { composeDeskSms, noticeTitle, queueLetter } from '../help-desk/postal-mail';

export const MAX_ATTEMPTS = 5;
/** Sent later than this after `send_at`: marked late. */
export const LATE_AFTER_MS = 15 * 60_000;

/** 1 min, 4 min, 16 min, 64 min… after the failed attempt. */
export function retryDelayMs(attempts: number): number {
  return 60_000 * 4 ** Math.max(0, attempts - 1);
}

export interface SendContext {
  db: Db;
  now: () => Date;
  publicUrl: string;
  delivery: Delivery;
  /** Default 21:00–08:00 Paris; null: send at any hour. */
  quietHours?: QuietHours | null;
}

export type SendOutcome = 'sent' | 'skipped' | 'deferred' | 'cancelled' | 'retry' | 'failed';

type ReminderRow = typeof reminders.$inferSelect;

async function markFailed(db: Db, row: ReminderRow, error: unknown, now: Date): Promise<SendOutcome> {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  if (row.attempts >= MAX_ATTEMPTS) {
    await db.transaction(async (tx) => {
      await tx.update(reminders).set({ status: 'failed', lastError: message, claimedAt: null }).where(and(eq(reminders.id, row.id), eq(reminders.status, 'sending')));
      await tx
        .insert(notifications)
        .values({ userId: row.userId, kind: 'delivery_failed', reminderId: row.id, params: { reminderKind: row.kind, channel: row.channel, aboutOn: row.aboutOn }, createdAt: now })
        .onConflictDoNothing();
    });
    return 'failed';
  }
  await db
    .update(reminders)
    .set({ status: 'pending', lastError: message, claimedAt: null, nextAttemptAt: new Date(now.getTime() + retryDelayMs(row.attempts)) })
    .where(and(eq(reminders.id, row.id), eq(reminders.status, 'sending')));
  return 'retry';
}

export async function sendReminder(ctx: SendContext, reminderId: string): Promise<SendOutcome> {
  const now = ctx.now();
  const daytime = ctx.quietHours === null ? now.getTime() : nextDaytimeSend(now.getTime(), ctx.quietHours);
  if (daytime !== now.getTime()) {
    // A letter wakes nobody: it goes to the desk's queue at any hour (ADR 0020).
    const held = await ctx.db
      .update(reminders)
      .set({ nextAttemptAt: new Date(daytime) })
      .where(and(eq(reminders.id, reminderId), eq(reminders.status, 'pending'), ne(reminders.channel, 'post')))
      .returning({ id: reminders.id });
    if (held.length > 0) return 'deferred';
  }
  const [row] = await ctx.db
    .update(reminders)
    .set({ status: 'sending', claimedAt: now, attempts: sql`${reminders.attempts} + 1`, late: sql`${reminders.sendAt} < ${new Date(now.getTime() - LATE_AFTER_MS)}` })
    .where(and(eq(reminders.id, reminderId), eq(reminders.status, 'pending')))
    .returning();
  if (!row) return 'skipped';

  const [user] = await ctx.db.select({ email: users.email, phone: users.phone, locale: users.locale }).from(users).where(eq(users.id, row.userId));
  if (!user || !(await channelsOf(ctx.db, row.userId)).includes(row.channel)) {
    await ctx.db.update(reminders).set({ status: 'cancelled', cancelledAt: now, claimedAt: null }).where(and(eq(reminders.id, row.id), eq(reminders.status, 'sending')));
    return 'cancelled';
  }
  const locale: Locale = isLocale(user.locale) ? user.locale : 'fr';
  const kind = row.kind;
  const markSent = (db: Db) =>
    db
      .update(reminders)
      .set({ status: 'sent', sentAt: ctx.now(), lastError: null })
      .where(and(eq(reminders.id, row.id), eq(reminders.status, 'sending'), eq(reminders.claimedAt, now)))
      .returning({ id: reminders.id });

  try {
    if (row.channel === 'post') {
      // A letter for the préfecture's desk to print and post (ADR 0020): queued with the mark, exactly once.
      await ctx.db.transaction(async (tx) => {
        await queueLetter(tx, row, locale, now);
        await markSent(tx);
      });
      return 'sent';
    }
    if (row.channel === 'in_app') {
      await ctx.db.transaction(async (tx) => {
        await tx.insert(notifications).values({ userId: row.userId, kind: row.kind, reminderId: row.id, params: { aboutOn: row.aboutOn }, createdAt: now }).onConflictDoNothing();
        await markSent(tx);
      });
      return 'sent';
    }
    // People without an address cannot open their space: their text says a letter follows (ADR 0020).
    // Inside the try: a failure here is retried like a provider's.
    const smsText = row.channel === 'sms' && user.email === null ? composeDeskSms(await noticeTitle(ctx.db, row, locale), locale) : undefined;
    const send = async (db: Db) => {
      if (row.channel === 'email') {
        if (isNoticeKind(kind) || user.email === null) throw new Error('notices are not emailed');
        const text = { kind, locale, aboutOn: row.aboutOn, citation: row.citation, sejourOwn: row.sejourOwn, late: row.late, publicUrl: ctx.publicUrl };
        await ctx.delivery.email.send(composeReminderEmail(text, user.email), row.idempotencyKey, db);
      } else {
        if (!user.phone) throw new Error('no phone number');
        let sms = smsText;
        if (sms === undefined) {
          if (isNoticeKind(kind)) throw new Error('notices go to people without an email address only');
          sms = composeReminderSms({ kind, locale, aboutOn: row.aboutOn, publicUrl: ctx.publicUrl });
        }
        await ctx.delivery.sms.provider.send({ kind: `reminder_${row.kind}`, to: user.phone, locale, text: sms, idempotencyKey: row.idempotencyKey }, db);
      }
    };
    const external = row.channel === 'email' ? ctx.delivery.email.external : ctx.delivery.sms.external;
    if (external) {
      await send(ctx.db);
      await markSent(ctx.db);
    } else {
      await ctx.db.transaction(async (tx) => {
        await send(tx);
        await markSent(tx);
      });
    }
    return 'sent';
  } catch (error) {
    return markFailed(ctx.db, row, error, ctx.now());
  }
}

/** The in-app title of a notification row, in the reader's language. */
export function notificationTitle(kind: string, params: Record<string, string>, locale: Locale): string {
  if (kind.startsWith('message_')) return translate(locale, `messages:notifications.${kind}`, params);
  if (kind === 'delivery_failed') {
    const channel = translate(locale, `reminders:channels.${params.channel ?? 'email'}`);
    return translate(locale, 'reminders:delivery_failed.title', { channel });
  }
  if (kind === TACIT_REFUSAL_NOTIFICATION) return tacitRefusalTitle(params, locale);
  if (kind === 'appointment_cancelled') return appointmentCancelledTitle(params, locale);
  if (kind === 'case_flag') {
    // The supervisors' notice of a flag raised by `back-office.flag-cases`.
    return translate(locale, 'back-office:notification.title', { reference: params.reference ?? '', flag: translate(locale, `back-office:flags.${params.flag ?? ''}`) });
  }
  return reminderTitle(kind as never, locale, params.aboutOn ?? '');
}
