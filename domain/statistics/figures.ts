/**
 * Public transparency statistics (issue 9, docs/adr/0015-public-statistics.md): the pure rules
 * behind every published figure. The SQL computation (`percentile_disc`) follows the same
 * definitions; these functions are the reference it is tested against.
 *
 * Percentiles use the **nearest-rank** method: the p-th percentile of n sorted values is the value
 * at rank ⌈p·n⌉ (1-based). It is always one of the observed values (never an interpolation),
 * which is what PostgreSQL's `percentile_disc(p)` returns. The median is the 50th percentile by
 * the same method (for an even count, the lower of the two middle values).
 */

/** Cells computed over fewer applications than this are not published ("not enough data"). */
export const MIN_CELL_SIZE = 10;

/** Rolling windows, in days, over which figures are published. */
export const STATISTICS_WINDOWS = [30, 90, 365] as const;
export type StatisticsWindow = (typeof STATISTICS_WINDOWS)[number];

/** Nearest-rank percentile of `values` (0 < p ≤ 1); null for an empty list. */
export function nearestRankPercentile(values: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 1)) throw new RangeError(`percentile must be in (0, 1], got ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil(p * sorted.length);
  return sorted[Math.max(rank, 1) - 1] ?? null;
}

export const median = (values: readonly number[]): number | null => nearestRankPercentile(values, 0.5);
export const percentile90 = (values: readonly number[]): number | null => nearestRankPercentile(values, 0.9);

/**
 * Small-cell suppression: a figure computed over `count` applications is published only when
 * `count` reaches MIN_CELL_SIZE; otherwise null, shown as "not enough data".
 */
export function suppress<T>(value: T | null, count: number): T | null {
  return count >= MIN_CELL_SIZE ? value : null;
}

/** Share (0–1, 4 decimals) of `part` in `whole`, suppressed when `whole` is a small cell. */
export function share(part: number, whole: number): number | null {
  if (whole < MIN_CELL_SIZE) return null;
  return Math.round((part / whole) * 10_000) / 10_000;
}

/** The durations of one cell and their published summary. */
export interface DurationSummary {
  count: number;
  median: number | null;
  p90: number | null;
}

export function summariseDurations(days: readonly number[]): DurationSummary {
  return {
    count: days.length,
    median: suppress(median(days), days.length),
    p90: suppress(percentile90(days), days.length),
  };
}
