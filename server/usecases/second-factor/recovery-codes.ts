/**
 * Recovery codes: ten single-use codes shown once at enrolment, for a lost phone. 50 random bits
 * each, written `xxxxx-xxxxx` in a base32 alphabet without look-alike letters, checked
 * case-insensitively with or without the dash. Only their SHA-256 is kept.
 */
import { createHash, randomInt } from 'node:crypto';

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const RECOVERY_CODE_COUNT = 10;
export const RECOVERY_CODE_PATTERN = /^[a-z0-9]{5}-?[a-z0-9]{5}$/i;

export function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

export function hashRecoveryCode(code: string): string {
  const normalised = code.trim().toLowerCase().replace('-', '');
  return createHash('sha256').update(`sejour-recovery:${normalised}`, 'utf8').digest('hex');
}
