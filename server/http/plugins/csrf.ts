/**
 * Cross-site request forgery protection (docs/adr/0003-sessions-and-csrf.md).
 *
 * A state-changing request (POST, PUT, PATCH, DELETE) to a route that relies on the session
 * cookie — every route restricted to signed-in roles — or that sets it (`config.csrf: true`:
 * sign-in, register, sign-out) must carry the `x-csrf-token` header, equal to the `sejour_csrf`
 * cookie; when the browser is signed in, that value must also be the one derived from its session
 * token. A browser sending `Sec-Fetch-Site: cross-site` or `same-site` is refused outright.
 * Public routes without `config.csrf` (the deadline calculator…) need no token.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_COOKIE, CSRF_HEADER } from '../../../contract/accounts';
import { TOKEN_PATTERN, csrfTokenForSession, newToken, sameSecret } from '../../usecases/accounts/secrets';
import { AppError } from '../problem';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Require the anti-CSRF token on this public route's unsafe methods (it sets or uses the session cookie). */
    csrf?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function needsCsrfCheck(request: FastifyRequest): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const config = request.routeOptions.config;
  return config?.csrf === true || Array.isArray(config?.access);
}

export function csrfCookieOptions(secure: boolean, maxAgeSeconds: number) {
  // Readable by the page's scripts (they echo it); Strict: never sent by another site's request.
  return { httpOnly: false, sameSite: 'strict' as const, path: '/', secure, maxAge: maxAgeSeconds };
}

/** The token this browser must send: bound to its session when signed in, else its random cookie. */
export function csrfTokenFor(request: FastifyRequest): { token: string; fresh: boolean } {
  if (request.accountSession) return { token: csrfTokenForSession(request.accountSession.token), fresh: true };
  const existing = request.cookies[CSRF_COOKIE];
  if (existing && TOKEN_PATTERN.test(existing)) return { token: existing, fresh: false };
  return { token: newToken(), fresh: true };
}

export function setCsrfCookie(reply: FastifyReply, token: string, secure: boolean, maxAgeSeconds: number): void {
  reply.setCookie(CSRF_COOKIE, token, csrfCookieOptions(secure, maxAgeSeconds));
}

export async function verifyCsrf(request: FastifyRequest): Promise<void> {
  if (!needsCsrfCheck(request)) return;
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') throw new AppError(403, 'csrf_invalid');
  const header = request.headers[CSRF_HEADER];
  const cookie = request.cookies[CSRF_COOKIE];
  if (typeof header !== 'string' || !cookie || !sameSecret(header, cookie)) throw new AppError(403, 'csrf_invalid');
  if (request.accountSession && !sameSecret(header, csrfTokenForSession(request.accountSession.token))) {
    throw new AppError(403, 'csrf_invalid');
  }
}
