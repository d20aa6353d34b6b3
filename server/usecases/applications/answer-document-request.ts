/**
 * The applicant answers the préfecture's request for documents (state machine: `answerRequest`):
 * once a new file has been sent for every requested item (upload route, `addedAfterFiling`), the
 * request is marked answered, the application goes back to `submitted` and a history row lists
 * what was sent. The filing date, the filing status and the late flag are never touched [R-20,
 * CESEDA R.431-11]. An answer after the due date is still taken, flagged `late` in the history.
 *
 * A repeated click (the request this one answered is still the latest, and nothing is open) gets
 * the same application back (`replayed`); an older request already answered, or a request that is
 * not the open one, is refused with a problem saying so.
 */
import { and, desc, eq, gte } from 'drizzle-orm';
import type { ApplicationBody } from '../../../contract/applications';
import { applicationDocuments, applications, documentRequests } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import { actorKindOf, actorIdOf } from '../../policies/applications';
import { transition, type ApplicationState } from '../../../domain/applications/index';
import type { Locale } from '../../i18n/index';
import { todayOf, type ApplicationsContext, type Caller } from './context';
import { applicationDetail } from './get-application';
import { appendHistory, refusalToError } from './history';
import { loadOwnApplication, type DocumentRequestRow, type DocumentRow } from './queries';
import { refreshLegalClock } from '../back-office/legal-clock';
import { recomputeReminders } from '../reminders/recompute-reminders';

export interface AnswerResult {
  application: ApplicationBody;
  /** True when the request had already been answered by an earlier identical call. */
  replayed: boolean;
}

/** Active documents sent after filing for the request's items, since the request was opened. */
export async function documentsSinceRequest(db: ApplicationsContext['db'], request: DocumentRequestRow): Promise<DocumentRow[]> {
  return db
    .select()
    .from(applicationDocuments)
    .where(
      and(
        eq(applicationDocuments.applicationId, request.applicationId),
        eq(applicationDocuments.state, 'active'),
        eq(applicationDocuments.addedAfterFiling, true),
        gte(applicationDocuments.uploadedAt, request.createdAt),
      ),
    );
}

export async function answerDocumentRequest(
  ctx: ApplicationsContext,
  caller: Caller,
  input: { applicationId: string; requestId: string; locale?: Locale },
): Promise<AnswerResult> {
  const actorKind = actorKindOf(caller);
  if (!actorKind) throw new AppError(403, 'forbidden');
  const now = ctx.now();
  const today = todayOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const application = await loadOwnApplication(tx, caller, input.applicationId, { forUpdate: true });
    const [request] = await tx
      .select()
      .from(documentRequests)
      .where(and(eq(documentRequests.id, input.requestId), eq(documentRequests.applicationId, application.id)));
    if (!request) throw new AppError(404, 'document_request_not_found');

    if (request.answeredOn !== null) {
      const [latest] = await tx
        .select({ id: documentRequests.id })
        .from(documentRequests)
        .where(eq(documentRequests.applicationId, application.id))
        .orderBy(desc(documentRequests.createdAt))
        .limit(1);
      // The same click again: nothing more to do, the same answer.
      if (latest?.id === request.id && application.status !== 'documents_requested') {
        return { application: await applicationDetail(ctx, tx, application, input.locale), replayed: true };
      }
      throw new AppError(409, 'document_request_already_answered', { answeredOn: request.answeredOn });
    }
    if (application.status !== 'documents_requested') throw new AppError(409, 'document_request_not_open');

    const sent = await documentsSinceRequest(tx, request);
    const missing = request.items.filter((item) => !sent.some((document) => document.checklistItemId === item));
    if (missing.length > 0) {
      throw new AppError(
        409,
        'document_request_items_missing',
        { count: missing.length },
        missing.map((item) => ({ in: 'body' as const, field: `items.${item}`, code: 'document_missing' })),
      );
    }

    const state: ApplicationState = {
      status: application.status,
      ...(application.filedOn ? { filedOn: application.filedOn } : {}),
      openRequest: { requestedOn: request.requestedOn, dueOn: request.dueOn },
    };
    const result = transition(state, { type: 'answerRequest' }, { kind: actorKind }, today);
    if (!result.ok) throw refusalToError(result.refusal);
    const effect = result.effects.find((candidate) => candidate.kind === 'answer_document_request');
    const late = effect?.kind === 'answer_document_request' ? effect.late : false;

    await tx.update(documentRequests).set({ answeredOn: today }).where(eq(documentRequests.id, request.id));
    // Only the status: filed_on, filing_status and late are the filing's and stay.
    const [updated] = await tx
      .update(applications)
      .set({ status: result.state.status, updatedAt: now })
      .where(eq(applications.id, application.id))
      .returning();
    if (!updated) throw new Error('application update failed');
    await refreshLegalClock(tx, application.id, today);
    await recomputeReminders(tx, application.userId, now);
    const requested = sent.filter((document) => request.items.includes(document.checklistItemId));
    await appendHistory(tx, {
      applicationId: application.id,
      event: 'answerRequest',
      statusFrom: result.from,
      statusTo: result.state.status,
      actorUserId: actorIdOf(caller),
      actorKind,
      at: now,
      details: {
        requestId: request.id,
        items: request.items,
        dueOn: request.dueOn,
        answeredOn: today,
        late,
        documentIds: requested.map((document) => document.id),
        filedOnKept: application.filedOn,
      },
    });
    return { application: await applicationDetail(ctx, tx, updated, input.locale), replayed: false };
  });
}
