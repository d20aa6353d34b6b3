/** Random tokens and the hashes stored in their place. */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, base64url (43 characters): session cookies and emailed links. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Hex SHA-256: what the database keeps instead of a token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Addresses are compared trimmed and lower-cased (users.email is stored that way). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function emailThrottleKey(email: string): string {
  return `email:${hashToken(normalizeEmail(email))}`;
}

export function clientThrottleKey(clientAddress: string): string {
  return `client:${hashToken(clientAddress)}`;
}

/**
 * The anti-CSRF token of a session: HMAC-SHA256 keyed by the session token, which only the
 * browser and the server know. A token for another session, or invented, does not match.
 */
export function csrfTokenForSession(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('sejour-csrf').digest('base64url');
}

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
