/**
 * A back-office act that does not change the status (assignment, blocking the automatic
 * attestation de prolongation): in one transaction, lock the application (of the caller's
 * préfectures, else 404), refuse it once the case is closed (409 `application_status_conflict`)
 * or when the caller's view is stale (`expectedUpdatedAt`, 409 `application_changed`), write the
 * change, one history row (status unchanged) and the audit entry. Same concurrency as
 * `runAgentTransition`: the row lock serialises two agents, `updatedAt` refuses the second.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { applications } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import { OPEN_FILED_STATUSES, type HistoryEventType } from '../../../domain/applications/types';
import { todayInParis } from '../../../domain/deadlines/index';
import { appendHistory } from '../applications/history';
import { recordAuditEvent } from '../audit/record-audit-event';
import { loadStaffApplication, type ApplicationRow, type Origin, type StaffCaller } from './staff-scope';

export interface CaseActContext {
  tx: Db;
  application: ApplicationRow;
  today: string;
  now: Date;
}

export interface CaseActOutcome {
  set: Partial<typeof applications.$inferInsert>;
  /** Shown in the history (also to the applicant): nothing internal. */
  historyDetails?: Record<string, unknown>;
  /** Written to the audit log only. */
  auditDetails?: Record<string, unknown>;
  after?: () => Promise<void>;
}

export async function runCaseAct(
  deps: { db: Db; now: () => Date },
  caller: StaffCaller,
  input: { applicationId: string; expectedUpdatedAt?: string | undefined },
  event: HistoryEventType,
  origin: Origin,
  apply: (context: CaseActContext) => Promise<CaseActOutcome>,
): Promise<{ applicationId: string; status: string; updatedAt: string }> {
  const now = deps.now();
  const today = todayInParis(now);
  return deps.db.transaction(async (tx) => {
    const application = await loadStaffApplication(tx, caller, input.applicationId, { forUpdate: true });
    if (input.expectedUpdatedAt && new Date(input.expectedUpdatedAt).getTime() !== application.updatedAt.getTime()) {
      throw new AppError(409, 'application_changed');
    }
    if (!(OPEN_FILED_STATUSES as readonly string[]).includes(application.status)) throw new AppError(409, 'application_status_conflict');
    const outcome = await apply({ tx, application, today, now });
    // Strictly later than the version the caller saw, even within one millisecond (or a frozen test clock).
    const updatedAt = new Date(Math.max(now.getTime(), application.updatedAt.getTime() + 1));
    await tx
      .update(applications)
      .set({ ...outcome.set, updatedAt })
      .where(eq(applications.id, application.id));
    await appendHistory(tx, {
      applicationId: application.id,
      event,
      statusFrom: application.status,
      statusTo: application.status,
      actorUserId: caller.id,
      actorKind: 'agent',
      at: now,
      details: outcome.historyDetails ?? {},
    });
    await recordAuditEvent(tx, {
      actor: caller,
      action: `case.${event}`,
      object: { type: 'application', id: application.id },
      prefectureId: application.prefectureId,
      origin,
      details: outcome.auditDetails ?? {},
      at: now,
    });
    await outcome.after?.();
    return { applicationId: application.id, status: application.status, updatedAt: updatedAt.toISOString() };
  });
}
