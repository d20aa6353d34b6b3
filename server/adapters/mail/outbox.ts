/** The database outbox: messages wait in `outbox_messages` until a sender marks them sent. */
import { and, count, eq, gte, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { outboxMessages } from '../../db/schema/index';
import type { MailAdapter } from './index';

export function createOutboxMailer(db: Db, now: () => Date = () => new Date()): MailAdapter {
  return {
    async send(message, executor = db) {
      await executor.insert(outboxMessages).values({
        channel: 'email',
        kind: message.kind,
        recipient: message.to,
        locale: message.locale,
        subject: message.subject,
        text: message.text,
        html: message.html,
        createdAt: now(),
      });
    },
    async countRecent(to, kinds, since, executor = db) {
      const [row] = await executor
        .select({ n: count() })
        .from(outboxMessages)
        .where(
          and(
            eq(outboxMessages.recipient, to),
            eq(outboxMessages.channel, 'email'),
            inArray(outboxMessages.kind, [...kinds]),
            gte(outboxMessages.createdAt, since),
          ),
        );
      return Number(row?.n ?? 0);
    },
  };
}
