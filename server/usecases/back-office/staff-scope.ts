/**
 * Which préfectures a staff member works for, and the one rule of the back office: an application
 * of another préfecture is "not found" (404), exactly like an id that does not exist.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { applications, userPrefectures, type UserRole } from '../../db/schema/index';
import { AppError } from '../../http/problem';

export interface StaffCaller {
  id: string;
  role: UserRole;
}

/** Where a staff request came from (server/http/audit-origin.ts). */
export interface Origin {
  clientAddress: string | null;
  requestId: string | null;
}

export async function prefectureIdsOf(db: Db, caller: StaffCaller): Promise<string[]> {
  const rows = await db.select({ id: userPrefectures.prefectureId }).from(userPrefectures).where(eq(userPrefectures.userId, caller.id));
  return rows.map((row) => row.id);
}

export type ApplicationRow = typeof applications.$inferSelect;

/** The application if it is filed and belongs to one of the caller's préfectures; else 404. */
export async function loadStaffApplication(db: Db, caller: StaffCaller, applicationId: string, options: { forUpdate?: boolean } = {}): Promise<ApplicationRow> {
  const mine = await prefectureIdsOf(db, caller);
  if (mine.length === 0) throw new AppError(404, 'application_not_found');
  const query = db
    .select()
    .from(applications)
    .where(and(eq(applications.id, applicationId), inArray(applications.prefectureId, mine)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  // Drafts are the applicant's own until filed: the préfecture does not see them.
  if (!row || row.filedOn === null) throw new AppError(404, 'application_not_found');
  return row;
}
