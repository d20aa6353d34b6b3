/**
 * The rules the deadline engine applies, transcribed from /work/shared/reference/rules.json and
 * legal-rules.md (same ids). Values live here, the computations in `domain/deadlines/`.
 * Sejour's own rules (policy decisions of legal-rules.md, not law) have ids `S-xx`; `R-00` is the
 * engine's name for "the permit covers the days printed on it". docs/legal-rules-in-code.md maps
 * every id to the code that uses it. Not legal advice: every value needs legal sign-off.
 */
import type { CardTypeId } from './card-types';
import { defineRule, type RuleVersionData } from './rule';

/** A period counted in months (month rule, R-60) or in days. */
export type Period = { readonly months: number } | { readonly days: number };

export type PermitKind = 'vls_ts' | 'temporary_card' | 'multi_year_card' | 'resident_card';

const RECODIFIED_CESEDA = '2021-05-01';
const SEJOUR_POLICY = 'Sejour policy decisions, legal-rules.md (top)';

function since<P>(
  effectiveFrom: string,
  citation: string,
  seenAt: string,
  confidence: RuleVersionData<P>['confidence'],
  params: P,
): readonly [RuleVersionData<P>] {
  return [{ effectiveFrom, citation, seenAt, confidence, confirmed: true, params }];
}

// ——— Fees (policy 8): 2022 amounts, then the reported 2026 finance-law amounts, unconfirmed. ———

const FEES_2022_UNTIL = '2026-04-30';
/** "à compter de mai 2026" (AN written question 12942): first day assumed, unconfirmed. */
const FEES_2026_FROM = '2026-05-01';
const LFI_2026 = 'Loi de finances pour 2026, art. 128 (reported; outcome of CC 2026-901 DC not verified)';
const LFI_2026_SEEN_AT = 'unafo.org; assemblee-nationale.fr QE 12942; lexbase (2026-901 DC)';

function feeVersions<P>(
  citation: string,
  seenAt: string,
  until2026: P,
  from2026: P,
): readonly [RuleVersionData<P>, RuleVersionData<P>] {
  return [
    { effectiveFrom: '2022-01-01', effectiveUntil: FEES_2022_UNTIL, citation, seenAt, confidence: 'high', confirmed: true, params: until2026 },
    { effectiveFrom: FEES_2026_FROM, citation: `${citation} ; ${LFI_2026}`, seenAt: LFI_2026_SEEN_AT, confidence: 'low', confirmed: false, params: from2026 },
  ];
}

export interface TaxAmounts {
  readonly firstIssueEur: number;
  readonly renewalEur: number;
}

