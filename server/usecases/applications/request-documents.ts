/**
 * The préfecture asks for extra documents (state machine: `requestDocuments`, agent only). The
 * filing date, the in-time status and the right to an attestation de prolongation are kept
 * [R-20, CESEDA R.431-11]: only the status changes, and a `document_requests` row holds the exact
 * list of checklist items and the due date the applicant sees.
 *
 * No HTTP route yet: the back office comes with its issue. Until then the agent's user id is
 * optional (tests and scripts may call this without one).
 */
import { eq } from 'drizzle-orm';
import { applications, documentRequests } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import { checklistItem, transition, type ApplicationState } from '../../../domain/applications/index';
import { todayOf, type ApplicationsContext } from './context';
import { appendHistory, refusalToError } from './history';
import type { ApplicationRow, DocumentRequestRow } from './queries';
import type { Db } from '../../db/client';
import { refreshLegalClock } from '../back-office/legal-clock';
import { recomputeReminders } from '../reminders/recompute-reminders';
import { queueNotice } from '../reminders/notices';

export interface RequestDocumentsInput {
  applicationId: string;
  /** Checklist item ids of the application's card type. */
  items: readonly string[];
  /** Day by which to answer (YYYY-MM-DD, after today). */
  dueOn: string;
  /** The agent who asks (null until agents have accounts). */
  agentUserId?: string | null;
  /**
   * The back office's checks and records inside the transaction (docs/adr/0014-back-office-queue.md):
   * `guard` runs under the row lock before anything is written (the préfecture scope: 404),
   * `after` once the request is written (the audit entry).
   */
  guard?: (tx: Db, application: ApplicationRow) => Promise<void>;
  after?: (tx: Db, application: ApplicationRow, request: DocumentRequestRow) => Promise<void>;
}

export async function requestDocuments(ctx: ApplicationsContext, input: RequestDocumentsInput): Promise<DocumentRequestRow> {
  const now = ctx.now();
  const today = todayOf(ctx);
  const items = [...new Set(input.items)];
  return ctx.db.transaction(async (tx) => {
    const [application] = await tx.select().from(applications).where(eq(applications.id, input.applicationId)).for('update');
    if (!application) throw new AppError(404, 'application_not_found');
    await input.guard?.(tx, application);
    const unknown = items.filter((item) => !checklistItem(application.cardType, item));
    if (unknown.length > 0) throw new AppError(400, 'document_item_unknown', { item: unknown.join(', ') });
    const state: ApplicationState = { status: application.status, ...(application.filedOn ? { filedOn: application.filedOn } : {}) };
    const result = transition(state, { type: 'requestDocuments', dueOn: input.dueOn, items }, { kind: 'agent' }, today);
    if (!result.ok) throw refusalToError(result.refusal);
    // Only the status changes: filed_on, filing_status and late stay as they were.
    await tx.update(applications).set({ status: result.state.status, updatedAt: now }).where(eq(applications.id, application.id));
    const [request] = await tx
      .insert(documentRequests)
      .values({ applicationId: application.id, requestedOn: today, dueOn: input.dueOn, items, requestedBy: input.agentUserId ?? null, createdAt: now })
      .returning();
    if (!request) throw new Error('document request insert failed');
    await appendHistory(tx, {
      applicationId: application.id,
      event: 'requestDocuments',
      statusFrom: result.from,
      statusTo: result.state.status,
      actorUserId: input.agentUserId ?? null,
      actorKind: 'agent',
      at: now,
      details: { requestId: request.id, items, requestedOn: today, dueOn: input.dueOn, filedOnKept: application.filedOn },
    });
    await refreshLegalClock(tx, application.id, today);
    await recomputeReminders(tx, application.userId, now);
    await queueNotice(tx, application.userId, { kind: 'documents_requested', subjectId: request.id, aboutOn: request.dueOn }, now);
    await input.after?.(tx, application, request);
    return request;
  });
}
