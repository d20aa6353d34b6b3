import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  Browser,
  GOOD_PASSWORD,
  OTHER_GOOD_PASSWORD,
  createAccountsTestApp,
  createUser,
  mailsTo,
  tokenFromMail,
  uniqueEmail,
} from '../../../../test/accounts';
import { accountTokens, sessions, signInAttempts, users } from '../../../db/schema/index';
import { ACCOUNT_PAGES } from '../../../../contract/accounts';
import { clientThrottleKey, emailThrottleKey, hashToken } from '../../../usecases/accounts/secrets';

const { app, database, env } = await createAccountsTestApp();
const db = database.db;
// created here, not inside a test, so that its clean-up (afterAll) is registered
const tls = await createAccountsTestApp({ PUBLIC_URL: 'https://sejour.example.org' });

function expectProblem(response: { statusCode: number; headers: Record<string, unknown>; json: () => unknown }, status: number, code: string) {
  expect(response.statusCode).toBe(status);
  expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect((response.json() as { code: string }).code).toBe(code);
}

/** Simulates time passing for a throttled address: the wait is over. */
async function endWait(key: string) {
  await db.update(signInAttempts).set({ blockedUntil: null }).where(eq(signInAttempts.key, key));
}

describe('the applicant journey from registration to sign-out', () => {
  it('registers, confirms the address from the email, signs in, sees the account and sessions, ends one, signs out', async () => {
    const email = uniqueEmail('amina');
    const phone = new Browser(app, { headers: { 'user-agent': 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36' } });
    await phone.prepare();

    const registered = await phone.post('/api/v1/auth/register', {
      email: email.toUpperCase(),
      password: GOOD_PASSWORD,
      displayName: 'Amina Diallo',
      locale: 'en',
    });
    expect(registered.statusCode).toBe(202);
    expect(registered.json()).toEqual({ status: 'accepted' });

    // the confirmation email is in English, as asked, with a text and an HTML part
    const [mail] = await mailsTo(db, email, 'confirm_email');
    expect(mail).toBeDefined();
    expect(mail!.locale).toBe('en');
    expect(mail!.subject).toBe('Confirm your email address – Sejour');
    expect(mail!.text).toContain('valid for 48 hours');
    expect(mail!.html).toContain('<html lang="en">');
    expect(mail!.text).toContain(`${env.publicUrl}${ACCOUNT_PAGES.confirmEmail}?token=`);

    // not confirmed yet: the right password is refused with a reason
    const early = await phone.signIn(email, GOOD_PASSWORD);
    expectProblem(early, 403, 'email_not_confirmed');

    const token = tokenFromMail(mail!, ACCOUNT_PAGES.confirmEmail);
    const confirmed = await phone.post('/api/v1/auth/confirm-email', { token });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toEqual({ purpose: 'confirm_email', email });
    // single use
    expectProblem(await phone.post('/api/v1/auth/confirm-email', { token }), 400, 'token_invalid');

    const signedIn = await phone.signIn(email, GOOD_PASSWORD);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user).toMatchObject({ email, displayName: 'Amina Diallo', role: 'applicant', locale: 'en', emailVerified: true });
    expect(signedIn.json().csrfToken).toBe(phone.cookies.get('sejour_csrf'));

    const me = await phone.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().email).toBe(email);

    // a second device signs in
    const laptop = new Browser(app, { headers: { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0' } });
    expect((await laptop.signIn(email, GOOD_PASSWORD)).statusCode).toBe(200);

    const listed = await phone.get('/api/v1/me/sessions');
    expect(listed.statusCode).toBe(200);
    const items = listed.json().items as Array<{ id: string; device: string | null; current: boolean }>;
    expect(items).toHaveLength(2);
    expect(items.find((s) => s.current)?.device).toBe('Chrome · Android');
    const other = items.find((s) => !s.current);
    expect(other?.device).toBe('Firefox · Windows');

    // the phone signs the laptop out
    expect((await phone.delete(`/api/v1/me/sessions/${other!.id}`)).statusCode).toBe(204);
    expectProblem(await laptop.get('/api/v1/me'), 401, 'unauthenticated');
    expect(laptop.sessionToken).toBeUndefined();
    expect((await phone.get('/api/v1/me/sessions')).json().items).toHaveLength(1);

    const out = await phone.post('/api/v1/auth/sign-out');
    expect(out.statusCode).toBe(204);
    expect(phone.sessionToken).toBeUndefined();
    expectProblem(await phone.get('/api/v1/me'), 401, 'unauthenticated');
  });

  it('stores only hashes of session and link tokens', async () => {
    const user = await createUser(db);
    const browser = new Browser(app);
    await browser.signIn(user.email, user.password);
    const token = browser.sessionToken!;
    const rows = await db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);

    await browser.post('/api/v1/auth/password-reset', { email: user.email });
    const [mail] = await mailsTo(db, user.email, 'reset_password');
    const resetToken = tokenFromMail(mail!, ACCOUNT_PAGES.resetPassword);
    const stored = await db.select().from(accountTokens).where(eq(accountTokens.userId, user.id));
    expect(stored.map((t) => t.tokenHash)).toContain(hashToken(resetToken));
    expect(JSON.stringify(stored)).not.toContain(resetToken);
  });
});

describe('registration', () => {
  it('answers the same for an address that already has an account, and tells its owner instead', async () => {
    const owner = await createUser(db, { locale: 'en', displayName: 'Owner Person' });
    const browser = await new Browser(app).prepare();
    const fresh = await browser.post('/api/v1/auth/register', { email: uniqueEmail(), password: GOOD_PASSWORD, displayName: 'A' });
    const taken = await browser.post('/api/v1/auth/register', { email: owner.email, password: OTHER_GOOD_PASSWORD, displayName: 'B' });
    expect(taken.statusCode).toBe(fresh.statusCode);
    expect(taken.body).toBe(fresh.body);

    const mails = await mailsTo(db, owner.email);
    expect(mails.map((m) => m.kind)).toEqual(['account_exists']);
    expect(mails[0]!.locale).toBe('en');
    expect(mails[0]!.text).toContain('Hello Owner Person,');
    expect(mails[0]!.text).toContain(`${env.publicUrl}${ACCOUNT_PAGES.forgotPassword}`);
    // the existing account is untouched: its password still works
    expect((await new Browser(app).signIn(owner.email, owner.password)).statusCode).toBe(200);
  });

  it.each([
    ['short1', 'password_too_short', 'Le mot de passe doit contenir au moins 12 caractères.'],
    ['azertyuiop123', 'password_too_common', 'Ce mot de passe est trop courant ou trop facile à deviner.'],
    ['x'.repeat(129), 'password_too_long', 'Le mot de passe doit contenir au plus 128 caractères.'],
  ])('refuses the password %s with the reason %s, in French by default', async (password, reason, message) => {
    const browser = await new Browser(app).prepare();
    const response = await browser.post('/api/v1/auth/register', { email: uniqueEmail(), password, displayName: 'A' });
    expectProblem(response, 400, 'weak_password');
    expect(response.json().errors).toEqual([{ in: 'body', field: 'password', code: reason, message }]);
  });

  it("refuses a password containing the address's local part, in English when asked", async () => {
    const browser = await new Browser(app, { headers: { 'accept-language': 'en-GB,en;q=0.9' } }).prepare();
    const response = await browser.post('/api/v1/auth/register', {
      email: 'moussa.kone@example.org',
      password: 'Moussa.Kone-1987!',
      displayName: 'Moussa',
    });
    expectProblem(response, 400, 'weak_password');
    expect(response.json().title).toBe('Password refused');
    expect(response.json().errors[0]).toMatchObject({ code: 'password_contains_email', message: 'The password must not contain your email address.' });
  });

  it('caps the emails one address can receive from requests anyone can make', async () => {
    const owner = await createUser(db);
    const browser = await new Browser(app).prepare();
    for (let i = 0; i < 8; i++) {
      expect((await browser.post('/api/v1/auth/register', { email: owner.email, password: GOOD_PASSWORD, displayName: 'X' })).statusCode).toBe(202);
    }
    expect(await mailsTo(db, owner.email)).toHaveLength(5);
  });
});

describe('CSRF protection', () => {
  it('refuses sign-in and registration without the token, with a 403 problem in the caller language', async () => {
    const user = await createUser(db);
    const browser = new Browser(app, { headers: { 'accept-language': 'en' } });
    const signIn = await browser.post('/api/v1/auth/sign-in', { email: user.email, password: user.password });
    expectProblem(signIn, 403, 'csrf_invalid');
    expect(signIn.json().title).toBe('Request refused for security');
    expect(browser.sessionToken).toBeUndefined();
    const fr = await new Browser(app).post('/api/v1/auth/register', { email: uniqueEmail(), password: GOOD_PASSWORD, displayName: 'A' });
    expectProblem(fr, 403, 'csrf_invalid');
    expect(fr.json().title).toBe('Requête refusée par sécurité');
  });

  it('refuses a token that does not match the cookie', async () => {
    const user = await createUser(db);
    const browser = await new Browser(app).prepare();
    const response = await browser.post(
      '/api/v1/auth/sign-in',
      { email: user.email, password: user.password },
      { headers: { 'x-csrf-token': 'A'.repeat(43) } },
    );
    expectProblem(response, 403, 'csrf_invalid');
  });

  it("refuses, once signed in, a double-submitted value that is not the session's token", async () => {
    const user = await createUser(db);
    const browser = new Browser(app);
    await browser.signIn(user.email, user.password);
    // an attacker able to plant a cookie (a sibling sub-domain) plants one of their own choosing
    browser.cookies.set('sejour_csrf', 'B'.repeat(43));
    const response = await browser.patch('/api/v1/me', { displayName: 'Hacked' });
    expectProblem(response, 403, 'csrf_invalid');
    // the real token is given back by GET /auth/csrf
    const token = (await browser.get('/api/v1/auth/csrf')).json().token;
    expect(browser.cookies.get('sejour_csrf')).toBe(token);
    expect((await browser.patch('/api/v1/me', { displayName: 'Amina D.' })).statusCode).toBe(200);
  });

  it('refuses a request the browser marks as coming from another site, even with the token', async () => {
    const user = await createUser(db);
    const browser = new Browser(app);
    await browser.signIn(user.email, user.password);
    const response = await browser.patch('/api/v1/me', { displayName: 'X' }, { headers: { 'sec-fetch-site': 'cross-site' } });
    expectProblem(response, 403, 'csrf_invalid');
    expect((await browser.patch('/api/v1/me', { displayName: 'Y' }, { headers: { 'sec-fetch-site': 'same-origin' } })).statusCode).toBe(200);
  });

  it('answers 401 rather than 403 to a signed-out caller of a protected route', async () => {
    expectProblem(await new Browser(app).patch('/api/v1/me', { displayName: 'X' }, { csrf: false }), 401, 'unauthenticated');
  });

  it('does not ask public cookie-less routes for a token', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: uniqueEmail() } });
    expect(response.statusCode).toBe(202);
  });

  it('keeps the same anonymous token across calls', async () => {
    const browser = new Browser(app);
    const first = (await browser.get('/api/v1/auth/csrf')).json().token;
    const second = (await browser.get('/api/v1/auth/csrf')).json().token;
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second).toBe(first);
  });
});

