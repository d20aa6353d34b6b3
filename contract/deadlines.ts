/**
 * HTTP contract of the deadline engine: what a client sends (a permit, the application if any)
 * and what it gets back (the dates with their rule, citation and explanation, the coverage
 * timeline, fees and warnings). Plain JSON Schemas (no `$id`), with descriptions and examples,
 * built from the domain's own lists of values so that the two cannot drift apart.
 *
 * Semantic errors (an impossible date, filing before the window opens, …) come from the domain's
 * `validateDeadlineInput` as `ValidationIssue`s; the HTTP layer returns them in the `errors` of a
 * 400 problem (contract/problem.ts) with `in: 'body'` and the message
 * `deadlines:validation.<code>`.
 */
import { Type, type Static, type TSchema } from 'typebox';
import { DEPARTMENT_PATTERN } from '../domain/departments';
import {
  COVERAGE_DOCUMENTS,
  DATE_IDS,
  DATE_KIND_VALUES,
  DECISION_KINDS,
  FEE_IDS,
  FILING_STATUSES,
  PERMIT_KINDS,
  VALIDATION_CODES,
  WARNING_CODES,
} from '../domain/deadlines/types';
import { CARD_TYPE_IDS } from '../domain/rules/card-types';
import { RULE_IDS } from '../domain/rules/legal-rules';
import { CONFIDENCE_LEVELS } from '../domain/rules/rule';

/** Shape only; the calendar (no 30 February) is checked by the domain's validation. */
const ISO_DATE_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';

function isoDate(description: string, example: string) {
  return Type.String({ pattern: ISO_DATE_PATTERN, description: `${description} ISO calendar date (YYYY-MM-DD), Europe/Paris.`, examples: [example] });
}

/** Optional request fields also accept `null`, meaning "not known / did not happen" (as absent). */
function orNull<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

// ——— Request ———

export const PermitSchema = Type.Object(
  {
    kind: Type.Enum(PERMIT_KINDS, { description: 'The document held now.', examples: ['temporary_card'] }),
    cardType: Type.Enum(CARD_TYPE_IDS, { description: 'The mention on the card (or the visa).', examples: ['salarie'] }),
    validFrom: isoDate('First day of validity.', '2026-01-01'),
    validUntil: isoDate('Last day of validity: the expiry date the rules count from.', '2026-12-31'),
  },
  { additionalProperties: false, description: 'The residence permit or VLS-TS currently held.' },
);

export const DocumentRequestSchema = Type.Object(
  {
    requestedOn: isoDate('Day the préfecture asked for missing documents.', '2026-10-01'),
    dueOn: isoDate('Day by which they were to be sent.', '2026-10-31'),
    answeredOn: Type.Optional(orNull(isoDate('Day they were sent.', '2026-10-10'))),
  },
  { additionalProperties: false, description: 'A request for missing documents; it suspends the silence period (CRPA L.114-5).' },
);

export const DecisionSchema = Type.Object(
  {
    kind: Type.Enum(DECISION_KINDS, { description: 'Favourable, refusal, or refusal with an obligation to leave (OQTF).', examples: ['refusal'] }),
    notifiedOn: isoDate('Day the decision was notified.', '2027-02-10'),
  },
  { additionalProperties: false, description: 'The explicit decision on the application.' },
);

export const ApplicationSchema = Type.Object(
  {
    filedOn: isoDate('Day the application was filed (ANEF submission).', '2026-09-15'),
    completeOn: Type.Optional(orNull(isoDate('Day the file was recorded as complete.', '2026-09-20'))),
    documentRequests: Type.Optional(Type.Array(DocumentRequestSchema, { maxItems: 50 })),
    decision: Type.Optional(orNull(DecisionSchema)),
    reasonsRequestedOn: Type.Optional(orNull(isoDate('Day the reasons for an implicit rejection were requested (CRPA L.232-4).', '2027-02-01'))),
    reasonsGivenOn: Type.Optional(orNull(isoDate('Day those reasons were given.', '2027-02-20'))),
  },
  { additionalProperties: false, description: 'The renewal (or first card after a VLS-TS) application, once filed.' },
);

export const DeadlineRequestSchema = Type.Object(
  {
    permit: PermitSchema,
    enteredFranceOn: Type.Optional(orNull(isoDate('Day of entry into France; required for a VLS-TS.', '2025-09-05'))),
    vlsTsValidatedOn: Type.Optional(orNull(isoDate('Day the VLS-TS was validated online (VLS-TS only).', '2025-09-20'))),
    department: Type.String({
      pattern: DEPARTMENT_PATTERN,
      description: "INSEE code of the person's département (01–95, 2A, 2B, 971–974, 976): it selects the public holidays.",
      examples: ['75', '67', '974'],
    }),
    application: Type.Optional(orNull(ApplicationSchema)),
    today: Type.Optional(orNull(isoDate('The day to compute for; defaults to the current day in Europe/Paris.', '2026-10-01'))),
  },
  {
    additionalProperties: false,
    description: "A person's situation: the document held and the application, if any.",
    examples: [
      {
        permit: { kind: 'temporary_card', cardType: 'salarie', validFrom: '2026-01-01', validUntil: '2026-12-31' },
        department: '75',
        application: { filedOn: '2026-09-15', completeOn: '2026-09-20' },
        today: '2027-02-01',
      },
    ],
  },
);
export type DeadlineRequest = Static<typeof DeadlineRequestSchema>;

type WithoutNulls<T> = T extends null
  ? never
  : T extends readonly (infer U)[]
    ? WithoutNulls<U>[]
    : T extends object
      ? { [K in keyof T as null extends T[K] ? K : never]?: WithoutNulls<Exclude<T[K], null>> } & {
          [K in keyof T as null extends T[K] ? never : K]: WithoutNulls<T[K]>;
        }
      : T;

