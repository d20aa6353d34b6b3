/**
 * The dates of the output, each with its rule, citation, confidence and explanation.
 */
import { addDays, addMonths, formatIsoDate, type EpochDay } from '../calendar/epoch-day';
import type { CourtDeadline } from '../calendar/legal-periods';
import type { Confidence } from '../rules/rule';
import { favourableDecisionAttestationLastDay } from './coverage';
import type { DecisionOutcome, Recourse } from './decision';
import type { Facts } from './facts';
import type { FilingWindow } from './filing';
import { dateParam, durationParam, explainDate, explainRollForward, joinSentences, type ExplanationVariant, type MessageParams } from './messages';
import type { RuleBook } from './rule-book';
import { DATE_IDS, DATE_KINDS, type DateId, type LegalDate, type RuleId } from './types';

/** The VLS-TS facts behind R-01: the day of entry and the validation deadline. */
export interface VlsTsValidation {
  readonly entered: EpochDay;
  readonly deadline: EpochDay;
}

interface Cited {
  readonly citation: string;
  readonly confidence: Confidence;
}

function legalDate<Id extends DateId>(
  id: Id,
  on: EpochDay,
  ruleId: RuleId,
  rule: Cited,
  variant: ExplanationVariant<Id>,
  params: MessageParams,
): LegalDate {
  return {
    id,
    on: formatIsoDate(on),
    kind: DATE_KINDS[id],
    ruleId,
    citation: rule.citation,
    confidence: rule.confidence,
    explanation: explainDate(id, variant, on, params),
  };
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** A court deadline's date, with the roll-forward and the safer reading shown. */
function courtDate<Id extends 'recourse_deadline' | 'reasons_request_deadline'>(
  id: Id,
  deadline: CourtDeadline,
  ruleId: RuleId,
  rule: Cited,
  variant: ExplanationVariant<Id>,
  params: MessageParams,
): LegalDate {
  const date: Writable<LegalDate> = legalDate(id, deadline.lastDay, ruleId, rule, variant, params);
  if (deadline.lastDay !== deadline.francLastDay) {
    date.explanation = joinSentences(date.explanation, explainRollForward({ francLastDay: dateParam(deadline.francLastDay) }));
    date.rolledForwardFrom = formatIsoDate(deadline.francLastDay);
  }
  if (deadline.saferLastDay !== undefined) date.saferOn = formatIsoDate(deadline.saferLastDay);
  return date;
}

/** R-01 and Sejour's reminder S-02. */
export function vlsTsDates(facts: Facts, { entered, deadline: validationDeadline }: VlsTsValidation, book: RuleBook): LegalDate[] {
  const rule = book.use('R-01', entered);
  const period = durationParam(rule.params.validationMonths, 'months');
  const dates = [
    facts.validated === undefined
      ? legalDate('vls_ts_validation_deadline', validationDeadline, 'R-01', rule, 'default', { enteredOn: dateParam(entered), period })
      : legalDate('vls_ts_validation_deadline', validationDeadline, 'R-01', rule, 'validated', {
          enteredOn: dateParam(entered),
          validatedOn: dateParam(facts.validated),
          period,
        }),
  ];
  if (facts.validated === undefined) {
    const reminder = book.use('S-02', validationDeadline);
    const on = addDays(validationDeadline, -reminder.params.daysBeforeDeadline);
    dates.push(legalDate('vls_ts_validation_reminder', on, 'S-02', reminder, 'default', { deadline: dateParam(validationDeadline) }));
  }
  return dates;
}

/** the window and what filing after it means. */
export function windowDates(facts: Facts, window: FilingWindow, book: RuleBook): LegalDate[] {
  const expiry = dateParam(facts.expiry);
  const r10 = book.use('R-10', facts.expiry);
  const r17 = book.use('R-17', facts.expiry);
  const lateFee = book.use('R-76', window.lateFrom);
  return [
    legalDate('application_window_opens', window.opens, 'R-10', r10, 'default', {
      expiry,
      days: durationParam(r10.params.opensDaysBefore, 'days'),
    }),
    legalDate('application_window_closes', window.closes, 'R-10', r10, 'default', {
      expiry,
      days: durationParam(r10.params.closesDaysBefore, 'days'),
    }),
    legalDate('late_fee_applies_from', window.lateFrom, 'R-15', book.use('R-15', facts.expiry), 'default', {
      amount: lateFee.params.amountEur,
    }),
    legalDate('entry_conditions_again_from', window.entryConditionsAgainFrom, 'R-17', r17, 'default', {
      expiry,
      period: durationParam(r17.params.monthsAfterExpiry, 'months'),
    }),
  ];
}

/** R-90 and Sejour's S-01, while nothing is filed. */
export function reminderDates(facts: Facts, window: FilingWindow, book: RuleBook): LegalDate[] {
  const expiry = dateParam(facts.expiry);
  const closesOn = dateParam(window.closes);
  const anef = book.use('R-90', facts.expiry);
  const closing = book.use('S-01', facts.expiry);
  const { firstMonthsBefore, secondMonthsBefore, secondExtraDaysBefore } = anef.params;
  return [
    legalDate('reminder_4_months', addMonths(facts.expiry, -firstMonthsBefore), 'R-90', anef, 'default', {
      expiry,
      period: durationParam(firstMonthsBefore, 'months'),
      opensOn: dateParam(window.opens),
    }),
    legalDate('reminder_2_months_1_week', addDays(addMonths(facts.expiry, -secondMonthsBefore), -secondExtraDaysBefore), 'R-90', anef, 'default', {
      expiry,
      closesOn,
    }),
    legalDate('window_closing_warning', addDays(facts.expiry, -closing.params.daysBeforeExpiry), 'S-01', closing, 'default', { closesOn }),
  ];
}

function recourseDate(recourse: Recourse): LegalDate {
  const period = durationParam(recourse.months, 'months');
  const trigger = dateParam(recourse.trigger);
  const { deadline, ruleId, rule } = recourse;
  switch (recourse.basis) {
    case 'refusal':
    case 'refusal_with_oqtf':
      return courtDate('recourse_deadline', deadline, ruleId, rule, recourse.basis, { notifiedOn: trigger, period });
    case 'tacit_refusal':
      return courtDate('recourse_deadline', deadline, ruleId, rule, 'tacit_refusal', { tacitRefusalOn: trigger, period });
    case 'after_reasons':
      return courtDate('recourse_deadline', deadline, ruleId, rule, 'after_reasons', { reasonsGivenOn: trigger, period });
  }
}

/** the court deadlines and R-58. */
export function decisionDates(facts: Facts, outcome: DecisionOutcome, book: RuleBook): LegalDate[] {
  const application = facts.application;
  if (application === undefined) return [];
  const dates: LegalDate[] = [];
  const { tacitRefusal, recourse, reasons } = outcome;
  if (tacitRefusal !== undefined) {
    const period =
      tacitRefusal.months === undefined ? durationParam(tacitRefusal.days ?? 0, 'days') : durationParam(tacitRefusal.months, 'months');
    const filedOn = dateParam(application.filed);
    dates.push(
      tacitRefusal.suspendedDays === 0
        ? legalDate('tacit_refusal_on', tacitRefusal.on, 'R-41', tacitRefusal.rule, 'default', { filedOn, period })
        : legalDate(
            'tacit_refusal_on',
            tacitRefusal.on,
            'R-41',
            {
              citation: `${tacitRefusal.rule.citation} ; ${book.use('R-42', application.filed).citation}`,
              confidence: tacitRefusal.rule.confidence,
            },
            'with_suspension',
            { filedOn, period, suspension: durationParam(tacitRefusal.suspendedDays, 'days') },
          ),
    );
  }
  if (recourse !== undefined) dates.push(recourseDate(recourse));
  if (reasons !== undefined && tacitRefusal !== undefined) {
    dates.push(
      courtDate('reasons_request_deadline', reasons.requestDeadline, 'R-58', reasons.rule, 'default', {
        tacitRefusalOn: dateParam(tacitRefusal.on),
      }),
    );
    if (reasons.answerDue !== undefined && reasons.requested !== undefined) {
      dates.push(
        legalDate('reasons_answer_due', reasons.answerDue, 'R-58', reasons.rule, 'default', {
          requestedOn: dateParam(reasons.requested),
          period: durationParam(reasons.answerMonths, 'months'),
        }),
      );
    }
  }
  const decision = application.decision;
  if (decision?.kind === 'favourable') {
    const until = favourableDecisionAttestationLastDay(decision.notified, book);
    const reminder = book.use('S-03', until);
    const on = addDays(until, -reminder.params.daysBeforeEnd);
    dates.push(legalDate('attestation_expiry_reminder', on, 'S-03', reminder, 'default', { until: dateParam(until) }));
  }
  return dates;
}

/** Same-day dates keep the order of DATE_IDS. */
const DATE_ORDER = Object.fromEntries(DATE_IDS.map((id, index) => [id, index])) as Readonly<Record<DateId, number>>;

export function byDate(a: LegalDate, b: LegalDate): number {
  if (a.on !== b.on) return a.on < b.on ? -1 : 1;
  return DATE_ORDER[a.id] - DATE_ORDER[b.id];
}