describe('cookies', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and a script-readable, SameSite=Strict CSRF cookie, not Secure over http', async () => {
    const user = await createUser(db);
    const response = await new Browser(app).signIn(user.email, user.password);
    const session = response.cookies.find((c) => c.name === 'sejour_session');
    const csrf = response.cookies.find((c) => c.name === 'sejour_csrf');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(session?.secure).toBeFalsy();
    expect(session?.maxAge).toBe(env.sessionMaxHours * 3600);
    expect(csrf).toMatchObject({ sameSite: 'Strict', path: '/' });
    expect(csrf?.httpOnly).toBeFalsy();
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('marks both cookies Secure when the service is served over https', async () => {
    const user = await createUser(tls.database.db);
    const response = await new Browser(tls.app).signIn(user.email, user.password);
    expect(response.statusCode).toBe(200);
    for (const name of ['sejour_session', 'sejour_csrf']) expect(response.cookies.find((c) => c.name === name)?.secure).toBe(true);
  });

  it('rotates the token at sign-in and ends the previous session of that browser', async () => {
    const user = await createUser(db);
    const browser = new Browser(app);
    await browser.signIn(user.email, user.password);
    const first = browser.sessionToken!;
    await browser.signIn(user.email, user.password);
    const second = browser.sessionToken!;
    expect(second).not.toBe(first);
    const rows = await db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows.map((r) => r.tokenHash)).toEqual([hashToken(second)]);
    // the old token opens nothing
    const stale = new Browser(app);
    stale.cookies.set('sejour_session', first);
    expectProblem(await stale.get('/api/v1/me'), 401, 'unauthenticated');
  });

  it('removes an unknown session cookie', async () => {
    const response = await app.inject({ url: '/api/v1/auth/csrf', cookies: { sejour_session: 'C'.repeat(43) } });
    const cleared = response.cookies.find((c) => c.name === 'sejour_session');
    expect(cleared?.value).toBe('');
  });
});

