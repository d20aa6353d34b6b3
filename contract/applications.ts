/**
 * HTTP contract of the applicant's procedures: permits and the VLS-TS validation, the card
 * catalogue, applications with their documents and history. Built from the domain's own lists
 * (statuses, card types, checklist items…) so that the two cannot drift apart.
 *
 * State-changing calls carry `x-csrf-token` (contract/accounts.ts). Submitting an application
 * carries an `Idempotency-Key` header: a retry or a double click with the same key gets the same
 * filed application and reference back (docs/adr/0005-applications-and-documents.md).
 *
 * Documents are sent as `multipart/form-data` with one file part (any field name); their type is
 * read from the content (PDF, JPEG or PNG), never from the name or the declared type.
 */
import { Type, type Static, type TSchema } from 'typebox';
import { DEPARTMENT_PATTERN } from '../domain/departments';
import { PERMIT_KINDS } from '../domain/deadlines/types';
import { CARD_TYPE_IDS } from '../domain/rules/card-types';
import { CONFIDENCE_LEVELS } from '../domain/rules/rule';
import { RULE_IDS } from '../domain/rules/legal-rules';
import { HELP_SITUATIONS, LETTER_KINDS } from '../domain/letters/letters';
import {
  ACTOR_KINDS,
  APPLICATION_STATUSES,
  CARD_FEE_IDS,
  DOCUMENT_MEDIA_TYPES,
  EMPLOYMENT_SITUATIONS,
  FILING_CONSEQUENCES,
  FOREIGNER_NUMBER_PATTERN,
  HISTORY_EVENTS,
  QUESTION_IDS,
  REFERENCE_PATTERN,
  TAX_STAMP_INPUT_PATTERN,
  TAX_STAMP_NUMBER_PATTERN,
} from '../domain/applications/index';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const IDEMPOTENCY_KEY_PATTERN = '^[A-Za-z0-9_.:-]{8,128}$';

const ISO_DATE_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';

function isoDate(description: string, example: string) {
  return Type.String({ pattern: ISO_DATE_PATTERN, description: `${description} ISO calendar date (YYYY-MM-DD), Europe/Paris.`, examples: [example] });
}

function nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

const Uuid = Type.String({ format: 'uuid' });
const Instant = Type.String({ format: 'date-time' });

export const CardTypeIdSchema = Type.Enum(CARD_TYPE_IDS, { description: 'Card type (mention), as in GET /api/v1/card-types.', examples: ['salarie'] });
export const DepartementCodeSchema = Type.String({ pattern: DEPARTMENT_PATTERN, description: 'INSEE code of the département: 01–95, 2A, 2B, 971–974, 976.', examples: ['69'] });
export const ForeignerNumberSchema = Type.String({
  pattern: FOREIGNER_NUMBER_PATTERN,
  description: "Numéro d'étranger (AGDREF): 10 digits, or 9 for some older numbers; a string, leading zeros kept.",
  examples: ['7501234567'],
});
export const TaxStampInputSchema = Type.String({
  pattern: TAX_STAMP_INPUT_PATTERN,
  description: 'Electronic tax stamp (timbre fiscal électronique) number: 16 digits; spaces between groups are ignored.',
  examples: ['1234 5678 9012 3456'],
});
const TaxStampSchema = Type.String({ pattern: TAX_STAMP_NUMBER_PATTERN, description: 'The 16 digits, without spaces.' });
const DocumentNumberSchema = Type.String({ pattern: '^[A-Za-z0-9]{4,32}$', description: 'Number printed on the visa or card (letters and digits).' });

// ——— Permits and the VLS-TS ———

export const VLS_TS_VALIDATION_STATES = ['validated', 'possible', 'not_entered_yet', 'too_late'] as const;

export const PermitSchema = Type.Object({
  id: Uuid,
  kind: Type.Enum(PERMIT_KINDS),
  cardType: CardTypeIdSchema,
  number: nullable(Type.String()),
  validFrom: isoDate('First day of validity.', '2026-09-01'),
  validUntil: isoDate('Last day of validity.', '2027-08-31'),
  foreignerNumber: nullable(ForeignerNumberSchema),
  vlsTs: nullable(
    Type.Object(
      {
        enteredFranceOn: isoDate('Day of entry into France.', '2026-09-10'),
        validatedOn: nullable(isoDate('Day it was validated online.', '2026-09-20')),
        validation: Type.Enum(VLS_TS_VALIDATION_STATES, {
          description: '`possible` until `validationDeadline` included; `too_late` after it (contact the préfecture); `not_entered_yet` before entry.',
        }),
        validationDeadline: isoDate('Last day to validate: entry + 3 months [R-01], never after the visa ends.', '2026-12-10'),
      },
      { description: 'VLS-TS only (null for a card).' },
    ),
  ),
  createdAt: Instant,
});
export type PermitBody = Static<typeof PermitSchema>;

