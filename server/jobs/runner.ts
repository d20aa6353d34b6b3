/**
 * The job runner: pg-boss 10 on the application's own database (schema `pgboss`) — the embedded
 * PGlite through `pglite-adapter.ts`, PostgreSQL through the application's pool. It installs or
 * upgrades pg-boss's tables, creates one queue per registered job with the job's retry policy,
 * registers the cron schedules (Europe/Paris), and — unless `work: false` — polls every queue
 * and runs the handlers, and runs pg-boss's cron and maintenance (which also re-queues jobs left
 * active by a process that died, once their time limit has passed).
 *
 * Handlers are run by our own small poll loop over pg-boss's `fetch`/`complete`/`fail` rather
 * than `boss.work()`, because in pg-boss 10 `work()` records outcomes without awaiting them (so a
 * stop can race the database close), fails or completes a whole batch together, and sleeps a
 * full polling interval even when more jobs wait. Here each job's outcome is awaited and its own,
 * and a full batch is followed by the next fetch at once.
 *
 * `stop()` stops fetching, lets running handlers finish (up to a time limit), fails the ones
 * still running so another process retries them at once, stops pg-boss and waits until none of
 * its statements is in flight — after which the database can be closed.
 */
import { setTimeout as delay } from 'node:timers/promises';
import PgBoss from 'pg-boss';
import { Value } from 'typebox/value';
import type { Logger } from 'pino';
import type { Database } from '../db/client';
import type { Env } from '../env';
import { JOB_SCHEMA, JobPayloadError, SCHEDULE_TIME_ZONE, pgBossPolicy, type JobContext, type JobDefinition } from './define';
import { pgliteAdapter, type SqlExecutor } from './pglite-adapter';
import { JOBS } from './registry';

export interface RunnerTuning {
  /** Seconds between two polls of an idle queue (default 2, at least 0.5). */
  pollingIntervalSeconds?: number;
  /** Seconds between pg-boss maintenance runs: expiry of stuck jobs, archiving (default 120). */
  maintenanceIntervalSeconds?: number;
  /** Seconds between checks of the cron schedules (default 30, 1–45). */
  cronMonitorIntervalSeconds?: number;
  /** Seconds between polls of pg-boss's internal queue that turns schedules into jobs (default 5). */
  cronWorkerIntervalSeconds?: number;
}

export interface StartRunnerOptions {
  database: Database;
  env: Env;
  logger: Logger;
  /** Jobs to serve (default: every job in `registry.ts`). */
  jobs?: readonly JobDefinition[];
  now?: () => Date;
  /**
   * `false`: only prepare pg-boss's tables, the queues and the schedules, so this process can
   * enqueue — no polling, no cron, no maintenance (the web process with `WORKER_MODE=off`).
   */
  work?: boolean;
  tuning?: RunnerTuning;
}

export interface StopOptions {
  /** Wait for running handlers (default true). `false`: fail them at once so they are retried. */
  graceful?: boolean;
  /** Longest wait for running handlers before failing them for retry (default 30 s). */
  timeoutMs?: number;
}

export interface JobRunner {
  readonly boss: PgBoss;
  readonly jobs: readonly JobDefinition[];
  /** Whether this runner runs handlers (`work`). */
  readonly working: boolean;
  /** Jobs waiting to run (created or to be retried), for every registered queue. */
  queueDepths(): Promise<Record<string, number>>;
  /** Safe to call more than once; later calls wait for the first. */
  stop(options?: StopOptions): Promise<void>;
}

/** Counts statements in flight so `stop()` can wait for pg-boss's last ones; refuses new ones after. */
class TrackedExecutor implements SqlExecutor {
  #inFlight = 0;
  #closed = false;

  constructor(private readonly inner: SqlExecutor) {}

