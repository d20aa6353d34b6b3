import type { StatisticsMeasure } from '../../../contract/statistics';

/** A published figure for reading: a percentage for shares, a plain number otherwise; null → "not enough data". */
export function formatMeasure(measure: StatisticsMeasure, value: number | null | undefined, language: string, notEnoughData: string): string {
  if (value === null || value === undefined) return notEnoughData;
  if (measure === 'gap_share') return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(value);
  return new Intl.NumberFormat(language).format(value);
}
