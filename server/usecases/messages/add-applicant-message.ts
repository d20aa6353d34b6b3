/**
 * The applicant writes again in their thread. If the préfecture had answered, the thread waits for
 * an answer again with a new due date (rule MSG-SLA from today) and may escalate again.
 */
import { eq } from 'drizzle-orm';
import type { ReplyBody, Thread } from '../../../contract/messages';
import { answerDue } from '../../../domain/messages/answer-due';
import { todayInParis } from '../../../domain/deadlines/index';
import { messageThreads, messages } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import type { Locale } from '../../i18n/index';
import type { Viewer } from '../../policies/applications';
import { prefectureById } from '../applications/queries';
import { threadById, type MessagesContext } from './context';
import { answerWorkingDaysOf } from './get-contact';
import { getMyThread } from './get-my-thread';
import { applicantOnly } from './send-message';

export async function addApplicantMessage(ctx: MessagesContext, viewer: Viewer, threadId: string, input: ReplyBody, locale: Locale): Promise<Thread> {
  applicantOnly(viewer);
  const body = input.body.trim();
  if (body.length === 0) throw new AppError(400, 'validation_failed', {}, [{ in: 'body', field: 'body', code: 'required' }]);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const row = await threadById(tx, threadId, { userId: viewer.id }, true);
    if (!row) throw new AppError(404, 'message_thread_not_found');
    await tx.insert(messages).values({ threadId: row.id, author: 'applicant', authorUserId: viewer.id, body, createdAt: now });
    if (row.status === 'answered') {
      const prefecture = await prefectureById(tx, row.prefectureId);
      const due = answerDue(todayInParis(now), prefecture.departementCode, await answerWorkingDaysOf(tx, row.prefectureId));
      await tx
        .update(messageThreads)
        .set({ status: 'awaiting_answer', lastMessageAt: now, dueOn: due.dueOn, escalateOn: due.escalateOn, ruleId: due.ruleId, escalatedAt: null })
        .where(eq(messageThreads.id, row.id));
    } else {
      await tx.update(messageThreads).set({ lastMessageAt: now }).where(eq(messageThreads.id, row.id));
    }
  });
  return getMyThread(ctx, viewer, threadId, locale);
}
