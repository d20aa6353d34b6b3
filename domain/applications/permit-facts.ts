/**
 * The person's documents (VLS-TS, cards) as the deadline engine sees them. Recording a permit and
 * validating a VLS-TS ask the engine, so that its checks and dates are the only ones:
 *
 * - `checkPermitFacts`: the engine's own validation of a permit (a VLS-TS longer than a year
 *   [R-02], an entry outside the visa's validity, an end before the start, …);
 * - `decideVlsTsValidation`: whether a VLS-TS can still be validated, and by which date [R-01].
 */
import { toEpochDay, type IsoDate } from '../calendar/epoch-day';
import { computeDeadlines, parseDeadlineInput, validateDeadlineInput, type ValidationIssue } from '../deadlines/index';
import type { CardTypeId } from '../rules/card-types';
import type { PermitKind } from '../rules/legal-rules';

export interface PermitFacts {
  readonly kind: PermitKind;
  readonly cardType: CardTypeId;
  readonly validFrom: IsoDate;
  readonly validUntil: IsoDate;
  /** VLS-TS only: the day of entry into France. */
  readonly enteredFranceOn?: IsoDate;
}

/**
 * The checks on a permit do not depend on the département (it only selects the public holidays
 * used for court deadlines), so they run with Paris when the person's is not known yet.
 */
const ANY_DEPARTMENT = '75';

/** The engine's validation issues for this permit (fields `permit.*` and `enteredFranceOn`). */
export function checkPermitFacts(permit: PermitFacts, today: IsoDate): ValidationIssue[] {
  return validateDeadlineInput({
    permit: { kind: permit.kind, cardType: permit.cardType, validFrom: permit.validFrom, validUntil: permit.validUntil },
    ...(permit.enteredFranceOn === undefined ? {} : { enteredFranceOn: permit.enteredFranceOn }),
    department: ANY_DEPARTMENT,
    today,
  });
}

export type VlsTsValidationDecision =
  /** Validation possible until `deadline` included [R-01]. */
  | { readonly kind: 'possible'; readonly deadline: IsoDate }
  /** The person has not entered France yet (entry date after today): validation opens on entry. */
  | { readonly kind: 'not_entered_yet'; readonly deadline: IsoDate; readonly enteredFranceOn: IsoDate }
  /**
   * Past the deadline (entry + 3 months, R-01), or the visa itself has expired: the VLS-TS no
   * longer covers a stay beyond 3 months. Sejour refuses the online validation and tells the
   * person to contact their préfecture (R-03: the DGEF's later technical cut-off is not relied on).
   */
  | { readonly kind: 'too_late'; readonly deadline: IsoDate };

export function decideVlsTsValidation(
  permit: PermitFacts & { readonly kind: 'vls_ts'; readonly enteredFranceOn: IsoDate },
  today: IsoDate,
  department: string = ANY_DEPARTMENT,
): VlsTsValidationDecision {
  const parsed = parseDeadlineInput({
    permit: { kind: permit.kind, cardType: permit.cardType, validFrom: permit.validFrom, validUntil: permit.validUntil },
    enteredFranceOn: permit.enteredFranceOn,
    department,
    today,
  });
  if (!parsed.ok) throw new RangeError(`decideVlsTsValidation: invalid VLS-TS (${parsed.issues.map((i) => `${i.field} ${i.code}`).join(', ')})`);
  const found = computeDeadlines(parsed.input).dates.find((date) => date.id === 'vls_ts_validation_deadline');
  if (!found) throw new Error('the engine gave no VLS-TS validation deadline');
  // Never later than the visa's own last day.
  const deadline = toEpochDay(found.on) <= toEpochDay(permit.validUntil) ? found.on : permit.validUntil;
  const day = toEpochDay(today);
  if (day < toEpochDay(permit.enteredFranceOn)) return { kind: 'not_entered_yet', deadline, enteredFranceOn: permit.enteredFranceOn };
  if (day > toEpochDay(deadline)) return { kind: 'too_late', deadline };
  return { kind: 'possible', deadline };
}