  async executeSql(text: string, values?: unknown[]) {
    if (this.#closed) throw new Error('the job runner is stopped');
    this.#inFlight += 1;
    try {
      return await this.inner.executeSql(text, values);
    } finally {
      this.#inFlight -= 1;
    }
  }

  /** Resolves once nothing has been in flight for a full turn of the event loop (or after `timeoutMs`). */
  async drain(timeoutMs: number): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (this.#inFlight === 0) {
        await new Promise((resolve) => setImmediate(resolve));
        if (this.#inFlight === 0) break;
      } else {
        await delay(10);
      }
    }
    this.#closed = true;
  }
}

function executorFor(database: Database): SqlExecutor {
  if (database.raw.kind === 'pglite') return pgliteAdapter(database.raw.client);
  const pool = database.raw.pool;
  // node-postgres converts undefined and objects itself; multi-statement text runs unparameterised.
  return { executeSql: (text, values) => pool.query(text, values) };
}

interface Running {
  id: string;
  controller: AbortController;
  abandoned: boolean;
  abandon(): void;
}

type FetchedJob = PgBoss.JobWithMetadata<unknown>;

/** What is kept of an error: its name and message (pg-boss also emits plain objects with a message). */
function errorOutput(error: unknown): { name: string; message: string } {
  if (error !== null && typeof error === 'object' && 'message' in error) {
    const { name, message } = error as { name?: unknown; message: unknown };
    return { name: typeof name === 'string' ? name : 'Error', message: String(message).slice(0, 2000) };
  }
  return { name: 'Error', message: String(error).slice(0, 2000) };
}

class JobTimeoutError extends Error {
  constructor(seconds: number) {
    super(`the job ran longer than its time limit of ${seconds} s`);
    this.name = 'JobTimeoutError';
  }
}

/** One poll loop per queue: fetch up to `concurrency` jobs, run them, record each outcome. */
class QueuePoller {
  readonly running = new Map<string, Running>();
  #stopping = false;
  #abandoning = false;
  #wake: (() => void) | null = null;
  #loop: Promise<void> = Promise.resolve();
  readonly #log: Logger;

  constructor(
    private readonly job: JobDefinition,
    private readonly deps: {
      boss: PgBoss;
      executor: SqlExecutor;
      database: Database;
      env: Env;
      logger: Logger;
      now: () => Date;
      pollingMs: number;
    },
  ) {
    this.#log = deps.logger.child({ job: job.name });
  }

  start(): void {
    this.#loop = this.#run();
  }

  get loop(): Promise<void> {
    return this.#loop;
  }

  /** Stop fetching; running jobs go on. */
  stopFetching(): void {
    this.#stopping = true;
    this.#wake?.();
  }

