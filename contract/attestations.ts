/** The holder's attestations and share codes (server/http/routes/attestations). */
import { Type, type Static } from 'typebox';
import { ATTESTATION_KINDS } from '../domain/attestations/kinds';

const IsoDate = Type.String({ format: 'date' });

export const AttestationSummarySchema = Type.Object({
  id: Type.String({ format: 'uuid', description: 'The document id, printed on the PDF and signed in its QR code.' }),
  kind: Type.Enum(ATTESTATION_KINDS),
  issuedOn: IsoDate,
  validUntilOn: Type.Union([IsoDate, Type.Null()]),
  superseded: Type.Boolean(),
  applicationId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  reference: Type.Union([Type.String(), Type.Null()]),
});
export type AttestationSummary = Static<typeof AttestationSummarySchema>;

export const AttestationListSchema = Type.Object({ attestations: Type.Array(AttestationSummarySchema) });
export type AttestationList = Static<typeof AttestationListSchema>;

export const SHARE_PURPOSE_VALUES = ['work', 'housing', 'benefits', 'other'] as const;
export const SharePurposeSchema = Type.Enum(SHARE_PURPOSE_VALUES);

export const ShareCodeCheckSchema = Type.Object({
  checkedAt: Type.String({ format: 'date-time' }),
  outcome: Type.Enum(['shown', 'birth_date_mismatch', 'expired', 'revoked'] as const),
});

export const ShareCodeSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  purpose: SharePurposeSchema,
  /** Last 4 characters of the code. */
  hint: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  expiresOn: IsoDate,
  revoked: Type.Boolean(),
  active: Type.Boolean(),
  checks: Type.Array(ShareCodeCheckSchema),
});
export type ShareCodeBody = Static<typeof ShareCodeSchema>;

export const CreatedShareCodeSchema = Type.Object({
  shareCode: ShareCodeSchema,
  code: Type.String({ description: 'The code to give the verifier; shown once (only its hash is stored).' }),
});
export const ShareCodeListSchema = Type.Object({ shareCodes: Type.Array(ShareCodeSchema) });
export const CreateShareCodeBodySchema = Type.Object({ purpose: SharePurposeSchema }, { additionalProperties: false });

/** Upper case, no separators, Crockford's look-alikes read as digits (O→0, I/L→1): how a typed share code is read. */
export function normaliseShareCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** Whether a normalised share code has the shape of one (12 letters or digits). */
export function isShareCodeFormat(normalised: string): boolean {
  return /^[0-9A-Z]{12}$/.test(normalised);
}