describe('sign-in', () => {
  it('refuses a wrong password and an unknown address with the same answer', async () => {
    const user = await createUser(db);
    const browser = new Browser(app, { remoteAddress: '198.51.100.1' });
    const wrong = await browser.signIn(user.email, 'not-the-password-at-all');
    const unknown = await browser.signIn(uniqueEmail(), 'not-the-password-at-all');
    expectProblem(wrong, 401, 'invalid_credentials');
    expectProblem(unknown, 401, 'invalid_credentials');
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
    expect(wrong.json().detail).toBe("L'adresse e-mail ou le mot de passe est incorrect.");
  });

  it('takes comparable time for an unknown address (a dummy hash is checked)', async () => {
    const user = await createUser(db);
    const browser = new Browser(app, { remoteAddress: '198.51.100.2' });
    await browser.prepare();
    const time = async (email: string) => {
      const started = performance.now();
      await browser.post('/api/v1/auth/sign-in', { email, password: 'not-the-password-at-all' });
      return performance.now() - started;
    };
    await time(uniqueEmail()); // warm-up: the dummy hash is computed once per process
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      await db.delete(signInAttempts).where(eq(signInAttempts.key, emailThrottleKey(user.email)));
      known.push(await time(user.email));
      unknown.push(await time(uniqueEmail()));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[1]!;
    // both verify an argon2id hash: an unknown address is not answered markedly faster
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
  });

  it('accepts the address in any letter case', async () => {
    const user = await createUser(db);
    expect((await new Browser(app).signIn(user.email.toUpperCase(), user.password)).statusCode).toBe(200);
  });

  it('slows repeated failures, then locks the account for 15 minutes, even for the right password', async () => {
    const user = await createUser(db);
    const key = emailThrottleKey(user.email);
    const browser = new Browser(app, { remoteAddress: '198.51.100.3', headers: { 'accept-language': 'en' } });
    for (let i = 1; i <= 3; i++) expectProblem(await browser.signIn(user.email, `wrong-password-${i}-xx`), 401, 'invalid_credentials');
    // 4th failure: from now on, a wait before the next try
    expectProblem(await browser.signIn(user.email, 'wrong-password-4-xx'), 401, 'invalid_credentials');
    const slowed = await browser.signIn(user.email, user.password);
    expectProblem(slowed, 429, 'sign_in_throttled');
    expect(Number(slowed.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(slowed.json().detail).toMatch(/^Too many sign-in attempts\. Wait \d+ seconds/);
    for (let i = 5; i <= 10; i++) {
      await endWait(key);
      expectProblem(await browser.signIn(user.email, `wrong-password-${i}-xx`), 401, 'invalid_credentials');
    }
    await endWait(key); // even after the short waits, the 10th failure locked the account
    await db
      .update(signInAttempts)
      .set({ blockedUntil: new Date(Date.now() + 15 * 60_000) })
      .where(eq(signInAttempts.key, key));
    const locked = await browser.signIn(user.email, user.password);
    expectProblem(locked, 429, 'sign_in_locked');
    expect(locked.json().detail).toContain('blocked for 15 minutes');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);

    // 15 minutes later
    await db.update(signInAttempts).set({ blockedUntil: new Date(Date.now() - 1000) }).where(eq(signInAttempts.key, key));
    expect((await browser.signIn(user.email, user.password)).statusCode).toBe(200);
    // success clears the counter
    expect(await db.select().from(signInAttempts).where(eq(signInAttempts.key, key))).toEqual([]);
  });

  it('locks an unknown address exactly like a known one', async () => {
    const user = await createUser(db);
    const stranger = uniqueEmail('nobody');
    const answers: Record<string, Array<[number, string]>> = {};
    for (const email of [user.email, stranger]) {
      const browser = new Browser(app, { remoteAddress: '198.51.100.4' });
      answers[email] = [];
      for (let i = 1; i <= 11; i++) {
        await endWait(emailThrottleKey(email));
        if (i === 11) {
          // the lock set by the 10th failure is still running
          await db
            .update(signInAttempts)
            .set({ blockedUntil: new Date(Date.now() + 15 * 60_000) })
            .where(eq(signInAttempts.key, emailThrottleKey(email)));
        }
        const response = await browser.signIn(email, `wrong-password-${i}-xx`);
        answers[email]!.push([response.statusCode, response.json().code]);
      }
    }
    expect(answers[stranger]).toEqual(answers[user.email]);
    expect(answers[stranger]!.at(-1)).toEqual([429, 'sign_in_locked']);
  });

  it('counts failures in the database by a hash of the address, never the address itself', async () => {
    const email = uniqueEmail('hashed');
    await new Browser(app, { remoteAddress: '198.51.100.5' }).signIn(email, 'wrong-password-xx-1');
    const rows = await db.select().from(signInAttempts);
    expect(rows.map((r) => r.key)).toContain(emailThrottleKey(email));
    expect(JSON.stringify(rows)).not.toContain(email);
    expect(JSON.stringify(rows)).not.toContain('198.51.100.5');
  });

  it('stops a client that fails too often, whatever addresses it tries', async () => {
    const user = await createUser(db);
    const address = '203.0.113.9';
    await db.insert(signInAttempts).values({
      key: clientThrottleKey(address),
      failures: 300,
      lastFailedAt: new Date(),
      blockedUntil: new Date(Date.now() + 15 * 60_000),
    });
    const response = await new Browser(app, { remoteAddress: address }).signIn(user.email, user.password);
    expectProblem(response, 429, 'sign_in_locked');
    // another client is not affected
    expect((await new Browser(app, { remoteAddress: '203.0.113.10' }).signIn(user.email, user.password)).statusCode).toBe(200);
  });

  it('does not let parallel guesses slip past the counter', async () => {
    const user = await createUser(db);
    const browser = await new Browser(app, { remoteAddress: '198.51.100.6' }).prepare();
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => browser.post('/api/v1/auth/sign-in', { email: user.email, password: `parallel-guess-${i}-xx` })),
    );
    const checked = responses.filter((r) => r.statusCode === 401).length;
    // 3 free failures, then the 1-second wait refuses the rest of the burst
    expect(checked).toBeLessThanOrEqual(4);
    expect(responses.filter((r) => r.statusCode === 429).length).toBeGreaterThanOrEqual(8);
  });
});

