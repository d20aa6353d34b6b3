/**
 * The applicant's procedures (docs/adr/0005-applications-and-documents.md): their documents
 * (`permits`), VLS-TS validations, applications with their append-only history, the files sent
 * with them, and the préfecture's requests for documents.
 *
 * `*_on` columns are legal calendar dates (Europe/Paris), `*_at` instants. Statuses are the
 * snake_case literals of `domain/applications/types.ts`.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import type { ActorKind, ApplicationStatus, HistoryEventType } from '../../../domain/applications/types';
import type { DocumentMediaType } from '../../../domain/applications/card-catalogue';
import type { PermitKind } from '../../../domain/rules/legal-rules';
import type { CardTypeId } from '../../../domain/rules/card-types';
import { departements, prefectures } from './reference';
import { users } from './users';

/** Calendar dates travel as `YYYY-MM-DD` strings, never as `Date` (no time zone to get wrong). */
const calendarDate = (name: string) => date(name, { mode: 'string' });
const instant = (name: string) => timestamp(name, { withTimezone: true });

/** The person's residence documents: a VLS-TS, then cards. */
export const permits = pgTable(
  'permits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: varchar('kind', { length: 20 }).$type<PermitKind>().notNull(),
    cardType: varchar('card_type', { length: 40 }).$type<CardTypeId>().notNull(),
    /** The visa's or the card's own number, as printed; optional. */
    number: varchar('number', { length: 32 }),
    validFromOn: calendarDate('valid_from_on').notNull(),
    validUntilOn: calendarDate('valid_until_on').notNull(),
    /** VLS-TS only. */
    enteredFranceOn: calendarDate('entered_france_on'),
    /** VLS-TS only: the day it was validated online (Europe/Paris). */
    validatedOn: calendarDate('validated_on'),
    /** Numéro d'étranger [R-07, policy 9]: 9 or 10 digits, a string. */
    foreignerNumber: varchar('foreigner_number', { length: 10 }),
    createdAt: instant('created_at').notNull(),
  },
  (table) => [
    index('permits_user_id_idx').on(table.userId, table.validUntilOn),
    index('permits_foreigner_number_idx').on(table.foreignerNumber),
    check('permits_validity_check', sql`${table.validUntilOn} >= ${table.validFromOn}`),
    check('permits_foreigner_number_check', sql`${table.foreignerNumber} ~ '^[0-9]{9,10}$'`),
    check('permits_kind_check', sql`${table.kind} in ('vls_ts', 'temporary_card', 'multi_year_card', 'resident_card')`),
  ],
);

/** The online validation of a VLS-TS: address in France, tax stamp, number issued. */
export const vlsTsValidations = pgTable(
  'vls_ts_validations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    permitId: uuid('permit_id')
      .notNull()
      .unique()
      .references(() => permits.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    addressLine1: text('address_line1').notNull(),
    addressLine2: text('address_line2'),
    postalCode: char('postal_code', { length: 5 }).notNull(),
    city: text('city').notNull(),
    departementCode: varchar('departement_code', { length: 3 })
      .notNull()
      .references(() => departements.code),
    /** Timbre fiscal électronique: 16 digits (domain/applications/identifiers.ts); usable once. */
    taxStampNumber: char('tax_stamp_number', { length: 16 }).notNull().unique(),
    validatedAt: instant('validated_at').notNull(),
    validatedOn: calendarDate('validated_on').notNull(),
    foreignerNumber: varchar('foreigner_number', { length: 10 }).notNull(),
    /** True when Sejour generated the number at this validation (false: the person already had one). */
    foreignerNumberIssued: boolean('foreigner_number_issued').notNull(),
  },
  (table) => [
    index('vls_ts_validations_user_id_idx').on(table.userId),
    // A generated number is never generated twice.
    // Back-office search by numéro d'étranger (docs/adr/0014-back-office-queue.md).
    index('vls_ts_validations_foreigner_number_idx').on(table.foreignerNumber),
    uniqueIndex('vls_ts_validations_issued_number_unique').on(table.foreignerNumber).where(sql`${table.foreignerNumberIssued}`),
  ],
);

/** Statuses in which an application is still alive (one at a time per permit). */
const LIVE_STATUSES = sql`('draft', 'submitted', 'documents_requested', 'complete')`;

