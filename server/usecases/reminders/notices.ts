/**
 * Queues a notice (domain/reminders/notices.ts) in the caller's transaction: for a person without
 * an email address, one `reminders` row per channel among SMS (when a mobile number is known and
 * wanted) and post, due now — the sweep sends them (quiet hours apply to SMS) and the post channel
 * puts a letter in the préfecture desk's queue (`postal_mail`). People with an address see the
 * event in their space: nothing is queued for them. Idempotent per person, notice, subject and channel.
 */
import { todayInParis } from '../../../domain/calendar/today-in-paris';
import { NOTICE_CITATION, NOTICE_RULE_ID, noticeKey, type Notice } from '../../../domain/reminders/notices';
import type { Db } from '../../db/client';
import { reminders } from '../../db/schema/index';
import { channelsOf } from './recompute-reminders';

export async function queueNotice(tx: Db, userId: string, notice: Notice, now: Date): Promise<number> {
  const channels = await channelsOf(tx, userId);
  if (!channels.includes('post')) return 0;
  const rows = channels
    .filter((channel) => channel === 'post' || channel === 'sms')
    .map((channel) => ({
      userId,
      kind: notice.kind,
      subjectId: notice.subjectId,
      dueOn: todayInParis(now),
      aboutOn: notice.aboutOn,
      sendAt: now,
      nextAttemptAt: now,
      channel,
      idempotencyKey: noticeKey(userId, notice, channel),
      ruleId: NOTICE_RULE_ID,
      citation: NOTICE_CITATION,
      sejourOwn: true,
      createdAt: now,
    }));
  const written = await tx.insert(reminders).values(rows).onConflictDoNothing().returning({ id: reminders.id });
  return written.length;
}