describe('password reset', () => {
  it('answers the same for an unknown address, which gets a note instead of a link', async () => {
    const user = await createUser(db);
    const stranger = uniqueEmail('stranger');
    const known = await app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: user.email } });
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: stranger },
      headers: { 'accept-language': 'en' },
    });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    expect((await mailsTo(db, user.email)).map((m) => m.kind)).toEqual(['reset_password']);
    const [note] = await mailsTo(db, stranger);
    expect(note).toMatchObject({ kind: 'reset_unknown', locale: 'en' });
    expect(note!.text).not.toContain('token=');
  });

  it('sets a new password with the link once, ends every session, unlocks and tells the owner', async () => {
    const user = await createUser(db, { locale: 'en' });
    const phone = new Browser(app, { remoteAddress: '198.51.100.7' });
    await phone.signIn(user.email, user.password);
    // the owner had locked themselves out
    await db.insert(signInAttempts).values({
      key: emailThrottleKey(user.email),
      failures: 10,
      lastFailedAt: new Date(),
      blockedUntil: new Date(Date.now() + 15 * 60_000),
    });

    await app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: user.email } });
    const [mail] = await mailsTo(db, user.email, 'reset_password');
    expect(mail!.locale).toBe('en');
    expect(mail!.text).toContain('valid for 1 hour');
    const token = tokenFromMail(mail!, ACCOUNT_PAGES.resetPassword);

    // a refused password does not use the link up
    const weak = await app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, newPassword: 'password1234' } });
    expectProblem(weak, 400, 'weak_password');
    expect(weak.json().errors[0]).toMatchObject({ field: 'newPassword', code: 'password_too_common' });

    const done = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, newPassword: OTHER_GOOD_PASSWORD },
    });
    expect(done.statusCode).toBe(204);
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, newPassword: OTHER_GOOD_PASSWORD },
    });
    expectProblem(again, 400, 'token_invalid');

    expectProblem(await phone.get('/api/v1/me'), 401, 'unauthenticated');
    expectProblem(await new Browser(app, { remoteAddress: '198.51.100.7' }).signIn(user.email, user.password), 401, 'invalid_credentials');
    expect((await new Browser(app, { remoteAddress: '198.51.100.7' }).signIn(user.email, OTHER_GOOD_PASSWORD)).statusCode).toBe(200);
    const [notice] = await mailsTo(db, user.email, 'password_changed');
    expect(notice!.subject).toBe('Your Sejour password was changed');
    expect(notice!.text).toContain('(Paris time)');
  });

  it('refuses an expired link with 410', async () => {
    const user = await createUser(db);
    await app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: user.email } });
    const [mail] = await mailsTo(db, user.email, 'reset_password');
    const token = tokenFromMail(mail!, ACCOUNT_PAGES.resetPassword);
    const [row] = await db.select().from(accountTokens).where(eq(accountTokens.tokenHash, hashToken(token)));
    // an hour and a second later
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(3_600_000);
    await db
      .update(accountTokens)
      .set({ createdAt: sql`${accountTokens.createdAt} - interval '61 minutes'`, expiresAt: sql`${accountTokens.expiresAt} - interval '61 minutes'` })
      .where(eq(accountTokens.id, row!.id));
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, newPassword: OTHER_GOOD_PASSWORD },
      headers: { 'accept-language': 'en' },
    });
    expectProblem(response, 410, 'token_expired');
    expect(response.json().detail).toBe('This link has expired. Ask for a new one.');
    expect((await new Browser(app).signIn(user.email, user.password)).statusCode).toBe(200);
  });

  it('refuses a made-up link', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token: 'D'.repeat(43), newPassword: OTHER_GOOD_PASSWORD },
    });
    expectProblem(response, 400, 'token_invalid');
  });

  it('confirms the address of an account that was never confirmed', async () => {
    const user = await createUser(db, { verified: false });
    await app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: user.email } });
    const token = tokenFromMail((await mailsTo(db, user.email, 'reset_password'))[0]!, ACCOUNT_PAGES.resetPassword);
    await app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, newPassword: OTHER_GOOD_PASSWORD } });
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row!.emailVerifiedAt).not.toBeNull();
  });
});

