/**
 * The help desk's substitution route (docs/adr/0020-help-desk-substitution.md): people an agent
 * registered at a préfecture's desk because the online service is not usable for them, and the
 * letters the desk prints and posts to the people who have no email address.
 */
import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import type { HelpDeskReason, PostalMailKind } from '../../../contract/help-desk';
import { attestations } from './attestations';
import { reminders } from './notifications';
import { prefectures } from './reference';
import { users } from './users';

/** One row per person registered at a desk; the agents of `prefecture_id` may act for them. */
export const assistedPeople = pgTable(
  'assisted_people',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    prefectureId: uuid('prefecture_id')
      .notNull()
      .references(() => prefectures.id),
    reason: varchar('reason', { length: 24 }).$type<HelpDeskReason>().notNull(),
    registeredBy: uuid('registered_by')
      .notNull()
      .references(() => users.id),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('assisted_people_prefecture_idx').on(table.prefectureId, table.registeredAt),
    check('assisted_people_reason_check', sql`${table.reason} in ('no_email', 'no_device', 'digital_difficulty', 'online_service_failure', 'disability', 'other')`),
  ],
);

/**
 * Letters to print and post: one per notice or reminder sent on the `post` channel (the
 * reminder's row is the idempotency key). `params` holds what the letter says; the person's name
 * and address are read when the letter is printed, so a moved person gets it at the new address.
 */
export const postalMail = pgTable(
  'postal_mail',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    prefectureId: uuid('prefecture_id')
      .notNull()
      .references(() => prefectures.id),
    kind: varchar('kind', { length: 24 }).$type<PostalMailKind>().notNull(),
    reminderId: uuid('reminder_id').references(() => reminders.id, { onDelete: 'cascade' }),
    attestationId: uuid('attestation_id').references(() => attestations.id, { onDelete: 'cascade' }),
    params: jsonb('params').$type<Record<string, string>>().notNull().default({}),
    locale: varchar('locale', { length: 2 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    postedAt: timestamp('posted_at', { withTimezone: true }),
    postedBy: uuid('posted_by').references(() => users.id),
  },
  (table) => [
    uniqueIndex('postal_mail_reminder_unique').on(table.reminderId),
    index('postal_mail_to_post_idx').on(table.prefectureId, table.createdAt).where(sql`${table.postedAt} is null`),
    index('postal_mail_user_idx').on(table.userId),
    check('postal_mail_kind_check', sql`${table.kind} in ('document_issued', 'documents_requested', 'reminder', 'tacit_refusal')`),
  ],
);
