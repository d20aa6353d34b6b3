/**
 * An agent publishes slots for one of their préfectures: one slot, or a weekly series (days of
 * the week × start times over a date range), at most MAX_SERIES_SLOTS at once. Audited.
 */
import { addDays, formatIsoDate, isoDayOfWeek, toEpochDay } from '../../../domain/calendar/epoch-day';
import { appointmentSlots } from '../../db/schema/index';
import type { PublishSlotsBody, PublishedSlots } from '../../../contract/appointments';
import { AppError } from '../../http/problem';
import { recordAuditEvent } from '../audit/record-audit-event';
import { prefectureIdsOf, type Origin, type StaffCaller } from '../back-office/staff-scope';
import { parisInstant, type AppointmentsContext } from './context';

export const MAX_SERIES_SLOTS = 500;
export const MAX_SERIES_DAYS = 366;

export async function publishSlots(ctx: AppointmentsContext, caller: StaffCaller, input: PublishSlotsBody, origin: Origin): Promise<PublishedSlots> {
  const now = ctx.now();
  if (!(await prefectureIdsOf(ctx.db, caller)).includes(input.prefectureId)) throw new AppError(404, 'appointment_prefecture_not_found');
  const first = toEpochDay(input.from);
  const last = toEpochDay(input.until ?? input.from);
  if (last < first || last - first >= MAX_SERIES_DAYS) throw new AppError(422, 'appointment_series_invalid', { max: MAX_SERIES_SLOTS });
  const starts: Date[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) {
    if (input.weekdays && !input.weekdays.includes(isoDayOfWeek(day))) continue;
    for (const time of input.times) starts.push(parisInstant(formatIsoDate(day), time));
    if (starts.length > MAX_SERIES_SLOTS) throw new AppError(422, 'appointment_series_invalid', { max: MAX_SERIES_SLOTS });
  }
  if (starts.length === 0 || starts.some((start) => start <= now)) throw new AppError(422, 'appointment_slot_in_past');
  return ctx.db.transaction(async (tx) => {
    const rows = await tx
      .insert(appointmentSlots)
      .values(
        starts.map((startsAt) => ({
          prefectureId: input.prefectureId,
          kind: input.kind,
          startsAt,
          endsAt: new Date(startsAt.getTime() + input.durationMinutes * 60_000),
          capacity: input.capacity,
          createdBy: caller.id,
          createdAt: now,
        })),
      )
      .returning({ id: appointmentSlots.id });
    await recordAuditEvent(tx, {
      actor: caller,
      action: 'appointment_slots.publish',
      object: { type: 'prefecture', id: input.prefectureId },
      prefectureId: input.prefectureId,
      origin,
      details: { kind: input.kind, count: rows.length, from: input.from, until: input.until ?? input.from, capacity: input.capacity },
      at: now,
    });
    return { created: rows.length, slotIds: rows.map((row) => row.id) };
  });
}
