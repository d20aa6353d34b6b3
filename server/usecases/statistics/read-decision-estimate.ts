/**
 * An applicant's decision estimate (issue 9): the owner only — another person's application, or
 * one that does not exist, is a 404. `estimate` is null when the application is not pending or
 * the daily job has not run since it was filed.
 */
import { eq } from 'drizzle-orm';
import { estimateDecision, type DecisionEstimate } from '../../../domain/statistics/decision-estimate';
import type { Db } from '../../db/client';
import { applications, decisionEstimates } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import { canSeeApplication, type Viewer } from '../../policies/applications';

export async function readDecisionEstimate(
  db: Db,
  caller: Viewer,
  applicationId: string,
): Promise<{ computedOn: string | null; estimate: DecisionEstimate | null }> {
  const [application] = await db.select({ userId: applications.userId }).from(applications).where(eq(applications.id, applicationId));
  if (!application || !canSeeApplication(caller, application)) throw new AppError(404, 'application_not_found');
  const [row] = await db.select().from(decisionEstimates).where(eq(decisionEstimates.applicationId, applicationId));
  if (!row) return { computedOn: null, estimate: null };
  return {
    computedOn: row.computedOn,
    estimate: estimateDecision({ today: row.computedOn, position: row.position, decided30: row.decided30, decided90: row.decided90, tacitRefusalOn: row.tacitRefusalOn }),
  };
}
