/**
 * How legal periods are counted (legal-rules.md §6).
 *
 * - Months run from a day to the day with the same number, clamped to the month's end
 *   (CPC 641 al. 2): `addMonths` in `epoch-day.ts`.
 * - Days: the triggering day is not counted (CPC 641 al. 1), so "n days after d" is d + n
 *   and "the nth day before d" is d − n.
 * - Court deadlines are francs (CE 15 Dec. 2023 n° 472836) and a last day falling on a
 *   Saturday, Sunday or public holiday moves to the next working day (CPC 642 al. 2).
 * - Administrative periods (filing window, silence, grace period) are neither francs nor rolled
 *   forward (policy 1 and 6, R-65).
 */
import type { DepartmentCode } from '../departments';
import { isPublicHoliday } from './holidays';
import { addDays, addMonths, isoDayOfWeek, type EpochDay } from './epoch-day';

const SATURDAY = 6;

function isWorkingDay(day: EpochDay, department: DepartmentCode): boolean {
  return isoDayOfWeek(day) < SATURDAY && !isPublicHoliday(day, department);
}

/** `day` itself when it is a working day, otherwise the next working day. */
export function nextWorkingDayOnOrAfter(day: EpochDay, department: DepartmentCode): EpochDay {
  let candidate = day;
  while (!isWorkingDay(candidate, department)) candidate = addDays(candidate, 1);
  return candidate;
}

export interface CourtDeadline {
  /** The last day to bring the case, 24:00 (after any roll-forward). */
  readonly lastDay: EpochDay;
  /** The franc last day before the roll-forward: addMonths(trigger, months) + 1 day. */
  readonly francLastDay: EpochDay;
  /**
   * Set only when the trigger's day number does not exist in the final month and counting
   * "from the day after" (the reading of some commentators) gives an earlier last day: the
   * interface shows it as a safety margin (legal-rules.md §6, edge case for the franc rule).
   */
  readonly saferLastDay?: EpochDay;
}

/**
 * A court deadline of `months` months from `trigger` (a notification, or the day an implicit
 * decision arises): délai franc, then rolled forward to a working day of the person's
 * département. Notified 2025-12-30, 2 months → 2026-02-28 + 1 = 2026-03-01 (Sunday)
 * → 2026-03-02.
 */
export function courtDeadline(trigger: EpochDay, months: number, department: DepartmentCode): CourtDeadline {
  const francLastDay = addDays(addMonths(trigger, months), 1);
  const lastDay = nextWorkingDayOnOrAfter(francLastDay, department);
  const alternative = nextWorkingDayOnOrAfter(addMonths(addDays(trigger, 1), months), department);
  return alternative < lastDay ? { lastDay, francLastDay, saferLastDay: alternative } : { lastDay, francLastDay };
}

/**
 * The last day of a document valid `months` months from its first day, as French residence
 * documents are printed: valid from 2027-01-01 for 3 months → until 2027-03-31.
 */
export function validityLastDay(firstDay: EpochDay, months: number): EpochDay {
  return addDays(addMonths(firstDay, months), -1);
}
