/**
 * What the appointment use cases share (docs/adr/0016-appointments.md): their dependencies, the
 * applicant's préfecture and allowed kinds, taking and freeing a place, and the booking's view.
 */
import { and, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { applicantProfiles, applications, appointmentBookings, appointmentSlots, prefectures, type AppointmentKind } from '../../db/schema/index';
import type { BookingBody, SlotBody } from '../../../contract/appointments';
import { Temporal } from 'temporal-polyfill';
import { LEGAL_TIME_ZONE } from '../../../domain/calendar/today-in-paris';
import { AppError } from '../../http/problem';

export interface AppointmentsContext {
  db: Db;
  now: () => Date;
}

export type SlotRow = typeof appointmentSlots.$inferSelect;
export type BookingRow = typeof appointmentBookings.$inferSelect;

/** The préfecture of the applicant's latest application, else of their profile's département. */
export async function applicantPrefectureOf(db: Db, userId: string): Promise<{ id: string; name: string } | null> {
  const [latest] = await db
    .select({ id: prefectures.id, name: prefectures.name })
    .from(applications)
    .innerJoin(prefectures, eq(prefectures.id, applications.prefectureId))
    .where(eq(applications.userId, userId))
    .orderBy(desc(applications.createdAt), desc(applications.id))
    .limit(1);
  if (latest) return latest;
  const [fromProfile] = await db
    .select({ id: prefectures.id, name: prefectures.name })
    .from(applicantProfiles)
    .innerJoin(prefectures, eq(prefectures.departementCode, applicantProfiles.departementCode))
    .where(eq(applicantProfiles.userId, userId));
  return fromProfile ?? null;
}

/** The digital help desk is open to all; collecting documents or a card only after a favourable decision. */
export async function allowedKindsOf(db: Db, userId: string): Promise<AppointmentKind[]> {
  const [decided] = await db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.userId, userId), eq(applications.status, 'decided_favourable')))
    .limit(1);
  return decided ? ['help_desk', 'document_collection', 'card_handover'] : ['help_desk'];
}

/**
 * Takes one place on the slot, or returns null when it is full, cancelled or already begun. The
 * row lock of this conditional UPDATE serialises concurrent bookings of one slot: on PostgreSQL a
 * second writer waits, then re-reads `booked` before its WHERE applies, so the last place goes to
 * exactly one of them.
 */
export async function takePlace(db: Db, slotId: string, prefectureId: string, now: Date): Promise<SlotRow | null> {
  const [row] = await db
    .update(appointmentSlots)
    .set({ booked: sql`${appointmentSlots.booked} + 1` })
    .where(
      and(
        eq(appointmentSlots.id, slotId),
        eq(appointmentSlots.prefectureId, prefectureId),
        lt(appointmentSlots.booked, appointmentSlots.capacity),
        isNull(appointmentSlots.cancelledAt),
        gt(appointmentSlots.startsAt, now),
      ),
    )
    .returning();
  return row ?? null;
}

export async function freePlace(db: Db, slotId: string): Promise<void> {
  await db
    .update(appointmentSlots)
    .set({ booked: sql`${appointmentSlots.booked} - 1` })
    .where(and(eq(appointmentSlots.id, slotId), gt(appointmentSlots.booked, 0)));
}

export function presentSlot(slot: SlotRow, prefectureName: string): SlotBody {
  return {
    id: slot.id,
    kind: slot.kind,
    startsAt: slot.startsAt.toISOString(),
    endsAt: slot.endsAt.toISOString(),
    capacity: slot.capacity,
    free: Math.max(0, slot.capacity - slot.booked),
    prefectureName,
  };
}

export function presentBooking(booking: BookingRow, slot: SlotRow, prefectureName: string): BookingBody {
  return {
    id: booking.id,
    kind: booking.kind,
    status: booking.status,
    slot: presentSlot(slot, prefectureName),
    createdAt: booking.createdAt.toISOString(),
    cancelledAt: booking.cancelledAt ? booking.cancelledAt.toISOString() : null,
  };
}

export async function loadBookingView(db: Db, bookingId: string): Promise<BookingBody> {
  const [row] = await db
    .select({ booking: appointmentBookings, slot: appointmentSlots, prefectureName: prefectures.name })
    .from(appointmentBookings)
    .innerJoin(appointmentSlots, eq(appointmentSlots.id, appointmentBookings.slotId))
    .innerJoin(prefectures, eq(prefectures.id, appointmentSlots.prefectureId))
    .where(eq(appointmentBookings.id, bookingId));
  if (!row) throw new Error(`booking ${bookingId} vanished`);
  return presentBooking(row.booking, row.slot, row.prefectureName);
}

/** The instant of a local Europe/Paris date and time (`2026-11-30`, `09:30`). */
export function parisInstant(date: string, time: string): Date {
  const zoned = Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: LEGAL_TIME_ZONE, plainTime: Temporal.PlainTime.from(time) });
  return new Date(zoned.epochMilliseconds);
}

/** The applicant's active booking of a kind, if any. */
export async function activeBookingOf(db: Db, userId: string, kind: AppointmentKind): Promise<BookingRow | undefined> {
  const [row] = await db
    .select()
    .from(appointmentBookings)
    .where(and(eq(appointmentBookings.userId, userId), eq(appointmentBookings.kind, kind), eq(appointmentBookings.status, 'active')));
  return row;
}

/** The slot if it belongs to the applicant's préfecture; else 404 (like an id that does not exist). */
export async function loadApplicantSlot(db: Db, userId: string, slotId: string): Promise<{ slot: SlotRow; prefecture: { id: string; name: string } }> {
  const prefecture = await applicantPrefectureOf(db, userId);
  if (!prefecture) throw new AppError(404, 'appointment_slot_not_found');
  const [slot] = await db.select().from(appointmentSlots).where(and(eq(appointmentSlots.id, slotId), eq(appointmentSlots.prefectureId, prefecture.id)));
  if (!slot) throw new AppError(404, 'appointment_slot_not_found');
  if (!(await allowedKindsOf(db, userId)).includes(slot.kind)) throw new AppError(403, 'appointment_not_allowed', { kind: slot.kind });
  return { slot, prefecture };
}

/** Why a place could not be taken: the slot is full (409), or cancelled or begun (409). */
export function unavailable(slot: SlotRow, now: Date): AppError {
  return slot.cancelledAt || slot.startsAt <= now ? new AppError(409, 'appointment_slot_unavailable') : new AppError(409, 'appointment_slot_full');
}
