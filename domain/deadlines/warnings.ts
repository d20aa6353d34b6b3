/**
 * Warnings: what the person or the agent should know beyond the dates (policy 1 and 2, R-01,
 * unconfirmed fees, rules used outside their known versions).
 */
import { addDays, toEpochDay, type EpochDay } from '../calendar/epoch-day';
import type { DecisionOutcome } from './decision';
import type { Facts } from './facts';
import type { FilingWindow } from './filing';
import type { VlsTsValidation } from './legal-dates';
import { dateParam, plainParams, warningMessage, type MessageParams } from './messages';
import type { RuleBook } from './rule-book';
import type { DeadlineWarning, Fee, Filing, RuleId, WarningCode } from './types';

function warning(code: WarningCode, ruleId: RuleId, params: MessageParams): DeadlineWarning {
  return { code, ruleId, params: plainParams(params), message: warningMessage(code, params) };
}

export interface WarningContext {
  readonly facts: Facts;
  readonly window: FilingWindow;
  readonly filing: Filing;
  readonly late: boolean;
  readonly vlsTs: VlsTsValidation | undefined;
  readonly outcome: DecisionOutcome | undefined;
  readonly fees: readonly Fee[];
  readonly book: RuleBook;
}

/** Policy 1 and 2: the window closing, a late filing, the 6-month limit. */
function filingWarnings({ facts, window, filing, late, book }: WarningContext): DeadlineWarning[] {
  const { today, expiry } = facts;
  const warnings: DeadlineWarning[] = [];
  const closesOn = dateParam(window.closes);
  const closingFrom = addDays(expiry, -book.use('S-01', expiry).params.daysBeforeExpiry);
  if (filing.status === 'not_filed' && today >= closingFrom && today <= window.closes) warnings.push(warning('window_closing', 'S-01', { closesOn }));
  if (late) warnings.push(warning('filing_late', 'R-16', { closesOn }));
  if (filing.status === 'very_late' || (filing.status === 'not_filed' && today >= window.entryConditionsAgainFrom)) {
    warnings.push(warning('entry_conditions_again', 'R-17', { expiry: dateParam(expiry) }));
  }
  return warnings;
}

/** a VLS-TS not validated by its deadline, or validated after it. */
function vlsTsWarnings({ facts, vlsTs }: WarningContext): DeadlineWarning[] {
  if (vlsTs === undefined) return [];
  const deadline = dateParam(vlsTs.deadline);
  const { validated } = facts;
  if (validated === undefined) return facts.today > vlsTs.deadline ? [warning('vls_ts_not_validated', 'R-01', { deadline })] : [];
  return validated > vlsTs.deadline ? [warning('vls_ts_validated_late', 'R-01', { validatedOn: dateParam(validated), deadline })] : [];
}

/** R-43 on an incomplete file, R-58 on the reasons, R-62 on a month-end court deadline. */
function decisionWarnings({ facts, outcome }: WarningContext): DeadlineWarning[] {
  const warnings: DeadlineWarning[] = [];
  const tacit = outcome?.tacitRefusal;
  const complete = facts.application?.complete;
  if (tacit !== undefined && facts.today > tacit.on && (complete === undefined || complete > tacit.on)) {
    warnings.push(warning('tacit_refusal_on_incomplete_file', 'R-43', { tacitRefusalOn: dateParam(tacit.on) }));
  }
  const reasons = outcome?.reasons;
  if (reasons?.requested !== undefined && reasons.status === 'requested_too_late') {
    const deadline = dateParam(reasons.requestDeadline.lastDay);
    warnings.push(warning('reasons_requested_too_late', 'R-58', { requestedOn: dateParam(reasons.requested), deadline }));
  }
  if (reasons?.requested !== undefined && reasons.answerDue !== undefined && reasons.status === 'awaited') {
    const answerDue = dateParam(reasons.answerDue);
    warnings.push(warning('recourse_extended_until_reasons_given', 'R-58', { requestedOn: dateParam(reasons.requested), answerDue }));
  }
  const deadline = outcome?.recourse?.deadline;
  if (outcome?.recourse !== undefined && deadline?.saferLastDay !== undefined) {
    const params = { saferOn: dateParam(deadline.saferLastDay), on: dateParam(deadline.lastDay) };
    warnings.push(warning('recourse_month_end_ambiguity', outcome.recourse.ruleId, params));
  }
  return warnings;
}

/** Policy 8 (unconfirmed amounts), and rules used on a day no known version covers. */
function dataWarnings({ fees, book }: WarningContext): DeadlineWarning[] {
  const warnings: DeadlineWarning[] = [];
  const unconfirmed = fees.find((fee) => !fee.confirmed);
  if (unconfirmed !== undefined) {
    warnings.push(warning('fees_unconfirmed', unconfirmed.ruleId, { effectiveFrom: dateParam(toEpochDay(unconfirmed.effectiveFrom)) }));
  }
  for (const [ruleId, on] of book.missing) warnings.push(warning('rule_version_missing', ruleId, { ruleId, on: dateParam(on) }));
  return warnings;
}

/** S-04: events dated after today are a scenario; the person must know the dates depend on them. */
function scenarioWarnings({ facts }: WarningContext): DeadlineWarning[] {
  const { today, application } = facts;
  let latest = Math.max(facts.entered ?? today, facts.validated ?? today);
  if (application !== undefined) {
    latest = Math.max(latest, application.filed, application.complete ?? today, application.decision?.notified ?? today);
    latest = Math.max(latest, application.reasonsRequested ?? today, application.reasonsGiven ?? today);
    for (const request of application.requests) latest = Math.max(latest, request.requested, request.answered ?? today);
  }
  return latest > today ? [warning('events_after_today', 'S-04', { today: dateParam(today), latest: dateParam(latest as EpochDay) })] : [];
}

export function warningsFor(context: WarningContext): DeadlineWarning[] {
  return [
    ...scenarioWarnings(context),
    ...filingWarnings(context),
    ...vlsTsWarnings(context),
    ...decisionWarnings(context),
    ...dataWarnings(context),
  ];
}