function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== null) out[key] = dropNulls(item);
  return out;
}

/** The engine's input from a request: `null` fields become absent, `today` is filled in. */
export function toDeadlineInput(request: DeadlineRequest, today: string): WithoutNulls<DeadlineRequest> & { today: string } {
  const input = dropNulls(request) as WithoutNulls<DeadlineRequest> & { today?: string };
  return { ...input, today: input.today ?? today };
}

// ——— Response ———

export const LocalizedTextSchema = Type.Object(
  { fr: Type.String(), en: Type.String() },
  { additionalProperties: false, description: 'The same text in French (the source) and English.' },
);

const RuleIdSchema = Type.Enum(RULE_IDS, {
  description: 'Rule id of legal-rules.md (`R-xx`), a Sejour policy (`S-xx`), or `R-00` (the permit covers its own days).',
  examples: ['R-50'],
});
const ConfidenceSchema = Type.Enum(CONFIDENCE_LEVELS, { description: 'Confidence in the rule as read (legal-rules.md).' });
const CoverageDocumentSchema = Type.Enum(COVERAGE_DOCUMENTS, { description: 'What proves regular stay (`none`: nothing).' });

export const LegalDateSchema = Type.Object(
  {
    id: Type.Enum(DATE_IDS, { examples: ['recourse_deadline'] }),
    on: isoDate('The date.', '2026-03-02'),
    kind: Type.Enum(DATE_KIND_VALUES, {
      description: '`legal`: a deadline of the law; `reminder`: ANEF reminder Sejour also sends; `sejour_reminder`: Sejour’s own.',
    }),
    ruleId: RuleIdSchema,
    citation: Type.String({ description: 'The article(s).', examples: ['CJA R.421-1, R.421-5'] }),
    confidence: ConfidenceSchema,
    explanation: LocalizedTextSchema,
    rolledForwardFrom: Type.Optional(isoDate('Court deadlines: the franc last day, when it fell on a non-working day.', '2026-03-01')),
    saferOn: Type.Optional(isoDate('Court deadlines: an earlier day under another reading of the month rule.', '2028-02-29')),
  },
  { additionalProperties: false, description: 'A date that applies to the situation; dates that do not apply are absent.' },
);

export const CoveragePeriodSchema = Type.Object(
  {
    from: isoDate('First day.', '2027-01-01'),
    until: Type.Optional(isoDate('Last day, included; absent on a final open-ended period.', '2027-03-31')),
    document: CoverageDocumentSchema,
    ruleId: RuleIdSchema,
  },
  { additionalProperties: false },
);

export const TodayCoverageSchema = Type.Object(
  {
    on: isoDate('Today.', '2027-02-01'),
    covered: Type.Boolean({ description: 'Whether a document proves regular stay today.' }),
    document: CoverageDocumentSchema,
    until: Type.Optional(isoDate('Last day of the period containing today.', '2027-03-31')),
    ruleId: RuleIdSchema,
  },
  { additionalProperties: false },
);

export const FilingSchema = Type.Object(
  {
    status: Type.Enum(FILING_STATUSES, { description: 'Against the window from expiry − 120 days to expiry − 60 days (R-10).' }),
    assessedOn: isoDate('The filing day, or today when nothing is filed.', '2026-09-15'),
  },
  { additionalProperties: false },
);

export const FeeSchema = Type.Object(
  {
    id: Type.Enum(FEE_IDS),
    amountEur: Type.Integer({ minimum: 0, examples: [200] }),
    ruleId: RuleIdSchema,
    citation: Type.String(),
    effectiveFrom: isoDate('First day of the version that sets the amount.', '2022-01-01'),
    confirmed: Type.Boolean({ description: 'False for amounts reported but not verified (2026 finance law).' }),
    confidence: ConfidenceSchema,
    label: LocalizedTextSchema,
  },
  { additionalProperties: false },
);

export const DeadlineWarningSchema = Type.Object(
  {
    code: Type.Enum(WARNING_CODES),
    ruleId: RuleIdSchema,
    params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), { description: 'Values in the message (dates as ISO).' }),
    message: LocalizedTextSchema,
  },
  { additionalProperties: false },
);

export const DeadlineResponseSchema = Type.Object(
  {
    dates: Type.Array(LegalDateSchema, { description: 'Every date that applies, in date order.' }),
    coverage: Type.Array(CoveragePeriodSchema, { description: 'Consecutive, non-overlapping periods from the permit’s first day.' }),
    today: TodayCoverageSchema,
    filing: FilingSchema,
    late: Type.Boolean({ description: 'Filed after the window; when nothing is filed, whether filing today would be late.' }),
    fees: Type.Array(FeeSchema),
    feesTotalEur: Type.Integer({ minimum: 0 }),
    warnings: Type.Array(DeadlineWarningSchema),
  },
  { additionalProperties: false, description: 'Deadlines, coverage, fees and warnings for the situation. Not legal advice.' },
);
export type DeadlineResponse = Static<typeof DeadlineResponseSchema>;

// ——— Validation issues ———

export const ValidationIssueSchema = Type.Object(
  {
    field: Type.String({ description: 'Dotted path of the field.', examples: ['application.filedOn'] }),
    code: Type.Enum(VALIDATION_CODES, { examples: ['filed_before_window'] }),
    params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), { examples: [{ opensOn: '2026-09-02' }] })),
  },
  { additionalProperties: false, description: 'A semantic error of the request, from `validateDeadlineInput`.' },
);
export type ValidationIssueBody = Static<typeof ValidationIssueSchema>;