export const PermitListSchema = Type.Object({ items: Type.Array(PermitSchema, { description: 'Most recent expiry first.' }) });

export const RecordVlsTsBodySchema = Type.Object(
  {
    cardType: CardTypeIdSchema,
    number: Type.Optional(DocumentNumberSchema),
    validFrom: isoDate('First day of validity printed on the visa.', '2026-09-01'),
    validUntil: isoDate('Last day of validity printed on the visa.', '2027-08-31'),
    enteredFranceOn: isoDate('Day of entry into France (stamp in the passport).', '2026-09-10'),
  },
  { additionalProperties: false },
);
export type RecordVlsTsBody = Static<typeof RecordVlsTsBodySchema>;

export const AddressSchema = Type.Object(
  {
    line1: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', examples: ['12 rue des Lilas'] }),
    line2: Type.Optional(Type.String({ maxLength: 200 })),
    postalCode: Type.String({ pattern: '^\\d{5}$', examples: ['69003'] }),
    city: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', examples: ['Lyon'] }),
    departement: DepartementCodeSchema,
  },
  { additionalProperties: false, description: 'Address in France; its département decides the préfecture.' },
);

export const ValidateVlsTsBodySchema = Type.Object({ address: AddressSchema, taxStampNumber: TaxStampInputSchema }, { additionalProperties: false });
export type ValidateVlsTsBody = Static<typeof ValidateVlsTsBodySchema>;

export const VlsTsValidationSchema = Type.Object({
  permit: PermitSchema,
  foreignerNumber: ForeignerNumberSchema,
  foreignerNumberIssued: Type.Boolean({ description: 'True when the number was generated by this validation (false: the person already had one).' }),
  validatedOn: isoDate('Day of the validation.', '2026-09-20'),
  departement: DepartementCodeSchema,
});
export type VlsTsValidationBody = Static<typeof VlsTsValidationSchema>;

export const RecordCardBodySchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('temporary_card'), Type.Literal('multi_year_card'), Type.Literal('resident_card')]),
    cardType: CardTypeIdSchema,
    number: Type.Optional(DocumentNumberSchema),
    validFrom: isoDate('First day of validity printed on the card.', '2025-12-01'),
    validUntil: isoDate('Last day of validity printed on the card.', '2026-11-30'),
    foreignerNumber: ForeignerNumberSchema,
  },
  { additionalProperties: false },
);
export type RecordCardBody = Static<typeof RecordCardBodySchema>;

// ——— Card catalogue ———

const LabelledSchema = { label: Type.String({ description: "In the caller's language." }) };

export const ConditionSchema = Type.Object({
  kind: Type.Union([Type.Literal('previous_permit_is_vls_ts'), Type.Literal('answer'), Type.Literal('requested_by_prefecture')]),
  question: nullable(Type.Enum(QUESTION_IDS)),
  values: Type.Array(Type.Union([Type.Boolean(), Type.String()])),
  ...LabelledSchema,
});

export const CardDocumentSchema = Type.Object({
  id: Type.String({ examples: ['passport'] }),
  name: Type.String(),
  hint: Type.String(),
  requirement: Type.Union([Type.Literal('required'), Type.Literal('conditional')]),
  condition: nullable(ConditionSchema),
  accepts: Type.Array(Type.Enum(DOCUMENT_MEDIA_TYPES)),
  maxFiles: Type.Integer(),
  confidence: Type.Enum(CONFIDENCE_LEVELS, { description: 'Confidence in the list (CESEDA annexe 10 not reconciled yet).' }),
});

export const CardFeeSchema = Type.Object({
  id: Type.Enum(CARD_FEE_IDS),
  amountEur: Type.Number(),
  ruleId: Type.Enum(RULE_IDS),
  citation: Type.String(),
  effectiveFrom: isoDate('First day of the amount.', '2022-01-01'),
  confirmed: Type.Boolean({ description: 'False for reported, unverified amounts (2026 finance law).' }),
  confidence: Type.Enum(CONFIDENCE_LEVELS),
  ...LabelledSchema,
});

export const QuestionSchema = Type.Object({
  id: Type.Enum(QUESTION_IDS),
  kind: Type.Union([Type.Literal('boolean'), Type.Literal('choice')]),
  values: Type.Array(Type.Object({ value: Type.Union([Type.Boolean(), Type.String()]), ...LabelledSchema })),
  ...LabelledSchema,
});

export const CardTypeSchema = Type.Object({
  id: CardTypeIdSchema,
  name: Type.String({ examples: ['Salarié'] }),
  description: Type.String(),
  basis: Type.String({ description: 'Legal basis (CESEDA article).' }),
  multiYearEligible: Type.Boolean(),
  questions: Type.Array(QuestionSchema),
  documents: Type.Array(CardDocumentSchema),
  fees: Type.Array(CardFeeSchema),
});

