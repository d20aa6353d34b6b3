import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * Server-side sessions. The browser holds a random token in the `sejour_session` cookie; only its
 * SHA-256 is stored, so a copy of this table opens no session. No IP address is kept.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Hex SHA-256 of the cookie token. */
    tokenHash: varchar('token_hash', { length: 64 }).notNull().unique(),
    /** Short label for the "active sessions" list, e.g. `Firefox · Android`; null when unknown. */
    deviceLabel: varchar('device_label', { length: 60 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    /** Sliding: moves forward with use (last_seen_at + idle timeout), never past expires_at. */
    idleExpiresAt: timestamp('idle_expires_at', { withTimezone: true }).notNull(),
    /** Absolute: created_at + maximum lifetime, whatever the activity. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** When this session's holder passed the second factor (staff); null until then. */
    secondFactorAt: timestamp('second_factor_at', { withTimezone: true }),
  },
  (table) => [index('sessions_user_id_idx').on(table.userId), index('sessions_expires_at_idx').on(table.expiresAt)],
);

export const ACCOUNT_TOKEN_PURPOSES = ['confirm_email', 'reset_password', 'change_email'] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

/** One-time links sent by email. Only the SHA-256 of the token is stored. */
export const accountTokens = pgTable(
  'account_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: varchar('purpose', { length: 16 }).$type<AccountTokenPurpose>().notNull(),
    tokenHash: varchar('token_hash', { length: 64 }).notNull().unique(),
    /**
     * The address the link was sent to: the account's address for `confirm_email` and
     * `reset_password` (the link dies if the account's address changes), the new address for
     * `change_email`.
     */
    email: varchar('email', { length: 254 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (table) => [index('account_tokens_user_id_idx').on(table.userId, table.purpose)],
);

/**
 * Failed sign-in counters shared by every web process. `key` is `email:<sha256 of the normalised
 * address>` (whether or not an account exists, so a lock reveals nothing) or
 * `client:<sha256 of the client address>`.
 */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    key: varchar('key', { length: 80 }).primaryKey(),
    failures: integer('failures').notNull(),
    lastFailedAt: timestamp('last_failed_at', { withTimezone: true }).notNull(),
    /** No attempt is checked before this instant (increasing delay, then a lock). */
    blockedUntil: timestamp('blocked_until', { withTimezone: true }),
  },
  (table) => [index('sign_in_attempts_last_failed_at_idx').on(table.lastFailedAt)],
);

/** Accounts linked to an OpenID Connect identity (FranceConnect-like provider). */
export const identityLinks = pgTable(
  'identity_links',
  {
    issuer: varchar('issuer', { length: 255 }).notNull(),
    subject: varchar('subject', { length: 255 }).notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.issuer, table.subject] }), index('identity_links_user_id_idx').on(table.userId)],
);

export const OUTBOX_CHANNELS = ['email', 'sms'] as const;
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];

/**
 * Messages to deliver, written in the same transaction as the change that causes them. The
 * database mail adapter stops here (local development reads them); a sender marks `sent_at`.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: varchar('channel', { length: 8 }).$type<OutboxChannel>().notNull(),
    /** Template name, e.g. `confirm_email`, for tests, the dev mailbox and per-recipient caps. */
    kind: varchar('kind', { length: 40 }).notNull(),
    recipient: varchar('recipient', { length: 254 }).notNull(),
    locale: varchar('locale', { length: 2 }).notNull(),
    subject: text('subject'),
    text: text('text').notNull(),
    html: text('html'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [
    index('outbox_messages_recipient_idx').on(table.recipient, table.createdAt),
    index('outbox_messages_unsent_idx').on(table.createdAt).where(sql`${table.sentAt} is null`),
  ],
);
