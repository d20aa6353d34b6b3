/**
 * "Nobody falls through" (docs/adr/0019-back-office-flags-and-dashboard.md): the flags the daily
 * `back-office.flag-cases` job raises on an application — one row per application and kind while
 * the condition holds (`cleared_on` null), cleared the first day it no longer does. A flag that
 * comes back after being cleared is a new row (and a new notice to the supervisors).
 */
import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { applications } from './applications';
import { prefectures } from './reference';

export const CASE_FLAG_KINDS = ['document_lapses', 'tacit_refusal_30', 'tacit_refusal_7', 'request_overdue'] as const;
export type CaseFlagKind = (typeof CASE_FLAG_KINDS)[number];

export const caseFlags = pgTable(
  'case_flags',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    prefectureId: uuid('prefecture_id')
      .notNull()
      .references(() => prefectures.id),
    kind: varchar('kind', { length: 24 }).$type<CaseFlagKind>().notNull(),
    /** The day the job first saw the condition (Europe/Paris). */
    raisedOn: date('raised_on', { mode: 'string' }).notNull(),
    /** The day the job saw it no longer held; null while raised. */
    clearedOn: date('cleared_on', { mode: 'string' }),
    /** The date the flag is about (the lapse, the implicit rejection, the request's due date). */
    aboutOn: date('about_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    // At most one raised flag of a kind per application: the job's upsert target.
    uniqueIndex('case_flags_open_unique').on(table.applicationId, table.kind).where(sql`${table.clearedOn} is null`),
    // The dashboard's list of raised flags, soonest first, without sorting a préfecture's flags.
    index('case_flags_prefecture_open_idx').on(table.prefectureId, table.aboutOn, table.applicationId).where(sql`${table.clearedOn} is null`),
    check('case_flags_kind_check', sql`${table.kind} in ('document_lapses', 'tacit_refusal_30', 'tacit_refusal_7', 'request_overdue')`),
  ],
);
