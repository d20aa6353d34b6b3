/**
 * Sessions: the `sejour_session` cookie (HttpOnly, SameSite=Lax, Path=/, Secure when PUBLIC_URL
 * is https) holds a random token whose SHA-256 names a row of `sessions`. On every API request
 * that carries it, the session is checked (idle and absolute expiry) and `request.user` is set
 * for access control (access.ts). Also checks the anti-CSRF token (csrf.ts).
 *
 * Registered in app.ts before the routes; hooks run after rate limiting and before access checks.
 */
import cookie from '@fastify/cookie';
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import type { Env } from '../../env';
import { SESSION_COOKIE } from '../../../contract/accounts';
import { accountsContext } from '../../usecases/accounts/context';
import type { OpenedSession } from '../../usecases/accounts/open-session';
import { resolveSession } from '../../usecases/accounts/resolve-session';
import { TOKEN_PATTERN } from '../../usecases/accounts/secrets';
import { setCsrfCookie, verifyCsrf } from './csrf';

declare module 'fastify' {
  interface FastifyRequest {
    /** The session behind `request.user`, when signed in. The token never leaves the server side. */
    accountSession?: { id: string; token: string } | undefined;
  }
}

export interface SessionPluginOptions {
  env: Env;
  db: Db;
}

export function cookiesAreSecure(env: Pick<Env, 'publicUrl'>): boolean {
  return env.publicUrl.startsWith('https:');
}

function sessionCookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: 'lax' as const, path: '/', secure };
}

/** Sets the cookies of a newly opened session (sign-in, identity provider). */
export function setSessionCookies(reply: FastifyReply, env: Pick<Env, 'publicUrl'>, session: OpenedSession, now = new Date()): void {
  const secure = cookiesAreSecure(env);
  const maxAge = Math.max(1, Math.ceil((session.expiresAt.getTime() - now.getTime()) / 1000));
  reply.setCookie(SESSION_COOKIE, session.token, { ...sessionCookieOptions(secure), maxAge });
  setCsrfCookie(reply, session.csrfToken, secure, maxAge);
}

/** Removes the session cookie (sign-out, ended or unknown session). The CSRF cookie stays usable. */
export function clearSessionCookie(reply: FastifyReply, env: Pick<Env, 'publicUrl'>): void {
  reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(cookiesAreSecure(env)));
}

/** The session token the browser sent, if it looks like one. */
export function sessionTokenOf(request: FastifyRequest): string | undefined {
  const token = request.cookies[SESSION_COOKIE];
  return token && TOKEN_PATTERN.test(token) ? token : undefined;
}

async function sessionPlugin(app: FastifyInstance, options: SessionPluginOptions): Promise<void> {
  const ctx = accountsContext({ db: options.db, env: options.env });
  await app.register(cookie, { hook: 'onRequest' });

  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config?.access;
    if (access === undefined || access === 'internal' || !request.url.startsWith('/api/')) return;
    if (request.cookies[SESSION_COOKIE] === undefined) return;
    const token = sessionTokenOf(request);
    const resolved = token ? await resolveSession(ctx, { token }) : undefined;
    if (!token || !resolved) {
      clearSessionCookie(reply, options.env);
      return;
    }
    request.user = resolved.user;
    request.accountSession = { id: resolved.sessionId, token };
  });

  // After access control's preHandler (registered first): a signed-out caller gets 401, not 403.
  app.addHook('preHandler', verifyCsrf);
}

export default fp(sessionPlugin, { name: 'sejour-session', fastify: '5.x' });
