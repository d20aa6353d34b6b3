/**
 * Input and output of the deadline engine. Dates are ISO `YYYY-MM-DD` calendar dates read in
 * Europe/Paris; an optional field that does not apply is absent, never null.
 */
import type { IsoDate } from '../calendar/epoch-day';
import type { DepartmentCode } from '../departments';
import type { CardTypeId } from '../rules/card-types';
import type { PermitKind, RuleId } from '../rules/legal-rules';
import type { Confidence } from '../rules/rule';

export type { CardTypeId, Confidence, DepartmentCode, IsoDate, PermitKind, RuleId };

export const PERMIT_KINDS = ['vls_ts', 'temporary_card', 'multi_year_card', 'resident_card'] as const satisfies readonly PermitKind[];

export const DECISION_KINDS = ['favourable', 'refusal', 'refusal_with_oqtf'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

// ——— Input ———

export interface Permit {
  readonly kind: PermitKind;
  readonly cardType: CardTypeId;
  /** First day of validity. */
  readonly validFrom: IsoDate;
  /** Last day of validity (the expiry date E of the rules). */
  readonly validUntil: IsoDate;
}

export interface DocumentRequest {
  readonly requestedOn: IsoDate;
  /** The date the préfecture gave to send the documents. */
  readonly dueOn: IsoDate;
  readonly answeredOn?: IsoDate;
}

export interface Decision {
  readonly kind: DecisionKind;
  readonly notifiedOn: IsoDate;
}

export interface Application {
  readonly filedOn: IsoDate;
  /** The day the préfecture recorded the file as complete. */
  readonly completeOn?: IsoDate;
  readonly documentRequests?: readonly DocumentRequest[];
  readonly decision?: Decision;
  /** CRPA L.232-4: request for the reasons of an implicit rejection. */
  readonly reasonsRequestedOn?: IsoDate;
  readonly reasonsGivenOn?: IsoDate;
}

export interface DeadlineInput {
  readonly permit: Permit;
  /** Required for a VLS-TS. */
  readonly enteredFranceOn?: IsoDate;
  /** VLS-TS only. */
  readonly vlsTsValidatedOn?: IsoDate;
  readonly department: DepartmentCode;
  readonly application?: Application;
  /** The current day in Europe/Paris (see `todayInParis`). */
  readonly today: IsoDate;
}

/**
 * The same shape with free strings where the engine expects known values: what the HTTP layer
 * hands to `validateDeadlineInput` / `parseDeadlineInput`.
 */
export interface UncheckedDeadlineInput {
  readonly permit: { readonly kind: string; readonly cardType: string; readonly validFrom: string; readonly validUntil: string };
  readonly enteredFranceOn?: string;
  readonly vlsTsValidatedOn?: string;
  readonly department: string;
  readonly application?: {
    readonly filedOn: string;
    readonly completeOn?: string;
    readonly documentRequests?: readonly { readonly requestedOn: string; readonly dueOn: string; readonly answeredOn?: string }[];
    readonly decision?: { readonly kind: string; readonly notifiedOn: string };
    readonly reasonsRequestedOn?: string;
    readonly reasonsGivenOn?: string;
  };
  readonly today: string;
}

// ——— Output ———

/** Legal deadlines, the ANEF reminders that Sejour also sends, and Sejour's own reminders. */
export const DATE_KINDS = {
  vls_ts_validation_deadline: 'legal',
  application_window_opens: 'legal',
  application_window_closes: 'legal',
  late_fee_applies_from: 'legal',
  entry_conditions_again_from: 'legal',
  tacit_refusal_on: 'legal',
  recourse_deadline: 'legal',
  reasons_request_deadline: 'legal',
  reasons_answer_due: 'legal',
  reminder_4_months: 'reminder',
  reminder_2_months_1_week: 'reminder',
  window_closing_warning: 'sejour_reminder',
  vls_ts_validation_reminder: 'sejour_reminder',
  attestation_expiry_reminder: 'sejour_reminder',
} as const;

export type DateId = keyof typeof DATE_KINDS;
export type DateKind = (typeof DATE_KINDS)[DateId];
export const DATE_IDS = Object.keys(DATE_KINDS) as readonly DateId[];
export const DATE_KIND_VALUES = ['legal', 'reminder', 'sejour_reminder'] as const satisfies readonly DateKind[];

/** Reminders are sent at this local time, Europe/Paris (policy 3). */
export const REMINDER_LOCAL_TIME = '09:00';

export interface LocalizedText {
  readonly fr: string;
  readonly en: string;
}

export interface LegalDate {
  readonly id: DateId;
  readonly on: IsoDate;
  readonly kind: DateKind;
  readonly ruleId: RuleId;
  readonly citation: string;
  readonly confidence: Confidence;
  readonly explanation: LocalizedText;
  /** Court deadlines: the franc last day when it was moved to the next working day. */
  readonly rolledForwardFrom?: IsoDate;
  /** Court deadlines: an earlier last day under another reading of the month rule (safety margin). */
  readonly saferOn?: IsoDate;
}

export const COVERAGE_DOCUMENTS = [
  'permit',
  'prolongation_attestation',
  'favourable_decision_attestation',
  'grace_period',
  'none',
] as const;
export type CoverageDocument = (typeof COVERAGE_DOCUMENTS)[number];

export interface CoveragePeriod {
  readonly from: IsoDate;
  /** Last day, included. Absent on a final open-ended period. */
  readonly until?: IsoDate;
  readonly document: CoverageDocument;
  readonly ruleId: RuleId;
}

export interface TodayCoverage {
  readonly on: IsoDate;
  readonly covered: boolean;
  readonly document: CoverageDocument;
  /** Last day of the period containing today, when it has one. */
  readonly until?: IsoDate;
  readonly ruleId: RuleId;
}

export const FILING_STATUSES = ['not_filed', 'in_time', 'late', 'very_late'] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];

