/**
 * What the application costs (legal-rules.md §7, policy 8), with the amounts in force on the
 * filing day (or today when nothing is filed yet). Each fee names its rule, the version's first
 * day and whether the amount is confirmed; the 2026 finance-law amounts are not.
 */
import type { EpochDay } from '../calendar/epoch-day';
import { CARD_TYPES } from '../rules/card-types';
import type { Confidence } from '../rules/rule';
import type { Facts } from './facts';
import { feeLabel } from './messages';
import type { RuleBook } from './rule-book';
import type { Fee, FeeId, RuleId } from './types';

const CONFIDENCE_RANK: Readonly<Record<Confidence, number>> = { low: 0, medium: 1, high: 2 };

function lowerConfidence(a: Confidence, b: Confidence): Confidence {
  return CONFIDENCE_RANK[a] <= CONFIDENCE_RANK[b] ? a : b;
}

interface Source {
  readonly citation: string;
  readonly confirmed: boolean;
  readonly confidence: Confidence;
}

interface AmountSource extends Source {
  readonly effectiveFrom: string;
}

/** A fee whose amount comes from `amount`'s rule version, also resting on `supporting` sources. */
function fee(id: FeeId, ruleId: RuleId, amountEur: number, amount: AmountSource, ...supporting: readonly Source[]): Fee {
  let { citation, confirmed, confidence } = amount;
  for (const source of supporting) {
    citation += ` ; ${source.citation}`;
    confirmed &&= source.confirmed;
    confidence = lowerConfidence(confidence, source.confidence);
  }
  return { id, amountEur, ruleId, citation, effectiveFrom: amount.effectiveFrom, confirmed, confidence, label: feeLabel(id) };
}

/**
 * @param late the application is (or, when not filed yet, would be today) after the window.
 * @param feeDay the filing day, or today when nothing is filed.
 */
export function applicableFees(facts: Facts, late: boolean, feeDay: EpochDay, book: RuleBook): Fee[] {
  const cardType = CARD_TYPES[facts.cardType];
  const rateRuleId = cardType.taxRate === 'standard' ? 'R-70' : 'R-71';
  // The card type's legal basis decides the rate: its citation and confidence go with the tax.
  const basis: Source = { citation: cardType.basis, confirmed: true, confidence: cardType.confidence };

  const rate = book.use(rateRuleId, feeDay);
  // The first card after a VLS-TS is a first issue; every other application a renewal.
  const taxEur = facts.kind === 'vls_ts' ? rate.params.firstIssueEur : rate.params.renewalEur;
  const stamp = book.use('R-73', feeDay);
  const fees = [fee('residence_tax', rateRuleId, taxEur, rate, basis), fee('stamp_duty', 'R-73', stamp.params.amountEur, stamp)];

  if (late) {
    const lateFee = book.use('R-76', feeDay);
    // a VLS-TS holder's application counts as a renewal, so the late fee applies too.
    fees.push(
      facts.kind === 'vls_ts'
        ? fee('late_renewal_fee', 'R-18', lateFee.params.amountEur, lateFee, book.use('R-18', feeDay))
        : fee('late_renewal_fee', 'R-76', lateFee.params.amountEur, lateFee),
    );
  }

  if (facts.kind === 'vls_ts' && facts.validated === undefined) {
    // Validating now costs the first-issue tax of the card the visa replaces.
    const validationRate = book.use(rateRuleId, facts.today);
    fees.push(
      fee('vls_ts_validation_tax', 'R-77', validationRate.params.firstIssueEur, validationRate, book.use('R-77', facts.today), basis),
    );
  }
  return fees;
}
