/**
 * Public verification (POST /api/v1/verify): a signed payload (from the QR code or the PDF), or a
 * share code with the holder's birth date. The answer vouches for the signed data and nothing more.
 */
import { Type, type Static } from 'typebox';
import { ATTESTATION_KINDS } from '../domain/attestations/kinds';

const IsoDate = Type.String({ format: 'date' });

export const VerifyBodySchema = Type.Union([
  Type.Object({ payload: Type.String({ maxLength: 4096 }) }, { additionalProperties: false }),
  Type.Object(
    { shareCode: Type.String({ maxLength: 32 }), birthDate: IsoDate },
    { additionalProperties: false },
  ),
  Type.Object(
    { pdf: Type.String({ maxLength: 2_800_000, description: 'The attestation PDF, base64 (at most 2 MiB).' }) },
    { additionalProperties: false },
  ),
]);
export type VerifyBody = Static<typeof VerifyBodySchema>;

export const VERIFY_RESULTS = ['valid', 'bad_signature', 'unknown_key', 'malformed', 'not_found', 'no_payload'] as const;
export const DOCUMENT_STATUSES = ['current', 'expired', 'superseded', 'not_yet_valid', 'unknown'] as const;

export const VouchedDataSchema = Type.Object({
  documentId: Type.String(),
  kind: Type.Enum(ATTESTATION_KINDS),
  holderName: Type.String(),
  birthDate: IsoDate,
  foreignerNumber: Type.Union([Type.String(), Type.Null()]),
  validUntil: Type.Union([IsoDate, Type.Null()]),
  issuer: Type.String(),
  issuedOn: IsoDate,
});

export const ShareStatusSchema = Type.Object({
  holderName: Type.String(),
  purpose: Type.String(),
  application: Type.Union([
    Type.Object({ filedOn: IsoDate, filedInTime: Type.Boolean(), status: Type.String() }),
    Type.Null(),
  ]),
  /** The current attestation that covers the holder today, if any. */
  coveredBy: Type.Union([Type.Object({ kind: Type.Enum(ATTESTATION_KINDS), until: Type.Union([IsoDate, Type.Null()]) }), Type.Null()]),
  /** The rights of the previous residence permit (including work, if it allowed it) continue. */
  previousRightsContinue: Type.Boolean(),
  /**
   * The residence permit the holder recorded themselves (not issued through Sejour) that is valid
   * today: shown as declared, for the verifier to check on the card itself.
   */
  declaredPermit: Type.Union([Type.Object({ kind: Type.String(), validUntil: IsoDate }), Type.Null()]),
  checkedOn: IsoDate,
});

export const VerifyResultSchema = Type.Object({
  result: Type.Enum(VERIFY_RESULTS),
  signatureValid: Type.Boolean(),
  status: Type.Union([Type.Enum(DOCUMENT_STATUSES), Type.Null()]),
  supersededOn: Type.Union([IsoDate, Type.Null()]),
  keyId: Type.Union([Type.String(), Type.Null()]),
  document: Type.Union([VouchedDataSchema, Type.Null()]),
  share: Type.Union([ShareStatusSchema, Type.Null()]),
  message: Type.String({ description: "One sentence in the caller's language." }),
});
export type VerifyResult = Static<typeof VerifyResultSchema>;

export const PublishedKeysSchema = Type.Object({
  format: Type.Literal('SJ1'),
  algorithm: Type.Literal('Ed25519'),
  keys: Type.Array(
    Type.Object({ kid: Type.String(), kty: Type.Literal('OKP'), crv: Type.Literal('Ed25519'), x: Type.String(), status: Type.Union([Type.Literal('current'), Type.Literal('retired')]) }),
  ),
});
