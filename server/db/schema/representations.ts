/**
 * Representatives (issue 4): a person authorises another account — a lawyer, an association
 * volunteer, a family member — to see or act on their applications, with scopes, and can revoke
 * it. Rows are never deleted: a revoked authorisation keeps `revoked_at`, so the history can
 * always say who acted under which authorisation (docs/adr/0013-representatives.md).
 */
import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { users } from './users';

export const REPRESENTATION_SCOPES = ['applications:read', 'applications:correct', 'applications:withdraw', 'applications:documents'] as const;
export type RepresentationScope = (typeof REPRESENTATION_SCOPES)[number];
export const REPRESENTATIVE_KINDS = ['lawyer', 'association', 'family', 'other'] as const;
export type RepresentativeKind = (typeof REPRESENTATIVE_KINDS)[number];

export const representations = pgTable(
  'representations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The person represented (who granted it). */
    personUserId: uuid('person_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The representative's own account. */
    representativeUserId: uuid('representative_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: varchar('kind', { length: 16 }).$type<RepresentativeKind>().notNull(),
    /** What was granted; `applications:read` is always among them. */
    scopes: text('scopes').array().$type<RepresentationScope[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [
    // One active authorisation per pair; a revoked one may be followed by a new one.
    uniqueIndex('representations_active_pair').on(table.personUserId, table.representativeUserId).where(sql`${table.revokedAt} is null`),
    index('representations_representative').on(table.representativeUserId),
  ],
);
export type RepresentationRow = typeof representations.$inferSelect;
