/**
 * Reminders and notifications (docs/adr/0012-reminders-and-notifications.md): one `reminders` row
 * per reminder and channel (the idempotency key), the in-app `notifications`, each person's channel
 * choices and their calendar feeds. The sweep reads only pending rows that are due, through the
 * partial index `reminders_due_idx`.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import type { ReminderKind } from '../../../domain/reminders/compute-reminders';
import type { NoticeKind } from '../../../domain/reminders/notices';
import { users } from './users';

/** `post`: a letter the préfecture's desk prints (`postal_mail`), for people without an email address. */
export const REMINDER_CHANNELS = ['email', 'sms', 'in_app', 'post'] as const;
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number];
export const REMINDER_STATUSES = ['pending', 'sending', 'sent', 'failed', 'cancelled'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

const instant = (name: string) => timestamp(name, { withTimezone: true });

export const reminders = pgTable(
  'reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: varchar('kind', { length: 40 }).$type<ReminderKind | NoticeKind>().notNull(),
    /** The permit, attestation or request it is about. */
    subjectId: uuid('subject_id').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** The date the reminder speaks of (expiry, deadline, due date). */
    aboutOn: date('about_on', { mode: 'string' }).notNull(),
    /** 09:00 Europe/Paris on `due_on`. */
    sendAt: instant('send_at').notNull(),
    channel: varchar('channel', { length: 8 }).$type<ReminderChannel>().notNull(),
    /** `user:kind:due_on:channel` — one send per person, kind, due date and channel. */
    idempotencyKey: varchar('idempotency_key', { length: 120 }).notNull(),
    ruleId: varchar('rule_id', { length: 8 }).notNull(),
    citation: text('citation').notNull(),
    sejourOwn: boolean('sejour_own').notNull(),
    status: varchar('status', { length: 12 }).$type<ReminderStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** When the sweep may pick it up next (= send_at at first; later after a retry delay or a lease). */
    nextAttemptAt: instant('next_attempt_at').notNull(),
    /** When a sender claimed it (`sending`); a claim older than the lease is taken back by the sweep. */
    claimedAt: instant('claimed_at'),
    sentAt: instant('sent_at'),
    /** Sent more than 15 minutes after `send_at` (the service was down, or the night held it back). */
    late: boolean('late').notNull().default(false),
    lastError: text('last_error'),
    createdAt: instant('created_at').notNull(),
    cancelledAt: instant('cancelled_at'),
  },
  (table) => [
    uniqueIndex('reminders_idempotency_key_unique').on(table.idempotencyKey),
    index('reminders_due_idx').on(table.nextAttemptAt).where(sql`${table.status} = 'pending'`),
    index('reminders_sending_idx').on(table.claimedAt).where(sql`${table.status} = 'sending'`),
    index('reminders_user_idx').on(table.userId, table.dueOn),
    check('reminders_status_check', sql`${table.status} in ('pending', 'sending', 'sent', 'failed', 'cancelled')`),
    check('reminders_channel_check', sql`${table.channel} in ('email', 'sms', 'in_app', 'post')`),
  ],
);

/** What the person sees in their space; `read_at` null while unread. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** A reminder kind, or `delivery_failed`. */
    kind: varchar('kind', { length: 40 }).notNull(),
    reminderId: uuid('reminder_id').references(() => reminders.id),
    /** Catalogue parameters (dates), rendered in the reader's language. */
    params: jsonb('params').$type<Record<string, string>>().notNull().default({}),
    createdAt: instant('created_at').notNull(),
    readAt: instant('read_at'),
  },
  (table) => [
    index('notifications_user_idx').on(table.userId, table.createdAt),
    uniqueIndex('notifications_reminder_kind_unique').on(table.reminderId, table.kind),
  ],
);

/** Channel choices; in-app is always on. No row: email on, SMS on when a phone number is known. */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  email: boolean('email').notNull().default(true),
  sms: boolean('sms').notNull().default(true),
  updatedAt: instant('updated_at').notNull(),
});

/** Secret calendar URLs: only the SHA-256 of the token is kept; revoked feeds answer 404. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    tokenHash: varchar('token_hash', { length: 64 }).notNull(),
    createdAt: instant('created_at').notNull(),
    revokedAt: instant('revoked_at'),
  },
  (table) => [
    uniqueIndex('calendar_feeds_token_hash_unique').on(table.tokenHash),
    uniqueIndex('calendar_feeds_live_user_unique').on(table.userId).where(sql`${table.revokedAt} is null`),
  ],
);
