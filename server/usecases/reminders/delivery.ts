/**
 * Where reminders go, chosen once from the configuration: email through SMTP when SMTP_URL is set,
 * else the database outbox; SMS through the HTTP provider when SMS_API_URL is set, else the outbox.
 * `external` tells the sender whether a channel leaves the database (then the send cannot share
 * the transaction that marks the reminder sent: ADR 0012).
 */
import type { MailMessage } from '../../adapters/mail/index';
import { createOutboxMailer } from '../../adapters/mail/outbox';
import { createSmtpSender, type SmtpSender } from '../../adapters/mail/smtp';
import type { SmsProvider } from '../../adapters/sms/index';
import { createHttpSms } from '../../adapters/sms/http';
import { createOutboxSms } from '../../adapters/sms/outbox';
import type { Db } from '../../db/client';
import type { NotifyEnv } from '../../env';

export interface Delivery {
  email: { external: boolean; send(message: MailMessage, idempotencyKey: string, db: Db): Promise<void> };
  sms: { external: boolean; provider: SmsProvider };
}

const smtpSenders = new Map<string, SmtpSender>();

/** The process's pooled SMTP sender for this configuration (shared by reminders and the outbox relay). */
export function smtpSenderFor(notify: { smtpUrl: string; smtpFrom: string }): SmtpSender {
  const key = `${notify.smtpUrl} ${notify.smtpFrom}`;
  let sender = smtpSenders.get(key);
  if (!sender) {
    sender = createSmtpSender({ smtpUrl: notify.smtpUrl, from: notify.smtpFrom });
    smtpSenders.set(key, sender);
  }
  return sender;
}

export function deliveryFor(notify: Pick<NotifyEnv, 'smtpUrl' | 'smtpFrom' | 'sms'>, now: () => Date): Delivery {
  let email: Delivery['email'];
  if (notify.smtpUrl) {
    const smtp = smtpSenderFor({ smtpUrl: notify.smtpUrl, smtpFrom: notify.smtpFrom });
    email = { external: true, send: (message, idempotencyKey) => smtp.send(message, { 'X-Sejour-Reminder': idempotencyKey }) };
  } else {
    email = { external: false, send: (message, _key, db) => createOutboxMailer(db, now).send(message, db) };
  }
  const sms = notify.sms ? { external: true, provider: createHttpSms(notify.sms) } : { external: false, provider: createOutboxSms(now) };
  return { email, sms };
}

/** Closes pooled SMTP connections (process shutdown, end of a test file). */
export function closeDeliveries(): void {
  for (const sender of smtpSenders.values()) sender.close();
  smtpSenders.clear();
}
