/** The applicant's bookings: the active ones (earliest first), then the last 20 cancelled or moved. */
import { and, asc, desc, eq, ne } from 'drizzle-orm';
import { appointmentBookings, appointmentSlots, prefectures } from '../../db/schema/index';
import type { BookingList } from '../../../contract/appointments';
import { presentBooking, type AppointmentsContext } from './context';

export async function listMyAppointments(ctx: AppointmentsContext, userId: string): Promise<BookingList> {
  const query = () =>
    ctx.db
      .select({ booking: appointmentBookings, slot: appointmentSlots, prefectureName: prefectures.name })
      .from(appointmentBookings)
      .innerJoin(appointmentSlots, eq(appointmentSlots.id, appointmentBookings.slotId))
      .innerJoin(prefectures, eq(prefectures.id, appointmentSlots.prefectureId));
  const active = await query()
    .where(and(eq(appointmentBookings.userId, userId), eq(appointmentBookings.status, 'active')))
    .orderBy(asc(appointmentSlots.startsAt));
  const others = await query()
    .where(and(eq(appointmentBookings.userId, userId), ne(appointmentBookings.status, 'active')))
    .orderBy(desc(appointmentBookings.cancelledAt))
    .limit(20);
  return { bookings: [...active, ...others].map((row) => presentBooking(row.booking, row.slot, row.prefectureName)) };
}
