/**
 * Sign-in through an OpenID Connect provider, end to end: a real `oidc-provider` listens on a
 * loopback port; the test plays the browser, following every redirect, filling in the provider's
 * login and consent pages, and coming back to Sejour signed in.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { Browser, createAccountsTestApp, createUser, uniqueEmail } from '../../../../test/accounts';
import { identityLinks, users } from '../../../db/schema/index';
import { ConfigError, loadEnv } from '../../../env';

const PUBLIC_URL = 'http://sejour.test';
const CALLBACK = `${PUBLIC_URL}/api/v1/auth/oidc/callback`;
const CLIENT_ID = 'sejour-test';
const CLIENT_SECRET = 'a-long-client-secret-for-the-test-provider';

/** Who the provider knows, by login: the claims it releases about them. */
const people = new Map<string, Record<string, unknown>>();

const server = http.createServer();
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const provider = new Provider(issuer, {
  clients: [
    {
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      redirect_uris: [CALLBACK],
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_post',
    },
  ],
  pkce: { required: () => true },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['given_name', 'family_name', 'name'] },
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['oidc-test-cookie-key'] },
  ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
  findAccount: async (_ctx, id) => {
    const claims = people.get(id);
    return claims ? { accountId: id, claims: async () => ({ sub: id, ...claims }) } : undefined;
  },
});
server.on('request', provider.callback());
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const { app, database } = await createAccountsTestApp({
  PUBLIC_URL,
  OIDC_ISSUER: issuer,
  OIDC_CLIENT_ID: CLIENT_ID,
  OIDC_CLIENT_SECRET: CLIENT_SECRET,
  OIDC_SCOPES: 'openid email profile',
});
const db = database.db;

/** The provider's side of the browser: cookies by name (one host), redirects followed by hand. */
class ProviderSide {
  readonly cookies = new Map<string, string>();
  readonly visited: string[] = [];

  private async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    this.visited.push(url);
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie } });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /**
   * Starts at the provider and goes on (redirects, login and consent forms) until the provider
   * sends the browser back to Sejour; returns that URL.
   */
  async run(start: string, login: string): Promise<URL> {
    let response = await this.fetch(start);
    let current = start;
    for (let step = 0; step < 20; step++) {
      if (response.status >= 300 && response.status < 400) {
        const next = new URL(response.headers.get('location') ?? '', current);
        if (next.href.startsWith(PUBLIC_URL)) return next;
        current = next.href;
        response = await this.fetch(current);
        continue;
      }
      const html = await response.text();
      expect(response.status, html).toBe(200);
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      const prompt = /name="prompt" value="([a-z]+)"/.exec(html)?.[1];
      if (!action || !prompt) throw new Error(`unexpected provider page:\n${html}`);
      const form = new URLSearchParams({ prompt });
      if (prompt === 'login') {
        form.set('login', login);
        form.set('password', 'any password: devInteractions accept all');
      }
      current = new URL(action.replace(/&amp;/g, '&'), current).href;
      response = await this.fetch(current, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      });
    }
    throw new Error('too many steps at the provider');
  }
}

/** A whole sign-in: Sejour → provider (login, consent) → Sejour callback. Returns the callback answer. */
async function signInThroughProvider(browser: Browser, login: string) {
  const start = await browser.get('/api/v1/auth/oidc/start');
  expect(start.statusCode).toBe(302);
  const providerSide = new ProviderSide();
  const back = await providerSide.run(String(start.headers.location), login);
  expect(back.pathname).toBe('/api/v1/auth/oidc/callback');
  return { start, back, providerSide, callback: await browser.get(`${back.pathname}${back.search}`) };
}

function person(login: string, claims: Record<string, unknown>) {
  people.set(login, claims);
  return login;
}