describe('email confirmation', () => {
  it('refuses an expired confirmation link and sends a fresh one when the person tries to sign in', async () => {
    const email = uniqueEmail('late');
    const browser = await new Browser(app).prepare();
    await browser.post('/api/v1/auth/register', { email, password: GOOD_PASSWORD, displayName: 'Late Person' });
    const [first] = await mailsTo(db, email, 'confirm_email');
    const token = tokenFromMail(first!, ACCOUNT_PAGES.confirmEmail);
    await db
      .update(accountTokens)
      .set({ createdAt: sql`${accountTokens.createdAt} - interval '49 hours'`, expiresAt: sql`${accountTokens.expiresAt} - interval '49 hours'` })
      .where(eq(accountTokens.tokenHash, hashToken(token)));
    expectProblem(await browser.post('/api/v1/auth/confirm-email', { token }), 410, 'token_expired');

    expectProblem(await browser.signIn(email, GOOD_PASSWORD), 403, 'email_not_confirmed');
    const mails = await mailsTo(db, email, 'confirm_email');
    expect(mails).toHaveLength(2);
    const fresh = tokenFromMail(mails[1]!, ACCOUNT_PAGES.confirmEmail);
    expect((await browser.post('/api/v1/auth/confirm-email', { token: fresh })).statusCode).toBe(200);
    expect((await browser.signIn(email, GOOD_PASSWORD)).statusCode).toBe(200);
  });

  it('validates the token format before looking it up', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/confirm-email', payload: { token: 'short' } });
    expectProblem(response, 400, 'validation_failed');
  });
});

