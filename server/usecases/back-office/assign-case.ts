/**
 * Assign a case to myself or to a colleague — an agent or supervisor of the case's préfecture —
 * or take the assignment off (`assigneeId: null`). Recorded in the history and the audit log
 * (docs/adr/0019-back-office-flags-and-dashboard.md). A colleague who does not work for the
 * préfecture is refused (422 `assignee_not_colleague`), like an unknown id.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { userPrefectures, users } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import { runCaseAct } from './case-act';
import type { Origin, StaffCaller } from './staff-scope';

export async function assignCase(
  deps: { db: Db; now: () => Date },
  caller: StaffCaller,
  input: { applicationId: string; assigneeId: string | null; expectedUpdatedAt?: string | undefined },
  origin: Origin,
) {
  const assigneeId = input.assigneeId === 'me' ? caller.id : input.assigneeId;
  return runCaseAct(deps, caller, input, 'assign', origin, async ({ tx, application, now }) => {
    if (assigneeId !== null) {
      const [colleague] = await tx
        .select({ id: users.id })
        .from(users)
        .innerJoin(userPrefectures, eq(userPrefectures.userId, users.id))
        .where(and(eq(users.id, assigneeId), eq(userPrefectures.prefectureId, application.prefectureId), inArray(users.role, ['agent', 'supervisor'])));
      if (!colleague) throw new AppError(422, 'assignee_not_colleague');
    }
    return {
      set: { assignedTo: assigneeId, assignedAt: assigneeId === null ? null : now },
      auditDetails: { from: application.assignedTo, to: assigneeId },
    };
  });
}

/** The agents and supervisors of a préfecture, for the "assign to a colleague" list. */
export async function colleaguesOf(db: Db, prefectureId: string): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .innerJoin(userPrefectures, eq(userPrefectures.userId, users.id))
    .where(and(eq(userPrefectures.prefectureId, prefectureId), inArray(users.role, ['agent', 'supervisor'])))
    .orderBy(users.displayName)
    .limit(200);
}
