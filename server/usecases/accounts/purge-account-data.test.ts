import { eq, inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../test/accounts';
import { createTestDatabase } from '../../../test/db';
import { accountTokens, sessions, signInAttempts } from '../../db/schema/index';
import { accountsContext } from './context';
import { purgeAccountData } from './purge-account-data';

const database = await createTestDatabase();
const db = database.db;
afterAll(() => database.close());
const now = new Date('2027-03-15T09:00:00Z');
const ctx = accountsContext({ db, env: { publicUrl: 'http://localhost:3000', sessionIdleMinutes: 60, sessionMaxHours: 12 }, now: () => now });
const hours = (n: number) => new Date(now.getTime() + n * 3_600_000);

describe(purgeAccountData.name, () => {
  it('deletes ended sessions, old links and stale counters, and keeps everything still in use', async () => {
    const user = await createUser(db);
    const session = (label: string, idle: Date, absolute: Date) => ({
      userId: user.id,
      tokenHash: label.padEnd(64, '0'),
      deviceLabel: label,
      createdAt: hours(-2),
      lastSeenAt: hours(-1),
      idleExpiresAt: idle,
      expiresAt: absolute,
    });
    await db.insert(sessions).values([
      session('a-live', hours(1), hours(10)),
      session('b-idle', hours(-0.5), hours(10)),
      session('c-absolute', hours(1), hours(-0.1)),
    ]);
    const token = (label: string, expiresAt: Date, usedAt: Date | null) => ({
      userId: user.id,
      purpose: 'reset_password' as const,
      email: user.email,
      tokenHash: label.padEnd(64, '0'),
      createdAt: hours(-1),
      expiresAt,
      usedAt,
    });
    await db.insert(accountTokens).values([
      token('d-open', hours(1), null),
      token('e-expired-recently', hours(-24), null),
      token('f-expired-long-ago', hours(-24 * 8), null),
      token('g-used-long-ago', hours(1), hours(-24 * 8)),
    ]);
    await db.insert(signInAttempts).values([
      { key: 'email:recent', failures: 2, lastFailedAt: hours(-1), blockedUntil: null },
      { key: 'email:stale', failures: 2, lastFailedAt: hours(-25), blockedUntil: null },
      { key: 'email:stale-but-locked', failures: 10, lastFailedAt: hours(-25), blockedUntil: hours(1) },
    ]);

    await purgeAccountData(ctx);
    expect((await db.select().from(sessions).where(eq(sessions.userId, user.id))).map((s) => s.deviceLabel)).toEqual(['a-live']);
    const tokens = await db.select().from(accountTokens).where(eq(accountTokens.userId, user.id));
    expect(tokens.map((t) => t.tokenHash.replace(/0+$/, '')).sort()).toEqual(['d-open', 'e-expired-recently']);
    const keys = await db
      .select()
      .from(signInAttempts)
      .where(inArray(signInAttempts.key, ['email:recent', 'email:stale', 'email:stale-but-locked']));
    expect(keys.map((k) => k.key).sort()).toEqual(['email:recent', 'email:stale-but-locked']);

    // a second run finds nothing more of these
    await purgeAccountData(ctx);
    expect(await db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(1);
  });
});
