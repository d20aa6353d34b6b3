/**
 * What a job is: a name (`area.verb-noun`), a TypeBox payload schema checked when the job is
 * enqueued and again before it is handled, a handler that is safe to run twice, a retry policy,
 * a time limit, and optionally a cron schedule read in Europe/Paris.
 *
 * Declare one job per file in `jobs/` with `defineJob`, list it in `registry.ts`; enqueue it
 * with `enqueue(tx, job, payload)` inside the transaction that causes it (`enqueue.ts`).
 */
import type { Static, TSchema } from 'typebox';
import { Value } from 'typebox/value';
import type { Logger } from 'pino';
import type { Db } from '../db/client';
import type { Env } from '../env';

/** The PostgreSQL schema holding pg-boss's tables. */
export const JOB_SCHEMA = 'pgboss';

/** Cron schedules are read in this zone (legal dates and office hours are French). */
export const SCHEDULE_TIME_ZONE = 'Europe/Paris';

export interface RetryPolicy {
  /** Retries after the first attempt (0: one attempt only). */
  limit: number;
  /** Seconds before a retry; with `backoff`, the base of an exponential, jittered delay. */
  delaySeconds: number;
  backoff: boolean;
}

export interface JobContext {
  db: Db;
  env: Env;
  now: () => Date;
  /** A child logger carrying the job's name and id. Never log personal data. */
  logger: Logger;
  /** Aborted when the job runs past its time limit or the runner stops without waiting. */
  signal: AbortSignal;
  job: { id: string; name: string; /** 1 on the first run, 2 on the first retry… */ attempt: number };
}

export interface JobDefinition<S extends TSchema = TSchema> {
  /** `area.verb-noun`, also the pg-boss queue name. */
  name: string;
  payload: S;
  /**
   * Does the work. Must be safe to run twice (a crash after the effect and before the job is
   * marked complete runs it again): claim with `UPDATE … WHERE … AND sent_at IS NULL RETURNING`
   * and skip when nothing comes back. Throwing fails the attempt (retried per `retry`).
   */
  handle(payload: Static<S>, ctx: JobContext): Promise<unknown>;
  retry: RetryPolicy;
  /**
   * Longest a run may take. Past it the attempt fails (and is retried); a job left active by a
   * process that died is retried once this much time has passed since it started.
   */
  timeoutSeconds: number;
  /** Jobs of this kind one process runs at the same time (the fetch batch size). Default 1. */
  concurrency?: number;
  /** Enqueue this job on a cron schedule (five fields, Europe/Paris), with this payload. */
  schedule?: { cron: string; payload: Static<S> };
  /** Also enqueue it (with the schedule's payload) when a working runner starts: catch up after downtime. */
  runAtStart?: boolean;
}

const NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*\.[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const MAX_TIMEOUT_SECONDS = 23 * 3600; // pg-boss refuses 24 h or more

export function defineJob<S extends TSchema>(definition: JobDefinition<S>): JobDefinition<S> {
  const { name, retry, timeoutSeconds, concurrency = 1, schedule } = definition;
  if (!NAME.test(name)) throw new Error(`job name "${name}" must read area.verb-noun (lower-case, kebab-case)`);
  if (!Number.isInteger(retry.limit) || retry.limit < 0) throw new Error(`job ${name}: retry.limit must be a whole number ≥ 0`);
  if (!Number.isInteger(retry.delaySeconds) || retry.delaySeconds < 0) throw new Error(`job ${name}: retry.delaySeconds must be a whole number ≥ 0`);
  if (!Number.isInteger(timeoutSeconds) || timeoutSeconds < 1 || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
    throw new Error(`job ${name}: timeoutSeconds must be a whole number between 1 and ${MAX_TIMEOUT_SECONDS}`);
  }
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`job ${name}: concurrency must be a whole number ≥ 1`);
  if (schedule) {
    if (schedule.cron.trim().split(/\s+/).length !== 5) throw new Error(`job ${name}: schedule.cron must have five fields`);
    assertPayload(definition, schedule.payload);
  }
  return definition;
}

export class JobPayloadError extends Error {
  constructor(
    readonly job: string,
    readonly detail: string,
  ) {
    super(`invalid payload for job ${job}: ${detail}`);
    this.name = 'JobPayloadError';
  }
}

/** Throws `JobPayloadError` naming the first wrong field. */
export function assertPayload<S extends TSchema>(job: JobDefinition<S>, payload: unknown): asserts payload is Static<S> {
  if (Value.Check(job.payload, payload)) return;
  const [first] = Value.Errors(job.payload, payload);
  throw new JobPayloadError(job.name, first ? `${first.instancePath || '/'} ${first.message}` : 'does not match the schema');
}

/** The job's policy in pg-boss's terms, given to its queue, to every enqueue and to its schedule. */
export function pgBossPolicy(job: JobDefinition): { retryLimit: number; retryDelay: number; retryBackoff: boolean; expireInSeconds: number } {
  return {
    retryLimit: job.retry.limit,
    retryDelay: job.retry.delaySeconds,
    retryBackoff: job.retry.backoff,
    expireInSeconds: job.timeoutSeconds,
  };
}
