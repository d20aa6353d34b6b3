/**
 * Messaging (docs/adr/0017-messaging.md): one `message_threads` row per conversation between an
 * applicant and a préfecture (reference, category and subject, the application it concerns, who
 * handles it, the answer due date and its rule, escalation and first-answer instants) and its
 * `messages`. `prefecture_message_settings` holds each préfecture's answer target and helpline;
 * a préfecture without a row uses the defaults (domain/messages/answer-due.ts).
 */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { applications } from './applications';
import { prefectures } from './reference';
import { users } from './users';

export const THREAD_STATUSES = ['awaiting_answer', 'answered'] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];
export const MESSAGE_AUTHORS = ['applicant', 'agent'] as const;
export type MessageAuthor = (typeof MESSAGE_AUTHORS)[number];

const instant = (name: string) => timestamp(name, { withTimezone: true });

export const prefectureMessageSettings = pgTable(
  'prefecture_message_settings',
  {
    prefectureId: uuid('prefecture_id')
      .primaryKey()
      .references(() => prefectures.id),
    /** Service-level target: working days to answer a message (rule MSG-SLA). */
    answerWorkingDays: integer('answer_working_days').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (table) => [check('prefecture_message_settings_days_check', sql`${table.answerWorkingDays} between 1 and 60`)],
);

export const messageThreads = pgTable(
  'message_threads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** `MSG-2026-7KQ2XD`, given in the acknowledgement. */
    reference: varchar('reference', { length: 20 }).notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    prefectureId: uuid('prefecture_id')
      .notNull()
      .references(() => prefectures.id),
    applicationId: uuid('application_id').references(() => applications.id),
    categoryId: varchar('category_id', { length: 40 }).notNull(),
    subjectId: varchar('subject_id', { length: 40 }).notNull(),
    status: varchar('status', { length: 16 }).$type<ThreadStatus>().notNull(),
    assignedTo: uuid('assigned_to').references(() => users.id),
    createdAt: instant('created_at').notNull(),
    lastMessageAt: instant('last_message_at').notNull(),
    /** Answer due (rule MSG-SLA), from the applicant's latest unanswered message. */
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** When the escalation pass hands it to the supervisors (rule MSG-ESC). */
    escalateOn: date('escalate_on', { mode: 'string' }).notNull(),
    ruleId: varchar('rule_id', { length: 8 }).notNull(),
    /** Set once the supervisors were told (idempotency marker); cleared when a new wait starts. */
    escalatedAt: instant('escalated_at'),
    /** The préfecture's first reply (for the "median time to first answer" statistic). */
    firstAnsweredAt: instant('first_answered_at'),
  },
  (table) => [
    uniqueIndex('message_threads_reference_unique').on(table.reference),
    index('message_threads_user_idx').on(table.userId, table.lastMessageAt),
    index('message_threads_prefecture_idx').on(table.prefectureId, table.status, table.dueOn),
    index('message_threads_application_idx').on(table.applicationId),
    index('message_threads_escalation_idx').on(table.escalateOn).where(sql`${table.status} = 'awaiting_answer' and ${table.escalatedAt} is null`),
    check('message_threads_status_check', sql`${table.status} in ('awaiting_answer', 'answered')`),
  ],
);

export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => messageThreads.id),
    author: varchar('author', { length: 10 }).$type<MessageAuthor>().notNull(),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (table) => [index('messages_thread_idx').on(table.threadId, table.createdAt), check('messages_author_check', sql`${table.author} in ('applicant', 'agent')`)],
);

/** Files sent with an applicant's message, received by the document intake (sniffed, size-capped). */
export const messageAttachments = pgTable(
  'message_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => messageThreads.id),
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id),
    storageKey: varchar('storage_key', { length: 80 }).notNull(),
    filename: text('filename').notNull(),
    mediaType: varchar('media_type', { length: 40 }).notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (table) => [index('message_attachments_message_idx').on(table.messageId), index('message_attachments_thread_idx').on(table.threadId)],
);