  /** Stop waiting for running jobs: fail them so they are retried, and abort their signal. */
  async abandonRunning(): Promise<void> {
    this.#abandoning = true;
    const left = [...this.running.values()];
    for (const entry of left) {
      entry.abandoned = true;
      entry.controller.abort(new Error('the job runner stopped'));
      entry.abandon();
    }
    await Promise.all(left.map((entry) => this.#failInterrupted(entry.id)));
  }

  async #failInterrupted(id: string): Promise<void> {
    try {
      await this.deps.boss.fail(this.job.name, id, { name: 'Interrupted', message: 'the job runner stopped while the job was running' });
      this.#log.warn({ jobId: id }, 'job interrupted by shutdown; it will be retried');
    } catch (error) {
      this.#log.error({ jobId: id, err: errorOutput(error) }, 'could not release an interrupted job; it will be retried after its time limit');
    }
  }

  async #run(): Promise<void> {
    const batchSize = this.job.concurrency ?? 1;
    while (!this.#stopping) {
      let jobs: FetchedJob[] = [];
      try {
        jobs = await this.deps.boss.fetch<unknown>(this.job.name, { batchSize, includeMetadata: true });
      } catch (error) {
        this.#log.error({ err: errorOutput(error) }, 'could not fetch jobs');
      }
      if (jobs.length > 0) await Promise.all(jobs.map((job) => this.#track(job)));
      if (jobs.length < batchSize && !this.#stopping) await this.#sleep(this.deps.pollingMs);
    }
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#wake = done;
    });
  }

  async #track(fetched: FetchedJob): Promise<void> {
    if (this.#abandoning) {
      await this.#failInterrupted(fetched.id);
      return;
    }
    let abandon!: () => void;
    const abandoned = new Promise<void>((resolve) => {
      abandon = resolve;
    });
    const entry: Running = { id: fetched.id, controller: new AbortController(), abandoned: false, abandon };
    this.running.set(fetched.id, entry);
    try {
      await Promise.race([this.#attempt(fetched, entry), abandoned]);
    } finally {
      this.running.delete(fetched.id);
    }
  }

  async #attempt(fetched: FetchedJob, entry: Running): Promise<void> {
    const { boss } = this.deps;
    const attempt = Number(fetched.retryCount ?? 0) + 1;
    const log = this.#log.child({ jobId: fetched.id, attempt });
    const started = Date.now();
    let failed = false;
    let failure: unknown;
    try {
      if (!Value.Check(this.job.payload, fetched.data)) {
        // A payload that does not match will never match: no retries.
        await this.deps.executor.executeSql(`UPDATE ${JOB_SCHEMA}.job SET retry_limit = retry_count WHERE name = $1 AND id = $2`, [
          this.job.name,
          fetched.id,
        ]);
        const [first] = Value.Errors(this.job.payload, fetched.data);
        throw new JobPayloadError(this.job.name, first ? `${first.instancePath || '/'} ${first.message}` : 'does not match the schema');
      }
      const seconds = Number(fetched.expireInSeconds) || this.job.timeoutSeconds;
      const ctx: JobContext = {
        db: this.deps.database.db,
        env: this.deps.env,
        now: this.deps.now,
        logger: log,
        signal: entry.controller.signal,
        job: { id: fetched.id, name: this.job.name, attempt },
      };
      await withTimeout(() => this.job.handle(fetched.data, ctx), seconds, entry.controller);
    } catch (error) {
      failed = true;
      failure = error;
    }
    if (entry.abandoned) return; // already failed for retry by stop()
    try {
      if (!failed) {
        await boss.complete(this.job.name, fetched.id);
        log.debug({ durationMs: Date.now() - started }, 'job completed');
      } else {
        await boss.fail(this.job.name, fetched.id, errorOutput(failure));
        const final = failure instanceof JobPayloadError || Number(fetched.retryCount) >= Number(fetched.retryLimit);
        log[final ? 'error' : 'warn']({ err: errorOutput(failure), durationMs: Date.now() - started }, final ? 'job failed for good' : 'job attempt failed; it will be retried');
      }
    } catch (error) {
      log.error({ err: errorOutput(error) }, 'could not record the job outcome; it will be retried after its time limit');
    }
  }
}

/** Runs the handler until it settles, its time limit passes, or the runner abandons it. */
async function withTimeout(run: () => Promise<unknown>, seconds: number, controller: AbortController): Promise<void> {
  const { signal } = controller;
  let timer: NodeJS.Timeout | undefined;
  let onAbort = () => {};
  const cut = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    timer = setTimeout(() => controller.abort(new JobTimeoutError(seconds)), seconds * 1000);
  });
  try {
    await Promise.race([Promise.resolve().then(run), cut]);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}

