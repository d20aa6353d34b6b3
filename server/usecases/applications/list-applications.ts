/** The caller's applications, newest first, with their status. */
import { desc, eq } from 'drizzle-orm';
import { applications, prefectures } from '../../db/schema/index';
import type { ApplicationSummaryBody } from '../../../contract/applications';
import type { ApplicationsContext, Caller } from './context';
import { presentSummary } from './present';

export async function listApplications(ctx: ApplicationsContext, caller: Caller): Promise<ApplicationSummaryBody[]> {
  if (caller.role !== 'applicant') return [];
  const rows = await ctx.db
    .select({ application: applications, prefecture: prefectures })
    .from(applications)
    .innerJoin(prefectures, eq(prefectures.id, applications.prefectureId))
    .where(eq(applications.userId, caller.id))
    .orderBy(desc(applications.createdAt), desc(applications.id));
  return rows.map((row) => presentSummary(row.application, row.prefecture));
}
