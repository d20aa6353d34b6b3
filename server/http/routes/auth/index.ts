/**
 * /api/v1/auth: registration, email confirmation, sign-in and sign-out, password reset, the
 * anti-CSRF token, and sign-in through an OpenID Connect identity provider.
 */
import type { FastifyRequest } from 'fastify';
import type { App } from '../../app';
import type { Db } from '../../../db/client';
import type { Env } from '../../../env';
import { createOidcClient } from '../../../adapters/oidc';
import type { Locale } from '../../../i18n/index';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../policies/password';
import { ACCOUNT_PAGES, type OidcErrorCode } from '../../../../contract/accounts';
import { AppError, requestLocale } from '../../problem';
import { cookiesAreSecure, clearSessionCookie, sessionTokenOf, setSessionCookies } from '../../plugins/session';
import { csrfTokenFor, setCsrfCookie } from '../../plugins/csrf';
import { accountsContext } from '../../../usecases/accounts/context';
import { confirmEmail } from '../../../usecases/accounts/confirm-email';
import { deviceLabel } from '../../../usecases/accounts/device-label';
import { registerAccount } from '../../../usecases/accounts/register-account';
import { requestPasswordReset } from '../../../usecases/accounts/request-password-reset';
import { resetPassword } from '../../../usecases/accounts/reset-password';
import { signIn } from '../../../usecases/accounts/sign-in';
import { OidcRefusal, signInWithOidc } from '../../../usecases/accounts/sign-in-with-oidc';
import { signOut } from '../../../usecases/accounts/sign-out';
import {
  confirmEmailSchema,
  csrfSchema,
  oidcCallbackSchema,
  oidcStartSchema,
  optionsSchema,
  passwordResetConfirmSchema,
  passwordResetRequestSchema,
  registerSchema,
  signInSchema,
  signOutSchema,
} from './schemas';

export const OIDC_COOKIE = 'sejour_oidc';
const OIDC_CALLBACK_PATH = '/api/v1/auth/oidc/callback';
const OIDC_COOKIE_MAX_AGE = 600;

function localeOf(request: FastifyRequest, given: Locale | undefined): Locale {
  return given ?? requestLocale(request);
}

function encodeChecks(checks: { state: string; nonce: string; codeVerifier: string }): string {
  return Buffer.from(JSON.stringify(checks), 'utf8').toString('base64url');
}

function decodeChecks(value: string | undefined): { state: string; nonce: string; codeVerifier: string } | undefined {
  if (!value || value.length > 1024) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Record<string, unknown>;
    const { state, nonce, codeVerifier } = parsed;
    if (typeof state === 'string' && typeof nonce === 'string' && typeof codeVerifier === 'string') return { state, nonce, codeVerifier };
  } catch {
    // a damaged cookie is treated as a missing one
  }
  return undefined;
}

