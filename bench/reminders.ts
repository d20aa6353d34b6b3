/**
 * Reminders benchmark on PostgreSQL (docs/adr/0012-reminders-and-notifications.md):
 *
 * - 1,000,000 people (BENCH_PEOPLE), each with three email reminders spread over two years
 *   (those before today already sent, the rest pending) — 3,000,000 rows;
 * - the daily pass: the 09:00 sweep that hands every reminder due today to `reminders.send`
 *   (leased batches of 500 under FOR UPDATE SKIP LOCKED, one pg-boss job each) — its time, and the
 *   query plan showing it reads the partial index `reminders_due_idx` only;
 * - delivery: the job runner sends them to a local SMTP server (`smtp-server`) — reminders/s.
 *
 *   npx tsx bench/reminders.ts
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test BENCH_PEOPLE=200000 npx tsx bench/reminders.ts
 *
 * Creates a scratch database next to BENCH_DATABASE_URL (default: TEST_DATABASE_URL, else
 * postgres://postgres@127.0.0.1:5432/test) and drops it at the end.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { pino } from 'pino';
import { migrateDatabase, openDatabase } from '../server/db/client';
import { loadEnv } from '../server/env';
import { enqueueMany } from '../server/jobs/enqueue';
import { remindersSend } from '../server/jobs/jobs/reminders-send';
import { SWEEP_BATCH } from '../server/jobs/jobs/reminders-sweep';
import { startJobRunner } from '../server/jobs/runner';
import { closeDeliveries } from '../server/usecases/reminders/delivery';
import { takeDueReminders } from '../server/usecases/reminders/sweep-due-reminders';
import { startSmtpServer } from '../test/smtp-server';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 1_000_000);
const BASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const name = `sejour_bench_${randomBytes(4).toString('hex')}`;
const withDb = (url: string, db: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${db}`;
  return parsed.toString();
};
const admin = async (statement: string) => {
  const client = new pg.Client({ connectionString: BASE_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
};
const seconds = (since: number) => (performance.now() - since) / 1000;
const print = (line: string) => process.stdout.write(`${line}\n`);

await admin(`CREATE DATABASE ${name}`);
const url = withDb(BASE_URL, name);
const database = await openDatabase({ databaseUrl: url });
const { db } = database;
try {
  await migrateDatabase(database);
  const now = new Date();
  now.setUTCHours(8, 0, 30, 0); // 09:00:30 or 10:00:30 Paris: after every reminder of the day is due
  const today = now.toISOString().slice(0, 10);

  let t = performance.now();
  await db.execute(sql`
    INSERT INTO users (email, display_name, role, locale)
    SELECT 'p' || g || '@bench.example', 'Person ' || g, 'applicant', CASE WHEN g % 3 = 0 THEN 'en' ELSE 'fr' END
    FROM generate_series(1, ${PEOPLE}) AS g`);
  print(`people: ${PEOPLE.toLocaleString('en')} inserted in ${seconds(t).toFixed(1)} s`);

  t = performance.now();
  await db.execute(sql`
    INSERT INTO reminders (user_id, kind, subject_id, due_on, about_on, send_at, next_attempt_at, channel, idempotency_key, rule_id, citation, sejour_own, status, sent_at, created_at)
    SELECT u.id, k.kind, u.id, d.due, d.due + 120, (d.due + time '08:00') AT TIME ZONE 'UTC', (d.due + time '08:00') AT TIME ZONE 'UTC', 'email',
           u.id || ':' || k.kind || ':' || d.due || ':email', 'R-90', 'Pratique administrative (outil PERSée, DGEF)', false,
           CASE WHEN d.due < ${today}::date THEN 'sent' ELSE 'pending' END,
           CASE WHEN d.due < ${today}::date THEN (d.due + time '08:00') AT TIME ZONE 'UTC' END, ${now}
    FROM (SELECT id, row_number() OVER () AS n FROM users) AS u
    CROSS JOIN (VALUES (0, 'renewal_4_months'), (1, 'window_closing'), (2, 'renewal_2_months_1_week')) AS k(i, kind)
    CROSS JOIN LATERAL (SELECT ${today}::date - 365 + ((u.n * 7 + k.i * 53) % 730)::int AS due) AS d`);
  await db.execute(sql`ANALYZE reminders`);
  const [counts] = (
    (await db.execute(sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'pending')::int AS pending,
      count(*) FILTER (WHERE status = 'pending' AND next_attempt_at <= ${now})::int AS due FROM reminders`)) as unknown as { rows: Array<{ total: number; pending: number; due: number }> }
  ).rows;
  print(`reminders: ${counts!.total.toLocaleString('en')} rows (${counts!.pending.toLocaleString('en')} pending, ${counts!.due.toLocaleString('en')} due today) in ${seconds(t).toFixed(1)} s`);

  const plan = (await db.execute(
    sql.raw(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id FROM reminders WHERE status = 'pending' AND next_attempt_at <= '${now.toISOString()}' ORDER BY next_attempt_at LIMIT ${SWEEP_BATCH} FOR UPDATE SKIP LOCKED`),
  )) as unknown as { rows: Array<Record<string, string>> };
  print('plan of one sweep batch:');
  for (const row of plan.rows) print(`  ${Object.values(row)[0]}`);

  const logger = pino({ level: 'warn' });
  const smtp = await startSmtpServer();
  const env = loadEnv({ NODE_ENV: 'test', DATABASE_URL: url, SMTP_URL: smtp.url, REMINDER_QUIET_HOURS: 'off', LOG_LEVEL: 'warn' });
  const setup = await startJobRunner({ database, env, logger, jobs: [remindersSend], work: false });
  await setup.stop();

  // The daily pass: what `reminders.sweep` does at 09:00.
  t = performance.now();
  let handedOut = 0;
  for (;;) {
    const ids = await db.transaction(async (tx) => {
      const batch = await takeDueReminders(tx, now, 300, SWEEP_BATCH);
      await enqueueMany(tx, remindersSend, batch.map((reminderId) => ({ reminderId })));
      return batch;
    });
    handedOut += ids.length;
    if (ids.length < SWEEP_BATCH) break;
  }
  const pass = seconds(t);
  print(`daily pass: ${handedOut.toLocaleString('en')} due reminders handed to reminders.send in ${pass.toFixed(2)} s (${(handedOut / pass).toFixed(0)}/s)`);

  // Delivery: one worker (concurrency 20) to the local SMTP server.
  t = performance.now();
  const runner = await startJobRunner({ database, env, logger, jobs: [remindersSend], now: () => now, tuning: { pollingIntervalSeconds: 0.5 } });
  while (smtp.messages.length < handedOut) await new Promise((resolve) => setTimeout(resolve, 200));
  const delivery = seconds(t);
  await runner.stop();
  print(`delivery: ${smtp.messages.length.toLocaleString('en')} emails accepted by the SMTP server in ${delivery.toFixed(1)} s (${(smtp.messages.length / delivery).toFixed(0)} reminders/s, one worker)`);
  closeDeliveries();
  await smtp.close();
} finally {
  await database.close();
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
