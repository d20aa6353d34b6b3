/** The applicant cancels a booking: its place is freed; cancelling it again changes nothing. */
import { and, eq } from 'drizzle-orm';
import { appointmentBookings } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import { recomputeReminders } from '../reminders/recompute-reminders';
import { freePlace, type AppointmentsContext } from './context';

export async function cancelAppointment(ctx: AppointmentsContext, userId: string, bookingId: string): Promise<void> {
  const now = ctx.now();
  const [booking] = await ctx.db
    .select({ id: appointmentBookings.id })
    .from(appointmentBookings)
    .where(and(eq(appointmentBookings.id, bookingId), eq(appointmentBookings.userId, userId)));
  if (!booking) throw new AppError(404, 'appointment_not_found');
  await ctx.db.transaction(async (tx) => {
    const [cancelled] = await tx
      .update(appointmentBookings)
      .set({ status: 'cancelled', cancelledAt: now })
      .where(and(eq(appointmentBookings.id, bookingId), eq(appointmentBookings.status, 'active')))
      .returning({ slotId: appointmentBookings.slotId });
    if (!cancelled) return;
    await freePlace(tx, cancelled.slotId);
    await recomputeReminders(tx, userId, now);
  });
}
