/**
 * Representatives: a person authorises another Sejour account to see their applications and,
 * if granted, correct details, withdraw, or send documents and answer requests; they can revoke it (docs/adr/0013-representatives.md).
 * The representative then calls /api/v1/represented/:representationId/applications/… .
 */
import { Type, type Static } from 'typebox';

export const REPRESENTATION_SCOPE_VALUES = ['applications:read', 'applications:correct', 'applications:withdraw', 'applications:documents'] as const;
export const REPRESENTATIVE_KIND_VALUES = ['lawyer', 'association', 'family', 'other'] as const;

const ScopeSchema = Type.Enum(REPRESENTATION_SCOPE_VALUES, {
  description: '`applications:read` sees applications, documents and history (always granted); `applications:correct` corrects details after filing; `applications:withdraw` withdraws; `applications:documents` sends, replaces and removes documents and answers the préfecture’s requests for documents.',
});

export const GrantRepresentationBodySchema = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254, description: 'The email of the representative’s own Sejour account.' }),
    kind: Type.Enum(REPRESENTATIVE_KIND_VALUES),
    scopes: Type.Array(ScopeSchema, { minItems: 1, maxItems: 4, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type GrantRepresentationBody = Static<typeof GrantRepresentationBodySchema>;

const PartySchema = Type.Object({ displayName: Type.String(), email: Type.String() });

export const RepresentationSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.Enum(REPRESENTATIVE_KIND_VALUES),
  scopes: Type.Array(ScopeSchema),
  createdAt: Type.String({ format: 'date-time' }),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  active: Type.Boolean(),
  person: PartySchema,
  representative: PartySchema,
});
export type RepresentationBody = Static<typeof RepresentationSchema>;

export const RepresentationListSchema = Type.Object({
  granted: Type.Array(RepresentationSchema, { description: 'Authorisations I gave, newest first (revoked ones kept).' }),
  received: Type.Array(RepresentationSchema, { description: 'People who authorised me, active only.' }),
});
export type RepresentationListBody = Static<typeof RepresentationListSchema>;
