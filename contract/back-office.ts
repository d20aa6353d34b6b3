/**
 * The back office's API (docs/adr/0014-back-office-queue.md): the work queue, the case file and
 * the agent's actions. Shared by the server's route schemas and the web pages.
 */
import { Type, type Static } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const IsoDate = Type.String({ format: 'date' });

export const APPLICATION_STATUSES = ['submitted', 'documents_requested', 'complete', 'decided_favourable', 'refused', 'withdrawn'] as const;
export const QUEUE_SORT_VALUES = ['filed_on', '-filed_on', 'tacit_refusal_on', '-tacit_refusal_on', 'reference'] as const;

export const QueueQuerySchema = Type.Object(
  {
    prefectureId: Type.Optional(Type.String({ format: 'uuid' })),
    status: Type.Optional(Type.Array(Type.Union(APPLICATION_STATUSES.map((s) => Type.Literal(s))), { maxItems: 6 })),
    cardType: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z0-9_]{1,40}$' }), { maxItems: 20 })),
    waitingAtLeast: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650, description: 'Filed at least this many days ago.' })),
    tacitWithin: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650, description: 'Implicit rejection within this many days (or past).' })),
    filing: Type.Optional(Type.Union([Type.Literal('in_time'), Type.Literal('late')])),
    overdue: Type.Optional(Type.Boolean({ description: 'Only requests for documents past their due date.' })),
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Name prefix, reference (SEJ-…) or numéro d’étranger (9–10 digits).' })),
    assigned: Type.Optional(Type.Union([Type.Literal('me'), Type.Literal('none')], { description: 'Cases assigned to me, or to nobody.' })),
    flagged: Type.Optional(Type.Boolean({ description: 'Only cases with a raised flag of the daily check (docs/adr/0019).' })),
    sort: Type.Union(QUEUE_SORT_VALUES.map((s) => Type.Literal(s)), { default: 'filed_on' }),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 25 }),
    offset: Type.Integer({ minimum: 0, maximum: 10_000, default: 0 }),
  },
  { additionalProperties: false },
);
export type QueueQuery = Static<typeof QueueQuerySchema>;

const TacitRefusalSchema = Nullable(
  Type.Object({ on: IsoDate, ruleId: Type.String(), citation: Type.String(), daysLeft: Type.Integer() }),
);
const CurrentDocumentSchema = Type.Object({
  kind: Type.String(),
  until: Nullable(IsoDate),
  covered: Type.Boolean(),
  ruleId: Type.String(),
  lapsesSoon: Type.Boolean(),
});
const ClockSchema = Type.Object({
  daysSinceFiling: Type.Integer(),
  tacitRefusal: TacitRefusalSchema,
  currentDocument: CurrentDocumentSchema,
  openRequestDueOn: Nullable(IsoDate),
  overdue: Type.Boolean(),
});

export const QueuePageSchema = Type.Object({
  rows: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      reference: Type.String(),
      status: Type.String(),
      cardType: Type.String(),
      filedOn: IsoDate,
      filingStatus: Type.String(),
      late: Type.Boolean(),
      prefecture: Type.Object({ id: Type.String(), departementCode: Type.String() }),
      applicant: Type.Object({ surname: Nullable(Type.String()), givenNames: Nullable(Type.String()), foreignerNumber: Nullable(Type.String()) }),
      clock: ClockSchema,
      assignee: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
      flags: Type.Array(Type.String({ description: 'Raised flags: document_lapses, tacit_refusal_30, tacit_refusal_7, request_overdue.' })),
    }),
  ),
  nextOffset: Nullable(Type.Integer()),
});
export type QueuePage = Static<typeof QueuePageSchema>;

