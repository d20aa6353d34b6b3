/**
 * The applicant's identity and address as they declared them (from their visa or card), which
 * attestations print and the préfecture checks. Once an application has been filed, every change
 * is also written to `profile_changes` (append-only), so the préfecture sees what changed, when,
 * and who changed it (R.431-11: corrections after filing must stay visible).
 *
 * Personal data kept to what a residence-permit file needs: no sex, no parents' names, no photo.
 */
import { char, date, index, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import type { ActorKind } from '../../../domain/applications/types';
import { PROFILE_FIELD_NAMES } from '../../../contract/profile';
import { departements } from './reference';
import { users } from './users';

/** The fields a profile change names: the contract's list, so API and table cannot drift apart. */
export const PROFILE_FIELDS = PROFILE_FIELD_NAMES;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export const applicantProfiles = pgTable('applicant_profiles', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** As printed on the passport (nom de naissance), any script the passport's MRZ allows. */
  surname: varchar('surname', { length: 100 }).notNull(),
  givenNames: varchar('given_names', { length: 150 }).notNull(),
  /** Calendar date `YYYY-MM-DD`. */
  birthDate: date('birth_date', { mode: 'string' }).notNull(),
  /** City and country of birth as one line, optional. */
  birthPlace: varchar('birth_place', { length: 120 }),
  /** ISO 3166-1 alpha-3, as in the passport's MRZ (`USA`, `MAR`). */
  nationality: char('nationality', { length: 3 }).notNull(),
  /** Current address in France; null until declared. */
  addressLine1: text('address_line1'),
  addressLine2: text('address_line2'),
  postalCode: char('postal_code', { length: 5 }),
  city: text('city'),
  departementCode: varchar('departement_code', { length: 3 }).references(() => departements.code),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** One row per field changed after the person's first filing; never updated or deleted. */
export const profileChanges = pgTable(
  'profile_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    field: varchar('field', { length: 32 }).$type<ProfileField>().notNull(),
    oldValue: text('old_value'),
    newValue: text('new_value'),
    /** Why, in the person's words (optional, ≤ 500 characters). */
    reason: text('reason'),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    actorKind: varchar('actor_kind', { length: 16 }).$type<ActorKind>().notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('profile_changes_user_idx').on(table.userId, table.changedAt)],
);
