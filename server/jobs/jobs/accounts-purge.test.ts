import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../test/accounts';
import { createTestDatabase } from '../../../test/db';
import { jobRows, runnersForEachTest, waitFor } from '../../../test/jobs';
import { sessions } from '../../db/schema/index';
import { enqueue } from '../enqueue';
import { JOBS } from '../registry';
import { accountsPurge } from './accounts-purge';

const database = await createTestDatabase();
const db = database.db;
afterAll(() => database.close());
const startRunner = runnersForEachTest();

describe(accountsPurge.name, () => {
  it('is registered and scheduled every night at 03:15, Paris time', async () => {
    expect(JOBS).toContain(accountsPurge);
    const runner = await startRunner(database, { work: false });
    const schedules = await runner.boss.getSchedules();
    expect(schedules).toContainEqual(
      expect.objectContaining({ name: 'accounts.purge', cron: '15 3 * * *', timezone: 'Europe/Paris', data: {} }),
    );
    expect(await runner.boss.getQueue('accounts.purge')).toMatchObject({ retryLimit: 3, retryBackoff: true });
  });

  it('deletes ended sessions and keeps live ones when the job runs', async () => {
    const now = new Date();
    const hours = (n: number) => new Date(now.getTime() + n * 3_600_000);
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
    await db.insert(sessions).values([session('live', hours(1), hours(10)), session('idle-ended', hours(-0.5), hours(10)), session('over', hours(1), hours(-0.1))]);

    await startRunner(database);
    const id = await enqueue(db, accountsPurge, {});
    await waitFor(async () => (await jobRows(db, accountsPurge.name)).some((job) => job.id === id && job.state === 'completed'), 'the purge');
    const left = await db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(left.map((s) => s.deviceLabel)).toEqual(['live']);
  });
});
