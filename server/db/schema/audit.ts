/**
 * The audit log of staff work: every read of a case file and every action by an agent,
 * supervisor or administrator — who, when, what, on which object of which préfecture, and from
 * where. Append-only: a trigger (migration `audit_append_only`) refuses UPDATE and DELETE, so not
 * even a bug in Sejour can rewrite it. Supervisors read their préfecture's entries.
 */
import { bigserial, index, jsonb, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import type { UserRole } from './users';
import { prefectures } from './reference';
import { users } from './users';

export const auditEvents = pgTable(
  'audit_events',
  {
    /** Increasing: the order of the log, even for entries written in the same millisecond. */
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorUserId: uuid('actor_user_id')
      .notNull()
      .references(() => users.id),
    actorRole: varchar('actor_role', { length: 16 }).$type<UserRole>().notNull(),
    /** `case.read`, `case.document.read`, `case.request-documents`, `staff.create`… */
    action: varchar('action', { length: 48 }).notNull(),
    objectType: varchar('object_type', { length: 24 }).notNull(),
    objectId: varchar('object_id', { length: 64 }).notNull(),
    /** The préfecture whose object it is; null for actions outside any préfecture. */
    prefectureId: uuid('prefecture_id').references(() => prefectures.id),
    /** The client address as the server saw it (after TRUST_PROXY), and the request id of the logs. */
    clientAddress: varchar('client_address', { length: 45 }),
    requestId: varchar('request_id', { length: 64 }),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (table) => [
    index('audit_events_prefecture_idx').on(table.prefectureId, table.id),
    index('audit_events_object_idx').on(table.objectType, table.objectId, table.id),
    index('audit_events_actor_idx').on(table.actorUserId, table.id),
  ],
);
