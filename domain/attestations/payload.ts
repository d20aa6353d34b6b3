/**
 * The compact signed payload carried by an attestation's QR code (docs/attestation-payload.md):
 *
 *   SJ1.<key id>.<base64url(JSON body)>.<base64url(Ed25519 signature)>
 *
 * The signature covers the ASCII bytes `SJ1.<key id>.<base64url(JSON body)>`. Pure: parsing and
 * status rules only; the signature itself is checked by server/adapters/signing.
 */
import { KIND_CODES, kindOfCode, type AttestationKind } from './kinds';

export const PAYLOAD_PREFIX = 'SJ1';
/** Longer input is refused before any parsing (a real payload is about 350 characters). */
export const MAX_PAYLOAD_LENGTH = 2048;

/** The data a document vouches for, and nothing more (no address, no case details). */
export interface AttestationClaims {
  readonly documentId: string;
  readonly kind: AttestationKind;
  /** "SURNAME, Given names" as on the passport. */
  readonly holderName: string;
  readonly birthDate: string;
  readonly foreignerNumber: string | null;
  /** Last day of validity (included), or null for a document without an end. */
  readonly validUntil: string | null;
  /** The issuing préfecture, as printed. */
  readonly issuer: string;
  readonly issuedOn: string;
}

interface Body {
  v: 1;
  k: string;
  id: string;
  n: string;
  b: string;
  f: string | null;
  u: string | null;
  i: string;
  d: string;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const B64URL = /^[A-Za-z0-9_-]+$/;
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const FOREIGNER_NUMBER = /^\d{9,10}$/;

export function isKeyId(value: string): boolean {
  return KEY_ID.test(value);
}

function toBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

/** The bytes to sign and the text before the signature, for claims under a key id. */
export function signingInput(claims: AttestationClaims, keyId: string): string {
  if (!isKeyId(keyId)) throw new Error(`invalid key id ${JSON.stringify(keyId)}`);
  const body: Body = {
    v: 1,
    k: KIND_CODES[claims.kind],
    id: claims.documentId,
    n: claims.holderName,
    b: claims.birthDate,
    f: claims.foreignerNumber,
    u: claims.validUntil,
    i: claims.issuer,
    d: claims.issuedOn,
  };
  return `${PAYLOAD_PREFIX}.${keyId}.${toBase64Url(Buffer.from(JSON.stringify(body), 'utf8'))}`;
}

export function assemblePayload(input: string, signature: Uint8Array): string {
  return `${input}.${toBase64Url(signature)}`;
}

export type ParsedPayload =
  | { readonly ok: true; readonly keyId: string; readonly signedText: string; readonly signature: Buffer; readonly claims: AttestationClaims }
  | { readonly ok: false; readonly reason: 'malformed' };

const MALFORMED = { ok: false, reason: 'malformed' } as const;

function isShortString(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}

/** Parses a payload's structure (never throws); the signature is not checked here. */
export function parsePayload(text: unknown): ParsedPayload {
  if (typeof text !== 'string') return MALFORMED;
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_PAYLOAD_LENGTH) return MALFORMED;
  const parts = trimmed.split('.');
  if (parts.length !== 4) return MALFORMED;
  const [prefix, keyId, bodyText, signatureText] = parts as [string, string, string, string];
  if (prefix !== PAYLOAD_PREFIX || !KEY_ID.test(keyId) || !B64URL.test(bodyText) || !B64URL.test(signatureText)) return MALFORMED;
  const signature = Buffer.from(signatureText, 'base64url');
  if (signature.length !== 64 || toBase64Url(signature) !== signatureText) return MALFORMED;
  const bodyBytes = Buffer.from(bodyText, 'base64url');
  if (toBase64Url(bodyBytes) !== bodyText) return MALFORMED;
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bodyBytes));
  } catch {
    return MALFORMED;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return MALFORMED;
  const b = body as Record<string, unknown>;
  const kind = typeof b.k === 'string' ? kindOfCode(b.k) : undefined;
  if (b.v !== 1 || kind === undefined) return MALFORMED;
  if (typeof b.id !== 'string' || !UUID.test(b.id)) return MALFORMED;
  if (!isShortString(b.n, 260) || !isShortString(b.i, 200)) return MALFORMED;
  if (typeof b.b !== 'string' || !ISO_DATE.test(b.b) || typeof b.d !== 'string' || !ISO_DATE.test(b.d)) return MALFORMED;
  if (b.u !== null && (typeof b.u !== 'string' || !ISO_DATE.test(b.u))) return MALFORMED;
  if (b.f !== null && (typeof b.f !== 'string' || !FOREIGNER_NUMBER.test(b.f))) return MALFORMED;
  return {
    ok: true,
    keyId,
    signedText: `${prefix}.${keyId}.${bodyText}`,
    signature,
    claims: {
      documentId: b.id,
      kind,
      holderName: b.n,
      birthDate: b.b,
      foreignerNumber: b.f as string | null,
      validUntil: b.u as string | null,
      issuer: b.i,
      issuedOn: b.d,
    },
  };
}

/** Whether a signed document is still current on `today` (offline: dates only). */
export function validityOn(claims: AttestationClaims, today: string): 'current' | 'expired' | 'not_yet_valid' {
  if (claims.issuedOn > today) return 'not_yet_valid';
  if (claims.validUntil !== null && claims.validUntil < today) return 'expired';
  return 'current';
}
