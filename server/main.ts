/**
 * `npm start`: validate configuration, open the database (embedded PGlite in DATA_DIR, or
 * PostgreSQL with DATABASE_URL), migrate, load reference and demo data, start the job runner
 * (in this process unless WORKER_MODE=off), serve; shut down cleanly.
 */
import fs from 'node:fs';
import { pino } from 'pino';
import { ConfigError, loadEnv, type Env } from './env';
import { onStopSignals } from './shutdown';
import { openDatabase, type Database } from './db/client';
import { DataDirInUseError } from './db/data-dir-lock';
import { prepareDatabase } from './db/setup';
import { ensureDemoAccounts, type DemoAccount } from './db/demo-data';
import { buildApp, loggerOptions, type App } from './http/app';
import { metricsRegistry, registerQueueDepth } from './http/metrics';
import { startJobRunner, type JobRunner } from './jobs/runner';
import { clockOf } from './clock';

function fail(message: string): never {
  process.stderr.write(`sejour: ${message}\n`);
  process.exit(1);
}

function printBanner(env: Env, demo: DemoAccount[]): void {
  const lines = [
    '',
    `  Sejour is running at ${env.publicUrl}`,
    `  API: ${env.publicUrl}/api/v1  ·  reference: ${env.publicUrl}/api/v1/docs`,
    `  Database: ${env.databaseMode === 'pglite' ? `embedded PGlite in ${env.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`,
    `  Background jobs: ${env.workerMode === 'in-process' ? 'run in this process' : 'run by separate `npm run worker` processes (WORKER_MODE=off)'}`,
  ];
  if (env.clockStart) lines.push(`  CLOCK_START is set: the service's clock started at ${env.clockStart.toISOString()} (demos and tests only).`);
  if (!fs.existsSync(`${env.webDistDir}/index.html`)) lines.push('  Front end not built: run `npm run build:web`.');
  if (demo.length > 0) {
    lines.push('', '  Demo accounts (embedded database only; passwords are random and kept in DATA_DIR/demo-accounts.json):');
    for (const a of demo) {
      lines.push(`    ${a.role.padEnd(10)} ${a.email.padEnd(30)} ${a.password}${a.totpSecret ? `  authenticator secret ${a.totpSecret}` : ''}`);
    }
  }
  lines.push('  Press Ctrl-C to stop.', '');
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(): Promise<void> {
  let env: Env;
  try {
    env = loadEnv();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }

  const options = loggerOptions(env.logLevel);
  const logger = pino(typeof options === 'object' ? options : { level: env.logLevel });

  let database: Database;
  try {
    database = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir });
  } catch (error) {
    if (error instanceof DataDirInUseError) fail(error.message);
    fail(`cannot open the database: ${(error as Error).message}`);
  }

  try {
    await prepareDatabase(database);
  } catch (error) {
    await database.close().catch(() => {});
    fail(`database migration failed, nothing was changed: ${(error as Error).message}`);
  }

  const demo = env.demoData ? await ensureDemoAccounts(database.db, env.dataDir) : [];

  const now = clockOf(env);
  // With WORKER_MODE=off this process still prepares the queues (so it can enqueue) but runs no job.
  let runner: JobRunner;
  try {
    runner = await startJobRunner({ database, env, logger, now, work: env.workerMode === 'in-process' });
  } catch (error) {
    await database.close().catch(() => {});
    fail(`cannot start the job runner: ${(error as Error).message}`);
  }

  const app: App = await buildApp({ env, database, loggerInstance: logger, now });
  const metrics = metricsRegistry(app);
  if (metrics) registerQueueDepth(metrics, () => runner.queueDepths());

  onStopSignals(logger, 'finishing in-flight requests and jobs', env.shutdownTimeoutMs, async () => {
    // Jobs still running a second before the deadline are failed so the next process retries them.
    await Promise.all([app.close(), runner.stop({ timeoutMs: Math.max(0, env.shutdownTimeoutMs - 1000) })]);
    await database.close();
  });

  try {
    await app.listen({ host: env.host, port: env.port });
  } catch (error) {
    await runner.stop({ graceful: false }).catch(() => {});
    await database.close().catch(() => {});
    fail(`cannot listen on ${env.host}:${env.port}: ${(error as Error).message}`);
  }
  printBanner(env, demo);
}

await main();
