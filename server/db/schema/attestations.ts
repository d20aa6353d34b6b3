/**
 * Attestations and share codes (docs/adr/0006-attestations.md).
 *
 * An attestation row is the document: written in the same transaction as the act it attests
 * (filing, VLS-TS validation, a decision), with its language-independent facts and its signed
 * payload; the PDF is rendered from the row on demand, deterministically. Rows are never deleted;
 * a renewed prolongation or a decision marks the earlier one superseded.
 */
import { sql } from 'drizzle-orm';
import { check, date, index, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import type { AttestationFacts, AttestationKind } from '../../../domain/attestations/kinds';
import { applications, permits } from './applications';
import { prefectures } from './reference';
import { users } from './users';

export const attestations = pgTable(
  'attestations',
  {
    /** The document id printed on the PDF and signed in the payload. */
    id: uuid('id').primaryKey(),
    kind: varchar('kind', { length: 32 }).$type<AttestationKind>().notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    applicationId: uuid('application_id').references(() => applications.id),
    permitId: uuid('permit_id').references(() => permits.id),
    prefectureId: uuid('prefecture_id')
      .notNull()
      .references(() => prefectures.id),
    facts: jsonb('facts').$type<AttestationFacts>().notNull(),
    validUntilOn: date('valid_until_on', { mode: 'string' }),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    keyId: varchar('key_id', { length: 32 }).notNull(),
    /** The QR code's text: `SJ1.<kid>.<body>.<signature>`. */
    payload: text('payload').notNull(),
    supersededBy: uuid('superseded_by'),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (table) => [
    index('attestations_user_idx').on(table.userId, table.issuedAt),
    index('attestations_application_idx').on(table.applicationId),
    check(
      'attestations_kind_check',
      sql`${table.kind} in ('vls_ts_validation', 'filing_receipt', 'prolongation', 'favourable_decision', 'favourable_decision_letter', 'refusal_letter')`,
    ),
  ],
);

export const SHARE_PURPOSES = ['work', 'housing', 'benefits', 'other'] as const;
export type SharePurpose = (typeof SHARE_PURPOSES)[number];

/** A code the holder gives a verifier; only its SHA-256 is stored. */
export const shareCodes = pgTable(
  'share_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    codeHash: varchar('code_hash', { length: 64 }).notNull().unique(),
    /** The last 4 characters, to tell codes apart in the holder's list. */
    hint: varchar('hint', { length: 4 }).notNull(),
    purpose: varchar('purpose', { length: 12 }).$type<SharePurpose>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** Last day the code works (Europe/Paris), 90 days after creation. */
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [index('share_codes_user_idx').on(table.userId, table.createdAt)],
);

/** Every check of a share code, shown to the holder (no IP address kept). */
export const shareCodeChecks = pgTable(
  'share_code_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    shareCodeId: uuid('share_code_id')
      .notNull()
      .references(() => shareCodes.id),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
    /** `shown`, `birth_date_mismatch`, `expired`, `revoked`. */
    outcome: varchar('outcome', { length: 24 }).notNull(),
  },
  (table) => [index('share_code_checks_code_idx').on(table.shareCodeId, table.checkedAt)],
);
