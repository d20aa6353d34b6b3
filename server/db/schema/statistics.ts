/**
 * Public transparency statistics (issue 9, docs/adr/0015-public-statistics.md), computed daily by
 * the `statistics.compute` job from SQL aggregates, never at request time.
 *
 * One row per (computed_on, scope, window_days, card_type). `scope` is a département code or
 * `FR` (national); `card_type` a card type id or `all`. Durations are whole days, medians and
 * 90th percentiles by the nearest-rank method (`percentile_disc`). Every figure computed over
 * fewer than 10 applications is stored as null ("not enough data"), including the count itself.
 *
 * `message_answer_median_days` and `appointment_next_slot_days` are filled on the `all` card-type
 * rows only (messages and slots are not about a card type); see compute-statistics.ts.
 */
import { date, integer, numeric, pgTable, primaryKey, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { applications } from './applications';

export const prefectureStatistics = pgTable(
  'prefecture_statistics',
  {
    /** The day (Europe/Paris) the figures were computed; windows end on it, inclusive. */
    computedOn: date('computed_on', { mode: 'string' }).notNull(),
    /** A département code (`75`, `2A`, `971`) or `FR`. */
    scope: varchar('scope', { length: 3 }).notNull(),
    /** 30, 90 or 365: applications filed in the window ending on `computed_on`. */
    windowDays: integer('window_days').notNull(),
    /** A card type id or `all`. */
    cardType: varchar('card_type', { length: 40 }).notNull(),
    /** Applications filed in the window (null under 10). */
    applicationsFiled: integer('applications_filed'),
    /** Filing → first prolongation attestation, over the window's applications that have one. */
    prolongationMedianDays: integer('prolongation_median_days'),
    prolongationP90Days: integer('prolongation_p90_days'),
    /** Filing → decision (`applications.decided_on`), over the window's decided applications. */
    decisionMedianDays: integer('decision_median_days'),
    decisionP90Days: integer('decision_p90_days'),
    /**
     * In-time applications still pending on `computed_on` whose permit ended before their first
     * prolongation started (issued after the day following the permit's last day, or none issued
     * yet while the permit has ended). Count and share of the window's pending in-time applications.
     */
    gapCount: integer('gap_count'),
    gapShare: numeric('gap_share', { precision: 5, scale: 4, mode: 'number' }),
    /** Pending applications past their tacit-refusal date: filed_on + 4 months (R-41, month rule). */
    tacitRefusals: integer('tacit_refusals'),
    /** Median days to the first answer to a message (card type `all` only). */
    messageAnswerMedianDays: integer('message_answer_median_days'),
    /** Days to the next free help desk slot (card type `all` only). */
    appointmentNextSlotDays: integer('appointment_next_slot_days'),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.computedOn, table.scope, table.windowDays, table.cardType] })],
);

export type PrefectureStatisticsRow = typeof prefectureStatistics.$inferSelect;

/**
 * The inputs of each pending application's decision estimate (issue 9, "for each applicant"),
 * recomputed by `statistics.compute` every day: its place in its prefecture's backlog for its
 * card type and that prefecture's decisions for the card type over the last 30 and 90 days. The
 * estimate itself is `estimateDecision` (domain/statistics/decision-estimate.ts) over this row.
 * Rows of applications no longer pending are deleted by the same run. Visible to the owner only.
 */
export const decisionEstimates = pgTable('decision_estimates', {
  applicationId: uuid('application_id')
    .primaryKey()
    .references(() => applications.id, { onDelete: 'cascade' }),
  computedOn: date('computed_on', { mode: 'string' }).notNull(),
  /** 1-based: pending applications of the same prefecture and card type filed before it, plus one. */
  position: integer('position').notNull(),
  decided30: integer('decided_30').notNull(),
  decided90: integer('decided_90').notNull(),
  tacitRefusalOn: date('tacit_refusal_on', { mode: 'string' }).notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
});
