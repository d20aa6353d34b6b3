/**
 * The préfecture's help desk (guichet): an agent registers a person who cannot use the online
 * service (no email, no device, the service failing them) and files for them through the same use
 * cases, with the same legal effects — filing date, attestations, reminders — and the person is
 * told by SMS and by post (docs/adr/0020-help-desk-substitution.md).
 *
 * /api/v1/staff/help-desk/people                      register, search
 * /api/v1/staff/help-desk/people/:personId            the person: identity, contact, permits, applications
 * /api/v1/staff/help-desk/people/:personId/…          the applicant's own routes (permits, applications,
 *                                                     documents, attestations), acting for the person
 * /api/v1/staff/postal-mail                           letters to print and post, per préfecture
 */
import { Type, type Static } from 'typebox';
import { ProfileAddressSchema, ProfileIdentitySchema, ProfileSchema } from './profile';

/** Why the person is registered at the desk rather than online (Décret 2023-191; CE 3 June 2022 n° 452798). */
export const HELP_DESK_REASON_VALUES = ['no_email', 'no_device', 'digital_difficulty', 'online_service_failure', 'disability', 'other'] as const;
export type HelpDeskReason = (typeof HELP_DESK_REASON_VALUES)[number];

export const E164_PATTERN = '^\\+[1-9]\\d{6,14}$';

export const RegisterPersonBodySchema = Type.Object(
  {
    ...ProfileIdentitySchema.properties,
    address: ProfileAddressSchema,
    phone: Type.Optional(
      Type.Union([Type.String({ pattern: E164_PATTERN, description: 'Mobile number in E.164 (`+33612345678`): SMS notices.', examples: ['+33612345678'] }), Type.Null()]),
    ),
    locale: Type.Union([Type.Literal('fr'), Type.Literal('en')], { description: 'Language of the letters and text messages.' }),
    reason: Type.Enum(HELP_DESK_REASON_VALUES, { description: 'Why the online service is not used (kept with the person).' }),
    prefectureId: Type.Optional(Type.String({ format: 'uuid', description: 'The desk’s préfecture; required when the agent works for more than one.' })),
  },
  { additionalProperties: false },
);
export type RegisterPersonBody = Static<typeof RegisterPersonBodySchema>;

export const AssistedPersonSummarySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  surname: Type.String(),
  givenNames: Type.String(),
  birthDate: Type.String(),
  /** The newest application's reference, if any. */
  reference: Type.Union([Type.String(), Type.Null()]),
  registeredAt: Type.String({ format: 'date-time' }),
  prefectureId: Type.String({ format: 'uuid' }),
});
export type AssistedPersonSummary = Static<typeof AssistedPersonSummarySchema>;

export const AssistedPersonListSchema = Type.Object({ items: Type.Array(AssistedPersonSummarySchema) });
export type AssistedPersonListBody = Static<typeof AssistedPersonListSchema>;

export const PeopleQuerySchema = Type.Object(
  { q: Type.Optional(Type.String({ maxLength: 100, description: 'Name, birth date (YYYY-MM-DD) or application reference.' })) },
  { additionalProperties: false },
);

export const AssistedPersonSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  profile: ProfileSchema,
  phone: Type.Union([Type.String(), Type.Null()]),
  /** Null: the person has no email address; notices go by SMS (when a phone is known) and by post. */
  email: Type.Union([Type.String(), Type.Null()]),
  locale: Type.Union([Type.Literal('fr'), Type.Literal('en')]),
  reason: Type.Enum(HELP_DESK_REASON_VALUES),
  prefectureId: Type.String({ format: 'uuid' }),
  registeredAt: Type.String({ format: 'date-time' }),
  /** The channels notices and reminders go out on. */
  channels: Type.Array(Type.Union([Type.Literal('email'), Type.Literal('sms'), Type.Literal('post'), Type.Literal('in_app')])),
});
export type AssistedPersonBody = Static<typeof AssistedPersonSchema>;

export const PersonParamsSchema = Type.Object({ personId: Type.String({ format: 'uuid' }) });

export const POSTAL_MAIL_KIND_VALUES = ['document_issued', 'documents_requested', 'reminder', 'tacit_refusal'] as const;
export type PostalMailKind = (typeof POSTAL_MAIL_KIND_VALUES)[number];

export const PostalMailItemSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.Enum(POSTAL_MAIL_KIND_VALUES),
  /** What the letter says, in the agent's language (the letter itself is in the person's). */
  title: Type.String(),
  personId: Type.String({ format: 'uuid' }),
  personName: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  postedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  /** The attestation printed with the letter, if any. */
  attestationId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
});
export type PostalMailItem = Static<typeof PostalMailItemSchema>;

export const PostalMailListSchema = Type.Object({ items: Type.Array(PostalMailItemSchema) });
export type PostalMailListBody = Static<typeof PostalMailListSchema>;

export const PostalMailQuerySchema = Type.Object(
  { status: Type.Optional(Type.Union([Type.Literal('to_post'), Type.Literal('posted')], { default: 'to_post' })) },
  { additionalProperties: false },
);
