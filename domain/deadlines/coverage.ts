/**
 * The coverage timeline: which document proves regular stay on each day, from the permit's first
 * day. It reflects the facts of the input and assumes nothing more happens (no validation, no
 * filing, no decision) — except that a pending application stays pending, so the attestation de
 * prolongation keeps being renewed; the timeline then stops after the attestation covering today.
 *
 * Candidates, strongest first when they overlap: the permit, the attestation de décision
 * favorable, the attestations de prolongation, the L.433-3 grace period.
 * Any other day is `none`, with the rule that explains why.
 */
import { addDays, addMonths, maxDay, minDay, type EpochDay } from '../calendar/epoch-day';
import { validityLastDay } from '../calendar/legal-periods';
import type { RuleId } from '../rules/legal-rules';
import type { DecisionFacts, Facts } from './facts';
import type { RuleBook } from './rule-book';
import type { CoverageDocument, FilingStatus } from './types';

export interface Segment {
  readonly from: EpochDay;
  /** Absent on a final open-ended `none`. */
  readonly until: EpochDay | undefined;
  readonly document: CoverageDocument;
  readonly ruleId: RuleId;
}

interface Candidate {
  readonly from: EpochDay;
  readonly until: EpochDay;
  readonly document: Exclude<CoverageDocument, 'none'>;
  readonly ruleId: RuleId;
}

const RANK: Readonly<Record<Candidate['document'], number>> = {
  permit: 4,
  favourable_decision_attestation: 3,
  prolongation_attestation: 2,
  grace_period: 1,
};

export interface CoverageContext {
  readonly filingStatus: FilingStatus;
  /** VLS-TS only. */
  readonly validationDeadline: EpochDay | undefined;
}

/** The permit's own days; an unvalidated VLS-TS stops covering after its validation deadline. */
function permitCandidates(facts: Facts, validationDeadline: EpochDay | undefined): Candidate[] {
  const { validFrom, expiry, validated } = facts;
  const ruleId: RuleId = facts.kind === 'vls_ts' ? 'R-01' : 'R-00';
  const lapses = validationDeadline !== undefined && validationDeadline < expiry && (validated === undefined || validated > validationDeadline);
  if (!lapses) return [{ from: validFrom, until: expiry, document: 'permit', ruleId }];
  // Policy (R-03, medium): a late online validation makes the visa cover again from that day.
  const covered: Candidate[] = [{ from: validFrom, until: validationDeadline, document: 'permit', ruleId }];
  if (validated !== undefined) covered.push({ from: validated, until: expiry, document: 'permit', ruleId });
  return covered;
}

/**
 * Attestations de prolongation: owed for a complete application filed in time that is
 * still pending when the current document expires, from the day after expiry (or from
 * completeness if later); each valid 3 months, renewed until the decision. Periods are counted
 * from the first day, so renewals do not drift at month ends.
 */
function prolongationCandidates(facts: Facts, filingStatus: FilingStatus, coveredUntil: EpochDay, book: RuleBook): Candidate[] {
  const application = facts.application;
  if (application === undefined || filingStatus !== 'in_time' || application.complete === undefined) return [];
  const start = maxDay(addDays(facts.expiry, 1), application.complete);
  const decided = application.decision?.notified;
  if (decided !== undefined && decided <= start) return [];
  const { validityMonths } = book.use('R-31', start).params;
  // While pending, project renewals past today and past every other document's end.
  const horizon = maxDay(maxDay(facts.today, start), coveredUntil);
  const periods: Candidate[] = [];
  for (let k = 1; ; k++) {
    const from = addMonths(start, validityMonths * (k - 1));
    if (decided !== undefined && from >= decided) break;
    const lastDay = validityLastDay(start, validityMonths * k);
    const until = decided === undefined ? lastDay : minDay(lastDay, addDays(decided, -1));
    periods.push({ from, until, document: 'prolongation_attestation', ruleId: 'R-31' });
    if (decided === undefined && until >= horizon) break;
  }
  return periods;
}

/** The last day of the attestation de décision favorable made available on `notified`. */
export function favourableDecisionAttestationLastDay(notified: EpochDay, book: RuleBook): EpochDay {
  return validityLastDay(notified, book.use('R-33', notified).params.validityMonths);
}

function favourableDecisionCandidate(decision: DecisionFacts | undefined, book: RuleBook): Candidate[] {
  if (decision?.kind !== 'favourable') return [];
  const until = favourableDecisionAttestationLastDay(decision.notified, book);
  return [{ from: decision.notified, until, document: 'favourable_decision_attestation', ruleId: 'R-33' }];
}

/**
 * L.433-3: a 4-year multi-year card or a resident card whose holder applied for renewal
 * proves regular stay for 3 months after expiry (month rule from E), from the filing if later,
 * until a decision.
 */
