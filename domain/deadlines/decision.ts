/**
 * What follows a filing: the implicit rejection [R-40…R-42], the explicit decision, and the court
 * deadlines (francs, rolled forward to a working day of the person's département, policy 7):
 * refusal 2 months, refusal with OQTF 1 month, implicit rejection 2 months from
 * the day it arises, and the request for reasons of CRPA L.232-4.
 */
import { addMonths, type EpochDay } from '../calendar/epoch-day';
import { courtDeadline, type CourtDeadline } from '../calendar/legal-periods';
import type { CardTypeId } from '../rules/card-types';
import type { Confidence } from '../rules/rule';
import type { ApplicationFacts } from './facts';
import type { RuleBook } from './rule-book';
import { silencePeriodFor, tacitRefusalOf, type TacitRefusal } from './tacit-refusal';
import type { DepartmentCode } from './types';

interface Cited {
  readonly citation: string;
  readonly confidence: Confidence;
}

export interface ArisenTacitRefusal extends TacitRefusal {
  readonly months: number | undefined;
  readonly days: number | undefined;
  readonly rule: Cited;
}

export type RecourseBasis = 'refusal' | 'refusal_with_oqtf' | 'tacit_refusal' | 'after_reasons';

export interface Recourse {
  readonly basis: RecourseBasis;
  readonly ruleId: 'R-50' | 'R-53' | 'R-56' | 'R-58';
  readonly rule: Cited;
  /** The notification, the day the implicit rejection arose, or the day reasons were given. */
  readonly trigger: EpochDay;
  readonly months: number;
  readonly deadline: CourtDeadline;
}

/** CRPA L.232-4, while the implicit rejection is the decision in force. */
export interface Reasons {
  readonly rule: Cited;
  /** The reasons may be requested until the (unextended) court deadline. */
  readonly requestDeadline: CourtDeadline;
  readonly status: 'not_requested' | 'awaited' | 'given' | 'requested_too_late';
  readonly requested: EpochDay | undefined;
  /** Requested in time: the administration answers within 1 month. */
  readonly answerDue: EpochDay | undefined;
  readonly answerMonths: number;
}

export interface DecisionOutcome {
  /** Present when the implicit rejection arises: no explicit decision notified by the end of that day. */
  readonly tacitRefusal: ArisenTacitRefusal | undefined;
  /** Absent after a favourable decision, and while requested reasons are awaited. */
  readonly recourse: Recourse | undefined;
  /** Present while the implicit rejection is the decision in force (no explicit decision). */
  readonly reasons: Reasons | undefined;
}

export function decisionOutcome(
  application: ApplicationFacts,
  cardType: CardTypeId,
  department: DepartmentCode,
  book: RuleBook,
): DecisionOutcome {
  const silence = book.use('R-41', application.filed);
  const period = silencePeriodFor(cardType, silence.params);
  const tacit = tacitRefusalOf(application.filed, period, application.requests);
  const { decision } = application;
  const tacitRefusal: ArisenTacitRefusal | undefined =
    decision === undefined || decision.notified > tacit.on
      ? {
          on: tacit.on,
          suspendedDays: tacit.suspendedDays,
          months: 'months' in period ? period.months : undefined,
          days: 'days' in period ? period.days : undefined,
          rule: silence,
        }
      : undefined;

  if (decision !== undefined) {
    if (decision.kind === 'favourable') return { tacitRefusal, recourse: undefined, reasons: undefined };
    // An explicit refusal, before or after an implicit one, opens its own deadline.
    const ruleId = decision.kind === 'refusal' ? 'R-50' : 'R-53';
    const rule = book.use(ruleId, decision.notified);
    const recourse: Recourse = {
      basis: decision.kind,
      ruleId,
      rule,
      trigger: decision.notified,
      months: rule.params.months,
      deadline: courtDeadline(decision.notified, rule.params.months, department),
    };
    return { tacitRefusal, recourse, reasons: undefined };
  }

  const r56 = book.use('R-56', tacit.on);
  const tacitRecourse: Recourse = {
    basis: 'tacit_refusal',
    ruleId: 'R-56',
    rule: r56,
    trigger: tacit.on,
    months: r56.params.months,
    deadline: courtDeadline(tacit.on, r56.params.months, department),
  };
  const reasons = reasonsFor(application, tacit.on, tacitRecourse.deadline, book);
  return { tacitRefusal, recourse: recourseWithReasons(reasons, application.reasonsGiven, tacitRecourse, department, book), reasons };
}

function reasonsFor(application: ApplicationFacts, arisen: EpochDay, requestDeadline: CourtDeadline, book: RuleBook): Reasons {
  const requested = application.reasonsRequested;
  const rule = book.use('R-58', requested ?? arisen);
  const { answerMonths } = rule.params;
  if (requested === undefined) {
    return { rule, requestDeadline, status: 'not_requested', requested, answerDue: undefined, answerMonths };
  }
  if (requested > requestDeadline.lastDay) {
    return { rule, requestDeadline, status: 'requested_too_late', requested, answerDue: undefined, answerMonths };
  }
  const status = application.reasonsGiven === undefined ? 'awaited' : 'given';
  return { rule, requestDeadline, status, requested, answerDue: addMonths(requested, answerMonths), answerMonths };
}

/**
 * Reasons requested in time extend the court deadline to 2 months after they are given;
 * while they are awaited the deadline does not run, so there is no date to show.
 */
function recourseWithReasons(
  reasons: Reasons,
  given: EpochDay | undefined,
  tacitRecourse: Recourse,
  department: DepartmentCode,
  book: RuleBook,
): Recourse | undefined {
  if (reasons.status === 'awaited') return undefined;
  if (reasons.status !== 'given' || given === undefined) return tacitRecourse;
  const extension = book.use('R-58', given);
  return {
    basis: 'after_reasons',
    ruleId: 'R-58',
    rule: extension,
    trigger: given,
    months: extension.params.extendedMonths,
    deadline: courtDeadline(given, extension.params.extendedMonths, department),
  };
}