export const CardTypeListSchema = Type.Object({
  on: isoDate('Day the fees are priced on (today).', '2026-10-01'),
  items: Type.Array(CardTypeSchema),
});
export type CardTypeListBody = Static<typeof CardTypeListSchema>;

// ——— Applications ———

export const AnswersSchema = Type.Object(
  {
    marriedOrHasChildren: Type.Optional(Type.Boolean()),
    multiYearCardRequested: Type.Optional(Type.Boolean()),
    doctoralStudent: Type.Optional(Type.Boolean()),
    employmentSituation: Type.Optional(Type.Enum(EMPLOYMENT_SITUATIONS)),
  },
  { additionalProperties: false, description: 'Answers to the card type’s situation questions (they decide the conditional documents).' },
);

export const CreateApplicationBodySchema = Type.Object(
  {
    cardType: CardTypeIdSchema,
    departement: Type.Optional(DepartementCodeSchema),
    answers: Type.Optional(AnswersSchema),
    taxStampNumber: Type.Optional(TaxStampInputSchema),
  },
  {
    additionalProperties: false,
    description: 'The département defaults to the one of the address given at the VLS-TS validation.',
  },
);
export type CreateApplicationBody = Static<typeof CreateApplicationBodySchema>;

export const UpdateApplicationBodySchema = Type.Object(
  {
    cardType: Type.Optional(CardTypeIdSchema),
    departement: Type.Optional(DepartementCodeSchema),
    answers: Type.Optional(AnswersSchema),
    taxStampNumber: Type.Optional(nullable(TaxStampInputSchema)),
  },
  { additionalProperties: false, description: 'Only a draft can be changed. `answers` replaces the previous answers; null removes the stamp number.' },
);
export type UpdateApplicationBody = Static<typeof UpdateApplicationBodySchema>;

export const CorrectDetailsBodySchema = Type.Object(
  {
    answers: AnswersSchema,
    note: Type.Optional(Type.String({ minLength: 1, maxLength: 500, pattern: '\\S', description: 'Why, in the person’s words; shown to the préfecture with the correction.' })),
  },
  {
    additionalProperties: false,
    description: 'A correction after filing: the answers given replace those of the same questions (others are kept). Recorded in the history with the old and new values.',
  },
);
export type CorrectDetailsBody = Static<typeof CorrectDetailsBodySchema>;

export const AnswerDocumentRequestParamsSchema = Type.Object({ id: Uuid, requestId: Uuid });

export const PrefectureRefSchema = Type.Object({ id: Uuid, name: Type.String(), city: Type.String(), departement: DepartementCodeSchema });

export const FilingSchema = Type.Object(
  {
    status: Type.Union([Type.Literal('too_early'), Type.Literal('in_time'), Type.Literal('late'), Type.Literal('very_late')]),
    opensOn: isoDate('First day in time (E − 120 days) [R-10].', '2026-09-02'),
    closesOn: isoDate('Last day in time (E − 60 days) [R-10].', '2026-11-01'),
    entryConditionsAgainFrom: isoDate('From this day the entry conditions apply again [R-17].', '2027-07-01'),
    consequences: Type.Array(
      Type.Object({
        code: Type.Enum(FILING_CONSEQUENCES),
        ruleIds: Type.Array(Type.Enum(RULE_IDS)),
        citation: Type.String(),
        amountEur: nullable(Type.Number()),
      }),
    ),
  },
  { description: 'For a draft: what filing today would mean. Once filed: how it was filed.' },
);

export const DocumentSchema = Type.Object({
  id: Uuid,
  checklistItemId: Type.String(),
  filename: Type.String({ description: 'The name given, sanitised, with the extension of the type found in the content.' }),
  mediaType: Type.Enum(DOCUMENT_MEDIA_TYPES, { description: 'Read from the content.' }),
  sizeBytes: Type.Integer(),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  uploadedAt: Instant,
  addedAfterFiling: Type.Boolean(),
});
export type DocumentBody = Static<typeof DocumentSchema>;

export const ChecklistEntrySchema = Type.Object({
  itemId: Type.String(),
  requirement: Type.Union([Type.Literal('required'), Type.Literal('conditional')]),
  need: Type.Union([Type.Literal('needed'), Type.Literal('not_needed'), Type.Literal('unknown')], {
    description: '`unknown` until the question the condition depends on is answered.',
  }),
  accepts: Type.Array(Type.Enum(DOCUMENT_MEDIA_TYPES)),
  maxFiles: Type.Integer(),
  documents: Type.Array(DocumentSchema),
});

