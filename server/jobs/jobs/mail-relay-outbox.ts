/**
 * `mail.relay-outbox`: every minute, and when a worker starts, send the account emails waiting in
 * the outbox through SMTP (`relayOutboxEmails`) — only when `SMTP_URL` is set; otherwise the
 * outbox is the dev mailbox and the job does nothing.
 */
import { Type } from 'typebox';
import { relayOutboxEmails } from '../../usecases/mail/relay-outbox-emails';
import { smtpSenderFor } from '../../usecases/reminders/delivery';
import { defineJob } from '../define';

export const mailRelayOutbox = defineJob({
  name: 'mail.relay-outbox',
  payload: Type.Object({}, { additionalProperties: false }),
  retry: { limit: 2, delaySeconds: 30, backoff: true },
  timeoutSeconds: 10 * 60,
  schedule: { cron: '* * * * *', payload: {} },
  runAtStart: true,
  async handle(_payload, ctx) {
    const { smtpUrl, smtpFrom } = ctx.env.notify;
    if (!smtpUrl) return { sent: 0, failed: 0, smtp: false };
    const result = await relayOutboxEmails(ctx.db, smtpSenderFor({ smtpUrl, smtpFrom }), ctx.now());
    if (result.sent > 0 || result.failed > 0) ctx.logger.info(result, 'outbox emails relayed');
    return result;
  },
});
