import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { Browser, createAccountsTestApp, createUser } from '../../../../test/accounts';
import { auditEvents, prefectures, recoveryCodes, userPrefectures, type UserRole } from '../../../db/schema/index';
import { totpCodeAt } from '../../../adapters/totp';

// The app's clock, fixed so that TOTP steps do not roll over in the middle of a test; each test
// starts ten minutes after the previous one so codes never collide across tests.
let clock = new Date('2026-11-26T10:00:05Z');
const now = () => clock;
function nextTest() {
  clock = new Date(clock.getTime() + 600_000);
}
const { app, database } = await createAccountsTestApp({}, { now });
const db = database.db;

function expectProblem(response: { statusCode: number; headers: Record<string, unknown>; json: () => unknown }, status: number, code: string) {
  expect(response.statusCode).toBe(status);
  expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect((response.json() as { code: string }).code).toBe(code);
}

async function staffBrowser(role: UserRole = 'agent') {
  nextTest();
  const user = await createUser(db, { role });
  const [rhone] = await db.select({ id: prefectures.id }).from(prefectures).where(eq(prefectures.departementCode, '69'));
  if (rhone && role !== 'admin') await db.insert(userPrefectures).values({ userId: user.id, prefectureId: rhone.id });
  const browser = new Browser(app);
  expect((await browser.signIn(user.email, user.password)).statusCode).toBe(200);
  return { user, browser };
}

async function enrol(browser: Browser) {
  const started = await browser.post('/api/v1/auth/second-factor/enrolment');
  expect(started.statusCode).toBe(201);
  const { secret, otpauthUri, qrCode } = started.json() as { secret: string; otpauthUri: string; qrCode: string };
  const confirmed = await browser.post('/api/v1/auth/second-factor/enrolment/confirm', { code: await totpCodeAt(secret, now()) });
  expect(confirmed.statusCode).toBe(200);
  return { secret, otpauthUri, qrCode, recoveryCodes: (confirmed.json() as { recoveryCodes: string[] }).recoveryCodes };
}

