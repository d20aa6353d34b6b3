/**
 * Brings a person's stored reminders in line with their facts (ADR 0012): inserts the reminders
 * the domain says are owed (one row per channel, `ON CONFLICT DO NOTHING` on the idempotency key,
 * reviving a cancelled one that applies again) and cancels the unsent ones that no longer apply —
 * never touching one already sent or being sent.
 *
 * Called with the transaction of every use case that changes a date the reminders depend on
 * (submit/withdraw an application, request or answer documents, record a card or a VLS-TS,
 * validate a VLS-TS), so the reminders change exactly when the facts do; the `reminders.recompute`
 * job runs it for one person outside a request.
 */
import { and, desc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import { REMINDER_KINDS, computeReminders, type Reminder, type ReminderFacts } from '../../../domain/reminders/compute-reminders';
import { todayInParis } from '../../../domain/calendar/today-in-paris';
import type { Db } from '../../db/client';
import {
  applications,
  appointmentBookings,
  appointmentSlots,
  attestations,
  documentRequests,
  notificationPreferences,
  permits,
  reminders,
  users,
  type ReminderChannel,
} from '../../db/schema/index';

export function idempotencyKeyOf(userId: string, reminder: Pick<Reminder, 'kind' | 'dueOn'>, channel: ReminderChannel): string {
  return `${userId}:${reminder.kind}:${reminder.dueOn}:${channel}`;
}

/** The facts the reminders depend on, read in `db` (the caller's transaction). */
export async function reminderFactsOf(db: Db, userId: string): Promise<ReminderFacts> {
  const [permit] = await db.select().from(permits).where(eq(permits.userId, userId)).orderBy(desc(permits.validUntilOn)).limit(1);
  const apps = await db
    .select({ id: applications.id, permitId: applications.permitId, status: applications.status })
    .from(applications)
    .where(eq(applications.userId, userId));
  const prolongations = await db
    .select({ id: attestations.id, applicationId: attestations.applicationId, validUntil: attestations.validUntilOn })
    .from(attestations)
    .where(and(eq(attestations.userId, userId), eq(attestations.kind, 'prolongation'), isNull(attestations.supersededBy)));
  const requests =
    apps.length === 0
      ? []
      : await db
          .select({ id: documentRequests.id, applicationId: documentRequests.applicationId, dueOn: documentRequests.dueOn, answeredOn: documentRequests.answeredOn })
          .from(documentRequests)
          .where(inArray(documentRequests.applicationId, apps.map((a) => a.id)));
  const booked = await db
    .select({ id: appointmentBookings.id, startsAt: appointmentSlots.startsAt })
    .from(appointmentBookings)
    .innerJoin(appointmentSlots, eq(appointmentSlots.id, appointmentBookings.slotId))
    .where(and(eq(appointmentBookings.userId, userId), eq(appointmentBookings.status, 'active')));
  return {
    ...(permit
      ? {
          permit: {
            id: permit.id,
            kind: permit.kind,
            validUntil: permit.validUntilOn,
            ...(permit.enteredFranceOn ? { enteredFranceOn: permit.enteredFranceOn } : {}),
            ...(permit.validatedOn ? { validatedOn: permit.validatedOn } : {}),
          },
        }
      : {}),
    applications: apps,
    prolongations: prolongations.flatMap((p) => (p.applicationId && p.validUntil ? [{ id: p.id, applicationId: p.applicationId, validUntil: p.validUntil }] : [])),
    documentRequests: requests.map((r) => ({ id: r.id, applicationId: r.applicationId, dueOn: r.dueOn, ...(r.answeredOn ? { answeredOn: r.answeredOn } : {}) })),
    appointments: booked.map((b) => ({ id: b.id, startsAt: b.startsAt.toISOString() })),
  };
}

/**
 * The channels a person receives reminders on: in-app always, email and SMS as chosen; a person
 * without an email address (registered at a préfecture's help desk, ADR 0020) gets letters
 * (`post`) instead of email, and SMS when a mobile number is known.
 */
export async function channelsOf(db: Db, userId: string): Promise<ReminderChannel[]> {
  const [row] = await db
    .select({ address: users.email, phone: users.phone, email: notificationPreferences.email, sms: notificationPreferences.sms })
    .from(users)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(eq(users.id, userId));
  if (!row) return [];
  const channels: ReminderChannel[] = ['in_app'];
  if (row.address === null) channels.push('post');
  else if (row.email ?? true) channels.push('email');
  if ((row.sms ?? true) && row.phone) channels.push('sms');
  return channels;
}

export interface RecomputeResult {
  inserted: number;
  cancelled: number;
}

export async function recomputeReminders(db: Db, userId: string, now: Date): Promise<RecomputeResult> {
  const today = todayInParis(now);
  const owed = computeReminders(await reminderFactsOf(db, userId), today);
  const channels = await channelsOf(db, userId);
  const keep = owed.flatMap((reminder) => channels.map((channel) => idempotencyKeyOf(userId, reminder, channel)));
  const rows = owed
    .filter((reminder) => !reminder.past)
    .flatMap((reminder) =>
      channels.map((channel) => ({
        userId,
        kind: reminder.kind,
        subjectId: reminder.subjectId,
        dueOn: reminder.dueOn,
        aboutOn: reminder.aboutOn,
        sendAt: new Date(reminder.sendAt),
        nextAttemptAt: new Date(reminder.sendAt),
        channel,
        idempotencyKey: idempotencyKeyOf(userId, reminder, channel),
        ruleId: reminder.ruleId,
        citation: reminder.citation,
        sejourOwn: reminder.sejourOwn,
        createdAt: now,
      })),
    );
  let inserted = 0;
  if (rows.length > 0) {
    const written = await db
      .insert(reminders)
      .values(rows)
      .onConflictDoUpdate({
        target: reminders.idempotencyKey,
        set: { status: 'pending', cancelledAt: null, nextAttemptAt: sql`excluded.next_attempt_at` },
        setWhere: sql`${reminders.status} = 'cancelled'`,
      })
      .returning({ id: reminders.id });
    inserted = written.length;
  }
  const cancelledRows = await db
    .update(reminders)
    .set({ status: 'cancelled', cancelledAt: now })
    .where(
      and(
        eq(reminders.userId, userId),
        eq(reminders.status, 'pending'),
        // Notices (domain/reminders/notices.ts) tell of events that happened: never recomputed away.
        inArray(reminders.kind, [...REMINDER_KINDS]),
        ...(keep.length > 0 ? [notInArray(reminders.idempotencyKey, keep)] : []),
      ),
    )
    .returning({ id: reminders.id });
  return { inserted, cancelled: cancelledRows.length };
}