export function registerAuthRoutes(app: App, deps: { db: Db; env: Env }): void {
  const { env } = deps;
  const ctx = accountsContext({ db: deps.db, env });
  const secure = cookiesAreSecure(env);
  const oidc = env.oidc ? createOidcClient(env.oidc, `${env.publicUrl}${OIDC_CALLBACK_PATH}`) : undefined;

  app.get('/api/v1/auth/options', { config: { access: 'public' }, schema: optionsSchema }, async () => ({
    password: { minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH },
    oidc: { enabled: oidc !== undefined, startUrl: '/api/v1/auth/oidc/start' },
  }));

  app.get('/api/v1/auth/csrf', { config: { access: 'public' }, schema: csrfSchema }, async (request, reply) => {
    const { token } = csrfTokenFor(request);
    setCsrfCookie(reply, token, secure, env.sessionMaxHours * 3600);
    reply.header('cache-control', 'no-store');
    return { token };
  });

  app.post('/api/v1/auth/register', { config: { access: 'public', csrf: true }, schema: registerSchema }, async (request, reply) => {
    const { email, password, displayName, locale } = request.body;
    await registerAccount(ctx, { email, password, displayName, locale: localeOf(request, locale) });
    return reply.code(202).send({ status: 'accepted' as const });
  });

  app.post('/api/v1/auth/confirm-email', { config: { access: 'public' }, schema: confirmEmailSchema }, async (request) =>
    confirmEmail(ctx, { token: request.body.token }),
  );

  app.post('/api/v1/auth/sign-in', { config: { access: 'public', csrf: true }, schema: signInSchema }, async (request, reply) => {
    const result = await signIn(ctx, {
      email: request.body.email,
      password: request.body.password,
      clientAddress: request.ip,
      deviceLabel: deviceLabel(request.headers['user-agent']),
      previousSessionToken: sessionTokenOf(request),
    });
    setSessionCookies(reply, env, result.session, ctx.now());
    reply.header('cache-control', 'no-store');
    return { user: result.user, csrfToken: result.session.csrfToken };
  });

  app.post('/api/v1/auth/sign-out', { config: { access: 'public', csrf: true }, schema: signOutSchema }, async (request, reply) => {
    await signOut(ctx, { sessionToken: sessionTokenOf(request) });
    clearSessionCookie(reply, env);
    return reply.code(204).send(null);
  });

  app.post('/api/v1/auth/password-reset', { config: { access: 'public' }, schema: passwordResetRequestSchema }, async (request, reply) => {
    await requestPasswordReset(ctx, { email: request.body.email, locale: localeOf(request, request.body.locale) });
    return reply.code(202).send({ status: 'accepted' as const });
  });

  app.post(
    '/api/v1/auth/password-reset/confirm',
    { config: { access: 'public' }, schema: passwordResetConfirmSchema },
    async (request, reply) => {
      await resetPassword(ctx, { token: request.body.token, newPassword: request.body.newPassword });
      // Every session ended, this browser's too.
      if (sessionTokenOf(request)) clearSessionCookie(reply, env);
      return reply.code(204).send(null);
    },
  );

  app.get('/api/v1/auth/oidc/start', { config: { access: 'public' }, schema: oidcStartSchema }, async (_request, reply) => {
    if (!oidc) throw new AppError(404, 'oidc_not_configured');
    let begun: Awaited<ReturnType<typeof oidc.begin>>;
    try {
      begun = await oidc.begin();
    } catch (error) {
      reply.log.warn({ err: { message: (error as Error).message } }, 'identity provider unreachable');
      return reply.redirect(`${ACCOUNT_PAGES.signIn}?erreur=${'oidc_failed' satisfies OidcErrorCode}`, 302);
    }
    // What the callback must find again: only this browser holds it (HttpOnly, 10 minutes).
    reply.setCookie(OIDC_COOKIE, encodeChecks(begun.checks), {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: OIDC_CALLBACK_PATH,
      maxAge: OIDC_COOKIE_MAX_AGE,
    });
    reply.header('cache-control', 'no-store');
    return reply.redirect(begun.url, 302);
  });

  app.get('/api/v1/auth/oidc/callback', { config: { access: 'public' }, schema: oidcCallbackSchema }, async (request, reply) => {
    const back = (code: OidcErrorCode) => reply.redirect(`${ACCOUNT_PAGES.signIn}?erreur=${code}`, 302);
    reply.header('cache-control', 'no-store');
    if (!oidc) return back('oidc_failed');
    const checks = decodeChecks(request.cookies[OIDC_COOKIE]);
    reply.clearCookie(OIDC_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: OIDC_CALLBACK_PATH });
    if (request.query.error) return back(request.query.error === 'access_denied' ? 'oidc_cancelled' : 'oidc_failed');
    if (!checks) return back('oidc_expired');

    let identity: Awaited<ReturnType<typeof oidc.finish>>;
    try {
      // The URL the provider redirected to, rebuilt from PUBLIC_URL (the Host header is not trusted).
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      identity = await oidc.finish(new URL(`${env.publicUrl}${OIDC_CALLBACK_PATH}${query}`), checks);
    } catch (error) {
      request.log.warn({ err: { message: (error as Error).message } }, 'identity provider sign-in failed');
      return back('oidc_failed');
    }
    try {
      const result = await signInWithOidc(ctx, {
        identity,
        locale: requestLocale(request),
        deviceLabel: deviceLabel(request.headers['user-agent']),
        previousSessionToken: sessionTokenOf(request),
      });
      setSessionCookies(reply, env, result.session, ctx.now());
      return reply.redirect(ACCOUNT_PAGES.personalSpace, 302);
    } catch (error) {
      if (error instanceof OidcRefusal) return back(error.code);
      throw error;
    }
  });
}