export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** `SEJ-2026-7KQ2XD`, given when filed (null while a draft). */
    reference: varchar('reference', { length: 15 }).unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** The préfecture of the applicant's département. */
    prefectureId: uuid('prefecture_id')
      .notNull()
      .references(() => prefectures.id),
    /** The permit the application follows (its expiry date decides the window). */
    permitId: uuid('permit_id')
      .notNull()
      .references(() => permits.id),
    cardType: varchar('card_type', { length: 40 }).$type<CardTypeId>().notNull(),
    status: varchar('status', { length: 24 }).$type<ApplicationStatus>().notNull(),
    /** Answers to the card type's situation questions (domain `Answers`). */
    answers: jsonb('answers').$type<Record<string, boolean | string>>().notNull().default({}),
    taxStampNumber: char('tax_stamp_number', { length: 16 }),
    /** The filing date, today in Europe/Paris when submitted; kept through document requests. */
    filedOn: calendarDate('filed_on'),
    /** `in_time`, `late` or `very_late` once filed. */
    filingStatus: varchar('filing_status', { length: 12 }).$type<'in_time' | 'late' | 'very_late'>(),
    late: boolean('late').notNull().default(false),
    completeOn: calendarDate('complete_on'),
    decidedOn: calendarDate('decided_on'),
    submittedAt: instant('submitted_at'),
    /**
     * The legal clock as the deadline engine last computed it (server/usecases/staff/legal-clock.ts),
     * stored so the back-office queue can filter and sort on it (docs/adr/0014-back-office-queue.md):
     * the day silence becomes an implicit rejection and the rule that gave it.
     */
    tacitRefusalOn: calendarDate('tacit_refusal_on'),
    tacitRefusalRule: varchar('tacit_refusal_rule', { length: 8 }),
    /** The day the daily job recorded the implicit rejection (history row, notification); the idempotency marker. */
    tacitRefusalRecordedOn: calendarDate('tacit_refusal_recorded_on'),
    /** Due date of the open request for documents (null when none is open): overdue when before today. */
    openRequestDueOn: calendarDate('open_request_due_on'),
    /**
     * The applicant's names, lower-cased, copied from their profile for the queue's search by name
     * within a préfecture (kept in step by `refreshLegalClock` and by profile updates).
     */
    searchSurname: varchar('search_surname', { length: 100 }),
    searchGivenNames: varchar('search_given_names', { length: 150 }),
    /** The agent or supervisor working the case (same préfecture), and since when (docs/adr/0019). */
    assignedTo: uuid('assigned_to').references(() => users.id),
    assignedAt: instant('assigned_at'),
    /**
     * An agent's block on the automatic attestations de prolongation, with the written reason the
     * supervisor reads (docs/adr/0019-back-office-flags-and-dashboard.md); null when not blocked.
     */
    prolongationBlockedAt: instant('prolongation_blocked_at'),
    prolongationBlockedBy: uuid('prolongation_blocked_by').references(() => users.id),
    prolongationBlockReason: text('prolongation_block_reason'),
    /** The `Idempotency-Key` of the submission that filed it (unique per user). */
    submitIdempotencyKey: varchar('submit_idempotency_key', { length: 128 }),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (table) => [
    index('applications_user_id_idx').on(table.userId, table.createdAt),
    uniqueIndex('applications_submit_idempotency_key_unique').on(table.userId, table.submitIdempotencyKey),
    uniqueIndex('applications_live_permit_unique').on(table.permitId).where(sql`${table.status} in ${LIVE_STATUSES}`),
    check(
      'applications_status_check',
      sql`${table.status} in ('draft', 'submitted', 'documents_requested', 'complete', 'decided_favourable', 'refused', 'withdrawn')`,
    ),
    // A draft is not filed; a filed application has its date and reference; a withdrawn one may be either.
    check(
      'applications_filed_check',
      sql`(${table.status} = 'draft' and ${table.filedOn} is null) or ${table.status} = 'withdrawn' or (${table.status} <> 'draft' and ${table.filedOn} is not null)`,
    ),
    check('applications_reference_check', sql`(${table.reference} is null) = (${table.filedOn} is null)`),
    // Back-office queue (docs/adr/0014-back-office-queue.md): one préfecture's filed applications.
    index('applications_queue_filed_idx').on(table.prefectureId, table.status, table.filedOn, table.id).where(sql`${table.filedOn} is not null`),
    index('applications_queue_open_idx').on(table.prefectureId, table.filedOn, table.id).where(sql`${table.status} in ('submitted', 'documents_requested', 'complete')`),
    index('applications_queue_tacit_idx').on(table.prefectureId, table.tacitRefusalOn, table.id).where(sql`${table.status} in ('submitted', 'documents_requested', 'complete')`),
    // The daily job's pass: implicit rejections not recorded yet, by day (issue 5, ADR 0018).
    index('applications_tacit_unrecorded_idx')
      .on(table.tacitRefusalOn)
      .where(sql`${table.status} in ('submitted', 'documents_requested', 'complete') and ${table.tacitRefusalRecordedOn} is null`),
    index('applications_queue_overdue_idx').on(table.prefectureId, table.openRequestDueOn).where(sql`${table.openRequestDueOn} is not null`),
    index('applications_permit_idx').on(table.permitId),
    index('applications_queue_surname_idx').on(table.prefectureId, sql`${table.searchSurname} text_pattern_ops`).where(sql`${table.filedOn} is not null`),
    index('applications_assigned_idx').on(table.assignedTo).where(sql`${table.assignedTo} is not null`),
    index('applications_prolongation_blocked_idx').on(table.prefectureId).where(sql`${table.prolongationBlockedAt} is not null`),
    index('applications_queue_given_names_idx').on(table.prefectureId, sql`${table.searchGivenNames} text_pattern_ops`).where(sql`${table.filedOn} is not null`),
  ],
);

