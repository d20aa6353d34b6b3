/** Text messages kept in `outbox_messages` (channel `sms`), for /dev/mailbox in embedded mode. */
import { outboxMessages } from '../../db/schema/index';
import type { SmsProvider } from './index';

export function createOutboxSms(now: () => Date = () => new Date()): SmsProvider {
  return {
    name: 'outbox',
    async send(message, db) {
      await db.insert(outboxMessages).values({ channel: 'sms', kind: message.kind, recipient: message.to, locale: message.locale, text: message.text, createdAt: now() });
    },
  };
}
