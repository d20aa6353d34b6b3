/**
 * Opening hours as the préfectures publish them: periods per ISO weekday, in Europe/Paris local
 * time. Pure: checks a list and answers "open at this local time?".
 */
export interface OpeningPeriod {
  /** 1 = Monday … 7 = Sunday. */
  day: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  /** `HH:MM`, 24-hour clock. */
  opens: string;
  closes: string;
}

export type OpeningHoursProblem =
  | { index: number; problem: 'time_format' }
  | { index: number; problem: 'closes_before_opens' }
  | { index: number; problem: 'overlaps'; other: number };

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** The problems of a list of periods, in order; empty when it can be published. */
export function checkOpeningHours(periods: readonly OpeningPeriod[]): OpeningHoursProblem[] {
  const problems: OpeningHoursProblem[] = [];
  periods.forEach((period, index) => {
    if (!TIME.test(period.opens) || !TIME.test(period.closes)) problems.push({ index, problem: 'time_format' });
    else if (minutesOf(period.closes) <= minutesOf(period.opens)) problems.push({ index, problem: 'closes_before_opens' });
    else {
      const other = periods.findIndex(
        (p, i) =>
          i < index &&
          p.day === period.day &&
          TIME.test(p.opens) &&
          TIME.test(p.closes) &&
          minutesOf(p.opens) < minutesOf(period.closes) &&
          minutesOf(period.opens) < minutesOf(p.closes),
      );
      if (other >= 0) problems.push({ index, problem: 'overlaps', other });
    }
  });
  return problems;
}

/** Sorted by day then opening time: how a page lists them. */
export function sortOpeningHours(periods: readonly OpeningPeriod[]): OpeningPeriod[] {
  return [...periods].sort((a, b) => a.day - b.day || minutesOf(a.opens) - minutesOf(b.opens));
}

/** Whether the place is open on `day` at `minutes` past midnight (local time). */
export function isOpenAt(periods: readonly OpeningPeriod[], day: number, minutes: number): boolean {
  return periods.some((p) => p.day === day && minutesOf(p.opens) <= minutes && minutes < minutesOf(p.closes));
}
