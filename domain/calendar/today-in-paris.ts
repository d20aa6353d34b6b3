import { Temporal } from 'temporal-polyfill';
import type { IsoDate } from './epoch-day';

/** The time zone in which French legal calendar dates are read. */
export const LEGAL_TIME_ZONE = 'Europe/Paris';

/**
 * The calendar date in Europe/Paris at `instant` (pure: the caller reads the clock).
 * 2026-03-28T23:30Z is already 2026-03-29 in Paris; DST changes are handled by the time-zone data.
 */
export function todayInParis(instant: Date): IsoDate {
  const epochMilliseconds = instant.getTime();
  if (Number.isNaN(epochMilliseconds)) throw new RangeError('todayInParis: invalid instant');
  return Temporal.Instant.fromEpochMilliseconds(epochMilliseconds)
    .toZonedDateTimeISO(LEGAL_TIME_ZONE)
    .toPlainDate()
    .toString();
}