describe('options', () => {
  it('tells the web the password rules and that no identity provider is configured', async () => {
    const response = await app.inject({ url: '/api/v1/auth/options' });
    expect(response.json()).toEqual({
      password: { minLength: 12, maxLength: 128 },
      oidc: { enabled: false, startUrl: '/api/v1/auth/oidc/start' },
    });
    expectProblem(await app.inject({ url: '/api/v1/auth/oidc/start' }), 404, 'oidc_not_configured');
  });
});

describe('OpenAPI', () => {
  it('documents every account route with its responses', async () => {
    const doc = (await app.inject({ url: '/api/v1/openapi.json' })).json();
    const expected: Array<[string, string, string[]]> = [
      ['/api/v1/auth/register', 'post', ['202', '400', '403', '429']],
      ['/api/v1/auth/confirm-email', 'post', ['200', '400', '409', '410']],
      ['/api/v1/auth/sign-in', 'post', ['200', '400', '401', '403', '429']],
      ['/api/v1/auth/sign-out', 'post', ['204', '403']],
      ['/api/v1/auth/password-reset', 'post', ['202', '400']],
      ['/api/v1/auth/password-reset/confirm', 'post', ['204', '400', '410']],
      ['/api/v1/auth/csrf', 'get', ['200']],
      ['/api/v1/auth/oidc/start', 'get', ['302', '404']],
      ['/api/v1/auth/oidc/callback', 'get', ['302']],
      ['/api/v1/me', 'get', ['200', '401']],
      ['/api/v1/me', 'patch', ['200', '400', '401', '403']],
      ['/api/v1/me/email', 'post', ['202', '401', '403']],
      ['/api/v1/me/password', 'post', ['204', '401', '403', '409']],
      ['/api/v1/me/sessions', 'get', ['200', '401']],
      ['/api/v1/me/sessions/{id}', 'delete', ['204', '401', '403', '404']],
    ];
    for (const [path, method, statuses] of expected) {
      const operation = doc.paths[path]?.[method];
      expect(operation, `${method} ${path}`).toBeDefined();
      expect(operation.summary, `${method} ${path}`).toBeTruthy();
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(statuses));
    }
  });
});
