import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { Browser, createAccountsTestApp, createUser } from '../../../test/accounts';
import { sessions } from '../../db/schema/index';
import { hashToken } from '../../usecases/accounts/secrets';

const { app, database, env } = await createAccountsTestApp();
const db = database.db;
// created here, not inside a test, so that its clean-up (afterAll) is registered
const short = await createAccountsTestApp({ SESSION_IDLE_MINUTES: '15', SESSION_MAX_HOURS: '2' });

async function signedIn() {
  const user = await createUser(db);
  const browser = new Browser(app);
  expect((await browser.signIn(user.email, user.password)).statusCode).toBe(200);
  const [row] = await db.select().from(sessions).where(eq(sessions.tokenHash, hashToken(browser.sessionToken!)));
  return { user, browser, row: row! };
}

const minutes = (n: number) => n * 60_000;

describe('session lifetime', () => {
  it('ends after 60 minutes without activity and 12 hours after sign-in by default', async () => {
    const { row } = await signedIn();
    expect(env.sessionIdleMinutes).toBe(60);
    expect(row.idleExpiresAt.getTime() - row.createdAt.getTime()).toBe(minutes(60));
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(minutes(12 * 60));
  });

  it('ends when left idle: the next request is signed out, the cookie removed and the row deleted', async () => {
    const { browser, row } = await signedIn();
    await db.update(sessions).set({ idleExpiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.id, row.id));
    const response = await browser.get('/api/v1/me');
    expect(response.statusCode).toBe(401);
    expect(response.cookies.find((c) => c.name === 'sejour_session')?.value).toBe('');
    expect(await db.select().from(sessions).where(eq(sessions.id, row.id))).toEqual([]);
  });

  it('slides the idle limit forward with activity', async () => {
    const { browser, row } = await signedIn();
    const earlier = new Date(Date.now() - minutes(30));
    await db
      .update(sessions)
      .set({ lastSeenAt: earlier, idleExpiresAt: new Date(earlier.getTime() + minutes(60)) })
      .where(eq(sessions.id, row.id));
    expect((await browser.get('/api/v1/me')).statusCode).toBe(200);
    const [after] = await db.select().from(sessions).where(eq(sessions.id, row.id));
    expect(after!.lastSeenAt.getTime()).toBeGreaterThan(earlier.getTime() + minutes(29));
    expect(after!.idleExpiresAt.getTime()).toBeGreaterThan(Date.now() + minutes(59));
  });

  it('ends at the absolute limit however active, and never slides past it', async () => {
    const { browser, row } = await signedIn();
    const soon = new Date(Date.now() + minutes(5));
    await db
      .update(sessions)
      .set({ expiresAt: soon, lastSeenAt: new Date(Date.now() - minutes(2)) })
      .where(eq(sessions.id, row.id));
    expect((await browser.get('/api/v1/me')).statusCode).toBe(200);
    const [after] = await db.select().from(sessions).where(eq(sessions.id, row.id));
    expect(after!.idleExpiresAt.getTime()).toBe(soon.getTime());

    await db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.id, row.id));
    expect((await browser.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('takes its limits from SESSION_IDLE_MINUTES and SESSION_MAX_HOURS', async () => {
    const user = await createUser(short.database.db);
    const browser = new Browser(short.app);
    const response = await browser.signIn(user.email, user.password);
    expect(response.cookies.find((c) => c.name === 'sejour_session')?.maxAge).toBe(2 * 3600);
    const [row] = await short.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(row!.idleExpiresAt.getTime() - row!.createdAt.getTime()).toBe(minutes(15));
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(minutes(120));
  });

  it('ignores a malformed session cookie', async () => {
    const { row } = await signedIn();
    const response = await app.inject({ url: '/api/v1/me', cookies: { sejour_session: "'; drop table sessions; --" } });
    expect(response.statusCode).toBe(401);
    expect(await db.select().from(sessions).where(eq(sessions.id, row.id))).toHaveLength(1);
  });

  it('does not touch the database for requests outside the API', async () => {
    const response = await app.inject({ url: '/healthz', cookies: { sejour_session: 'E'.repeat(43) } });
    expect(response.statusCode).toBe(200);
    expect(response.cookies).toEqual([]);
  });
});
