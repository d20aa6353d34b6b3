/**
 * The applicant books a place on a slot. The place is taken by a conditional UPDATE in the same
 * transaction as the booking's insert, so a slot is never overbooked; a repeated booking of the same
 * slot returns the booking already made (the partial unique index: one active booking per kind).
 */
import { appointmentBookings } from '../../db/schema/index';
import type { BookingBody } from '../../../contract/appointments';
import { AppError } from '../../http/problem';
import { recomputeReminders } from '../reminders/recompute-reminders';
import { activeBookingOf, loadApplicantSlot, loadBookingView, takePlace, unavailable, type AppointmentsContext } from './context';

/** Another request of the same person booked this kind between our check and our insert. */
class ConcurrentBooking extends Error {}

export async function bookAppointment(ctx: AppointmentsContext, userId: string, slotId: string): Promise<{ booking: BookingBody; created: boolean }> {
  const now = ctx.now();
  const { slot, prefecture } = await loadApplicantSlot(ctx.db, userId, slotId);
  const existing = await activeBookingOf(ctx.db, userId, slot.kind);
  if (existing) return { booking: await sameSlotOrConflict(ctx, existing, slotId), created: false };
  try {
    const id = await ctx.db.transaction(async (tx) => {
      const taken = await takePlace(tx, slotId, prefecture.id, now);
      if (!taken) throw unavailable(slot, now);
      const [row] = await tx
        .insert(appointmentBookings)
        .values({ slotId, userId, kind: slot.kind, status: 'active', createdAt: now })
        .onConflictDoNothing()
        .returning({ id: appointmentBookings.id });
      if (!row) throw new ConcurrentBooking();
      await recomputeReminders(tx, userId, now);
      return row.id;
    });
    return { booking: await loadBookingView(ctx.db, id), created: true };
  } catch (error) {
    if (!(error instanceof ConcurrentBooking)) throw error;
    const winner = await activeBookingOf(ctx.db, userId, slot.kind);
    if (!winner) throw error;
    return { booking: await sameSlotOrConflict(ctx, winner, slotId), created: false };
  }
}

async function sameSlotOrConflict(ctx: AppointmentsContext, existing: { id: string; slotId: string }, slotId: string): Promise<BookingBody> {
  if (existing.slotId !== slotId) throw new AppError(409, 'appointment_already_booked', { bookingId: existing.id });
  return loadBookingView(ctx.db, existing.id);
}