/**
 * The application's history, append-only: one row per transition (and per document sent after
 * filing), written in the same transaction as the change. Never updated or deleted.
 */
export const applicationEvents = pgTable(
  'application_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    /** 1, 2, 3… within the application: the order of the history. */
    sequence: integer('sequence').notNull(),
    event: varchar('event', { length: 24 }).$type<HistoryEventType>().notNull(),
    /** null for the creation of the draft. */
    statusFrom: varchar('status_from', { length: 24 }).$type<ApplicationStatus>(),
    statusTo: varchar('status_to', { length: 24 }).$type<ApplicationStatus>().notNull(),
    /** null when the system acted. */
    actorUserId: uuid('actor_user_id').references(() => users.id),
    actorKind: varchar('actor_kind', { length: 16 }).$type<ActorKind>().notNull(),
    at: instant('at').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (table) => [uniqueIndex('application_events_sequence_unique').on(table.applicationId, table.sequence)],
);

export const DOCUMENT_STATES = ['active', 'replaced', 'removed'] as const;
export type DocumentState = (typeof DOCUMENT_STATES)[number];

/** Files sent with an application, for one checklist item each. */
export const applicationDocuments = pgTable(
  'application_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    checklistItemId: varchar('checklist_item_id', { length: 64 }).notNull(),
    /** The name the person gave, sanitised, with the extension of the type found in the content. */
    originalFilename: varchar('original_filename', { length: 160 }).notNull(),
    /** Random, unguessable key in the file storage; says nothing about the person or the file. */
    storageKey: varchar('storage_key', { length: 80 }).notNull().unique(),
    sha256: char('sha256', { length: 64 }).notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    /** Sniffed from the content (file-type), never taken from the client. */
    mediaType: varchar('media_type', { length: 64 }).$type<DocumentMediaType>().notNull(),
    state: varchar('state', { length: 12 }).$type<DocumentState>().notNull(),
    /** The document this one replaced (draft only). */
    replacesId: uuid('replaces_id').references((): AnyPgColumn => applicationDocuments.id),
    /** Sent after filing: kept, and recorded in the history. */
    addedAfterFiling: boolean('added_after_filing').notNull().default(false),
    uploadedAt: instant('uploaded_at').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    /** When it stopped being active (replaced or removed). */
    stateChangedAt: instant('state_changed_at'),
  },
  (table) => [
    index('application_documents_application_idx').on(table.applicationId, table.state),
    check('application_documents_state_check', sql`${table.state} in ('active', 'replaced', 'removed')`),
    check('application_documents_size_check', sql`${table.sizeBytes} > 0`),
  ],
);

/** The préfecture's requests for missing documents; they keep the filing date. */
export const documentRequests = pgTable(
  'document_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    requestedOn: calendarDate('requested_on').notNull(),
    dueOn: calendarDate('due_on').notNull(),
    answeredOn: calendarDate('answered_on'),
    /** Checklist item ids asked for. */
    items: jsonb('items').$type<string[]>().notNull(),
    requestedBy: uuid('requested_by').references(() => users.id),
    createdAt: instant('created_at').notNull(),
  },
  (table) => [index('document_requests_application_idx').on(table.applicationId)],
);
