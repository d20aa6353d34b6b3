/**
 * Sending email. Use cases compose a message (from the catalogues) and hand it to a `MailAdapter`
 * inside their transaction, so a message exists exactly when the change that caused it does.
 * One implementation today: the database outbox (`outbox.ts`), which the embedded-mode
 * /dev/mailbox page reads; SMTP delivery (a job reading the same table) comes with the
 * notifications issue.
 */
import type { Db } from '../../db/client';
import type { Locale } from '../../i18n/index';

export interface MailMessage {
  /** Template name (`confirm_email`, `reset_password`…), kept with the message. */
  kind: string;
  to: string;
  locale: Locale;
  subject: string;
  text: string;
  html: string;
}

export interface MailAdapter {
  /** Queues the message; `executor` is the caller's transaction, when there is one. */
  send(message: MailMessage, executor?: Db): Promise<void>;
  /** How many messages of these kinds were queued for this address since `since` (abuse caps). */
  countRecent(to: string, kinds: readonly string[], since: Date, executor?: Db): Promise<number>;
}
