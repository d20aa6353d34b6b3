/**
 * Applying the state machine's verdict: a refusal becomes a problem the caller can act on, an
 * accepted transition appends its history row. Both run inside the caller's transaction, after it
 * has locked the application row (`loadOwnApplication(…, { forUpdate: true })`), so the history's
 * sequence numbers cannot collide.
 */
import { sql, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { applicationEvents } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import type { ActorKind, ApplicationStatus, HistoryEventType, TransitionRefusal } from '../../../domain/applications/index';

export interface HistoryRow {
  applicationId: string;
  event: HistoryEventType;
  statusFrom: ApplicationStatus | null;
  statusTo: ApplicationStatus;
  actorUserId: string | null;
  actorKind: ActorKind;
  at: Date;
  details?: Record<string, unknown>;
}

export async function appendHistory(tx: Db, row: HistoryRow): Promise<void> {
  const [last] = await tx
    .select({ sequence: sql<number>`coalesce(max(${applicationEvents.sequence}), 0)` })
    .from(applicationEvents)
    .where(eq(applicationEvents.applicationId, row.applicationId));
  await tx.insert(applicationEvents).values({ ...row, details: row.details ?? {}, sequence: Number(last?.sequence ?? 0) + 1 });
}

/** The problem for a transition the table refuses. */
export function refusalToError(refusal: TransitionRefusal): AppError {
  switch (refusal.code) {
    case 'actor_not_allowed':
      return new AppError(403, 'forbidden');
    case 'event_not_allowed':
      if (refusal.event === 'submit') return new AppError(409, 'application_not_draft');
      if (refusal.event === 'withdraw' || refusal.event === 'addDocument' || refusal.event === 'correctDetails') return new AppError(409, 'application_closed');
      if (refusal.event === 'answerRequest') return new AppError(409, 'document_request_not_open');
      return new AppError(409, 'application_status_conflict');
    case 'filing_too_early':
      return new AppError(409, 'application_too_early', { opensOn: refusal.opensOn, closesOn: refusal.closesOn });
    case 'questions_unanswered':
      return new AppError(
        409,
        'application_questions_unanswered',
        {},
        refusal.questions.map((question) => ({ in: 'body' as const, field: `answers.${question}`, code: 'required' })),
      );
    case 'documents_missing':
      return new AppError(
        409,
        'documents_missing',
        { count: refusal.items.length },
        refusal.items.map((item) => ({ in: 'body' as const, field: `checklist.${item}`, code: 'document_missing' })),
      );
    case 'nothing_corrected':
      return new AppError(409, 'application_correction_empty');
    case 'no_items_requested':
    case 'due_date_not_after_today':
    case 'tacit_refusal_not_arisen':
      return new AppError(400, 'bad_request');
  }
}
