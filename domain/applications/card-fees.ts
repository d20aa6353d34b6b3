/**
 * What a card costs, for the catalogue (legal-rules.md §7, policy 8): the residence tax at the card
 * type's rate [R-70 standard, R-71 reduced] for a first issue (the first card after a VLS-TS) and
 * for a renewal, the stamp duty, and the late fee should the application be late.
 * Amounts are those in force on `day`, with the version's first day and whether it is confirmed
 * (the 2026 finance-law amounts are not).
 */
import { toEpochDay, type IsoDate } from '../calendar/epoch-day';
import { CARD_TYPES, type CardTypeId } from '../rules/card-types';
import { RULES, type RuleId } from '../rules/legal-rules';
import { versionOn, type Confidence } from '../rules/rule';

export const CARD_FEE_IDS = ['residence_tax_first_issue', 'residence_tax_renewal', 'stamp_duty', 'late_renewal_fee'] as const;
export type CardFeeId = (typeof CARD_FEE_IDS)[number];

export interface CardFee {
  readonly id: CardFeeId;
  readonly amountEur: number;
  readonly ruleId: RuleId;
  readonly citation: string;
  readonly effectiveFrom: IsoDate;
  readonly confirmed: boolean;
  readonly confidence: Confidence;
}

export function cardTypeFees(cardType: CardTypeId, day: IsoDate): CardFee[] {
  const epochDay = toEpochDay(day);
  const rateRuleId = CARD_TYPES[cardType].taxRate === 'standard' ? 'R-70' : 'R-71';
  const rate = versionOn(RULES[rateRuleId], epochDay).version;
  const stamp = versionOn(RULES['R-73'], epochDay).version;
  const late = versionOn(RULES['R-76'], epochDay).version;
  // The rate depends on the card type's legal basis: the lower confidence of the two counts.
  const rateConfidence = lowest(rate.confidence, CARD_TYPES[cardType].confidence);
  const source = (version: typeof stamp | typeof rate | typeof late) => ({
    citation: version.citation,
    effectiveFrom: version.effectiveFrom,
    confirmed: version.confirmed,
  });
  return [
    { id: 'residence_tax_first_issue', amountEur: rate.params.firstIssueEur, ruleId: rateRuleId, ...source(rate), confidence: rateConfidence },
    { id: 'residence_tax_renewal', amountEur: rate.params.renewalEur, ruleId: rateRuleId, ...source(rate), confidence: rateConfidence },
    { id: 'stamp_duty', amountEur: stamp.params.amountEur, ruleId: 'R-73', ...source(stamp), confidence: stamp.confidence },
    { id: 'late_renewal_fee', amountEur: late.params.amountEur, ruleId: 'R-76', ...source(late), confidence: late.confidence },
  ];
}

const RANK: Readonly<Record<Confidence, number>> = { low: 0, medium: 1, high: 2 };

function lowest(a: Confidence, b: Confidence): Confidence {
  return RANK[a] <= RANK[b] ? a : b;
}
