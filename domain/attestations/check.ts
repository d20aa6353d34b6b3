/**
 * Checks a payload's signature with a verifier of published keys (the server's keyring or the
 * offline command's). Never throws on any input: each failure has its own result.
 */
import { parsePayload, validityOn, type AttestationClaims } from './payload';

export type SignatureVerifier = (keyId: string, signedText: string, signature: Uint8Array) => boolean | undefined;

export type PayloadCheck =
  | { readonly result: 'valid'; readonly keyId: string; readonly claims: AttestationClaims }
  | { readonly result: 'bad_signature' | 'unknown_key'; readonly keyId: string }
  | { readonly result: 'malformed' };

export function checkPayload(text: unknown, verify: SignatureVerifier): PayloadCheck {
  const parsed = parsePayload(text);
  if (!parsed.ok) return { result: 'malformed' };
  let valid: boolean | undefined;
  try {
    valid = verify(parsed.keyId, parsed.signedText, parsed.signature);
  } catch {
    valid = false;
  }
  if (valid === undefined) return { result: 'unknown_key', keyId: parsed.keyId };
  if (!valid) return { result: 'bad_signature', keyId: parsed.keyId };
  return { result: 'valid', keyId: parsed.keyId, claims: parsed.claims };
}

export { validityOn };