function gracePeriodCandidate(facts: Facts, book: RuleBook): Candidate[] {
  const application = facts.application;
  if (application === undefined) return [];
  const rule = book.use('R-19', facts.expiry).params;
  const eligible =
    rule.eligibleKinds.includes(facts.kind) &&
    (facts.kind !== 'multi_year_card' || facts.expiry >= validityLastDay(facts.validFrom, rule.minimumMultiYearValidityMonths));
  if (!eligible) return [];
  const from = maxDay(addDays(facts.expiry, 1), application.filed);
  const graceEnd = addMonths(facts.expiry, rule.graceMonths);
  const decided = application.decision?.notified;
  const until = decided === undefined ? graceEnd : minDay(graceEnd, addDays(decided, -1));
  return from <= until ? [{ from, until, document: 'grace_period', ruleId: 'R-19' }] : [];
}

/** Why nothing covers `day` (a day after expiry unless a VLS-TS went unvalidated). */
function uncoveredBecause(day: EpochDay, facts: Facts, candidates: readonly Candidate[], filingStatus: FilingStatus): RuleId {
  if (day <= facts.expiry) return 'R-01';
  const decision = facts.application?.decision;
  if (decision !== undefined && decision.kind !== 'favourable' && decision.notified <= day) {
    return decision.kind === 'refusal' ? 'R-50' : 'R-53';
  }
  if (endedBefore(day, 'favourable_decision_attestation', candidates)) return 'R-33';
  if (endedBefore(day, 'grace_period', candidates)) return 'R-19';
  return filingStatus === 'late' || filingStatus === 'very_late' ? 'R-16' : 'R-31';
}

function endedBefore(day: EpochDay, document: Candidate['document'], candidates: readonly Candidate[]): boolean {
  return candidates.some((candidate) => candidate.document === document && candidate.until < day);
}

function best(day: EpochDay, candidates: readonly Candidate[]): Candidate | undefined {
  let chosen: Candidate | undefined;
  for (const candidate of candidates) {
    if (candidate.from <= day && day <= candidate.until && (chosen === undefined || RANK[candidate.document] > RANK[chosen.document])) {
      chosen = candidate;
    }
  }
  return chosen;
}

/**
 * Every day on which the covering document, or the reason nothing covers, may change: sorted,
 * once each. Besides the candidates' ends, the day after expiry and a decision day.
 */
function boundariesOf(facts: Facts, candidates: readonly Candidate[]): EpochDay[] {
  const days: EpochDay[] = [facts.validFrom, addDays(facts.expiry, 1)];
  const decided = facts.application?.decision?.notified;
  if (decided !== undefined) days.push(decided);
  for (const candidate of candidates) days.push(candidate.from, addDays(candidate.until, 1));
  days.sort((a, b) => a - b);
  return days.filter((day, index) => index === 0 || day !== days[index - 1]);
}

function extended(segment: Segment, until: EpochDay | undefined): Segment {
  return { from: segment.from, until, document: segment.document, ruleId: segment.ruleId };
}

export function coverageTimeline(facts: Facts, context: CoverageContext, book: RuleBook): Segment[] {
  const decision = facts.application?.decision;
  const others = [
    ...permitCandidates(facts, context.validationDeadline),
    ...favourableDecisionCandidate(decision, book),
    ...gracePeriodCandidate(facts, book),
  ];
  const coveredUntil = others.reduce((latest, candidate) => maxDay(latest, candidate.until), facts.expiry);
  const prolongations = prolongationCandidates(facts, context.filingStatus, coveredUntil, book);
  const candidates = [...others, ...prolongations];
  const boundaries = boundariesOf(facts, candidates);

  const segments: Segment[] = [];
  let previous: Candidate | undefined;
  boundaries.forEach((from, index) => {
    const next = boundaries[index + 1];
    const chosen = best(from, candidates);
    const until = next === undefined ? undefined : addDays(next, -1);
    const last = segments[segments.length - 1];
    if (chosen !== undefined) {
      if (last !== undefined && chosen === previous) segments[segments.length - 1] = extended(last, until);
      else segments.push({ from, until, document: chosen.document, ruleId: chosen.ruleId });
    } else {
      const ruleId = uncoveredBecause(from, facts, candidates, context.filingStatus);
      if (last?.document === 'none' && last.ruleId === ruleId) segments[segments.length - 1] = extended(last, until);
      else segments.push({ from, until, document: 'none', ruleId });
    }
    previous = chosen;
  });

  // A pending application keeps being covered by renewed attestations: no final `none`.
  const pendingProlongation = decision === undefined && prolongations.length > 0;
  const final = segments[segments.length - 1];
  if (pendingProlongation && final?.document === 'none') segments.pop();
  return segments;
}
