/** Messaging between applicants and their préfecture (docs/adr/0017-messaging.md). */
import { Type, type Static } from 'typebox';

const Instant = Type.String({ format: 'date-time' });
const IsoDate = Type.String({ format: 'date' });
const Uuid = Type.String({ format: 'uuid' });

export const MESSAGE_BODY_MAX = 5000;

export const ContactSchema = Type.Object(
  {
    helpline: Type.Object({ phone: Type.String(), hours: Type.String() }, { additionalProperties: false }),
    prefecture: Type.Union([
      Type.Object({ name: Type.String(), departementCode: Type.String(), phone: Type.Union([Type.String(), Type.Null()]), answerWorkingDays: Type.Integer() }, { additionalProperties: false }),
      Type.Null(),
    ], { description: 'The signed-in applicant’s préfecture (from their address, like applications); null otherwise.' }),
    categories: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          label: Type.String(),
          concernsApplication: Type.Boolean(),
          subjects: Type.Array(Type.Object({ id: Type.String(), label: Type.String() }, { additionalProperties: false })),
        },
        { additionalProperties: false },
      ),
      { description: '“Votre demande concerne” and, under each, its “Objet” list, in the reader’s language.' },
    ),
  },
  { additionalProperties: false },
);
export type Contact = Static<typeof ContactSchema>;

export const SendMessageBodySchema = Type.Object(
  {
    categoryId: Type.String({ minLength: 1, maxLength: 40 }),
    subjectId: Type.String({ minLength: 1, maxLength: 40 }),
    applicationId: Type.Optional(Uuid),
    /** Only when the person has no address on file yet and the message concerns no application. */
    departement: Type.Optional(Type.String({ pattern: '^(\\d{2}|2A|2B|97\\d)$' })),
    body: Type.String({ minLength: 1, maxLength: MESSAGE_BODY_MAX }),
  },
  { additionalProperties: false },
);
export type SendMessageBody = Static<typeof SendMessageBodySchema>;

export const ReplyBodySchema = Type.Object({ body: Type.String({ minLength: 1, maxLength: MESSAGE_BODY_MAX }) }, { additionalProperties: false });
export type ReplyBody = Static<typeof ReplyBodySchema>;

export const ThreadSummarySchema = Type.Object(
  {
    id: Uuid,
    reference: Type.String({ description: 'Human reference given in the acknowledgement, e.g. MSG-2026-7KQ2XD.' }),
    categoryId: Type.String(),
    subjectId: Type.String(),
    categoryLabel: Type.String(),
    subjectLabel: Type.String(),
    applicationId: Type.Union([Uuid, Type.Null()]),
    applicationReference: Type.Union([Type.String(), Type.Null()]),
    prefectureName: Type.String(),
    status: Type.Union([Type.Literal('awaiting_answer'), Type.Literal('answered')]),
    createdAt: Instant,
    lastMessageAt: Instant,
    dueOn: IsoDate,
    ruleId: Type.String({ description: 'MSG-SLA: N working days of the préfecture (default 10).' }),
    firstAnsweredAt: Type.Union([Instant, Type.Null()]),
  },
  { additionalProperties: false },
);
export type ThreadSummary = Static<typeof ThreadSummarySchema>;

export const AttachmentSchema = Type.Object(
  { id: Uuid, filename: Type.String(), mediaType: Type.String(), sizeBytes: Type.Integer({ minimum: 0 }) },
  { additionalProperties: false },
);
export type AttachmentBody = Static<typeof AttachmentSchema>;

export const MessageSchema = Type.Object(
  {
    id: Uuid,
    author: Type.Union([Type.Literal('applicant'), Type.Literal('agent')]),
    body: Type.String(),
    createdAt: Instant,
    attachments: Type.Array(AttachmentSchema, { description: 'Files sent with the message (PDF, JPEG, PNG; at most 3).' }),
  },
  { additionalProperties: false },
);
export type MessageBody = Static<typeof MessageSchema>;

export const ThreadSchema = Type.Object({ thread: ThreadSummarySchema, messages: Type.Array(MessageSchema) }, { additionalProperties: false });
export type Thread = Static<typeof ThreadSchema>;

export const ThreadListSchema = Type.Object({ threads: Type.Array(ThreadSummarySchema) }, { additionalProperties: false });
export type ThreadList = Static<typeof ThreadListSchema>;

/** Staff side. */
export const INBOX_FILTERS = ['all', 'unassigned', 'mine', 'overdue', 'answered'] as const;
export type InboxFilter = (typeof INBOX_FILTERS)[number];
export const InboxQuerySchema = Type.Object(
  { filter: Type.Optional(Type.Union(INBOX_FILTERS.map((f) => Type.Literal(f)), { default: 'all' })) },
  { additionalProperties: false },
);
export type InboxQuery = Static<typeof InboxQuerySchema>;

const Person = Type.Object({ id: Uuid, displayName: Type.String() }, { additionalProperties: false });

export const StaffThreadSummarySchema = Type.Object(
  {
    ...ThreadSummarySchema.properties,
    applicantName: Type.String(),
    assignee: Type.Union([Person, Type.Null()]),
    escalated: Type.Boolean(),
    overdue: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type StaffThreadSummary = Static<typeof StaffThreadSummarySchema>;

export const InboxSchema = Type.Object({ threads: Type.Array(StaffThreadSummarySchema, { description: 'Due date first (at most 200).' }) }, { additionalProperties: false });
export type Inbox = Static<typeof InboxSchema>;

export const StaffThreadSchema = Type.Object(
  {
    thread: StaffThreadSummarySchema,
    messages: Type.Array(MessageSchema),
    colleagues: Type.Array(Person, { description: 'Agents and supervisors of the thread’s préfecture.' }),
    templates: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), body: Type.String() }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type StaffThread = Static<typeof StaffThreadSchema>;

export const AssignBodySchema = Type.Object({ userId: Uuid }, { additionalProperties: false });
export type AssignBody = Static<typeof AssignBodySchema>;