export const CaseFileSchema = Type.Object({
  application: Type.Object({
    id: Type.String(),
    reference: Type.String(),
    status: Type.String(),
    cardType: Type.String(),
    filedOn: IsoDate,
    filingStatus: Type.String(),
    late: Type.Boolean(),
    completeOn: Nullable(IsoDate),
    decidedOn: Nullable(IsoDate),
    answers: Type.Record(Type.String(), Type.Union([Type.Boolean(), Type.String()])),
    updatedAt: Type.String({ format: 'date-time' }),
    prefecture: Type.Object({ id: Type.String(), departementCode: Type.String(), name: Type.String() }),
  }),
  applicant: Type.Object({
    surname: Nullable(Type.String()),
    givenNames: Nullable(Type.String()),
    birthDate: Nullable(Type.String()),
    birthPlace: Nullable(Type.String()),
    nationality: Nullable(Type.String()),
    address: Nullable(Type.String()),
    email: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    foreignerNumber: Nullable(Type.String()),
  }),
  permits: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Type.String(),
      cardType: Type.String(),
      number: Nullable(Type.String()),
      validFromOn: IsoDate,
      validUntilOn: IsoDate,
      current: Type.Boolean(),
    }),
  ),
  documents: Type.Array(
    Type.Object({
      id: Type.String(),
      checklistItemId: Type.String(),
      filename: Type.String(),
      mediaType: Type.String(),
      sizeBytes: Type.Integer(),
      state: Type.String(),
      addedAfterFiling: Type.Boolean(),
      uploadedAt: Type.String(),
    }),
  ),
  requests: Type.Array(
    Type.Object({
      id: Type.String(),
      items: Type.Array(Type.String()),
      requestedOn: IsoDate,
      dueOn: IsoDate,
      answeredOn: Nullable(IsoDate),
      open: Type.Boolean(),
      overdue: Type.Boolean(),
    }),
  ),
  attestations: Type.Array(
    Type.Object({ id: Type.String(), kind: Type.String(), issuedOn: IsoDate, validUntilOn: Nullable(IsoDate), superseded: Type.Boolean() }),
  ),
  /** The person's reminders that could not be delivered after every retry, newest first (at most 20). */
  failedDeliveries: Type.Array(Type.Object({ kind: Type.String(), channel: Type.String(), dueOn: IsoDate, attempts: Type.Integer() })),
  /** The applicant's message threads about this application (issue 8), latest first. */
  messageThreads: Type.Array(Type.Object({ id: Type.String(), reference: Type.String(), status: Type.String(), dueOn: IsoDate, lastMessageAt: Type.String({ format: 'date-time' }) })),
  history: Type.Array(
    Type.Object({
      sequence: Type.Integer(),
      event: Type.String(),
      statusFrom: Nullable(Type.String()),
      statusTo: Type.String(),
      actorKind: Type.String(),
      actorName: Nullable(Type.String()),
      at: Type.String(),
      details: Type.Record(Type.String(), Type.Unknown()),
    }),
  ),
  clock: Nullable(
    Type.Object({
      daysSinceFiling: Type.Integer(),
      tacitRefusal: TacitRefusalSchema,
      currentDocument: CurrentDocumentSchema,
      openRequestDueOn: Nullable(IsoDate),
      overdue: Type.Boolean(),
      dates: Type.Array(
        Type.Object({ id: Type.String(), on: IsoDate, kind: Type.String(), ruleId: Type.String(), citation: Type.String(), explanation: Type.String() }),
      ),
    }),
  ),
  allowedActions: Type.Array(Type.String()),
  assignment: Type.Object({
    assignee: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
    assignedAt: Nullable(Type.String({ format: 'date-time' })),
    /** The agents and supervisors of the préfecture, to assign the case to. */
    colleagues: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  }),
  /** The agent's block on the automatic attestations de prolongation, if any. */
  prolongationBlock: Nullable(Type.Object({ reason: Type.String(), blockedAt: Type.String({ format: 'date-time' }), blockedBy: Nullable(Type.String()) })),
  flags: Type.Array(Type.Object({ kind: Type.String(), raisedOn: IsoDate, aboutOn: Nullable(IsoDate) })),
});
export type CaseFile = Static<typeof CaseFileSchema>;

