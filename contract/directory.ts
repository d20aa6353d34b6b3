/** The préfecture directory: pages ("Horaires et coordonnées") and the postcode search. */
import { Type, type Static } from 'typebox';
import { DepartementCode, PrefectureSummarySchema } from './reference';

export const OpeningPeriodSchema = Type.Object(
  {
    day: Type.Integer({ minimum: 1, maximum: 7, description: 'ISO weekday: 1 = Monday … 7 = Sunday.' }),
    opens: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', examples: ['08:30'] }),
    closes: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', examples: ['12:00'] }),
  },
  { additionalProperties: false },
);

const PageFields = {
  address: Type.String({ minLength: 5, maxLength: 400, description: 'Postal address of the foreigners’ service, lines separated by newlines.' }),
  phone: Type.Union([Type.String({ pattern: '^\\+?[0-9 .()-]{6,31}$' }), Type.Null()]),
  receptionHours: Type.Array(OpeningPeriodSchema, { maxItems: 28 }),
  helpDeskAddress: Type.Union([Type.String({ maxLength: 400 }), Type.Null()]),
  helpDeskHours: Type.Array(OpeningPeriodSchema, { maxItems: 28 }),
  notesFr: Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]),
  notesEn: Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]),
  appointmentUrl: Type.Union([Type.String({ format: 'uri', pattern: '^https://', maxLength: 500 }), Type.Null()]),
};

export const PrefecturePageBodySchema = Type.Object(PageFields, { additionalProperties: false });
export type PrefecturePageBody = Static<typeof PrefecturePageBodySchema>;

export const PrefecturePageSchema = Type.Object(
  {
    departement: Type.Object({ code: DepartementCode, name: Type.String() }, { additionalProperties: false }),
    prefecture: PrefectureSummarySchema,
    /** Null until the préfecture publishes its details. */
    page: Type.Union([Type.Object({ ...PageFields, updatedAt: Type.String({ format: 'date-time' }) }, { additionalProperties: false }), Type.Null()]),
  },
  { additionalProperties: false },
);
export type PrefecturePage = Static<typeof PrefecturePageSchema>;

export const PostalCodeSchema = Type.String({ pattern: '^[0-9]{5}$', examples: ['69003'] });

export const PostalCodeResultSchema = Type.Object(
  {
    postalCode: PostalCodeSchema,
    departements: Type.Array(
      Type.Object({ code: DepartementCode, name: Type.String(), prefecture: PrefectureSummarySchema }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);
