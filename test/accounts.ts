/**
 * Helpers for account tests: a cookie-keeping "browser" over `app.inject()`, a user factory that
 * inserts only what a test asks for, and outbox readers.
 */
import { randomUUID } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { and, asc, eq } from 'drizzle-orm';
import type { App } from '../server/http/app';
import type { Db } from '../server/db/client';
import { outboxMessages, users, type UserRole } from '../server/db/schema/index';
import { hashPassword } from '../server/adapters/password';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '../contract/accounts';
import { createTestApp, type TestContext } from './app';

/**
 * A test app that does not serve the built front end (so account tests do not depend on whether
 * `dist/web` happens to exist).
 */
export function createAccountsTestApp(overrides: Record<string, string> = {}, options: { now?: () => Date } = {}): Promise<TestContext> {
  return createTestApp({ WEB_DIST_DIR: `/nonexistent/sejour-web-${randomUUID()}`, ...overrides }, options);
}

/** An address no other test uses. */
export function uniqueEmail(prefix = 'person'): string {
  return `${prefix}.${randomUUID().slice(0, 8)}@example.org`;
}

/** Passwords that pass the rules. */
export const GOOD_PASSWORD = 'violet-tramway-47-orage';
export const OTHER_GOOD_PASSWORD = 'quatre chats sur le toit rouge';

type Request = Omit<InjectOptions, 'cookies'> & { csrf?: boolean };

/**
 * Keeps cookies across requests like a browser, and echoes `sejour_csrf` as `x-csrf-token` on
 * state-changing requests (unless `csrf: false`).
 */
export class Browser {
  readonly cookies = new Map<string, string>();

  constructor(
    readonly app: App,
    readonly defaults: { headers?: Record<string, string>; remoteAddress?: string } = {},
  ) {}

  async request(options: Request): Promise<LightMyRequestResponse> {
    const { csrf = true, headers = {}, ...rest } = options;
    const method = String(options.method ?? 'GET').toUpperCase();
    const all: Record<string, string> = { ...this.defaults.headers, ...(headers as Record<string, string>) };
    const csrfToken = this.cookies.get(CSRF_COOKIE);
    if (csrf && !['GET', 'HEAD'].includes(method) && csrfToken && all[CSRF_HEADER] === undefined) all[CSRF_HEADER] = csrfToken;
    const response = await this.app.inject({
      ...rest,
      ...(this.defaults.remoteAddress ? { remoteAddress: this.defaults.remoteAddress } : {}),
      headers: all,
      cookies: Object.fromEntries(this.cookies),
    } as InjectOptions);
    for (const cookie of response.cookies) {
      const expired = cookie.maxAge === 0 || (cookie.expires !== undefined && cookie.expires.getTime() <= Date.now());
      if (expired || cookie.value === '') this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }

  get(url: string, options: Omit<Request, 'url' | 'method'> = {}) {
    return this.request({ ...options, method: 'GET', url });
  }

  post(url: string, payload?: unknown, options: Omit<Request, 'url' | 'method' | 'payload'> = {}) {
    return this.request({ ...options, method: 'POST', url, ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }) });
  }

  patch(url: string, payload: unknown, options: Omit<Request, 'url' | 'method' | 'payload'> = {}) {
    return this.request({ ...options, method: 'PATCH', url, payload: payload as InjectOptions['payload'] });
  }

  delete(url: string, options: Omit<Request, 'url' | 'method'> = {}) {
    return this.request({ ...options, method: 'DELETE', url });
  }

  /** Fetches the anti-CSRF token the way the web client does. */
  async prepare(): Promise<this> {
    await this.get('/api/v1/auth/csrf');
    return this;
  }

  async signIn(email: string, password: string): Promise<LightMyRequestResponse> {
    if (!this.cookies.has(CSRF_COOKIE)) await this.prepare();
    return this.post('/api/v1/auth/sign-in', { email, password });
  }

  get sessionToken(): string | undefined {
    return this.cookies.get(SESSION_COOKIE);
  }
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  displayName: string;
}

/** Inserts a user; confirmed (email verified) with a password unless told otherwise. */
export async function createUser(
  db: Db,
  options: {
    email?: string;
    password?: string | null;
    role?: UserRole;
    verified?: boolean;
    locale?: 'fr' | 'en';
    displayName?: string;
  } = {},
): Promise<TestUser> {
  const email = options.email ?? uniqueEmail();
  const password = options.password === undefined ? GOOD_PASSWORD : options.password;
  const displayName = options.displayName ?? 'Amina Diallo';
  const [row] = await db
    .insert(users)
    .values({
      email,
      displayName,
      role: options.role ?? 'applicant',
      passwordHash: password === null ? null : await hashPassword(password),
      locale: options.locale ?? 'fr',
      emailVerifiedAt: options.verified === false ? null : new Date(),
    })
    .returning({ id: users.id });
  if (!row) throw new Error('user insert failed');
  return { id: row.id, email, password: password ?? '', displayName };
}

export type OutboxRow = typeof outboxMessages.$inferSelect;

/** Messages queued for an address, oldest first; optionally of one kind. */
export async function mailsTo(db: Db, recipient: string, kind?: string): Promise<OutboxRow[]> {
  return db
    .select()
    .from(outboxMessages)
    .where(kind ? and(eq(outboxMessages.recipient, recipient), eq(outboxMessages.kind, kind)) : eq(outboxMessages.recipient, recipient))
    .orderBy(asc(outboxMessages.createdAt));
}

/** The `token` parameter of the first link to `path` in a message's text. */
export function tokenFromMail(message: OutboxRow, path: string): string {
  const match = new RegExp(`${path.replace(/[/]/g, '\\/')}\\?token=([A-Za-z0-9_-]+)`).exec(message.text);
  if (!match?.[1]) throw new Error(`no ${path} link in ${message.kind} email:\n${message.text}`);
  return match[1];
}
