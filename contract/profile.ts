/**
 * The applicant's profile (identity as on the passport, address in France) and its change log.
 * Once the person has filed an application, every change is kept (server/db/schema/profiles.ts);
 * a change of address while an application is being examined is a procedure of its own, the
 * "déclaration de changement d'adresse", listed with the person's other procedures.
 */
import { Type, type Static } from 'typebox';
import { DEPARTMENT_PATTERN } from '../domain/departments';
import { ACTOR_KINDS } from '../domain/applications/types';

const ISO_DATE_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';
const Instant = Type.String({ format: 'date-time' });
const nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const PROFILE_LIMITS = { surname: 100, givenNames: 150, birthPlace: 120, addressLine: 200, city: 100, reason: 500 } as const;
export { NATIONALITY_PATTERN } from './postal-codes';
export const POSTAL_CODE_PATTERN = '^\\d{5}$';
/** At least one character that is not a space. */
export const NOT_BLANK_PATTERN = '\\S';

export const ProfileAddressSchema = Type.Object(
  {
    line1: Type.String({ minLength: 1, maxLength: PROFILE_LIMITS.addressLine, pattern: NOT_BLANK_PATTERN, examples: ['12 rue des Lilas'] }),
    line2: Type.Optional(nullable(Type.String({ maxLength: PROFILE_LIMITS.addressLine }))),
    postalCode: Type.String({ pattern: POSTAL_CODE_PATTERN, examples: ['69003'] }),
    city: Type.String({ minLength: 1, maxLength: PROFILE_LIMITS.city, pattern: NOT_BLANK_PATTERN, examples: ['Lyon'] }),
    departement: Type.String({ pattern: DEPARTMENT_PATTERN, description: 'INSEE code of the département: 01–95, 2A, 2B, 971–974, 976.', examples: ['69'] }),
  },
  { additionalProperties: false, description: 'Address in France; its postal code must belong to its département.' },
);
export type ProfileAddress = Static<typeof ProfileAddressSchema>;

export const ProfileIdentitySchema = Type.Object({
  surname: Type.String({ minLength: 1, maxLength: PROFILE_LIMITS.surname, pattern: NOT_BLANK_PATTERN, description: 'As printed on the passport.', examples: ['Benali'] }),
  givenNames: Type.String({ minLength: 1, maxLength: PROFILE_LIMITS.givenNames, pattern: NOT_BLANK_PATTERN, examples: ['Amina Sofia'] }),
  birthDate: Type.String({ pattern: ISO_DATE_PATTERN, description: 'ISO calendar date (YYYY-MM-DD).', examples: ['1994-03-12'] }),
  birthPlace: Type.Optional(nullable(Type.String({ maxLength: PROFILE_LIMITS.birthPlace, examples: ['Casablanca, Maroc'] }))),
  nationality: Type.String({
    minLength: 1,
    maxLength: 3,
    description: 'ISO 3166-1 alpha-3 code in capitals, as in the passport’s machine-readable zone (`^[A-Z]{3}$`, checked by the server: `nationality_code`).',
    examples: ['MAR'],
  }),
});

export const PutProfileBodySchema = Type.Object(
  {
    ...ProfileIdentitySchema.properties,
    address: Type.Optional(Type.Union([ProfileAddressSchema, Type.Null()])),
    reason: Type.Optional(Type.String({ maxLength: PROFILE_LIMITS.reason, description: 'Why the details change (kept in the change log).' })),
  },
  { additionalProperties: false },
);
export type PutProfileBody = Static<typeof PutProfileBodySchema>;

export const ProfileSchema = Type.Object({
  surname: Type.String(),
  givenNames: Type.String(),
  birthDate: Type.String(),
  birthPlace: Type.Union([Type.String(), Type.Null()]),
  nationality: Type.String(),
  address: Type.Union([
    Type.Object({ line1: Type.String(), line2: Type.Union([Type.String(), Type.Null()]), postalCode: Type.String(), city: Type.String(), departement: Type.String() }),
    Type.Null(),
  ]),
  updatedAt: Instant,
});
export type ProfileBody = Static<typeof ProfileSchema>;

export const PROFILE_FIELD_NAMES = [
  'surname',
  'givenNames',
  'birthDate',
  'birthPlace',
  'nationality',
  'addressLine1',
  'addressLine2',
  'postalCode',
  'city',
  'departementCode',
] as const;

export const ProfileChangeSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  field: Type.Enum(PROFILE_FIELD_NAMES),
  oldValue: Type.Union([Type.String(), Type.Null()]),
  newValue: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  actorKind: Type.Enum(ACTOR_KINDS),
  changedAt: Instant,
});
export type ProfileChangeBody = Static<typeof ProfileChangeSchema>;

export const AddressDeclarationSchema = Type.Object(
  {
    declaredAt: Instant,
    reason: Type.Union([Type.String(), Type.Null()]),
    changes: Type.Array(ProfileChangeSchema),
    applications: Type.Array(Type.Object({ id: Type.String({ format: 'uuid' }), reference: Type.Union([Type.String(), Type.Null()]) }), {
      description: 'The applications being examined when the address changed.',
    }),
  },
  { description: "A déclaration de changement d'adresse: the address changed while an application was being examined." },
);
export type AddressDeclarationBody = Static<typeof AddressDeclarationSchema>;

export const ProfileResponseSchema = Type.Object({
  profile: Type.Union([ProfileSchema, Type.Null()], { description: 'null until the person fills it in.' }),
  changesRecorded: Type.Boolean({ description: 'True once the person has filed an application: from then on every change is kept.' }),
  changes: Type.Array(ProfileChangeSchema, { description: 'Every recorded change, newest first (append-only).' }),
  addressDeclarations: Type.Array(AddressDeclarationSchema, { description: 'Newest first.' }),
});
export type ProfileResponseBody = Static<typeof ProfileResponseSchema>;

export { departementOfPostalCode } from './postal-codes';
