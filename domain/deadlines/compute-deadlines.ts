/**
 * The deadline engine: from a person's permit, application and today, every date that applies,
 * the coverage timeline, the fees and the warnings. Pure; call it with input that
 * `parseDeadlineInput` accepted (it throws on malformed dates).
 */
import { addDays, addMonths, formatIsoDate, type EpochDay } from '../calendar/epoch-day';
import { applicableFees } from './applicable-fees';
import { coverageTimeline, type Segment } from './coverage';
import { decisionOutcome } from './decision';
import { readFacts, type Facts } from './facts';
import { filingStatusOn, filingWindowFor } from './filing';
import { byDate, decisionDates, reminderDates, vlsTsDates, windowDates, type VlsTsValidation } from './legal-dates';
import { RuleBook } from './rule-book';
import type { CoveragePeriod, DeadlineInput, DeadlineResult, Filing, TodayCoverage } from './types';
import { warningsFor } from './warnings';

function toPeriod({ from, until, document, ruleId }: Segment): CoveragePeriod {
  return until === undefined
    ? { from: formatIsoDate(from), document, ruleId }
    : { from: formatIsoDate(from), until: formatIsoDate(until), document, ruleId };
}

function coverageOn(today: EpochDay, facts: Facts, segments: readonly Segment[]): TodayCoverage {
  const on = formatIsoDate(today);
  const segment = segments.find((s) => s.from <= today && (s.until === undefined || today <= s.until));
  if (segment === undefined) {
    // Before the permit's first day.
    return { on, covered: false, document: 'none', until: formatIsoDate(addDays(facts.validFrom, -1)), ruleId: 'R-00' };
  }
  const { document, ruleId, until } = segment;
  const covered = document !== 'none';
  return until === undefined ? { on, covered, document, ruleId } : { on, covered, document, until: formatIsoDate(until), ruleId };
}

/** a VLS-TS must be validated within 3 months of entry (month rule). */
function vlsTsValidationOf(facts: Facts, book: RuleBook): VlsTsValidation | undefined {
  const { entered } = facts;
  if (facts.kind !== 'vls_ts' || entered === undefined) return undefined;
  return { entered, deadline: addMonths(entered, book.use('R-01', entered).params.validationMonths) };
}

export function computeDeadlines(input: DeadlineInput): DeadlineResult {
  const facts = readFacts(input);
  const book = new RuleBook();
  const { application, today } = facts;
  const window = filingWindowFor(facts.expiry, book);

  const vlsTs = vlsTsValidationOf(facts, book);
  const outcome = application === undefined ? undefined : decisionOutcome(application, facts.cardType, facts.department, book);

  const filing: Filing =
    application === undefined
      ? { status: 'not_filed', assessedOn: formatIsoDate(today) }
      : { status: filingStatusOn(application.filed, window), assessedOn: formatIsoDate(application.filed) };
  const late = filing.status === 'not_filed' ? today > window.closes : filing.status !== 'in_time';

  const dates = [
    ...(vlsTs === undefined ? [] : vlsTsDates(facts, vlsTs, book)),
    ...windowDates(facts, window, book),
    ...(application === undefined ? reminderDates(facts, window, book) : []),
    ...(outcome === undefined ? [] : decisionDates(facts, outcome, book)),
  ].sort(byDate);

  const segments = coverageTimeline(facts, { filingStatus: filing.status, validationDeadline: vlsTs?.deadline }, book);
  const fees = applicableFees(facts, late, application?.filed ?? today, book);

  return {
    dates,
    coverage: segments.map(toPeriod),
    today: coverageOn(today, facts, segments),
    filing,
    late,
    fees,
    feesTotalEur: fees.reduce((total, fee) => total + fee.amountEur, 0),
    warnings: warningsFor({ facts, window, filing, late, vlsTs, outcome, fees, book }),
  };
}
