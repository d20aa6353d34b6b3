/**
 * A supervisor publishes or corrects their préfecture's page. Only the supervisors of that
 * préfecture may (another préfecture's page: 404, as if it did not exist for them); every change
 * is written to the audit log with the fields that changed, in the same transaction.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { prefecturePages, prefectures, userPrefectures, type UserRole } from '../../db/schema/index';
import { AppError, type FieldError } from '../../http/problem';
import type { PrefecturePage, PrefecturePageBody } from '../../../contract/directory';
import { checkOpeningHours, type OpeningPeriod } from '../../../domain/directory/opening-hours';
import { recordAuditEvent, type AuditEntry } from '../audit/record-audit-event';
import { getPrefecturePage } from './get-prefecture-page';

type FieldProblem = Omit<FieldError, 'message'> & { params?: Record<string, string | number> };

function hoursProblems(field: 'receptionHours' | 'helpDeskHours', periods: OpeningPeriod[]): FieldProblem[] {
  return checkOpeningHours(periods).map((p): FieldProblem => {
    const params: Record<string, string | number> = p.problem === 'overlaps' ? { other: p.other + 1 } : {};
    return { in: 'body', field: `${field}.${p.index}`, code: `opening_hours_${p.problem}`, params };
  });
}

export async function updatePrefecturePage(
  db: Db,
  input: {
    actor: { id: string; role: UserRole };
    departementCode: string;
    body: PrefecturePageBody;
    origin: AuditEntry['origin'];
    now: Date;
  },
): Promise<PrefecturePage> {
  const body = input.body;
  const problems = [
    ...hoursProblems('receptionHours', body.receptionHours as OpeningPeriod[]),
    ...hoursProblems('helpDeskHours', body.helpDeskHours as OpeningPeriod[]),
  ];
  if (problems.length > 0) throw new AppError(400, 'validation_failed', {}, problems);

  await db.transaction(async (tx) => {
    const [assigned] = await tx
      .select({ prefectureId: prefectures.id })
      .from(prefectures)
      .innerJoin(userPrefectures, and(eq(userPrefectures.prefectureId, prefectures.id), eq(userPrefectures.userId, input.actor.id)))
      .where(eq(prefectures.departementCode, input.departementCode));
    if (!assigned) throw new AppError(404, 'not_found');
    const [before] = await tx.select().from(prefecturePages).where(eq(prefecturePages.prefectureId, assigned.prefectureId)).for('update');
    const values = {
      address: body.address.trim(),
      phone: body.phone?.trim() || null,
      receptionHours: body.receptionHours as OpeningPeriod[],
      helpDeskAddress: body.helpDeskAddress?.trim() || null,
      helpDeskHours: body.helpDeskHours as OpeningPeriod[],
      notesFr: body.notesFr?.trim() || null,
      notesEn: body.notesEn?.trim() || null,
      appointmentUrl: body.appointmentUrl,
      updatedAt: input.now,
      updatedBy: input.actor.id,
    };
    const changed = (Object.keys(values) as Array<keyof typeof values>).filter(
      (key) => key !== 'updatedAt' && key !== 'updatedBy' && JSON.stringify(before?.[key] ?? null) !== JSON.stringify(values[key]),
    );
    await tx
      .insert(prefecturePages)
      .values({ prefectureId: assigned.prefectureId, ...values })
      .onConflictDoUpdate({ target: prefecturePages.prefectureId, set: values });
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: before ? 'prefecture-page.update' : 'prefecture-page.publish',
      object: { type: 'prefecture', id: assigned.prefectureId },
      prefectureId: assigned.prefectureId,
      origin: input.origin,
      details: { changed },
      at: input.now,
    });
  });
  return getPrefecturePage(db, input.departementCode);
}
