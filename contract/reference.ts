import { Type, type Static } from 'typebox';

export const DepartementCode = Type.String({
  pattern: '^(0[1-9]|1[0-9]|2[1-9]|[3-8][0-9]|9[0-5]|2A|2B|97[1-46])$',
  description: 'INSEE code of a département: 01–95, 2A, 2B, 971–974, 976.',
  examples: ['75', '2A', '974'],
});

export const PrefectureSummarySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String({ examples: ['Préfecture du Rhône'] }),
  city: Type.String({ examples: ['Lyon'] }),
});

export const DepartementSchema = Type.Object({
  code: DepartementCode,
  name: Type.String({ examples: ['Rhône'] }),
  zone: Type.Union([Type.Literal('metro'), Type.Literal('drom')], { description: 'Metropolitan or overseas.' }),
  regionCode: Type.String(),
  prefecture: PrefectureSummarySchema,
});
export type DepartementBody = Static<typeof DepartementSchema>;

export const DepartementListSchema = Type.Object({ items: Type.Array(DepartementSchema) });
