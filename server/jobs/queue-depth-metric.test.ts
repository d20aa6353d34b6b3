import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app';
import { runnersForEachTest } from '../../test/jobs';
import { metricsRegistry, registerQueueDepth } from '../http/metrics';
import { enqueue } from './enqueue';
import { accountsPurge } from './jobs/accounts-purge';

const startRunner = runnersForEachTest();

describe(registerQueueDepth.name, () => {
  it('shows on /metrics how many jobs wait in each queue, wired as in main.ts', async () => {
    const { app, database } = await createTestApp();
    const runner = await startRunner(database, { work: false });
    registerQueueDepth(metricsRegistry(app)!, () => runner.queueDepths());

    const tomorrow = new Date(Date.now() + 86_400_000);
    await enqueue(database.db, accountsPurge, {}, { startAfter: tomorrow });
    await enqueue(database.db, accountsPurge, {}, { startAfter: tomorrow });

    const response = await app.inject({ url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('# TYPE sejour_job_queue_depth gauge');
    expect(response.body).toMatch(/^sejour_job_queue_depth\{queue="accounts\.purge"\} 2$/m);
  });

  it('leaves the gauge empty, not the scrape failing, when the queues cannot be read', async () => {
    const { app } = await createTestApp();
    registerQueueDepth(metricsRegistry(app)!, () => Promise.reject(new Error('database gone')));
    const response = await app.inject({ url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('# TYPE sejour_job_queue_depth gauge');
    expect(response.body).not.toMatch(/^sejour_job_queue_depth\{/m);
    expect(response.body).toContain('sejour_http_requests_total');
  });
});
