/**
 * Sends the emails waiting in the outbox (`outbox_messages`: account confirmation, password reset,
 * email change…) through SMTP when `SMTP_URL` is set. Without it the outbox is the dev mailbox and
 * nothing is relayed. Reminders do not pass through here: they go to SMTP directly (ADR 0012).
 *
 * One message per transaction: the row is locked (`FOR UPDATE SKIP LOCKED`, so several workers
 * share the work without sending one twice), sent, marked `sent_at`, committed. A server that
 * refuses leaves the row for the next run. A crash between the server's 250 and the commit sends
 * that one message again — the window ADR 0012 describes for reminders. Messages older than
 * `maxAgeHours` are left alone: their links have expired (a service that had no SMTP configured
 * does not mail its whole history the day it gets one).
 */
import { and, asc, eq, gte, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { outboxMessages } from '../../db/schema/index';
import type { SmtpSender } from '../../adapters/mail/smtp';

export interface RelayResult {
  sent: number;
  failed: number;
}

export async function relayOutboxEmails(db: Db, sender: SmtpSender, now: Date, options: { limit?: number; maxAgeHours?: number } = {}): Promise<RelayResult> {
  const limit = options.limit ?? 200;
  const since = new Date(now.getTime() - (options.maxAgeHours ?? 24) * 3_600_000);
  const refused = new Set<string>();
  const result: RelayResult = { sent: 0, failed: 0 };
  let failuresInARow = 0;
  // A message the server refuses is skipped for this run; three refusals in a row mean the server
  // itself is unwell: stop, the next run tries again.
  while (result.sent + result.failed < limit && failuresInARow < 3) {
    const outcome = await db.transaction(async (tx) => {
      const [message] = await tx
        .select()
        .from(outboxMessages)
        .where(and(eq(outboxMessages.channel, 'email'), isNull(outboxMessages.sentAt), gte(outboxMessages.createdAt, since)))
        .orderBy(asc(outboxMessages.createdAt))
        .limit(1 + refused.size)
        .for('update', { skipLocked: true })
        .then((rows) => rows.filter((row) => !refused.has(row.id)));
      if (!message) return 'none' as const;
      try {
        await sender.send({ kind: message.kind, to: message.recipient, locale: message.locale as 'fr' | 'en', subject: message.subject ?? '', text: message.text, html: message.html ?? '' });
      } catch {
        refused.add(message.id);
        return 'failed' as const;
      }
      await tx.update(outboxMessages).set({ sentAt: now }).where(eq(outboxMessages.id, message.id));
      return 'sent' as const;
    });
    if (outcome === 'none') break;
    result[outcome]++;
    failuresInARow = outcome === 'failed' ? failuresInARow + 1 : 0;
  }
  return result;
}
