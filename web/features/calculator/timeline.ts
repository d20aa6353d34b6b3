/**
 * The result's shapes for display: the dates as a timeline of days (several dates may fall on the
 * same day) with today's place in it, and the coverage periods with the one containing today.
 * ISO `YYYY-MM-DD` strings compare in date order, so no parsing is needed. Pure.
 */
import type { DeadlineResponse } from '../../../contract/deadlines';

export type LegalDateView = DeadlineResponse['dates'][number];
export type CoveragePeriodView = DeadlineResponse['coverage'][number];

export type DayRelation = 'past' | 'today' | 'future';

export interface TimelineDay<D> {
  readonly type: 'day';
  readonly on: string;
  readonly relation: DayRelation;
  /** The dates of that day, in the order the server gave them. */
  readonly dates: readonly D[];
}

/** Where today falls when no date is on that very day. */
export interface TimelineToday {
  readonly type: 'today';
  readonly on: string;
}

export type TimelineEntry<D> = TimelineDay<D> | TimelineToday;

function relationOf(on: string, today: string): DayRelation {
  return on < today ? 'past' : on === today ? 'today' : 'future';
}

/**
 * Dates grouped by day in date order (stable: same-day dates keep the server's order), with a
 * `today` marker between the past and the future unless a day of the timeline is today.
 */
export function buildTimeline<D extends { readonly on: string }>(dates: readonly D[], today: string): TimelineEntry<D>[] {
  const sorted = dates
    .map((date, index) => ({ date, index }))
    .sort((a, b) => (a.date.on < b.date.on ? -1 : a.date.on > b.date.on ? 1 : a.index - b.index))
    .map(({ date }) => date);

  const days: TimelineDay<D>[] = [];
  for (const date of sorted) {
    const last = days.at(-1);
    if (last?.on === date.on) (last.dates as D[]).push(date);
    else days.push({ type: 'day', on: date.on, relation: relationOf(date.on, today), dates: [date] });
  }

  if (days.some((day) => day.relation === 'today')) return days;
  const firstFuture = days.findIndex((day) => day.relation === 'future');
  const marker: TimelineToday = { type: 'today', on: today };
  const entries: TimelineEntry<D>[] = [...days];
  entries.splice(firstFuture === -1 ? entries.length : firstFuture, 0, marker);
  return entries;
}

export interface CoverageRow {
  readonly period: CoveragePeriodView;
  readonly covered: boolean;
  /** The period contains today. */
  readonly current: boolean;
  readonly relation: DayRelation;
}

export function containsDay(period: { readonly from: string; readonly until?: string | undefined }, day: string): boolean {
  return period.from <= day && (period.until === undefined || day <= period.until);
}

/** The coverage periods in date order, each marked covered or not, past, current or future. */
export function coverageRows(periods: readonly CoveragePeriodView[], today: string): CoverageRow[] {
  return [...periods]
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
    .map((period) => {
      const current = containsDay(period, today);
      const relation: DayRelation = current ? 'today' : period.until !== undefined && period.until < today ? 'past' : 'future';
      return { period, covered: period.document !== 'none', current, relation };
    });
}

/** The period that contains today, if any (before the permit starts there is none). */
export function currentPeriod(periods: readonly CoveragePeriodView[], today: string): CoveragePeriodView | undefined {
  return periods.find((period) => containsDay(period, today));
}
