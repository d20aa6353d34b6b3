/**
 * Whether an application may be filed on a given day, and what filing then means (policy 1 and 2
 * of legal-rules.md), decided from the deadline engine's own window (`domain/deadlines/filing.ts`,
 * whose `applicationWindow` is the public face):
 *
 * - before E − 120 days: **too early**, refused with the opening date;
 * - E − 120 … E − 60 days (both included): **in time** [R-10];
 * - after E − 60 days: **late**, accepted, with its consequences: the 180 € droit de visa de
 *   régularisation [R-15, R-76] (R-18 for a VLS-TS holder, treated as a renewal) and no
 *   attestation de prolongation as of right;
 * - from addMonths(E, 6) + 1 day: **very late**, accepted with the same consequences, and the
 *   entry conditions (visa) must be met again.
 *
 * Administrative periods: no roll-forward over weekends or holidays (R-65, policy 1).
 */
import { formatIsoDate, toEpochDay, type IsoDate } from '../calendar/epoch-day';
import { filingStatusOn, filingWindowOn } from '../deadlines/filing';
import type { PermitKind } from '../rules/legal-rules';
import { RULES, type RuleId } from '../rules/legal-rules';
import { versionOn } from '../rules/rule';

export const FILING_CONSEQUENCES = ['late_renewal_fee', 'no_prolongation_attestation', 'entry_conditions_again'] as const;
export type FilingConsequenceCode = (typeof FILING_CONSEQUENCES)[number];

export interface FilingConsequence {
  readonly code: FilingConsequenceCode;
  /** The rules behind it, first the one that sets the value. */
  readonly ruleIds: readonly RuleId[];
  readonly citation: string;
  /** For the late fee: the amount in force on the filing day. */
  readonly amountEur?: number;
}

interface WindowDates {
  /** E − 120 days: first day in time. */
  readonly opensOn: IsoDate;
  /** E − 60 days: last day in time. */
  readonly closesOn: IsoDate;
  /** addMonths(E, 6) + 1 day: from this day the entry conditions apply again. */
  readonly entryConditionsAgainFrom: IsoDate;
}

export type FilingDecision =
  | (WindowDates & { readonly kind: 'too_early' })
  | (WindowDates & {
      readonly kind: 'in_time' | 'late' | 'very_late';
      readonly late: boolean;
      readonly consequences: readonly FilingConsequence[];
    });

export type AcceptedFiling = Extract<FilingDecision, { late: boolean }>;

export interface FilingFacts {
  /** Expiry date E of the permit the application renews or follows (last day of validity). */
  readonly validUntil: IsoDate;
  readonly permitKind: PermitKind;
  /** The day the application would be (or was) filed, in Europe/Paris. */
  readonly filedOn: IsoDate;
}

function lateConsequences(facts: FilingFacts, veryLate: boolean): FilingConsequence[] {
  const day = toEpochDay(facts.filedOn);
  // Fees: the version in force on the filing day (docs/legal-rules-in-code.md, "relevant day").
  const fee = versionOn(RULES['R-76'], day).version;
  const vlsTs = facts.permitKind === 'vls_ts';
  const consequences: FilingConsequence[] = [
    {
      code: 'late_renewal_fee',
      ruleIds: vlsTs ? ['R-76', 'R-15', 'R-18'] : ['R-76', 'R-15'],
      citation: vlsTs ? `${fee.citation} ; ${versionOn(RULES['R-18'], day).version.citation}` : fee.citation,
      amountEur: fee.params.amountEur,
    },
    { code: 'no_prolongation_attestation', ruleIds: ['R-16'], citation: versionOn(RULES['R-16'], day).version.citation },
  ];
  if (veryLate) {
    const expiry = toEpochDay(facts.validUntil);
    consequences.push({ code: 'entry_conditions_again', ruleIds: ['R-17'], citation: versionOn(RULES['R-17'], expiry).version.citation });
  }
  return consequences;
}

export function decideFiling(facts: FilingFacts): FilingDecision {
  const window = filingWindowOn(toEpochDay(facts.validUntil));
  const dates: WindowDates = {
    opensOn: formatIsoDate(window.opens),
    closesOn: formatIsoDate(window.closes),
    entryConditionsAgainFrom: formatIsoDate(window.entryConditionsAgainFrom),
  };
  const day = toEpochDay(facts.filedOn);
  if (day < window.opens) return { ...dates, kind: 'too_early' };
  const status = filingStatusOn(day, window);
  if (status === 'in_time') return { ...dates, kind: 'in_time', late: false, consequences: [] };
  return { ...dates, kind: status, late: true, consequences: lateConsequences(facts, status === 'very_late') };
}
