/**
 * Rule MSG-ESC: every thread still waiting for an answer on or after its escalation date goes to
 * the supervisors of its préfecture (in-app notification + email each) and is marked escalated.
 * The mark is claimed with `UPDATE … WHERE escalated_at IS NULL RETURNING`, in the transaction
 * that writes the notifications: a second run, or two workers at once, notify nobody twice.
 */
import { and, eq, inArray, isNull, lte } from 'drizzle-orm';
import { todayInParis } from '../../../domain/deadlines/index';
import { messageThreads, userPrefectures, users } from '../../db/schema/index';
import type { MessagesContext } from './context';
import { notifyAboutMessage } from './notify';

export const ESCALATION_BATCH = 200;

export async function escalateDueThreads(ctx: MessagesContext): Promise<{ escalated: number; notified: number }> {
  const now = ctx.now();
  const today = todayInParis(now);
  let escalated = 0;
  let notified = 0;
  for (;;) {
    const done = await ctx.db.transaction(async (tx) => {
      const due = await tx
        .select({ id: messageThreads.id })
        .from(messageThreads)
        .where(and(eq(messageThreads.status, 'awaiting_answer'), isNull(messageThreads.escalatedAt), lte(messageThreads.escalateOn, today)))
        .limit(ESCALATION_BATCH)
        .for('update', { skipLocked: true });
      if (due.length === 0) return 0;
      const claimed = await tx
        .update(messageThreads)
        .set({ escalatedAt: now })
        .where(and(inArray(messageThreads.id, due.map((d) => d.id)), isNull(messageThreads.escalatedAt)))
        .returning({ id: messageThreads.id, reference: messageThreads.reference, prefectureId: messageThreads.prefectureId, dueOn: messageThreads.dueOn });
      for (const thread of claimed) {
        const supervisors = await tx
          .select({ id: users.id })
          .from(userPrefectures)
          .innerJoin(users, eq(users.id, userPrefectures.userId))
          .where(and(eq(userPrefectures.prefectureId, thread.prefectureId), eq(users.role, 'supervisor')));
        for (const supervisor of supervisors) {
          await notifyAboutMessage(tx, now, supervisor.id, 'message_escalated', { reference: thread.reference, dueOn: thread.dueOn }, `${ctx.publicUrl}/agent/messages/${thread.id}`);
          notified += 1;
        }
      }
      escalated += claimed.length;
      return due.length;
    });
    if (done < ESCALATION_BATCH) break;
  }
  return { escalated, notified };
}
