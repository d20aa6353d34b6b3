/**
 * The day's list for an agent: every slot of the day (Europe/Paris) in one of their préfectures,
 * with the people booked (name from the profile, the reference of their latest filed application
 * in that préfecture). Another préfecture → 404. The read is audited.
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, lt } from 'drizzle-orm';
import { addDays, formatIsoDate, toEpochDay } from '../../../domain/calendar/epoch-day';
import { applicantProfiles, applications, appointmentBookings, appointmentSlots, users } from '../../db/schema/index';
import type { DayList } from '../../../contract/appointments';
import { AppError } from '../../http/problem';
import { recordAuditEvent } from '../audit/record-audit-event';
import { prefectureIdsOf, type Origin, type StaffCaller } from '../back-office/staff-scope';
import { parisInstant, type AppointmentsContext } from './context';

export async function listDayAppointments(ctx: AppointmentsContext, caller: StaffCaller, query: { date: string; prefectureId: string }, origin: Origin): Promise<DayList> {
  if (!(await prefectureIdsOf(ctx.db, caller)).includes(query.prefectureId)) throw new AppError(404, 'appointment_prefecture_not_found');
  const from = parisInstant(query.date, '00:00');
  const to = parisInstant(formatIsoDate(addDays(toEpochDay(query.date), 1)), '00:00');
  const slots = await ctx.db
    .select()
    .from(appointmentSlots)
    .where(and(eq(appointmentSlots.prefectureId, query.prefectureId), gte(appointmentSlots.startsAt, from), lt(appointmentSlots.startsAt, to)))
    .orderBy(asc(appointmentSlots.startsAt), asc(appointmentSlots.kind));
  const people = slots.length
    ? await ctx.db
        .select({
          bookingId: appointmentBookings.id,
          slotId: appointmentBookings.slotId,
          userId: appointmentBookings.userId,
          displayName: users.displayName,
          surname: applicantProfiles.surname,
          givenNames: applicantProfiles.givenNames,
        })
        .from(appointmentBookings)
        .innerJoin(users, eq(users.id, appointmentBookings.userId))
        .leftJoin(applicantProfiles, eq(applicantProfiles.userId, appointmentBookings.userId))
        .where(and(inArray(appointmentBookings.slotId, slots.map((s) => s.id)), eq(appointmentBookings.status, 'active')))
        .orderBy(asc(applicantProfiles.surname), asc(appointmentBookings.createdAt))
    : [];
  const references = new Map<string, string>();
  if (people.length) {
    const rows = await ctx.db
      .select({ userId: applications.userId, reference: applications.reference })
      .from(applications)
      .where(and(inArray(applications.userId, people.map((p) => p.userId)), eq(applications.prefectureId, query.prefectureId), isNotNull(applications.reference)))
      .orderBy(desc(applications.filedOn), desc(applications.createdAt));
    for (const row of rows) if (row.reference && !references.has(row.userId)) references.set(row.userId, row.reference);
  }
  await recordAuditEvent(ctx.db, {
    actor: caller,
    action: 'appointment_day.read',
    object: { type: 'prefecture', id: query.prefectureId },
    prefectureId: query.prefectureId,
    origin,
    details: { date: query.date, bookings: people.length },
    at: ctx.now(),
  });
  return {
    date: query.date,
    prefectureId: query.prefectureId,
    slots: slots.map((slot) => ({
      id: slot.id,
      kind: slot.kind,
      startsAt: slot.startsAt.toISOString(),
      endsAt: slot.endsAt.toISOString(),
      capacity: slot.capacity,
      booked: slot.booked,
      cancelledAt: slot.cancelledAt ? slot.cancelledAt.toISOString() : null,
      people: people
        .filter((p) => p.slotId === slot.id)
        .map((p) => ({
          bookingId: p.bookingId,
          name: p.surname ? `${p.surname.toUpperCase()} ${p.givenNames ?? ''}`.trim() : p.displayName,
          applicationReference: references.get(p.userId) ?? null,
        })),
    })),
  };
}
