/**
 * An applicant's honest estimate of when their application will be decided (issue 9, ADR 0015):
 * their place in their prefecture's backlog for their card type, divided by the prefecture's
 * recent daily decision rate for that card type.
 *
 * - Central estimate: position ÷ the 90-day rate (the steadier one).
 * - Interval: position ÷ the faster and the slower of the 30-day and 90-day rates. When the
 *   prefecture decided nothing over the last 30 days the slow end has no bound (`latestOn` null).
 * - Fewer than MIN_CELL_SIZE decisions over 90 days: no estimate ("not enough data").
 * - The tacit-refusal date is always returned; `beyondTacitRefusal` says that part of the
 *   interval falls after it, so the page can explain what that date means instead of showing a
 *   date as if nothing happened before it.
 *
 * Pure: today and every count are arguments.
 */
import { addDays, formatIsoDate, toEpochDay, type IsoDate } from '../calendar/epoch-day';
import { MIN_CELL_SIZE } from './figures';

export interface DecisionEstimateInput {
  /** The day of the computation (Paris). */
  today: IsoDate;
  /** 1-based place in the backlog: pending applications of the same prefecture and card type filed before it, plus one. */
  position: number;
  /** Decisions the prefecture made for that card type over the last 30 and 90 days. */
  decided30: number;
  decided90: number;
  /** The application's tacit-refusal date. */
  tacitRefusalOn: IsoDate;
}

export type DecisionEstimate =
  | { kind: 'not_enough_data'; decided90: number; tacitRefusalOn: IsoDate }
  | {
      kind: 'estimated';
      position: number;
      /** Decisions per day, 90-day and 30-day. */
      rate90: number;
      rate30: number;
      earliestOn: IsoDate;
      likelyOn: IsoDate;
      /** null: no decision in the last 30 days, the slow end cannot be bounded. */
      latestOn: IsoDate | null;
      tacitRefusalOn: IsoDate;
      beyondTacitRefusal: boolean;
    };

const daysFor = (position: number, rate: number): number => Math.ceil(position / rate);

export function estimateDecision(input: DecisionEstimateInput): DecisionEstimate {
  const { today, position, decided30, decided90, tacitRefusalOn } = input;
  if (!Number.isInteger(position) || position < 1) throw new RangeError(`position must be a positive integer, got ${position}`);
  if (decided90 < MIN_CELL_SIZE) return { kind: 'not_enough_data', decided90, tacitRefusalOn };
  const rate90 = decided90 / 90;
  const rate30 = decided30 / 30;
  const fast = Math.max(rate30, rate90);
  const slow = Math.min(rate30, rate90);
  const day = toEpochDay(today);
  const at = (days: number): IsoDate => formatIsoDate(addDays(day, days));
  const latestOn = slow > 0 ? at(daysFor(position, slow)) : null;
  return {
    kind: 'estimated',
    position,
    rate90: Math.round(rate90 * 100) / 100,
    rate30: Math.round(rate30 * 100) / 100,
    earliestOn: at(daysFor(position, fast)),
    likelyOn: at(daysFor(position, rate90)),
    latestOn,
    tacitRefusalOn,
    beyondTacitRefusal: latestOn === null || latestOn > tacitRefusalOn,
  };
}
