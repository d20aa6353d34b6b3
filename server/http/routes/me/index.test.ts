import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  Browser,
  OTHER_GOOD_PASSWORD,
  createAccountsTestApp,
  createUser,
  mailsTo,
  tokenFromMail,
  uniqueEmail,
} from '../../../../test/accounts';
import { sessions, users } from '../../../db/schema/index';
import { ACCOUNT_PAGES } from '../../../../contract/accounts';
import { accountsContext } from '../../../usecases/accounts/context';
import { openSession } from '../../../usecases/accounts/open-session';

const { app, database, env } = await createAccountsTestApp();
const db = database.db;

function expectProblem(response: { statusCode: number; headers: Record<string, unknown>; json: () => unknown }, status: number, code: string) {
  expect(response.statusCode).toBe(status);
  expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect((response.json() as { code: string }).code).toBe(code);
}

async function signedIn(options: Parameters<typeof createUser>[1] = {}) {
  const user = await createUser(db, options);
  const browser = new Browser(app);
  const response = await browser.signIn(user.email, user.password);
  expect(response.statusCode).toBe(200);
  return { user, browser };
}

describe('GET /api/v1/me', () => {
  it('asks a signed-out caller to sign in, in their language', async () => {
    const fr = await app.inject({ url: '/api/v1/me' });
    expectProblem(fr, 401, 'unauthenticated');
    expect(fr.json().title).toBe('Connexion requise');
    const en = await app.inject({ url: '/api/v1/me', headers: { 'accept-language': 'en' } });
    expect(en.json().title).toBe('Sign-in required');
  });

  it('shows the account of any role, without its password hash', async () => {
    const { user, browser } = await signedIn({ role: 'agent', displayName: 'Agent Rhône' });
    const response = await browser.get('/api/v1/me');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      id: user.id,
      email: user.email,
      displayName: 'Agent Rhône',
      role: 'agent',
      locale: 'fr',
      phone: null,
      emailVerified: true,
      hasPassword: true,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(response.body).not.toContain('argon2');
    expect(response.headers['cache-control']).toBe('no-store');
  });
});

describe('PATCH /api/v1/me', () => {
  it('changes the display name, phone number and language', async () => {
    const { browser } = await signedIn();
    const response = await browser.patch('/api/v1/me', { displayName: '  Amina D. ', phone: '+33612345678', locale: 'en' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ displayName: 'Amina D.', phone: '+33612345678', locale: 'en' });
    expect((await browser.patch('/api/v1/me', { phone: null })).json().phone).toBeNull();
  });

  it('refuses a phone number not in international format, naming the field', async () => {
    const { browser } = await signedIn();
    const response = await browser.patch('/api/v1/me', { phone: '06 12 34 56 78' }, { headers: { 'accept-language': 'en' } });
    expectProblem(response, 400, 'validation_failed');
    const errors = response.json().errors as Array<{ in: string; field: string; code: string; message: string }>;
    expect(errors.every((e) => e.in === 'body' && e.field === 'phone')).toBe(true);
    expect(errors).toContainEqual({ in: 'body', field: 'phone', code: 'pattern', message: 'This field does not have the expected format.' });
  });

  it('refuses fields it does not know, such as the role', async () => {
    const { browser } = await signedIn();
    const response = await browser.patch('/api/v1/me', { role: 'admin' });
    expectProblem(response, 400, 'validation_failed');
    expect(response.json().errors[0]).toMatchObject({ field: 'role', code: 'additionalProperties' });
  });
});