describe('sign-in through the identity provider', () => {
  it('creates an applicant account from the verified email, opens a session and lands on the personal space', async () => {
    const email = uniqueEmail('fatou');
    const login = person(`fatou-${email}`, { email, email_verified: true, given_name: 'Fatou', family_name: 'Ndiaye' });
    const browser = new Browser(app, { headers: { 'accept-language': 'en-GB,en;q=0.8', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0' } });

    const { start, callback, providerSide } = await signInThroughProvider(browser, login);
    // authorization code + PKCE (S256) + state + nonce, with the configured scopes
    const authorize = new URL(String(start.headers.location));
    expect(authorize.origin).toBe(issuer);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      client_id: CLIENT_ID,
      response_type: 'code',
      redirect_uri: CALLBACK,
      scope: 'openid email profile',
      code_challenge_method: 'S256',
    });
    for (const param of ['state', 'nonce', 'code_challenge']) expect(authorize.searchParams.get(param)).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const transient = start.cookies.find((c) => c.name === 'sejour_oidc');
    expect(transient).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/v1/auth/oidc/callback', maxAge: 600 });
    // the provider really showed its login and consent pages
    expect(providerSide.visited.some((url) => url.includes('/interaction/'))).toBe(true);

    expect(callback.statusCode).toBe(302);
    expect(callback.headers.location).toBe('/espace');
    expect(callback.cookies.find((c) => c.name === 'sejour_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(browser.cookies.has('sejour_oidc')).toBe(false);

    const me = await browser.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      email,
      displayName: 'Fatou Ndiaye',
      role: 'applicant',
      locale: 'en',
      emailVerified: true,
      hasPassword: false,
    });
    const sessionsList = (await browser.get('/api/v1/me/sessions')).json().items;
    expect(sessionsList).toEqual([expect.objectContaining({ device: 'Firefox · Linux', current: true })]);
    // state-changing calls work with the CSRF cookie set at sign-in
    expect((await browser.patch('/api/v1/me', { phone: '+33612345678' })).statusCode).toBe(200);

    // the second time, the same identity finds the same account
    const again = new Browser(app);
    expect((await signInThroughProvider(again, login)).callback.headers.location).toBe('/espace');
    expect((await again.get('/api/v1/me')).json().id).toBe(me.json().id);
    expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(1);
    expect(await db.select().from(identityLinks).where(eq(identityLinks.userId, me.json().id))).toEqual([
      expect.objectContaining({ issuer, subject: login }),
    ]);
  });

  it('links an existing applicant account with the same verified address; its password keeps working', async () => {
    const user = await createUser(db);
    const login = person(`linked-${user.email}`, { email: user.email.toUpperCase(), email_verified: true, given_name: 'Other', family_name: 'Name' });
    const browser = new Browser(app);
    const { callback } = await signInThroughProvider(browser, login);
    expect(callback.headers.location).toBe('/espace');
    expect((await browser.get('/api/v1/me')).json()).toMatchObject({ id: user.id, displayName: user.displayName });
    expect((await new Browser(app).signIn(user.email, user.password)).statusCode).toBe(200);
  });

  it('removes the password of a never-confirmed account it links (someone may have registered the address in advance)', async () => {
    const planted = await createUser(db, { verified: false });
    const login = person(`owner-${planted.email}`, { email: planted.email, email_verified: true });
    const browser = new Browser(app);
    expect((await signInThroughProvider(browser, login)).callback.headers.location).toBe('/espace');
    expect((await browser.get('/api/v1/me')).json()).toMatchObject({ id: planted.id, emailVerified: true, hasPassword: false });
    expect((await new Browser(app).signIn(planted.email, planted.password)).statusCode).toBe(401);
  });

  it('refuses an identity whose email the provider has not verified, creating nothing', async () => {
    const email = uniqueEmail('unverified');
    const login = person(`unverified-${email}`, { email, email_verified: false });
    const browser = new Browser(app);
    const { callback } = await signInThroughProvider(browser, login);
    expect(callback.statusCode).toBe(302);
    expect(callback.headers.location).toBe('/connexion?erreur=oidc_email_unverified');
    expect(browser.sessionToken).toBeUndefined();
    expect(await db.select().from(users).where(eq(users.email, email))).toEqual([]);
  });

  it('does not open staff accounts through the identity provider', async () => {
    const agent = await createUser(db, { role: 'agent' });
    const login = person(`agent-${agent.email}`, { email: agent.email, email_verified: true });
    const browser = new Browser(app);
    expect((await signInThroughProvider(browser, login)).callback.headers.location).toBe('/connexion?erreur=oidc_not_allowed');
    expect(browser.sessionToken).toBeUndefined();
  });

  it('refuses a callback whose state was not issued to this browser (login CSRF)', async () => {
    const email = uniqueEmail('attacker');
    const login = person(`attacker-${email}`, { email, email_verified: true });
    // the attacker runs the flow in their own browser and keeps the code…
    const attacker = new Browser(app);
    const start = await attacker.get('/api/v1/auth/oidc/start');
    const back = await new ProviderSide().run(String(start.headers.location), login);
    // …and makes the victim's browser, which started its own flow, open the callback
    const victim = new Browser(app);
    await victim.get('/api/v1/auth/oidc/start');
    const response = await victim.get(`${back.pathname}${back.search}`);
    expect(response.headers.location).toBe('/connexion?erreur=oidc_failed');
    expect(victim.sessionToken).toBeUndefined();
    // a browser that never started a flow
    const stranger = await new Browser(app).get(`${back.pathname}${back.search}`);
    expect(stranger.headers.location).toBe('/connexion?erreur=oidc_expired');
  });

  it('sends the person back to the sign-in page when they cancel at the provider', async () => {
    const browser = new Browser(app);
    await browser.get('/api/v1/auth/oidc/start');
    const response = await browser.get('/api/v1/auth/oidc/callback?error=access_denied&state=x');
    expect(response.headers.location).toBe('/connexion?erreur=oidc_cancelled');
  });

  it('tells the web that the identity provider is offered', async () => {
    expect((await app.inject({ url: '/api/v1/auth/options' })).json().oidc).toEqual({ enabled: true, startUrl: '/api/v1/auth/oidc/start' });
  });
});

describe('identity provider configuration', () => {
  it.each([
    [{ OIDC_ISSUER: 'https://idp.example.org' }, 'OIDC_CLIENT_ID'],
    [{ OIDC_ISSUER: 'https://idp.example.org', OIDC_CLIENT_ID: 'x' }, 'OIDC_CLIENT_SECRET'],
    [{ OIDC_ISSUER: 'http://idp.example.org', OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 'y' }, 'OIDC_ISSUER'],
    [{ OIDC_ISSUER: 'https://idp.example.org', OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 'y', OIDC_SCOPES: 'email profile' }, 'OIDC_SCOPES'],
    [{ SESSION_IDLE_MINUTES: '120', SESSION_MAX_HOURS: '1' }, 'SESSION_IDLE_MINUTES'],
  ])('refuses %o naming %s', (source, variable) => {
    expect(() => loadEnv(source)).toThrowError(ConfigError);
    expect(() => loadEnv(source)).toThrowError(variable);
  });

  it('is off by default, and accepts a provider on this machine over http', () => {
    expect(loadEnv({}).oidc).toBeUndefined();
    expect(loadEnv({ OIDC_ISSUER: 'http://localhost:9000/', OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 'y' }).oidc).toEqual({
      issuer: 'http://localhost:9000',
      clientId: 'x',
      clientSecret: 'y',
      scopes: 'openid email profile',
    });
  });
});