describe('second factor for staff', () => {
  it('keeps an agent away from staff routes until they enrol, then lets them in', async () => {
    const { browser } = await staffBrowser('agent');
    expectProblem(await browser.get('/api/v1/staff/prefectures'), 403, 'second_factor_required');
    expect((await browser.get('/api/v1/auth/second-factor')).json()).toEqual({ enrolled: false, verified: false, recoveryCodesLeft: 0 });

    const enrolment = await enrol(browser);
    expect(enrolment.otpauthUri).toMatch(/^otpauth:\/\/totp\/Sejour:.*secret=[A-Z2-7]+.*issuer=Sejour/);
    expect(enrolment.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(enrolment.qrCode.split(',')[1] ?? '', 'base64').toString()).toContain('<svg');
    expect(enrolment.recoveryCodes).toHaveLength(10);
    expect(new Set(enrolment.recoveryCodes).size).toBe(10);

    const assignment = await browser.get('/api/v1/staff/prefectures');
    expect(assignment.statusCode).toBe(200);
    expect((assignment.json() as { prefectures: Array<{ departementCode: string }> }).prefectures.map((p) => p.departementCode)).toEqual(['69']);
  });

  it('asks again at every new sign-in, and accepts the code of the moment', async () => {
    const { user, browser } = await staffBrowser('supervisor');
    const { secret } = await enrol(browser);
    const second = new Browser(app);
    await second.signIn(user.email, user.password);
    expectProblem(await second.get('/api/v1/staff/prefectures'), 403, 'second_factor_required');
    // The code used at enrolment was consumed: the same step is refused (replay).
    expectProblem(await second.post('/api/v1/auth/second-factor/verify', { code: await totpCodeAt(secret, now()) }), 400, 'second_factor_invalid');
    // A phone one step ahead: its code is accepted; two steps ahead: refused.
    expectProblem(await second.post('/api/v1/auth/second-factor/verify', { code: await totpCodeAt(secret, new Date(now().getTime() + 60_000)) }), 400, 'second_factor_invalid');
    const next = await totpCodeAt(secret, new Date(now().getTime() + 30_000));
    const verified = await second.post('/api/v1/auth/second-factor/verify', { code: next });
    expect(verified.statusCode).toBe(200);
    expect((await second.get('/api/v1/staff/prefectures')).statusCode).toBe(200);
  });

  it('refuses a wrong code with a message naming the field, and stores nothing in clear', async () => {
    const { user, browser } = await staffBrowser('agent');
    const { recoveryCodes: codes } = await enrol(browser);
    const other = new Browser(app, { headers: { 'accept-language': 'en' } });
    await other.signIn(user.email, user.password);
    const refused = await other.post('/api/v1/auth/second-factor/verify', { code: '000000' });
    expectProblem(refused, 400, 'second_factor_invalid');
    const body = refused.json() as { errors: Array<{ field: string; message: string }> };
    expect(body.errors[0]?.field).toBe('code');
    expect(body.errors[0]?.message).toContain('6 digits');
    const stored = await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    expect(stored).toHaveLength(10);
    for (const code of codes) expect(JSON.stringify(stored)).not.toContain(code.replace('-', ''));
  });

  it('lets a recovery code in once, and counts down what is left', async () => {
    const { user, browser } = await staffBrowser('agent');
    const { recoveryCodes: codes } = await enrol(browser);
    const code = codes[3] ?? '';
    const lost = new Browser(app);
    await lost.signIn(user.email, user.password);
    const used = await lost.post('/api/v1/auth/second-factor/verify', { recoveryCode: code.toUpperCase() });
    expect(used.statusCode).toBe(200);
    expect(used.json()).toEqual({ method: 'recovery_code', recoveryCodesLeft: 9 });
    const logged = await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.actorUserId, user.id)).orderBy(auditEvents.id);
    expect(logged.map((e) => e.action)).toEqual(['second-factor.enrol', 'second-factor.recovery-code']);
    expect((await lost.get('/api/v1/staff/prefectures')).statusCode).toBe(200);

    const again = new Browser(app);
    await again.signIn(user.email, user.password);
    expectProblem(await again.post('/api/v1/auth/second-factor/verify', { recoveryCode: code }), 400, 'second_factor_invalid');
  });

  it('slows down guessing, then locks, without ever letting a guess through', async () => {
    const { user, browser } = await staffBrowser('agent');
    await enrol(browser);
    const guesser = new Browser(app);
    await guesser.signIn(user.email, user.password);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await guesser.post('/api/v1/auth/second-factor/verify', { code: String(100000 + i) })).statusCode);
    expect(statuses.slice(0, 3)).toEqual([400, 400, 400]);
    expect(statuses).toContain(429);
    expectProblem(await guesser.get('/api/v1/staff/prefectures'), 403, 'second_factor_required');
  });

  it('cannot enrol twice over a confirmed app, and applicants cannot reach these routes', async () => {
    const { browser } = await staffBrowser('admin');
    await enrol(browser);
    expectProblem(await browser.post('/api/v1/auth/second-factor/enrolment'), 409, 'second_factor_already_enrolled');

    const applicant = await createUser(db);
    const person = new Browser(app);
    await person.signIn(applicant.email, applicant.password);
    expectProblem(await person.post('/api/v1/auth/second-factor/enrolment'), 403, 'forbidden');
    expectProblem(await person.get('/api/v1/staff/prefectures'), 403, 'forbidden');
    expectProblem(await new Browser(app).get('/api/v1/staff/prefectures'), 401, 'unauthenticated');
  });

  it('refuses a confirmation with a code from another secret', async () => {
    const { browser } = await staffBrowser('agent');
    const started = await browser.post('/api/v1/auth/second-factor/enrolment');
    expect(started.statusCode).toBe(201);
    const foreign = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    expectProblem(await browser.post('/api/v1/auth/second-factor/enrolment/confirm', { code: await totpCodeAt(foreign, now()) }), 400, 'second_factor_invalid');
  });

  it('lets a supervisor read the audit log after the second factor, and never an agent', async () => {
    const { browser: agent } = await staffBrowser('agent');
    await enrol(agent);
    expectProblem(await agent.get('/api/v1/staff/audit'), 403, 'forbidden');
    const { user, browser: supervisor } = await staffBrowser('supervisor');
    expectProblem(await supervisor.get('/api/v1/staff/audit'), 403, 'second_factor_required');
    await enrol(supervisor);
    const page = await supervisor.get('/api/v1/staff/audit?limit=5');
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ events: expect.any(Array) });
    expect(JSON.stringify(page.json())).not.toContain(user.password);
    expectProblem(await supervisor.get('/api/v1/staff/audit?limit=500'), 400, 'validation_failed');
  });
});