export async function startJobRunner(options: StartRunnerOptions): Promise<JobRunner> {
  const { database, env, logger } = options;
  const jobs = options.jobs ?? JOBS;
  const work = options.work ?? true;
  const tuning = options.tuning ?? {};
  const now = options.now ?? (() => new Date());
  const names = new Set<string>();
  for (const job of jobs) {
    if (names.has(job.name)) throw new Error(`job ${job.name} is registered twice`);
    names.add(job.name);
  }

  const executor = new TrackedExecutor(executorFor(database));
  const boss = new PgBoss({
    db: executor,
    schema: JOB_SCHEMA,
    migrate: true,
    supervise: work,
    schedule: work,
    ...(tuning.maintenanceIntervalSeconds ? { maintenanceIntervalSeconds: tuning.maintenanceIntervalSeconds } : {}),
    ...(tuning.cronMonitorIntervalSeconds ? { cronMonitorIntervalSeconds: tuning.cronMonitorIntervalSeconds } : {}),
    ...(tuning.cronWorkerIntervalSeconds ? { cronWorkerIntervalSeconds: tuning.cronWorkerIntervalSeconds } : {}),
  });
  boss.on('error', (error: unknown) => logger.error({ err: errorOutput(error) }, 'job runner error'));

  const pollers: QueuePoller[] = [];
  let stopping: Promise<void> | null = null;

  const stop = (stopOptions: StopOptions = {}): Promise<void> => {
    stopping ??= (async () => {
      const { graceful = true, timeoutMs = 30_000 } = stopOptions;
      for (const poller of pollers) poller.stopFetching();
      const loops = Promise.all(pollers.map((poller) => poller.loop));
      if (graceful) {
        const timer = new AbortController();
        const waited = await Promise.race([
          loops.then(() => true),
          delay(timeoutMs, false, { signal: timer.signal }).catch(() => false),
        ]);
        timer.abort();
        if (!waited) logger.warn({ timeoutMs }, 'jobs still running at the end of the shutdown wait; they will be retried');
      }
      await Promise.all(pollers.map((poller) => poller.abandonRunning()));
      await loops;
      await boss.stop({ close: false, graceful: false, wait: true });
      await executor.drain(5_000);
      logger.info('job runner stopped');
    })();
    return stopping;
  };

  try {
    await boss.start();
    for (const job of jobs) {
      const policy = pgBossPolicy(job);
      await boss.createQueue(job.name, { name: job.name, policy: 'standard', ...policy });
      await boss.updateQueue(job.name, { name: job.name, policy: 'standard', ...policy });
    }
    const scheduled = jobs.filter((job) => job.schedule);
    for (const job of scheduled) {
      await boss.schedule(job.name, job.schedule!.cron, job.schedule!.payload as object, { tz: SCHEDULE_TIME_ZONE, ...pgBossPolicy(job) });
    }
    for (const existing of await boss.getSchedules()) {
      if (!scheduled.some((job) => job.name === existing.name)) await boss.unschedule(existing.name);
    }
    if (work) {
      const pollingMs = Math.max(500, Math.round((tuning.pollingIntervalSeconds ?? 2) * 1000));
      for (const job of jobs) {
        const poller = new QueuePoller(job, { boss, executor, database, env, logger, now, pollingMs });
        pollers.push(poller);
        poller.start();
      }
      for (const job of jobs.filter((candidate) => candidate.runAtStart)) {
        await boss.send(job.name, (job.schedule?.payload ?? {}) as object, pgBossPolicy(job));
      }
    }
  } catch (error) {
    await stop({ graceful: false }).catch(() => {});
    throw error;
  }

  logger.info({ queues: jobs.map((job) => job.name), working: work }, work ? 'job runner started' : 'job queues ready (no worker in this process)');

  return {
    boss,
    jobs,
    working: work,
    async queueDepths() {
      const { rows } = await executor.executeSql(
        `SELECT name, count(*)::int AS queued FROM ${JOB_SCHEMA}.job WHERE state < 'active' GROUP BY name`,
      );
      const counts = new Map((rows as Array<{ name: string; queued: number }>).map((row) => [row.name, Number(row.queued)]));
      return Object.fromEntries(jobs.map((job) => [job.name, counts.get(job.name) ?? 0]));
    },
    stop,
  };
}
