/**
 * The filing window of R.431-5 1° and what filing outside it means (policy 1 and 2).
 * Administrative periods: the window's days are counted back from the expiry date E, both ends
 * included, with no roll-forward (R-65, policy 1).
 */
import { addDays, addMonths, formatIsoDate, toEpochDay, type EpochDay, type IsoDate } from '../calendar/epoch-day';
import type { RuleBook } from './rule-book';
import { lookUpRule } from './rule-book';
import type { FilingStatus } from './types';

export interface FilingWindow {
  /** E − 120 days. */
  readonly opens: EpochDay;
  /** E − 60 days, the last day in time. */
  readonly closes: EpochDay;
  /** The day after `closes`: late filing, late fee. */
  readonly lateFrom: EpochDay;
  /** addMonths(E, 6) + 1 day: "more than 6 months after expiry". */
  readonly entryConditionsAgainFrom: EpochDay;
}

interface WindowRule {
  readonly opensDaysBefore: number;
  readonly closesDaysBefore: number;
}

interface EntryConditionsRule {
  readonly monthsAfterExpiry: number;
}

function filingWindowOf(expiry: EpochDay, window: WindowRule, entryConditions: EntryConditionsRule): FilingWindow {
  const closes = addDays(expiry, -window.closesDaysBefore);
  return {
    opens: addDays(expiry, -window.opensDaysBefore),
    closes,
    lateFrom: addDays(closes, 1),
    entryConditionsAgainFrom: addDays(addMonths(expiry, entryConditions.monthsAfterExpiry), 1),
  };
}

/** The window for a permit expiring on E, with the rules in force on E. */
export function filingWindowFor(expiry: EpochDay, book: RuleBook): FilingWindow {
  return filingWindowOf(expiry, book.use('R-10', expiry).params, book.use('R-17', expiry).params);
}

/** The same, for validation and use cases that do not collect warnings. */
export function filingWindowOn(expiry: EpochDay): FilingWindow {
  return filingWindowOf(expiry, lookUpRule('R-10', expiry).version.params, lookUpRule('R-17', expiry).version.params);
}

/**
 * For the submit use case: when an application for a permit expiring on `validUntil` may be
 * filed in time. Filing before `opensOn` is refused with that date (policy 2).
 */
export function applicationWindow(validUntil: IsoDate): { readonly opensOn: IsoDate; readonly closesOn: IsoDate } {
  const window = filingWindowOn(toEpochDay(validUntil));
  return { opensOn: formatIsoDate(window.opens), closesOn: formatIsoDate(window.closes) };
}

/**
 * How a filing on `day` stands (policy 2). Filing before the window opens is refused by
 * validation, so `day ≥ opens` here.
 */
export function filingStatusOn(day: EpochDay, window: FilingWindow): Exclude<FilingStatus, 'not_filed'> {
  if (day <= window.closes) return 'in_time';
  return day < window.entryConditionsAgainFrom ? 'late' : 'very_late';
}
