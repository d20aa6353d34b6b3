/**
 * The agent asks for extra documents: the existing use case (applications/request-documents.ts,
 * filing date and in-time status kept) with the préfecture scope checked under the row lock
 * and the audit entry written in the same transaction.
 */
import { AppError } from '../../http/problem';
import { requestDocuments } from '../applications/request-documents';
import type { ApplicationsContext } from '../applications/context';
import { recordAuditEvent } from '../audit/record-audit-event';
import { prefectureIdsOf, type Origin, type StaffCaller } from './staff-scope';

export async function requestDocumentsAsAgent(
  ctx: ApplicationsContext,
  caller: StaffCaller,
  input: { applicationId: string; items: readonly string[]; dueOn: string },
  origin: Origin,
) {
  return requestDocuments(ctx, {
    ...input,
    agentUserId: caller.id,
    guard: async (tx, application) => {
      const mine = await prefectureIdsOf(tx, caller);
      if (!mine.includes(application.prefectureId) || application.filedOn === null) throw new AppError(404, 'application_not_found');
    },
    after: async (tx, application, request) => {
      await recordAuditEvent(tx, {
        actor: caller,
        action: 'case.requestDocuments',
        object: { type: 'application', id: application.id },
        prefectureId: application.prefectureId,
        origin,
        details: { requestId: request.id, items: request.items, dueOn: request.dueOn },
        at: ctx.now(),
      });
    },
  });
}
