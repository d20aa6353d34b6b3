/**
 * Reads the stored statistics (never computes at request time): the latest day's figures for
 * every département and France, one scope's trend over the stored days, and the open-data rows.
 */
import { and, asc, eq, max } from 'drizzle-orm';
import { STATISTICS_MEASURES, type StatisticsFigures } from '../../../contract/statistics';
import type { Db } from '../../db/client';
import { departements, prefectureStatistics, type PrefectureStatisticsRow } from '../../db/schema/index';

export const OPEN_DATA_LICENCE = 'Licence Ouverte / Open Licence 2.0 (Etalab) — https://www.etalab.gouv.fr/licence-ouverte-open-licence/';

export function figuresOf(row: PrefectureStatisticsRow | undefined): StatisticsFigures {
  return {
    applications_filed: row?.applicationsFiled ?? null,
    prolongation_median_days: row?.prolongationMedianDays ?? null,
    prolongation_p90_days: row?.prolongationP90Days ?? null,
    decision_median_days: row?.decisionMedianDays ?? null,
    decision_p90_days: row?.decisionP90Days ?? null,
    gap_count: row?.gapCount ?? null,
    gap_share: row?.gapShare === null || row?.gapShare === undefined ? null : Number(row.gapShare),
    tacit_refusals: row?.tacitRefusals ?? null,
    message_answer_median_days: row?.messageAnswerMedianDays ?? null,
    appointment_next_slot_days: row?.appointmentNextSlotDays ?? null,
  };
}

export async function latestComputedOn(db: Db): Promise<string | null> {
  const [row] = await db.select({ on: max(prefectureStatistics.computedOn) }).from(prefectureStatistics);
  return row?.on ?? null;
}

/** Every département (with or without figures) and France, for the latest computation. */
export async function readLatest(db: Db, windowDays: number, cardType: string) {
  const computedOn = await latestComputedOn(db);
  const rows = computedOn
    ? await db
        .select()
        .from(prefectureStatistics)
        .where(and(eq(prefectureStatistics.computedOn, computedOn), eq(prefectureStatistics.windowDays, windowDays), eq(prefectureStatistics.cardType, cardType)))
    : [];
  const byScope = new Map(rows.map((r) => [r.scope, r]));
  const deps = await db.select({ code: departements.code, name: departements.name }).from(departements).orderBy(asc(departements.code));
  const scopes = [{ code: 'FR', name: 'France' }, ...deps];
  return { computedOn, items: scopes.map((s) => ({ scope: s.code, name: s.name, figures: figuresOf(byScope.get(s.code)) })) };
}

/** One scope's figures over every stored day, oldest first. */
export async function readTrend(db: Db, scope: string, windowDays: number, cardType: string) {
  const rows = await db
    .select()
    .from(prefectureStatistics)
    .where(and(eq(prefectureStatistics.scope, scope), eq(prefectureStatistics.windowDays, windowDays), eq(prefectureStatistics.cardType, cardType)))
    .orderBy(asc(prefectureStatistics.computedOn));
  return rows.map((r) => ({ computedOn: r.computedOn, figures: figuresOf(r) }));
}

/** Every row of the latest computation, for the open-data files. */
export async function readOpenData(db: Db) {
  const computedOn = await latestComputedOn(db);
  const rows = computedOn
    ? await db
        .select()
        .from(prefectureStatistics)
        .where(eq(prefectureStatistics.computedOn, computedOn))
        .orderBy(asc(prefectureStatistics.scope), asc(prefectureStatistics.windowDays), asc(prefectureStatistics.cardType))
    : [];
  return { computedOn, rows: rows.map((r) => ({ scope: r.scope, window_days: r.windowDays, card_type: r.cardType, ...figuresOf(r) })) };
}

/** The open-data columns: what identifies a row, then every published measure (contract order). */
export const OPEN_DATA_COLUMNS = ['computed_on', 'scope', 'window_days', 'card_type', ...STATISTICS_MEASURES] as const;

/** CSV (RFC 4180, comma, LF): a `# licence` line and a `# computed_on` line, then the header. Empty cell: not enough data. */
export function toCsv(data: Awaited<ReturnType<typeof readOpenData>>): string {
  const lines = [`# ${OPEN_DATA_LICENCE}`, `# computed_on=${data.computedOn ?? ''}`, OPEN_DATA_COLUMNS.join(',')];
  for (const row of data.rows) {
    const record: Record<string, unknown> = { computed_on: data.computedOn, ...row };
    lines.push(OPEN_DATA_COLUMNS.map((c) => (record[c] === null || record[c] === undefined ? '' : String(record[c]))).join(','));
  }
  return `${lines.join('\n')}\n`;
}

