/**
 * An agent cancels a slot of their préfecture (another préfecture's → 404): its active bookings are
 * cancelled, each applicant told in the app (`appointment_cancelled`) and their reminders brought in
 * line, in one audited transaction.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { appointmentBookings, appointmentSlots, notifications } from '../../db/schema/index';
import type { CancelledSlot } from '../../../contract/appointments';
import { AppError } from '../../http/problem';
import { recordAuditEvent } from '../audit/record-audit-event';
import { prefectureIdsOf, type Origin, type StaffCaller } from '../back-office/staff-scope';
import { recomputeReminders } from '../reminders/recompute-reminders';
import type { AppointmentsContext } from './context';

export async function cancelSlot(ctx: AppointmentsContext, caller: StaffCaller, slotId: string, origin: Origin): Promise<CancelledSlot> {
  const now = ctx.now();
  const mine = await prefectureIdsOf(ctx.db, caller);
  if (mine.length === 0) throw new AppError(404, 'appointment_slot_not_found');
  return ctx.db.transaction(async (tx) => {
    const [slot] = await tx
      .select()
      .from(appointmentSlots)
      .where(and(eq(appointmentSlots.id, slotId), inArray(appointmentSlots.prefectureId, mine)))
      .for('update');
    if (!slot) throw new AppError(404, 'appointment_slot_not_found');
    if (slot.cancelledAt) return { id: slot.id, cancelledBookings: 0 };
    const cancelled = await tx
      .update(appointmentBookings)
      .set({ status: 'cancelled', cancelledAt: now })
      .where(and(eq(appointmentBookings.slotId, slot.id), eq(appointmentBookings.status, 'active')))
      .returning({ userId: appointmentBookings.userId });
    await tx.update(appointmentSlots).set({ cancelledAt: now, booked: 0 }).where(and(eq(appointmentSlots.id, slot.id), isNull(appointmentSlots.cancelledAt)));
    for (const { userId } of cancelled) {
      await tx.insert(notifications).values({ userId, kind: 'appointment_cancelled', params: { startsAt: slot.startsAt.toISOString(), kind: slot.kind }, createdAt: now });
      await recomputeReminders(tx, userId, now);
    }
    await recordAuditEvent(tx, {
      actor: caller,
      action: 'appointment_slot.cancel',
      object: { type: 'appointment_slot', id: slot.id },
      prefectureId: slot.prefectureId,
      origin,
      details: { cancelledBookings: cancelled.length, startsAt: slot.startsAt.toISOString(), kind: slot.kind },
      at: now,
    });
    return { id: slot.id, cancelledBookings: cancelled.length };
  });
}
