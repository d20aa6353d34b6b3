/**
 * An agent answers: the message joins the thread, the thread is answered (first answer time kept
 * for the statistics), taken by the agent if nobody had it, and the applicant is told in the app
 * and by email, in the same transaction.
 */
import { eq } from 'drizzle-orm';
import type { ReplyBody, StaffThread } from '../../../contract/messages';
import { messageThreads, messages } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import type { Locale } from '../../i18n/index';
import { prefectureIdsOf, type Origin, type StaffCaller } from '../back-office/staff-scope';
import { recordAuditEvent } from '../audit/record-audit-event';
import { threadById, type MessagesContext } from './context';
import { staffThreadView } from './get-staff-thread';
import { notifyAboutMessage } from './notify';

export async function replyToThread(ctx: MessagesContext, caller: StaffCaller, threadId: string, input: ReplyBody, locale: Locale, origin: Origin): Promise<StaffThread> {
  const body = input.body.trim();
  if (body.length === 0) throw new AppError(400, 'validation_failed', {}, [{ in: 'body', field: 'body', code: 'required' }]);
  const mine = await prefectureIdsOf(ctx.db, caller);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const row = await threadById(tx, threadId, { prefectureIds: mine }, true);
    if (!row) throw new AppError(404, 'message_thread_not_found');
    await tx.insert(messages).values({ threadId: row.id, author: 'agent', authorUserId: caller.id, body, createdAt: now });
    await tx
      .update(messageThreads)
      .set({ status: 'answered', lastMessageAt: now, firstAnsweredAt: row.firstAnsweredAt ?? now, assignedTo: row.assignedTo ?? caller.id })
      .where(eq(messageThreads.id, row.id));
    await notifyAboutMessage(tx, now, row.userId, 'message_reply', { reference: row.reference }, `${ctx.publicUrl}/espace/messages/${row.id}`);
    await recordAuditEvent(tx, { actor: caller, action: 'message_thread.reply', object: { type: 'message_thread', id: row.id }, prefectureId: row.prefectureId, origin, at: now });
  });
  return staffThreadView(ctx, caller, threadId, locale);
}
