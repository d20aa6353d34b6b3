/** The free future slots of the applicant's préfecture, of the kinds they may book. */
import { and, asc, eq, gt, inArray, isNull, lt } from 'drizzle-orm';
import { appointmentSlots, type AppointmentKind } from '../../db/schema/index';
import type { FreeSlots } from '../../../contract/appointments';
import { allowedKindsOf, applicantPrefectureOf, presentSlot, type AppointmentsContext } from './context';

export async function listFreeSlots(ctx: AppointmentsContext, userId: string, query: { kind?: AppointmentKind | undefined }): Promise<FreeSlots> {
  const prefecture = await applicantPrefectureOf(ctx.db, userId);
  const allowedKinds = await allowedKindsOf(ctx.db, userId);
  if (!prefecture) return { prefectureName: null, allowedKinds, slots: [] };
  const kinds = query.kind ? allowedKinds.filter((kind) => kind === query.kind) : allowedKinds;
  if (kinds.length === 0) return { prefectureName: prefecture.name, allowedKinds, slots: [] };
  const rows = await ctx.db
    .select()
    .from(appointmentSlots)
    .where(
      and(
        eq(appointmentSlots.prefectureId, prefecture.id),
        inArray(appointmentSlots.kind, kinds),
        gt(appointmentSlots.startsAt, ctx.now()),
        isNull(appointmentSlots.cancelledAt),
        lt(appointmentSlots.booked, appointmentSlots.capacity),
      ),
    )
    .orderBy(asc(appointmentSlots.startsAt), asc(appointmentSlots.id))
    .limit(200);
  return { prefectureName: prefecture.name, allowedKinds, slots: rows.map((row) => presentSlot(row, prefecture.name)) };
}
