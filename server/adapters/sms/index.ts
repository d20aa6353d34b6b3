/**
 * Sending text messages: a provider interface, one HTTP provider (`http.ts`, configured by
 * SMS_API_URL / SMS_API_TOKEN / SMS_FROM) and the database outbox (`outbox.ts`) shown at
 * /dev/mailbox in embedded mode.
 */
import type { Db } from '../../db/client';

export interface SmsMessage {
  kind: string;
  /** E.164. */
  to: string;
  locale: 'fr' | 'en';
  text: string;
  /** Passed to providers that deduplicate on it (never relied on: ADR 0012). */
  idempotencyKey: string;
}

export interface SmsProvider {
  readonly name: string;
  /** Resolves once the provider accepted the message; throws otherwise. `db`: the caller's transaction. */
  send(message: SmsMessage, db: Db): Promise<void>;
}
