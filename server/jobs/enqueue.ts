/**
 * Enqueue a job inside the application's transaction: the job row is written on the same
 * connection, in the same transaction, as the change that causes it — so the job exists if and
 * only if that change committed, on PGlite and on PostgreSQL alike.
 *
 *     await ctx.db.transaction(async (tx) => {
 *       await tx.update(reminders).set({ dueOn }).where(…);
 *       await enqueue(tx, remindersSend, { reminderId });
 *     });
 *
 * Always pass the transaction (`tx`), never the outer `db`: on PGlite a statement on the outer
 * database waits for the open transaction to end, which never happens.
 */
import PgBoss from 'pg-boss';
import type { Static, TSchema } from 'typebox';
import type { Db } from '../db/client';
import { JOB_SCHEMA, assertPayload, pgBossPolicy, type JobDefinition } from './define';
import { queryableAdapter, type Queryable, type SqlExecutor } from './pglite-adapter';

export interface EnqueueOptions {
  /** Run no earlier than this instant (default: as soon as a worker polls). */
  startAfter?: Date;
}

// pg-boss builds the INSERT (queue policy, defaults, start time); it never uses this instance's
// own connection because every call passes the caller's. Constructing it opens nothing.
const sender = new PgBoss({
  db: { executeSql: () => Promise.reject(new Error('enqueue always passes the caller connection')) },
  schema: JOB_SCHEMA,
});

/**
 * The connection behind a drizzle database or transaction: the PGlite transaction (or instance),
 * or the node-postgres pool client (or pool). drizzle keeps it on its session.
 */
export function connectionOf(db: Db): SqlExecutor {
  const client = (db as unknown as { _?: { session?: { client?: Partial<Queryable> } } })._?.session?.client;
  if (!client || typeof client.query !== 'function') throw new Error('enqueue: cannot reach the connection of this drizzle database');
  return queryableAdapter(client as Queryable);
}

/** Validates the payload, then writes the job in `tx`'s transaction. Returns the job id. */
export async function enqueue<S extends TSchema>(tx: Db, job: JobDefinition<S>, payload: Static<S>, options: EnqueueOptions = {}): Promise<string> {
  assertPayload(job, payload);
  const id = await sender.send(job.name, payload as object, {
    ...pgBossPolicy(job as unknown as JobDefinition),
    ...(options.startAfter ? { startAfter: options.startAfter } : {}),
    db: connectionOf(tx),
  });
  if (id === null) {
    throw new Error(`job queue ${job.name} does not exist: list the job in server/jobs/registry.ts and start the job runner (npm start or npm run worker) once`);
  }
  return id;
}

/**
 * Validates every payload, then writes all the jobs in `tx`'s transaction with one multi-row
 * INSERT (pg-boss `insert`): for fan-outs such as the reminders sweep.
 */
export async function enqueueMany<S extends TSchema>(tx: Db, job: JobDefinition<S>, payloads: readonly Static<S>[]): Promise<void> {
  if (payloads.length === 0) return;
  for (const payload of payloads) assertPayload(job, payload);
  const policy = pgBossPolicy(job as unknown as JobDefinition);
  await sender.insert(
    payloads.map((data) => ({ name: job.name, data: data as object, ...policy })),
    { db: connectionOf(tx) },
  );
}
