/**
 * Which catalogue text describes a part of the result: the covering document (in a sentence and
 * as a title, "your card" rather than "permit" when the person holds a card), why a period is not
 * covered, and how loud a warning is. Returns catalogue keys; the components translate. Pure.
 */
import type { DeadlineResponse } from '../../../contract/deadlines';
import type { PermitKind } from '../../../domain/deadlines/types';

type CoverageDocument = DeadlineResponse['coverage'][number]['document'];
type WarningCode = DeadlineResponse['warnings'][number]['code'];

/** The covering document inside a sentence ("covered by your residence card"). */
export function documentInSentenceKey(document: Exclude<CoverageDocument, 'none'>, permitKind: PermitKind): string {
  if (document === 'permit') return permitKind === 'vls_ts' ? 'calculator:result.documents.permitVlsTs' : 'calculator:result.documents.permitCard';
  return `calculator:result.documents.${document}`;
}

/** The covering document as the title of a coverage period. */
export function documentTitleKey(document: CoverageDocument, permitKind: PermitKind): string {
  if (document === 'permit') return permitKind === 'vls_ts' ? 'calculator:result.documentTitles.permitVlsTs' : 'calculator:result.documentTitles.permitCard';
  return `deadlines:documents.${document}`;
}

/** Rules that explain a day nothing covers, each with a plain sentence in `result.uncovered`. */
const UNCOVERED_REASONS = new Set(['R-00', 'R-01', 'R-16', 'R-19', 'R-31', 'R-33', 'R-50', 'R-53']);

/** The sentence saying why nothing covers a period, or undefined (then the rule's label is shown). */
export function uncoveredReasonKey(ruleId: string): string | undefined {
  return UNCOVERED_REASONS.has(ruleId) ? `calculator:result.uncovered.${ruleId}` : undefined;
}

export type WarningSeverity = 'error' | 'warning' | 'info';

const WARNING_SEVERITIES: Readonly<Record<WarningCode, WarningSeverity>> = {
  vls_ts_not_validated: 'error',
  filing_late: 'warning',
  entry_conditions_again: 'warning',
  window_closing: 'warning',
  vls_ts_validated_late: 'warning',
  tacit_refusal_on_incomplete_file: 'warning',
  reasons_requested_too_late: 'warning',
  recourse_extended_until_reasons_given: 'warning',
  recourse_month_end_ambiguity: 'warning',
  rule_version_missing: 'warning',
  fees_unconfirmed: 'info',
  events_after_today: 'info',
};

/** Loss of coverage is an error, what to act on a warning, what to know an information. */
export function warningSeverity(code: WarningCode): WarningSeverity {
  return WARNING_SEVERITIES[code];
}

const SEVERITY_ORDER: Readonly<Record<WarningSeverity, number>> = { error: 0, warning: 1, info: 2 };

/** The warnings, most serious first (stable within a severity). */
export function sortWarnings<W extends { readonly code: WarningCode }>(warnings: readonly W[]): W[] {
  return warnings
    .map((warning, index) => ({ warning, index }))
    .sort((a, b) => SEVERITY_ORDER[warningSeverity(a.warning.code)] - SEVERITY_ORDER[warningSeverity(b.warning.code)] || a.index - b.index)
    .map(({ warning }) => warning);
}
