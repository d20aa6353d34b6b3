import { pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { prefectures } from './reference';

export const USER_ROLES = ['applicant', 'agent', 'supervisor', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Préfecture staff: never self-registered, second factor required (ADR 0009). */
export const STAFF_ROLES = ['agent', 'supervisor', 'admin'] as const satisfies readonly UserRole[];

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  /**
   * Stored lower-cased; uniqueness is on this column. Null only for people registered at a
   * préfecture's help desk without an address (`assisted_people`): they cannot sign in, and are
   * told by SMS and post (docs/adr/0020-help-desk-substitution.md).
   */
  email: varchar('email', { length: 254 }).unique(),
  displayName: text('display_name').notNull(),
  role: varchar('role', { length: 16 }).$type<UserRole>().notNull(),
  /** argon2id PHC string; null for accounts that sign in only through an identity provider. */
  passwordHash: text('password_hash'),
  locale: varchar('locale', { length: 2 }).notNull().default('fr'),
  /**
   * When the owner proved they read this address (confirmation link, password reset, identity
   * provider). Accounts made by staff tooling and demo data count as verified (default now());
   * self-registration inserts null until the link is followed. Unverified accounts cannot sign in.
   */
  emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }).defaultNow(),
  /** E.164 (`+33612345678`), optional; for SMS reminders in a later issue. Not verified yet. */
  phone: varchar('phone', { length: 16 }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Which prefectures an agent or supervisor works for. */
export const userPrefectures = pgTable(
  'user_prefectures',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    prefectureId: uuid('prefecture_id')
      .notNull()
      .references(() => prefectures.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.userId, table.prefectureId] })],
);
