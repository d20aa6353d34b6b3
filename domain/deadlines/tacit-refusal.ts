/**
 * The day an implicit rejection arises (policy 6): filing date + the silence period of R.432-2
 * [R-41] (4 months by the month rule, or a number of days for the card types mapped in the
 * data), plus the days of every suspension for requested documents. It arises at the end
 * of that day; no roll-forward over weekends or holidays.
 */
import { addDays, addMonths, minDay, type EpochDay } from '../calendar/epoch-day';
import type { CardTypeId } from '../rules/card-types';
import type { Period } from '../rules/legal-rules';
import type { SuspensionFacts } from './facts';

interface SilenceRules {
  readonly defaultPeriod: Period;
  readonly periodByCardType: Partial<Record<CardTypeId, Period>>;
}

/** The silence period for a card type: 4 months unless the data maps another one. */
export function silencePeriodFor(cardType: CardTypeId, rules: SilenceRules): Period {
  return rules.periodByCardType[cardType] ?? rules.defaultPeriod;
}

export interface TacitRefusal {
  readonly on: EpochDay;
  /** Days added for suspensions (0 when none). */
  readonly suspendedDays: number;
}

interface Interval {
  readonly start: EpochDay;
  /** Exclusive: the day the clock runs again. */
  readonly end: EpochDay;
}

/**
 * A request suspends the period from the day it is made until the earlier of the answer and the
 * due date (CRPA L.114-5: producing the documents early ends the suspension). Requests that
 * overlap suspend each day once: the clock is either stopped or running.
 */
export function suspensionIntervals(requests: readonly SuspensionFacts[]): Interval[] {
  const intervals = requests
    .map((request) => ({
      start: request.requested,
      end: request.answered === undefined ? request.due : minDay(request.answered, request.due),
    }))
    .filter((interval) => interval.end > interval.start)
    .sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of intervals) {
    const last = merged[merged.length - 1];
    if (last !== undefined && interval.start <= last.end) {
      merged[merged.length - 1] = { start: last.start, end: interval.end > last.end ? interval.end : last.end };
    } else {
      merged.push(interval);
    }
  }
  return merged;
}

export function tacitRefusalOf(filed: EpochDay, period: Period, requests: readonly SuspensionFacts[]): TacitRefusal {
  let on = 'months' in period ? addMonths(filed, period.months) : addDays(filed, period.days);
  let suspendedDays = 0;
  for (const interval of suspensionIntervals(requests)) {
    // A request made after the rejection has arisen cannot suspend it any more.
    if (interval.start > on) break;
    const days = interval.end - interval.start;
    on = addDays(on, days);
    suspendedDays += days;
  }
  return { on, suspendedDays };
}
