/**
 * The personal calendar feed: a secret URL (`/calendar/<token>.ics`, 32 random bytes; only its
 * SHA-256 is stored) serving every deadline and reminder date as all-day iCalendar events
 * (RFC 5545), in the person's language — including the day a pending application's silence becomes
 * an implicit rejection (the stored legal clock, R-41). Creating a feed revokes the previous one; a revoked
 * token answers 404.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { computeReminders, type ReminderKind } from '../../../domain/reminders/compute-reminders';
import { todayInParis } from '../../../domain/calendar/today-in-paris';
import type { CalendarFeed } from '../../../contract/notifications';
import type { Db } from '../../db/client';
import { applications, appointmentBookings, appointmentSlots, calendarFeeds, prefectures, users } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import { isLocale, translate, type Locale } from '../../i18n/index';
import { reminderTitle, spaceUrl } from './compose-reminder';
import { reminderFactsOf } from './recompute-reminders';

export interface CalendarContext {
  db: Db;
  now: () => Date;
  publicUrl: string;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export async function createCalendarFeed(ctx: CalendarContext, userId: string): Promise<CalendarFeed> {
  const token = randomBytes(32).toString('base64url');
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await tx.update(calendarFeeds).set({ revokedAt: now }).where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)));
    await tx.insert(calendarFeeds).values({ userId, tokenHash: hashOf(token), createdAt: now });
  });
  return { url: `${ctx.publicUrl}/calendar/${token}.ics`, createdAt: now.toISOString() };
}

export async function revokeCalendarFeed(ctx: CalendarContext, userId: string): Promise<void> {
  const revoked = await ctx.db
    .update(calendarFeeds)
    .set({ revokedAt: ctx.now() })
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
    .returning({ id: calendarFeeds.id });
  if (revoked.length === 0) throw new AppError(404, 'calendar_feed_not_found');
}

const DEADLINE_OF: Record<ReminderKind, string> = {
  renewal_4_months: 'expiry',
  renewal_2_months_1_week: 'expiry',
  window_closing: 'window_closes',
  vls_ts_validation: 'vls_ts_deadline',
  prolongation_lapsing: 'prolongation_end',
  document_request_due_soon: 'documents_due',
  document_request_due_today: 'documents_due',
  appointment_tomorrow: 'appointment',
};

/** RFC 5545 text: escape \ ; , and newlines; fold lines longer than 75 octets. */
function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  for (const char of line) {
    if (Buffer.byteLength(current + char) > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
    }
    current += char;
  }
  out.push(current);
  return out.join('\r\n ');
}
const compact = (day: string) => day.replaceAll('-', '');
const nextDay = (day: string) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
};

/** The feed's body, or 404 when the token is unknown or revoked. */
export async function renderCalendarFeed(ctx: CalendarContext, token: string): Promise<string> {
  if (!TOKEN_PATTERN.test(token)) throw new AppError(404, 'calendar_feed_not_found');
  const [feed] = await ctx.db
    .select({ userId: calendarFeeds.userId, locale: users.locale })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(and(eq(calendarFeeds.tokenHash, hashOf(token)), isNull(calendarFeeds.revokedAt)));
  if (!feed) throw new AppError(404, 'calendar_feed_not_found');
  const locale: Locale = isLocale(feed.locale) ? feed.locale : 'fr';
  const now = ctx.now();
  const owed = computeReminders(await reminderFactsOf(ctx.db, feed.userId), todayInParis(now));
  const description = translate(locale, 'reminders:calendar.description', { link: spaceUrl(ctx.publicUrl) });
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const events = new Map<string, { day: string; summary: string; startsAt?: Date; endsAt?: Date }>();
  for (const reminder of owed) {
    const deadline = DEADLINE_OF[reminder.kind];
    // An appointment is a timed event of its own (below), not an all-day date.
    if (reminder.kind !== 'appointment_tomorrow') events.set(`${deadline}-${reminder.aboutOn}`, { day: reminder.aboutOn, summary: translate(locale, `reminders:calendar.deadlines.${deadline}`) });
    events.set(`${reminder.kind}-${reminder.dueOn}`, {
      day: reminder.dueOn,
      summary: translate(locale, 'reminders:calendar.reminder', { title: reminderTitle(reminder.kind, locale, reminder.aboutOn) }),
    });
  }
  // The tacit-refusal date of each application still waiting for a decision (the legal clock
  // stored at every act, docs/adr/0014): the day silence becomes an implicit rejection.
  const pending = await ctx.db
    .select({ id: applications.id, reference: applications.reference, tacitRefusalOn: applications.tacitRefusalOn })
    .from(applications)
    .where(and(eq(applications.userId, feed.userId), inArray(applications.status, ['submitted', 'documents_requested', 'complete']), isNotNull(applications.tacitRefusalOn)));
  for (const application of pending) {
    if (!application.tacitRefusalOn) continue;
    events.set(`tacit_refusal-${application.id}`, {
      day: application.tacitRefusalOn,
      summary: translate(locale, 'reminders:calendar.deadlines.tacit_refusal', { reference: application.reference ?? '' }),
    });
  }
  const booked = await ctx.db
    .select({ id: appointmentBookings.id, kind: appointmentBookings.kind, startsAt: appointmentSlots.startsAt, endsAt: appointmentSlots.endsAt, prefecture: prefectures.name })
    .from(appointmentBookings)
    .innerJoin(appointmentSlots, eq(appointmentSlots.id, appointmentBookings.slotId))
    .innerJoin(prefectures, eq(prefectures.id, appointmentSlots.prefectureId))
    .where(and(eq(appointmentBookings.userId, feed.userId), eq(appointmentBookings.status, 'active')));
  for (const booking of booked) {
    events.set(`appointment-${booking.id}`, {
      day: booking.startsAt.toISOString().slice(0, 10),
      summary: translate(locale, 'appointments:calendar.summary', { kind: translate(locale, `appointments:kinds.${booking.kind}`), prefecture: booking.prefecture }),
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
    });
  }
  const utc = (instant: Date) => instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Sejour//Reminders//FR', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(translate(locale, 'reminders:calendar.name'))}`];
  for (const [key, event] of [...events.entries()].sort((a, b) => (a[1].day < b[1].day ? -1 : a[1].day > b[1].day ? 1 : 0))) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${key}-${feed.userId}@sejour`,
      `DTSTAMP:${stamp}`,
      ...(event.startsAt && event.endsAt
        ? [`DTSTART:${utc(event.startsAt)}`, `DTEND:${utc(event.endsAt)}`]
        : [`DTSTART;VALUE=DATE:${compact(event.day)}`, `DTEND;VALUE=DATE:${compact(nextDay(event.day))}`]),
      `SUMMARY:${escapeText(event.summary)}`,
      `DESCRIPTION:${escapeText(description)}`,
      event.startsAt ? 'TRANSP:OPAQUE' : 'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