export interface Filing {
  readonly status: FilingStatus;
  /** The filing date, or today when nothing is filed yet (the day fees are priced on). */
  readonly assessedOn: IsoDate;
}

export const FEE_IDS = ['residence_tax', 'stamp_duty', 'late_renewal_fee', 'vls_ts_validation_tax'] as const;
export type FeeId = (typeof FEE_IDS)[number];

export interface Fee {
  readonly id: FeeId;
  readonly amountEur: number;
  readonly ruleId: RuleId;
  readonly citation: string;
  /** First day of the version of the rule that sets the amount. */
  readonly effectiveFrom: IsoDate;
  /** False for amounts reported but not verified (the 2026 finance law, policy 8). */
  readonly confirmed: boolean;
  readonly confidence: Confidence;
  readonly label: LocalizedText;
}

export const WARNING_CODES = [
  'window_closing',
  'filing_late',
  'entry_conditions_again',
  'vls_ts_not_validated',
  'vls_ts_validated_late',
  'tacit_refusal_on_incomplete_file',
  'reasons_requested_too_late',
  'recourse_extended_until_reasons_given',
  'recourse_month_end_ambiguity',
  'fees_unconfirmed',
  'rule_version_missing',
  'events_after_today',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export interface DeadlineWarning {
  readonly code: WarningCode;
  readonly ruleId: RuleId;
  readonly params: Readonly<Record<string, string | number>>;
  readonly message: LocalizedText;
}

export interface DeadlineResult {
  /** Every date that applies, in date order. */
  readonly dates: readonly LegalDate[];
  /** Consecutive, non-overlapping periods from the permit's first day. */
  readonly coverage: readonly CoveragePeriod[];
  readonly today: TodayCoverage;
  readonly filing: Filing;
  /** Filed after the window; when nothing is filed yet, whether filing today would be late. */
  readonly late: boolean;
  readonly fees: readonly Fee[];
  readonly feesTotalEur: number;
  readonly warnings: readonly DeadlineWarning[];
}

// ——— Validation ———

export const VALIDATION_CODES = [
  'required',
  'invalid_date',
  'impossible_date',
  'out_of_range',
  'unknown_permit_kind',
  'unknown_card_type',
  'unknown_department',
  'unknown_decision_kind',
  'permit_ends_before_start',
  'vls_ts_longer_than_one_year',
  'only_for_vls_ts',
  'entered_outside_permit',
  'validated_before_entry',
  'validated_after_expiry',
  'filed_before_permit',
  'filed_before_window',
  'complete_before_filed',
  'complete_after_decision',
  'request_before_filed',
  'request_after_decision',
  'due_before_request',
  'answer_before_request',
  'decision_before_filed',
  'reasons_without_tacit_refusal',
  'reasons_before_tacit_refusal',
  'reasons_given_without_request',
  'reasons_given_before_request',
] as const;
export type ValidationCode = (typeof VALIDATION_CODES)[number];

export interface ValidationIssue {
  /** Dotted path of the offending field, e.g. `application.documentRequests[1].answeredOn`. */
  readonly field: string;
  readonly code: ValidationCode;
  readonly params?: Readonly<Record<string, string | number>>;
}
