import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db';
import { runnersForEachTest } from '../../../test/jobs';
import { JOBS } from '../registry';
import { statisticsCompute } from './statistics-compute';

const database = await createTestDatabase();
afterAll(() => database.close());
const startRunner = runnersForEachTest();

describe(statisticsCompute.name, () => {
  it('is registered, scheduled every day at 04:30 Paris time and run when the runner starts', async () => {
    expect(JOBS).toContain(statisticsCompute);
    expect(statisticsCompute.runAtStart).toBe(true);
    const runner = await startRunner(database, { work: false });
    const schedules = await runner.boss.getSchedules();
    expect(schedules).toContainEqual(expect.objectContaining({ name: 'statistics.compute', cron: '30 4 * * *', timezone: 'Europe/Paris', data: {} }));
  });
});
