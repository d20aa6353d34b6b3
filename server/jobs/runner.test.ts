import { sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db';
import { jobRows, rows, runnersForEachTest, silentLogger, sleep, testEnv, waitFor } from '../../test/jobs';
import { openDatabase } from '../db/client';
import { outboxMessages } from '../db/schema/index';
import { defineJob, type JobContext } from './define';
import { enqueue } from './enqueue';
import { startJobRunner } from './runner';

const database = await createTestDatabase();
const db = database.db;
afterAll(() => database.close());
const startRunner = runnersForEachTest();

const Message = Type.Object({ messageId: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

async function newMessage(): Promise<string> {
  const [row] = await db
    .insert(outboxMessages)
    .values({ channel: 'email', kind: 'test', recipient: 'someone@example.org', locale: 'fr', text: 'hello', createdAt: new Date() })
    .returning({ id: outboxMessages.id });
  return row!.id;
}

/** The idempotent way: claim the message; only the run that claims it has the effect. */
async function claim(ctx: JobContext, messageId: string): Promise<boolean> {
  const claimed = await rows(ctx.db, sql`update outbox_messages set sent_at = now() where id = ${messageId} and sent_at is null returning id`);
  return claimed.length === 1;
}

function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }));
}

describe(startJobRunner.name, () => {
  let attempts: number[];
  let effects: string[];
  beforeEach(() => {
    attempts = [];
    effects = [];
  });

  it('retries a failing handler per its policy, ends the job failed, and keeps running other jobs', async () => {
    const alwaysFails = defineJob({
      name: 'test.always-fail',
      payload: Type.Object({}),
      retry: { limit: 2, delaySeconds: 0, backoff: false },
      timeoutSeconds: 30,
      async handle(_payload, ctx) {
        attempts.push(ctx.job.attempt);
        throw new Error(`attempt ${ctx.job.attempt} broke`);
      },
    });
    const works = defineJob({
      name: 'test.work-fine',
      payload: Type.Object({}),
      retry: { limit: 0, delaySeconds: 0, backoff: false },
      timeoutSeconds: 30,
      async handle() {
        effects.push('fine');
      },
    });
    await startRunner(database, { jobs: [alwaysFails, works] });
    const id = await enqueue(db, alwaysFails, {});
    await waitFor(async () => (await jobRows(db, alwaysFails.name)).some((job) => job.state === 'failed'), 'the job to fail');
    const [job] = await jobRows(db, alwaysFails.name);
    expect(job).toMatchObject({ id, state: 'failed', retry_count: 2, output: { name: 'Error', message: 'attempt 3 broke' } });
    expect(attempts).toEqual([1, 2, 3]);

    await enqueue(db, works, {});
    await waitFor(() => effects.length === 1, 'the next job');
  });

  it('fails a job whose payload does not match its schema without calling the handler or retrying', async () => {
    const strict = defineJob({
      name: 'test.strict-payload',
      payload: Message,
      retry: { limit: 3, delaySeconds: 0, backoff: false },
      timeoutSeconds: 30,
      async handle(_payload, ctx) {
        attempts.push(ctx.job.attempt);
      },
    });
    const runner = await startRunner(database, { jobs: [strict] });
    // Written behind enqueue's back, as an older version of the code might have.
    await runner.boss.send(strict.name, { messageId: 42 });
    await waitFor(async () => (await jobRows(db, strict.name)).some((job) => job.state === 'failed'), 'the job to fail');
    const [job] = await jobRows(db, strict.name);
    expect(job).toMatchObject({ state: 'failed', retry_count: 0, output: { name: 'JobPayloadError' } });
    expect(job!.output!.message).toContain('/messageId');
    expect(attempts).toEqual([]);
  });

  it('fails an attempt that runs past its time limit and aborts its signal', async () => {
    const slow = defineJob({
      name: 'test.too-slow',
      payload: Type.Object({}),
      retry: { limit: 0, delaySeconds: 0, backoff: false },
      timeoutSeconds: 1,
      async handle(_payload, ctx) {
        await untilAborted(ctx.signal).catch((reason: Error) => {
          effects.push(reason.name);
          throw reason;
        });
      },
    });
    await startRunner(database, { jobs: [slow] });
    await enqueue(db, slow, {});
    await waitFor(async () => (await jobRows(db, slow.name)).some((job) => job.state === 'failed'), 'the job to time out');
    expect((await jobRows(db, slow.name))[0]!.output).toMatchObject({ name: 'JobTimeoutError' });
    expect(effects).toEqual(['JobTimeoutError']);
  });

  it('lets a running job finish when stopped gracefully', async () => {
    let started = false;
    const steady = defineJob({
      name: 'test.take-a-second',
      payload: Type.Object({}),
      retry: { limit: 0, delaySeconds: 0, backoff: false },
      timeoutSeconds: 30,
      async handle() {
        started = true;
        await sleep(1_000);
        effects.push('finished');
      },
    });
    const runner = await startJobRunner({
      database,
      env: testEnv(),
      logger: silentLogger,
      jobs: [steady],
      tuning: { pollingIntervalSeconds: 0.5 },
    });
    await enqueue(db, steady, {});
    await waitFor(() => started, 'the job to start');
    await runner.stop();
    expect(effects).toEqual(['finished']);
    expect((await jobRows(db, steady.name))[0]!.state).toBe('completed');
    await runner.stop(); // a second stop is harmless
  });

  it('runs again a job whose runner stopped mid-way, and the idempotent handler has its effect once', async () => {
    let stall = true;
    const deliver = defineJob({
      name: 'test.deliver-message',
      payload: Message,
      retry: { limit: 3, delaySeconds: 0, backoff: false },
      timeoutSeconds: 60,
      async handle({ messageId }, ctx) {
        attempts.push(ctx.job.attempt);
        if (!(await claim(ctx, messageId))) return; // already delivered by an earlier run
        effects.push(messageId);
        if (stall) await untilAborted(ctx.signal); // "killed" after the effect, before completing
      },
    });
    const first = await startRunner(database, { jobs: [deliver] });
    const messageId = await newMessage();
    const id = await enqueue(db, deliver, { messageId });
    await waitFor(() => effects.length === 1, 'the first run to have its effect');
    await first.stop({ graceful: false });
    expect((await jobRows(db, deliver.name))[0]).toMatchObject({ id, state: 'retry' });

    stall = false;
    await startRunner(database, { jobs: [deliver] });
    await waitFor(async () => (await jobRows(db, deliver.name))[0]!.state === 'completed', 'the second run');
    expect(attempts).toEqual([1, 2]);
    expect(effects).toEqual([messageId]);
  });

  it('re-queues a job left active by a process that died, once its time limit has passed', async () => {
    const deliver = defineJob({
      name: 'test.deliver-after-crash',
      payload: Message,
      retry: { limit: 3, delaySeconds: 0, backoff: false },
      timeoutSeconds: 1,
      async handle({ messageId }, ctx) {
        attempts.push(ctx.job.attempt);
        if (await claim(ctx, messageId)) effects.push(messageId);
      },
    });
    // The process that dies: it takes the job, has its effect, and never reports back.
    const doomed = await startRunner(database, { jobs: [deliver], work: false });
    const messageId = await newMessage();
    await enqueue(db, deliver, { messageId });
    const [taken] = await doomed.boss.fetch<{ messageId: string }>(deliver.name);
    expect(taken?.data.messageId).toBe(messageId);
    await rows(db, sql`update outbox_messages set sent_at = now() where id = ${messageId}`);
    await doomed.stop({ graceful: false });
    expect((await jobRows(db, deliver.name))[0]!.state).toBe('active');

    await startRunner(database, { jobs: [deliver] });
    await waitFor(async () => (await jobRows(db, deliver.name))[0]!.state === 'completed', 'maintenance to re-queue the job and a run');
    expect((await jobRows(db, deliver.name))[0]!.retry_count).toBe(1);
    expect(attempts).toEqual([2]);
    expect(effects).toEqual([]); // the effect happened once, in the process that died
  });

  it.skipIf(database.mode !== 'postgres')('shares the work of one queue between two runners, each job handled exactly once', async () => {
    const handledBy = new Map<number, string[]>();
    const count = defineJob({
      name: 'test.count-once',
      payload: Type.Object({ n: Type.Integer() }),
      retry: { limit: 0, delaySeconds: 0, backoff: false },
      timeoutSeconds: 30,
      concurrency: 3,
      async handle({ n }, ctx) {
        await sleep(40);
        handledBy.set(n, [...(handledBy.get(n) ?? []), ctx.db === db ? 'first' : 'second']);
      },
    });
    const N = 60;
    await startRunner(database, { jobs: [count], work: false });
    await db.transaction(async (tx) => {
      for (let n = 0; n < N; n += 1) await enqueue(tx, count, { n });
    });

    // Two processes, as far as the database can tell: two pools, two pg-boss instances.
    const second = await openDatabase({ databaseUrl: database.url, poolMax: 4 });
    const options = { env: testEnv(), logger: silentLogger, jobs: [count], tuning: { pollingIntervalSeconds: 0.5 } };
    const runners = await Promise.all([startJobRunner({ database, ...options }), startJobRunner({ database: second, ...options })]);
    try {
      await waitFor(async () => (await jobRows(db, count.name)).filter((job) => job.state === 'completed').length === N, 'every job');
      await sleep(1_200);
    } finally {
      await Promise.all(runners.map((runner) => runner.stop()));
      await second.close();
    }
    expect([...handledBy.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: N }, (_, n) => n));
    expect([...handledBy.values()].every((runs) => runs.length === 1)).toBe(true);
    const byRunner = [...handledBy.values()].flat();
    expect(byRunner).toContain('first');
    expect(byRunner).toContain('second');
  });

  it('turns a cron schedule into jobs, and reports queue depths', async () => {
    const tick = defineJob({
      name: 'test.every-minute',
      payload: Type.Object({ from: Type.Literal('cron') }),
      retry: { limit: 0, delaySeconds: 0, backoff: false },
      timeoutSeconds: 30,
      schedule: { cron: '* * * * *', payload: { from: 'cron' } },
      async handle({ from }) {
        effects.push(from);
      },
    });
    const idle = defineJob({
      name: 'test.wait-in-line',
      payload: Type.Object({}),
      retry: { limit: 0, delaySeconds: 0, backoff: false },
      timeoutSeconds: 30,
      async handle() {},
    });
    const producer = await startRunner(database, { jobs: [tick, idle], work: false });
    expect(await producer.boss.getSchedules()).toEqual([
      expect.objectContaining({ name: 'test.every-minute', cron: '* * * * *', timezone: 'Europe/Paris' }),
    ]);
    for (let i = 0; i < 3; i += 1) await enqueue(db, idle, {});
    expect(await producer.queueDepths()).toEqual({ 'test.every-minute': 0, 'test.wait-in-line': 3 });
    await producer.stop();

    await startRunner(database, { jobs: [tick] });
    await waitFor(() => effects.length >= 1, 'the scheduled job to run');
    expect(effects[0]).toBe('cron');
  });
});
