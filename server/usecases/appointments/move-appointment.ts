/**
 * The applicant moves a booking to another slot of the same kind: in one transaction the new place
 * is taken (or 409, and the old booking stays), the old booking marked `moved` and its place freed.
 */
import { and, eq } from 'drizzle-orm';
import { appointmentBookings } from '../../db/schema/index';
import type { BookingBody } from '../../../contract/appointments';
import { AppError } from '../../http/problem';
import { recomputeReminders } from '../reminders/recompute-reminders';
import { freePlace, loadApplicantSlot, loadBookingView, takePlace, unavailable, type AppointmentsContext } from './context';

export async function moveAppointment(ctx: AppointmentsContext, userId: string, bookingId: string, slotId: string): Promise<BookingBody> {
  const now = ctx.now();
  const [booking] = await ctx.db
    .select()
    .from(appointmentBookings)
    .where(and(eq(appointmentBookings.id, bookingId), eq(appointmentBookings.userId, userId)));
  if (!booking) throw new AppError(404, 'appointment_not_found');
  if (booking.status !== 'active') throw new AppError(409, 'appointment_not_active');
  if (booking.slotId === slotId) return loadBookingView(ctx.db, booking.id);
  const { slot, prefecture } = await loadApplicantSlot(ctx.db, userId, slotId);
  if (slot.kind !== booking.kind) throw new AppError(409, 'appointment_kind_mismatch');
  const id = await ctx.db.transaction(async (tx) => {
    const taken = await takePlace(tx, slotId, prefecture.id, now);
    if (!taken) throw unavailable(slot, now);
    const [old] = await tx
      .update(appointmentBookings)
      .set({ status: 'moved', cancelledAt: now })
      .where(and(eq(appointmentBookings.id, booking.id), eq(appointmentBookings.status, 'active')))
      .returning();
    if (!old) throw new AppError(409, 'appointment_not_active');
    await freePlace(tx, old.slotId);
    const [row] = await tx
      .insert(appointmentBookings)
      .values({ slotId, userId, kind: slot.kind, status: 'active', createdAt: now })
      .returning({ id: appointmentBookings.id });
    await recomputeReminders(tx, userId, now);
    return row!.id;
  });
  return loadBookingView(ctx.db, id);
}
