/**
 * Password rules (NIST SP 800-63B §5.1.1.2, ANSSI): length rather than composition, and a refusal
 * of passwords an attacker tries first. Pure: the common-password list is bundled data.
 */
import { dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordRefusal = 'password_too_short' | 'password_too_long' | 'password_too_common' | 'password_contains_email';

/** About 49,000 passwords seen most often in breaches (zxcvbn-ts common list, MIT). */
const COMMON = new Set<string>(dictionary.passwords as string[]);
/** Words of this service a guesser would try first. */
const SERVICE_WORDS = ['sejour', 'titredesejour', 'prefecture', 'franceconnect', 'motdepasse'];

/**
 * The same password typed on two keyboards (precomposed `é` or `e` + combining accent) gives the
 * same characters. Applied before checking, hashing and verifying.
 */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

function characters(text: string): string[] {
  return [...text];
}

/** The shortest unit the text repeats, e.g. `azertyazerty` → `azerty`; the text itself otherwise. */
function repeatedUnit(text: string): string {
  const chars = characters(text);
  for (let size = 1; size <= chars.length / 2; size++) {
    if (chars.length % size !== 0) continue;
    const unit = chars.slice(0, size).join('');
    if (unit.repeat(chars.length / size) === text) return unit;
  }
  return text;
}

function isCommon(password: string): boolean {
  const lower = password.toLowerCase();
  const ascii = lower.normalize('NFD').replace(/\p{M}/gu, '');
  // "Soleil2024!!", "!!azerty123": a common word dressed with digits and symbols
  const core = ascii.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  const candidates = new Set([lower, ascii, core, repeatedUnit(lower), repeatedUnit(core)]);
  for (const candidate of candidates) {
    if (candidate === '') continue;
    if (COMMON.has(candidate) || SERVICE_WORDS.includes(candidate)) return true;
  }
  // "111111111111", "abababababab": too few different characters to resist a guesser
  return new Set(characters(lower)).size < 4;
}

/** The part before `@`, when it is long enough to be a meaningful guess (4+ characters). */
function emailParts(email: string | undefined): string[] {
  if (!email) return [];
  const local = email.toLowerCase().split('@')[0] ?? '';
  const parts = [local, ...local.split(/[._+-]+/)];
  return [...new Set(parts)].filter((part) => characters(part).length >= 4);
}

/**
 * Why a new password is refused, or undefined when it is acceptable. `email` is the account's
 * address (its local part must not appear in the password).
 */
export function passwordRefusal(password: string, context: { email?: string | undefined } = {}): PasswordRefusal | undefined {
  const normalized = normalizePassword(password);
  const length = characters(normalized).length;
  if (length < PASSWORD_MIN_LENGTH) return 'password_too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'password_too_long';
  const lower = normalized.toLowerCase();
  if (emailParts(context.email).some((part) => lower.includes(part))) return 'password_contains_email';
  if (isCommon(normalized)) return 'password_too_common';
  return undefined;
}
