/** Assigns a thread to the caller or to a colleague of the same préfecture (another person → 422). */
import { eq } from 'drizzle-orm';
import type { StaffThread } from '../../../contract/messages';
import { messageThreads } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import type { Locale } from '../../i18n/index';
import { prefectureIdsOf, type Origin, type StaffCaller } from '../back-office/staff-scope';
import { recordAuditEvent } from '../audit/record-audit-event';
import { threadById, type MessagesContext } from './context';
import { staffThreadView } from './get-staff-thread';
import { colleaguesOf } from '../back-office/assign-case';

export async function assignThread(ctx: MessagesContext, caller: StaffCaller, threadId: string, assigneeId: string, locale: Locale, origin: Origin): Promise<StaffThread> {
  const row = await threadById(ctx.db, threadId, { prefectureIds: await prefectureIdsOf(ctx.db, caller) });
  if (!row) throw new AppError(404, 'message_thread_not_found');
  const colleagues = await colleaguesOf(ctx.db, row.prefectureId);
  if (!colleagues.some((c) => c.id === assigneeId)) throw new AppError(422, 'validation_failed', {}, [{ in: 'body', field: 'userId', code: 'not_a_colleague' }]);
  await ctx.db.transaction(async (tx) => {
    await tx.update(messageThreads).set({ assignedTo: assigneeId }).where(eq(messageThreads.id, row.id));
    await recordAuditEvent(tx, {
      actor: caller,
      action: 'message_thread.assign',
      object: { type: 'message_thread', id: row.id },
      prefectureId: row.prefectureId,
      origin,
      details: { assignedTo: assigneeId },
      at: ctx.now(),
    });
  });
  return staffThreadView(ctx, caller, threadId, locale);
}