export const HistoryEntrySchema = Type.Object({
  sequence: Type.Integer(),
  event: Type.Enum(HISTORY_EVENTS),
  statusFrom: nullable(Type.Enum(APPLICATION_STATUSES)),
  statusTo: Type.Enum(APPLICATION_STATUSES),
  actorKind: Type.Enum(ACTOR_KINDS),
  at: Instant,
  details: Type.Object({}, { additionalProperties: true }),
});

export const DocumentRequestSchema = Type.Object({
  id: Uuid,
  requestedOn: isoDate('Day of the request.', '2026-10-05'),
  dueOn: isoDate('Day by which to answer.', '2026-11-04'),
  answeredOn: nullable(isoDate('Day answered.', '2026-10-12')),
  items: Type.Array(Type.String(), { description: 'Checklist item ids asked for (the exact list).' }),
  open: Type.Boolean({ description: 'Awaiting an answer: answer it with POST …/document-requests/:requestId/answer.' }),
  overdue: Type.Boolean({ description: 'Answered after the due date, or still open after it. A late answer is still taken; the filing date is kept [R-20].' }),
  entries: Type.Array(
    Type.Object({
      itemId: Type.String({ examples: ['payslips'] }),
      name: Type.String({ description: 'The catalogue’s name of the item, in the caller’s language.' }),
      hint: Type.String(),
      documents: Type.Array(DocumentSchema, { description: 'Files sent for this item since the request (the answer needs at least one).' }),
    }),
    { description: 'The requested items, in the order asked, with what was sent for each.' },
  ),
});

export const ApplicationSummarySchema = Type.Object({
  id: Uuid,
  reference: nullable(Type.String({ pattern: REFERENCE_PATTERN, examples: ['SEJ-2026-7KQ2XD'] })),
  status: Type.Enum(APPLICATION_STATUSES),
  cardType: CardTypeIdSchema,
  prefecture: PrefectureRefSchema,
  filedOn: nullable(isoDate('Filing date.', '2026-10-01')),
  late: Type.Boolean(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type ApplicationSummaryBody = Static<typeof ApplicationSummarySchema>;

export const ApplicationListSchema = Type.Object({ items: Type.Array(ApplicationSummarySchema, { description: 'Newest first.' }) });

export const ApplicationSchema = Type.Object({
  ...ApplicationSummarySchema.properties,
  permit: Type.Object({ id: Uuid, kind: Type.Enum(PERMIT_KINDS), cardType: CardTypeIdSchema, validUntil: isoDate('Expiry date E.', '2026-12-31') }),
  foreignerNumber: ForeignerNumberSchema,
  answers: AnswersSchema,
  taxStampNumber: nullable(TaxStampSchema),
  filing: FilingSchema,
  completeOn: nullable(isoDate('Day recorded complete.', '2026-10-20')),
  decidedOn: nullable(isoDate('Day of the decision.', '2026-12-01')),
  submittedAt: nullable(Instant),
  help: Type.Object(
    {
      situation: nullable(Type.Enum(HELP_SITUATIONS)),
      tacitRefusalOn: nullable(isoDate('The day silence becomes an implicit rejection [R-41] (it arises at the end of that day).', '2027-02-01')),
      letters: Type.Array(Type.Enum(LETTER_KINDS), { description: 'Registered letters that fit today (GET …/letters/:kind.pdf).' }),
    },
    { description: 'When nothing works (issue 8): the help page situation (/aide?situation=…) and the letters to the préfecture.' },
  ),
  unansweredQuestions: Type.Array(Type.Enum(QUESTION_IDS)),
  missingDocuments: Type.Array(Type.String(), { description: 'Checklist items needed to file that hold no document.' }),
  checklist: Type.Array(ChecklistEntrySchema),
  documentRequests: Type.Array(DocumentRequestSchema),
  history: Type.Array(HistoryEntrySchema, { description: 'Every change, oldest first (append-only).' }),
  storage: Type.Object({
    usedBytes: Type.Integer({ description: 'Total size of the active documents.' }),
    limitBytes: Type.Integer({ description: 'Most the active documents of one application may weigh.' }),
    maxFileBytes: Type.Integer({ description: 'Largest accepted file.' }),
  }),
});
export type ApplicationBody = Static<typeof ApplicationSchema>;

export const IdempotencyHeadersSchema = Type.Object(
  {
    [IDEMPOTENCY_KEY_HEADER]: Type.String({
      pattern: IDEMPOTENCY_KEY_PATTERN,
      description: 'A key the client draws once per submission (a UUID): repeating the request with it returns the same result.',
    }),
    'x-csrf-token': Type.Optional(Type.String({ description: 'Value of the `sejour_csrf` cookie.' })),
  },
  { additionalProperties: true },
);
