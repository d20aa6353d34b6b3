import { Type, type Static } from 'typebox';

export const FieldErrorSchema = Type.Object({
  in: Type.Union([Type.Literal('body'), Type.Literal('query'), Type.Literal('params'), Type.Literal('headers')]),
  field: Type.String({ description: 'Dotted path of the field inside that part, e.g. `application.filedOn`.' }),
  code: Type.String({ description: 'Stable machine-readable reason.' }),
  message: Type.String({ description: "Explanation in the caller's language." }),
});

export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'URI identifying the problem type: `urn:sejour:problem:<code>`.' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String({ description: 'Stable machine-readable error code.' }),
    instance: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String({ description: 'Quote it when reporting a problem.' })),
    errors: Type.Optional(Type.Array(FieldErrorSchema)),
  },
  { description: 'RFC 9457 problem details, in French or English according to `Accept-Language`.' },
);
export type ProblemBody = Static<typeof ProblemSchema>;

/** Response schemas of the errors every route may answer with. */
export const COMMON_ERRORS = {
  400: ProblemSchema,
  429: ProblemSchema,
  500: ProblemSchema,
  503: ProblemSchema,
} as const;
