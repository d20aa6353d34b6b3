/**
 * `npm run worker`: a process that runs background jobs only, for PostgreSQL deployments where the
 * web processes run with WORKER_MODE=off (or alongside them, to add capacity). Any number of
 * workers may run: pg-boss hands each job to one of them.
 *
 * Refuses the embedded database: PGlite is one process (web and jobs run together in `npm start`).
 * Does not migrate: the web process owns migrations, so a worker waits for a migrated database
 * by refusing to start until then (an orchestrator restarts it).
 * SIGINT/SIGTERM: stop taking jobs, let running ones finish (SHUTDOWN_TIMEOUT_MS), close, exit 0.
 */
import { pino } from 'pino';
import { ConfigError, loadEnv, type Env } from './env';
import { onStopSignals } from './shutdown';
import { appliedMigrationCount, expectedMigrationCount, openDatabase, type Database } from './db/client';
import { startJobRunner, type JobRunner } from './jobs/runner';
import { clockOf } from './clock';

function fail(message: string): never {
  process.stderr.write(`sejour worker: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let env: Env;
  try {
    env = loadEnv();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  if (env.databaseMode === 'pglite') {
    fail('needs DATABASE_URL (PostgreSQL); with the embedded database the jobs run inside `npm start`, one process for web and jobs.');
  }

  const logger = pino({ level: env.logLevel }).child({ process: 'worker' });

  let database: Database;
  try {
    database = await openDatabase({ databaseUrl: env.databaseUrl });
    await database.ping();
  } catch (error) {
    fail(`cannot open the database: ${(error as Error).message}`);
  }

  const applied = await appliedMigrationCount(database.db);
  const expected = expectedMigrationCount();
  if (applied < expected) {
    await database.close().catch(() => {});
    fail(`the database is not migrated (${applied} of ${expected} migrations): start the web process (npm start) first, it applies them.`);
  }

  let runner: JobRunner;
  try {
    runner = await startJobRunner({ database, env, logger, now: clockOf(env) });
  } catch (error) {
    await database.close().catch(() => {});
    fail(`cannot start the job runner: ${(error as Error).message}`);
  }

  onStopSignals(logger, 'finishing running jobs', env.shutdownTimeoutMs, async () => {
    await runner.stop({ timeoutMs: Math.max(0, env.shutdownTimeoutMs - 1000) });
    await database.close();
  });
}

await main();