const Expected = { expectedUpdatedAt: Type.Optional(Type.String({ format: 'date-time', description: 'The `updatedAt` the agent saw; 409 `application_changed` if the case moved since.' })) };

export const RequestDocumentsBodySchema = Type.Object(
  {
    items: Type.Array(Type.String({ pattern: '^[a-z0-9_]{1,64}$' }), { minItems: 1, maxItems: 30 }),
    dueOn: IsoDate,
  },
  { additionalProperties: false },
);
export const ActionBodySchema = Type.Object(Expected, { additionalProperties: false });
export const RefuseBodySchema = Type.Object(
  {
    reasons: Type.Array(Type.String({ minLength: 10, maxLength: 4000 }), { minItems: 1, maxItems: 20, description: 'The written reasons, one paragraph each.' }),
    ...Expected,
  },
  { additionalProperties: false },
);
export const ActionResultSchema = Type.Object({ applicationId: Type.String(), status: Type.String() });

export const AssignBodySchema = Type.Object(
  {
    assigneeId: Type.Union([Type.String({ format: 'uuid' }), Type.Literal('me'), Type.Null()], { description: "`me`, a colleague's id (same préfecture), or null to take the assignment off." }),
    ...Expected,
  },
  { additionalProperties: false },
);
export const BlockProlongationBodySchema = Type.Object(
  {
    reason: Type.String({ minLength: 1, maxLength: 2000, description: 'Why the automatic attestation is held back (at least 20 characters); the supervisor reads it.' }),
    ...Expected,
  },
  { additionalProperties: false },
);
export const CaseActResultSchema = Type.Object({ applicationId: Type.String(), status: Type.String(), updatedAt: Type.String({ format: 'date-time' }) });

export const DashboardQuerySchema = Type.Object({ prefectureId: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
export const DashboardSchema = Type.Object({
  prefectureId: Type.String(),
  today: IsoDate,
  backlog: Type.Array(Type.Object({ status: Type.String(), count: Type.Integer() })),
  processing: Type.Object({
    windowDays: Type.Integer(),
    decisions: Type.Integer({ description: 'Decisions taken in the window.' }),
    medianDays: Nullable(Type.Integer({ description: 'Days from filing to decision, nearest-rank median.' })),
    p90Days: Nullable(Type.Integer({ description: '90th percentile (nearest rank).' })),
  }),
  flagged: Type.Array(Type.Object({ applicationId: Type.String(), reference: Type.String(), kind: Type.String(), raisedOn: IsoDate, aboutOn: Nullable(IsoDate) })),
  blockedProlongations: Type.Array(
    Type.Object({ applicationId: Type.String(), reference: Type.String(), reason: Type.String(), blockedAt: Type.String({ format: 'date-time' }), blockedBy: Nullable(Type.String()) }),
  ),
  notices: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), applicationId: Nullable(Type.String()), createdAt: Type.String({ format: 'date-time' }), read: Type.Boolean() })),
  postalMail: Type.Object(
    {
      toPost: Type.Integer({ description: 'Letters to people without email waiting to be printed and posted (docs/adr/0020).' }),
      oldestCreatedAt: Nullable(Type.String({ format: 'date-time', description: 'When the oldest of them was queued.' })),
    },
    { description: 'The help desk’s letters still to post.' },
  ),
});
export type Dashboard = Static<typeof DashboardSchema>;

/** GET /api/v1/staff/prefectures: the préfectures the signed-in agent or supervisor works for. */
export const StaffPrefecturesSchema = Type.Object(
  {
    prefectures: Type.Array(
      Type.Object({ id: Type.String({ format: 'uuid' }), departementCode: Type.String(), name: Type.String() }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);
export type StaffPrefectures = Static<typeof StaffPrefecturesSchema>;
