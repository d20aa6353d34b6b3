/**
 * Public verification of a payload (from the QR code or from the PDF): the signature first — no
 * database lookup happens for an unsigned or tampered payload, so document ids cannot be
 * enumerated — then whether the document is still current: its end date, and whether a newer
 * document superseded it. The answer carries the signed data only.
 */
import { eq } from 'drizzle-orm';
import { attestations } from '../../db/schema/index';
import type { Db } from '../../db/client';
import type { Keyring } from '../../adapters/signing/keyring';
import { payloadFromPdf } from '../../adapters/pdf/attestation-pdf';
import { checkPayload, validityOn } from '../../../domain/attestations/check';
import { todayInParis } from '../../../domain/deadlines/index';
import type { VerifyResult } from '../../../contract/verify';
import { translate, type Locale } from '../../i18n/index';
import { formatLegalDate } from '../../adapters/pdf/attestation-pdf';

export interface VerifyContext {
  db: Db;
  now: () => Date;
  keys: () => Keyring;
}

export function emptyResult(result: VerifyResult['result'], message: string, keyId: string | null = null): VerifyResult {
  return { result, signatureValid: false, status: null, supersededOn: null, keyId, document: null, share: null, message };
}

export async function verifyPayload(ctx: VerifyContext, text: string, locale: Locale): Promise<VerifyResult> {
  const keyring = ctx.keys();
  const check = checkPayload(text, (kid, signed, signature) => keyring.verify(kid, signed, signature));
  if (check.result === 'malformed') return emptyResult('malformed', translate(locale, 'verify:results.malformed'));
  if (check.result !== 'valid') return emptyResult(check.result, translate(locale, `verify:results.${check.result}`, { keyId: check.keyId }), check.keyId);

  const today = todayInParis(ctx.now());
  const [row] = await ctx.db
    .select({ supersededAt: attestations.supersededAt, payload: attestations.payload })
    .from(attestations)
    .where(eq(attestations.id, check.claims.documentId));
  let status: NonNullable<VerifyResult['status']>;
  let supersededOn: string | null = null;
  if (!row) {
    status = 'unknown';
  } else if (row.supersededAt) {
    status = 'superseded';
    supersededOn = todayInParis(row.supersededAt);
  } else {
    status = validityOn(check.claims, today);
  }
  const statusDate = status === 'superseded' ? supersededOn : check.claims.validUntil;
  const message = `${translate(locale, 'verify:results.valid')} ${translate(locale, `verify:statuses.${status}`, { date: statusDate ? formatLegalDate(statusDate, locale) : '' })}`;
  return { result: 'valid', signatureValid: true, status, supersededOn, keyId: check.keyId, document: { ...check.claims }, share: null, message };
}

/** Verification of an uploaded PDF: sniffed, then its embedded payload is checked. */
export async function verifyPdf(ctx: VerifyContext, bytes: Buffer, locale: Locale): Promise<VerifyResult> {
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') return emptyResult('no_payload', translate(locale, 'verify:results.no_payload'));
  const payload = await payloadFromPdf(bytes);
  if (payload === undefined) return emptyResult('no_payload', translate(locale, 'verify:results.no_payload'));
  return verifyPayload(ctx, payload, locale);
}