export const RULES = {
  'R-00': defineRule(
    'R-00',
    'A residence permit covers its holder on the days printed on it.',
    since(RECODIFIED_CESEDA, 'CESEDA L.411-1', 'Légifrance', 'high', {}),
  ),
  'R-01': defineRule(
    'R-01',
    'A VLS-TS must be validated online within 3 months of entry; otherwise it does not cover a stay beyond 3 months.',
    since(RECODIFIED_CESEDA, 'CESEDA R.431-17', 'french-business-law.com; fb-avocat.net', 'high', { validationMonths: 3 }),
  ),
  'R-10': defineRule(
    'R-10',
    'Filing window: from the 120th to the 60th day before the current document expires, both included.',
    since(RECODIFIED_CESEDA, 'CESEDA R.431-5 1°', 'doctrine.fr; juriblio', 'high', { opensDaysBefore: 120, closesDaysBefore: 60 }),
  ),
  'R-15': defineRule(
    'R-15',
    'A renewal filed after the window is late: droit de visa de régularisation (late fee).',
    since(RECODIFIED_CESEDA, 'CESEDA L.436-5', 'doctrine.fr LEGIARTI000042776292', 'high', {}),
  ),
  'R-16': defineRule(
    'R-16',
    'The attestation de prolongation is owed only for a complete application filed within the window.',
    since(RECODIFIED_CESEDA, 'CESEDA R.431-15-1 al. 2', 'doctrine.fr; juriblio', 'high', {}),
  ),
  'R-17': defineRule(
    'R-17',
    'Filed more than 6 months after expiry: the entry conditions (visa) must be met again.',
    since(RECODIFIED_CESEDA, 'CESEDA R.431-8', 'juriblio R431-8', 'high', { monthsAfterExpiry: 6 }),
  ),
  'R-18': defineRule(
    'R-18',
    "A card application by a VLS-TS holder is treated as a renewal for the late fee.",
    since(RECODIFIED_CESEDA, 'CESEDA L.436-5, R.431-8, R.431-16 (jurisprudence de TA)', 'doctrine.fr', 'medium', {}),
  ),
  'R-19': defineRule(
    'R-19',
    'Holder of a 4-year multi-year card or a resident card who applied for renewal: the expired card proves regular stay for 3 months after expiry.',
    since(RECODIFIED_CESEDA, 'CESEDA L.433-3', 'french-business-law.com', 'high', {
      graceMonths: 3,
      eligibleKinds: ['multi_year_card', 'resident_card'] as readonly PermitKind[],
      /** "carte pluriannuelle de quatre ans": at least 48 months printed on the card. */
      minimumMultiYearValidityMonths: 48,
    }),
  ),
  'R-31': defineRule(
    'R-31',
    'Attestation de prolongation: complete in-time application pending when the document expires; 3 months, renewed until the decision.',
    since(RECODIFIED_CESEDA, 'CESEDA R.431-15-1 al. 2', 'doctrine.fr LEGIARTI000043288895; service-public F36206', 'high', {
      validityMonths: 3,
    }),
  ),
  'R-33': defineRule(
    'R-33',
    'Attestation de décision favorable: valid 3 months (service-public; the article text was not retrieved).',
    since(RECODIFIED_CESEDA, 'CESEDA R.431-15-1 dernier al.', 'service-public F36206 (2022); bladi.net (Nord prefecture)', 'medium', {
      validityMonths: 3,
    }),
  ),
  'R-41': defineRule(
    'R-41',
    'Silence on a residence-title application is an implicit rejection after 4 months (90 or 60 days for some titles, not mapped yet).',
    since(RECODIFIED_CESEDA, 'CESEDA R.432-1, R.432-2 ; CRPA L.231-4, L.231-6', 'juriblio R432-2; legi-data (CRPA)', 'high', {
      defaultPeriod: { months: 4 } as Period,
      /** Policy 6: the 90- and 60-day titles are left empty until mapped to card types. */
      periodByCardType: {} as Partial<Record<CardTypeId, Period>>,
    }),
  ),
  'R-42': defineRule(
    'R-42',
    'The silence period runs from filing and is suspended while requested documents are awaited (until answered or due).',
    since(RECODIFIED_CESEDA, 'CRPA L.114-3, L.114-5', 'legi-data (CRPA)', 'high', {}),
  ),
  'R-43': defineRule(
    'R-43',
    'Silence on a genuinely incomplete file is an implicit refusal to register it, which cannot be challenged.',
    since('2024-10-10', 'CE avis 10 oct. 2024 n° 493514 et n° 494718', 'conseil-etat.fr (ArianeWeb); infomie', 'high', {}),
  ),
  'R-50': defineRule(
    'R-50',
    'Explicit refusal without OQTF: 2 months (franc) from notification to bring the case to the tribunal administratif.',
    since(RECODIFIED_CESEDA, 'CJA R.421-1, R.421-5', 'idcite (CE n° 362568); actualitesdudroitpublic (CE n° 472836)', 'high', { months: 2 }),
  ),
  'R-53': defineRule(
    'R-53',
    'Refusal with OQTF, person free ("procédure ordinaire", decisions since 15 July 2024): 1 month (franc) from notification.',
    since('2024-07-15', 'CESEDA L.911-1 (loi 2024-42 art. 72-73 ; décret 2024-799)', 'infomie.net art. 6958; avocat-michel.com', 'medium', {
      months: 1,
    }),
  ),
  'R-56': defineRule(
    'R-56',
    'Implicit rejection: 2 months (franc) from the day it arises; an explicit rejection within that period restarts it.',
    since(RECODIFIED_CESEDA, 'CJA R.421-2', 'centaure-avocats', 'high', { months: 2 }),
  ),
  'R-58': defineRule(
    'R-58',
    'Reasons for an implicit rejection: ask within the court deadline; answer due within 1 month; deadline extended to 2 months after the reasons are given.',
    since(RECODIFIED_CESEDA, 'CRPA L.232-4', 'legi-data (CRPA)', 'high', { answerMonths: 1, extendedMonths: 2 }),
  ),
  'R-70': defineRule(
    'R-70',
    'Tax on issuing or renewing a residence title, standard rate.',
    feeVersions<TaxAmounts>('CESEDA L.436-1 al. 1', 'doctrine.fr L436-1 (version of 1 January 2022)', { firstIssueEur: 200, renewalEur: 200 }, {
      firstIssueEur: 300,
      renewalEur: 200,
    }),
  ),
  'R-71': defineRule(
    'R-71',
    'Tax on issuing or renewing a residence title, reduced rate (students, trainees, au pair, job search…).',
    feeVersions<TaxAmounts>('CESEDA L.436-1 al. 2', 'doctrine.fr L436-1; Campus France', { firstIssueEur: 50, renewalEur: 50 }, {
      firstIssueEur: 100,
      renewalEur: 50,
    }),
  ),
  'R-73': defineRule(
    'R-73',
    'Stamp duty on the issue, renewal, duplicate or change of a card.',
    feeVersions('CESEDA L.436-7', 'doctrine.fr (L436-7 quoted in a judgment)', { amountEur: 25 }, { amountEur: 50 }),
  ),
  'R-76': defineRule(
    'R-76',
    'Late renewal: droit de visa de régularisation of 180 € (except force majeure or a valid visa); not reported as changed in 2026.',
    since(RECODIFIED_CESEDA, 'CESEDA L.436-5', 'doctrine.fr LEGIARTI000042776292; Vaucluse prefecture', 'high', { amountEur: 180 }),
  ),
  'R-77': defineRule(
    'R-77',
    'Validating a VLS-TS costs the tax of the card it replaces (first-issue amount of R-70 or R-71), without stamp duty.',
    since('2022-01-01', 'CESEDA L.436-1 dernier al.', 'doctrine.fr L436-1; Campus France; CIUP', 'medium', {}),
  ),
  'R-90': defineRule(
    'R-90',
    'ANEF reminders: 4 months, and 2 months and 1 week, before the title expires.',
    since(RECODIFIED_CESEDA, 'Pratique administrative (outil PERSée, DGEF)', 'lesechos-congobrazza.com; prefectures', 'medium', {
      firstMonthsBefore: 4,
      secondMonthsBefore: 2,
      secondExtraDaysBefore: 7,
    }),
  ),
  'S-01': defineRule(
    'S-01',
    'Sejour warns that the filing window is closing from the 75th day before expiry (policy 1).',
    since(RECODIFIED_CESEDA, 'Politique Sejour 1 (R.431-5 1°)', SEJOUR_POLICY, 'high', { daysBeforeExpiry: 75 }),
  ),
  'S-02': defineRule(
    'S-02',
    'Sejour reminds a VLS-TS holder to validate it 14 days before the validation deadline (policy 3).',
    since(RECODIFIED_CESEDA, 'Politique Sejour 3 (R.431-17)', SEJOUR_POLICY, 'high', { daysBeforeDeadline: 14 }),
  ),
  'S-03': defineRule(
    'S-03',
    'Sejour reminds the holder of an attestation de décision favorable 14 days before it lapses (policy 3).',
    since(RECODIFIED_CESEDA, 'Politique Sejour 3 (R.431-15-1)', SEJOUR_POLICY, 'high', { daysBeforeEnd: 14 }),
  ),
  'S-04': defineRule(
    'S-04',
    'Sejour computes events entered with a date after today as a scenario, taken as entered, and says so.',
    since(RECODIFIED_CESEDA, 'Politique Sejour (scénarios)', SEJOUR_POLICY, 'high', {}),
  ),
} as const;

export type RuleId = keyof typeof RULES;

export const RULE_IDS = Object.keys(RULES) as readonly RuleId[];
