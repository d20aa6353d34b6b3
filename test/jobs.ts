/**
 * Helpers for job tests: runners with fast polling that stop after each test, pg-boss job rows,
 * and waiting for a condition.
 */
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterEach } from 'vitest';
import type { Database, Db } from '../server/db/client';
import { loadEnv, type Env } from '../server/env';
import { startJobRunner, type JobRunner, type RunnerTuning, type StartRunnerOptions } from '../server/jobs/runner';

export const silentLogger = pino({ level: 'silent' });

export function testEnv(overrides: Record<string, string> = {}): Env {
  return loadEnv({ NODE_ENV: 'test', DEMO_DATA: 'false', ...overrides });
}

/** Polling, cron and maintenance as fast as pg-boss allows. */
export const FAST: RunnerTuning = {
  pollingIntervalSeconds: 0.5,
  maintenanceIntervalSeconds: 1,
  cronMonitorIntervalSeconds: 1,
  cronWorkerIntervalSeconds: 1,
};

/**
 * Starts runners that are stopped after each test (before the file's database is closed).
 * Call once at the top of a test file.
 */
export function runnersForEachTest(): (database: Database, options?: Partial<StartRunnerOptions>) => Promise<JobRunner> {
  const started: JobRunner[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((runner) => runner.stop({ graceful: false })));
  });
  return async (database, options = {}) => {
    const runner = await startJobRunner({ database, env: testEnv(), logger: silentLogger, tuning: FAST, ...options });
    started.push(runner);
    return runner;
  };
}

export async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export interface JobRow {
  id: string;
  name: string;
  state: 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';
  retry_count: number;
  data: unknown;
  output: { name?: string; message?: string } | null;
}

/** pg-boss's rows for a queue (live table and archive), oldest first. */
export async function jobRows(db: Db, name: string): Promise<JobRow[]> {
  return rows<JobRow>(
    db,
    sql`select id, name, state::text as state, retry_count, data, output, created_on from pgboss.job where name = ${name}
        union all
        select id, name, state::text as state, retry_count, data, output, created_on from pgboss.archive where name = ${name}
        order by created_on`,
  );
}

export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Installs pg-boss's tables and the queues of the given jobs (default: every registered job) in a
 * test database, so code under test can `enqueue` without a running worker.
 */
export async function installJobQueues(database: Database, options: Partial<StartRunnerOptions> = {}): Promise<void> {
  const runner = await startJobRunner({ database, env: testEnv(), logger: silentLogger, ...options, work: false });
  await runner.stop();
}