describe('POST /api/v1/me/password', () => {
  it('changes the password, keeps this session, ends the others and tells the owner', async () => {
    const { user, browser } = await signedIn({ locale: 'en' });
    const other = new Browser(app);
    await other.signIn(user.email, user.password);

    const response = await browser.post('/api/v1/me/password', { currentPassword: user.password, newPassword: OTHER_GOOD_PASSWORD });
    expect(response.statusCode).toBe(204);
    expect((await browser.get('/api/v1/me')).statusCode).toBe(200);
    expectProblem(await other.get('/api/v1/me'), 401, 'unauthenticated');
    expect(await db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(1);

    const [notice] = await mailsTo(db, user.email, 'password_changed');
    expect(notice).toMatchObject({ locale: 'en', subject: 'Your Sejour password was changed' });
    expect(notice!.html).toContain(ACCOUNT_PAGES.forgotPassword);

    expectProblem(await new Browser(app).signIn(user.email, user.password), 401, 'invalid_credentials');
    expect((await new Browser(app).signIn(user.email, OTHER_GOOD_PASSWORD)).statusCode).toBe(200);
  });

  it('refuses a wrong current password, and counts it like a failed sign-in', async () => {
    const { user, browser } = await signedIn();
    const response = await browser.post('/api/v1/me/password', { currentPassword: 'not-my-password-x', newPassword: OTHER_GOOD_PASSWORD });
    expectProblem(response, 403, 'wrong_password');
    expect(response.json().errors[0]).toMatchObject({ field: 'currentPassword', message: "Ce mot de passe n'est pas le bon." });
    // a stolen session cannot guess the password at leisure
    for (let i = 0; i < 3; i++) await browser.post('/api/v1/me/password', { currentPassword: `guess-${i}-xxxxxxx`, newPassword: OTHER_GOOD_PASSWORD });
    expectProblem(
      await browser.post('/api/v1/me/password', { currentPassword: user.password, newPassword: OTHER_GOOD_PASSWORD }),
      429,
      'sign_in_throttled',
    );
  });

  it('refuses a weak new password with its reason', async () => {
    const { user, browser } = await signedIn();
    const response = await browser.post('/api/v1/me/password', { currentPassword: user.password, newPassword: 'soleil2024!!' });
    expectProblem(response, 400, 'weak_password');
    expect(response.json().errors[0]).toMatchObject({ field: 'newPassword', code: 'password_too_common' });
  });

  it('sends accounts without a password to the reset flow', async () => {
    const user = await createUser(db, { password: null });
    // such accounts sign in through the identity provider; open a session directly
    const browser = new Browser(app);
    const session = await openSession(accountsContext({ db, env }), { userId: user.id, deviceLabel: null });
    browser.cookies.set('sejour_session', session.token);
    browser.cookies.set('sejour_csrf', session.csrfToken);
    expect((await browser.get('/api/v1/me')).json().hasPassword).toBe(false);
    expectProblem(
      await browser.post('/api/v1/me/password', { currentPassword: 'anything-at-all', newPassword: OTHER_GOOD_PASSWORD }),
      409,
      'password_not_set',
    );
  });
});

describe('POST /api/v1/me/email', () => {
  it('sends a link to the new address and changes nothing until it is followed; then tells the old address', async () => {
    const { user, browser } = await signedIn({ locale: 'en' });
    const newEmail = uniqueEmail('new');
    const asked = await browser.post('/api/v1/me/email', { newEmail, password: user.password });
    expect(asked.statusCode).toBe(202);
    expect((await browser.get('/api/v1/me')).json().email).toBe(user.email);

    const [mail] = await mailsTo(db, newEmail, 'change_email');
    expect(mail).toMatchObject({ locale: 'en', subject: 'Confirm your new email address – Sejour' });
    const token = tokenFromMail(mail!, ACCOUNT_PAGES.confirmEmail);
    const confirmed = await browser.post('/api/v1/auth/confirm-email', { token });
    expect(confirmed.json()).toEqual({ purpose: 'change_email', email: newEmail });
    expect((await browser.get('/api/v1/me')).json()).toMatchObject({ email: newEmail, emailVerified: true });

    const [notice] = await mailsTo(db, user.email, 'email_changed');
    expect(notice!.text).toContain(newEmail);
    expect((await new Browser(app).signIn(newEmail, user.password)).statusCode).toBe(200);
    expectProblem(await new Browser(app).signIn(user.email, user.password), 401, 'invalid_credentials');
  });

  it('asks for the current password, and refuses a wrong one', async () => {
    const { browser } = await signedIn();
    const missing = await browser.post('/api/v1/me/email', { newEmail: uniqueEmail() });
    expectProblem(missing, 400, 'validation_failed');
    expect(missing.json().errors[0]).toMatchObject({ field: 'password', code: 'required' });
    expectProblem(await browser.post('/api/v1/me/email', { newEmail: uniqueEmail(), password: 'wrong-password-xx' }), 403, 'wrong_password');
  });

  it('answers the same when another account uses the address, and sends it nothing', async () => {
    const { user, browser } = await signedIn();
    const other = await createUser(db);
    const response = await browser.post('/api/v1/me/email', { newEmail: other.email, password: user.password });
    expect(response.statusCode).toBe(202);
    expect(await mailsTo(db, other.email)).toEqual([]);
  });

  it('refuses the address the account already has', async () => {
    const { user, browser } = await signedIn();
    expectProblem(await browser.post('/api/v1/me/email', { newEmail: user.email, password: user.password }), 400, 'email_unchanged');
  });

  it('refuses the link if the address was taken in the meantime', async () => {
    const { user, browser } = await signedIn();
    const newEmail = uniqueEmail('race');
    await browser.post('/api/v1/me/email', { newEmail, password: user.password });
    const token = tokenFromMail((await mailsTo(db, newEmail, 'change_email'))[0]!, ACCOUNT_PAGES.confirmEmail);
    await createUser(db, { email: newEmail });
    expectProblem(await browser.post('/api/v1/auth/confirm-email', { token }), 409, 'email_taken');
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row!.email).toBe(user.email);
  });
});

describe('sessions', () => {
  it("cannot end another person's session", async () => {
    const { browser } = await signedIn();
    const { browser: victim } = await signedIn();
    const [victimSession] = (await victim.get('/api/v1/me/sessions')).json().items;
    expectProblem(await browser.delete(`/api/v1/me/sessions/${victimSession.id}`), 404, 'not_found');
    expect((await victim.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('signs this browser out when it ends its own session', async () => {
    const { browser } = await signedIn();
    const [current] = (await browser.get('/api/v1/me/sessions')).json().items;
    const response = await browser.delete(`/api/v1/me/sessions/${current.id}`);
    expect(response.statusCode).toBe(204);
    expect(response.cookies.find((c) => c.name === 'sejour_session')?.value).toBe('');
    expectProblem(await browser.get('/api/v1/me'), 401, 'unauthenticated');
  });

  it('needs the anti-CSRF token to end a session', async () => {
    const { browser } = await signedIn();
    const [current] = (await browser.get('/api/v1/me/sessions')).json().items;
    expectProblem(await browser.delete(`/api/v1/me/sessions/${current.id}`, { csrf: false }), 403, 'csrf_invalid');
  });
});

describe('passwords typed on different keyboards', () => {
  it('accepts the same accented password whether the accent was composed or not', async () => {
    const composed = 'café-crème-à-volonté';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const email = uniqueEmail('accent');
    const browser = await new Browser(app).prepare();
    await browser.post('/api/v1/auth/register', { email, password: composed, displayName: 'Accent' });
    await db.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.email, email));
    expect((await new Browser(app).signIn(email, decomposed)).statusCode).toBe(200);
  });
});
