/**
 * Reminders delivered by real `npm run worker` processes on PostgreSQL to a real SMTP server
 * started here (ADR 0012): a worker killed with SIGKILL in the middle of a batch, then restarted,
 * delivers every due reminder exactly once; two workers on one database deliver 10,000 due
 * reminders with no duplicate. PostgreSQL only (the worker refuses the embedded database).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db';
import { rows, sleep, waitFor } from '../../../test/jobs';
import { insertDueReminders } from '../../../test/reminders';
import { startSmtpServer, type ReceivedMail } from '../../../test/smtp-server';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

function startWorker(env: Record<string, string>): { child: ChildProcess; exited: Promise<number | null>; err: () => string } {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['server/worker.ts'], {
    cwd: ROOT,
    env: { ...base, NODE_ENV: 'test', LOG_LEVEL: 'warn', REMINDER_QUIET_HOURS: 'off', DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'sejour-worker-')), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, err: () => stderr };
}

function duplicates(messages: readonly ReceivedMail[]): number {
  const keys = messages.map((m) => m.reminderKey);
  return keys.length - new Set(keys).size;
}

async function statusCounts(db: Parameters<typeof rows>[0]): Promise<Record<string, number>> {
  const counted = await rows<{ status: string; n: number }>(db, sql`select status, count(*)::int as n from reminders group by status`);
  return Object.fromEntries(counted.map((row) => [row.status, Number(row.n)]));
}

describe.skipIf(!onPostgres)('reminder delivery by worker processes', () => {
  it('delivers every due reminder exactly once although the worker is killed (SIGKILL) in the middle of a batch', { timeout: 240_000 }, async () => {
    const database = await createTestDatabase();
    // The SMTP server takes 25 ms to answer each message, so the kill lands while sends are in flight.
    const smtp = await startSmtpServer({ acceptDelayMs: 25 });
    const total = 1_500;
    try {
      await insertDueReminders(database.db, total);
      const env = { DATABASE_URL: database.url!, SMTP_URL: smtp.url, REMINDER_SEND_LEASE_SECONDS: '3' };
      const first = startWorker(env);
      await waitFor(() => smtp.messages.length >= 300, '300 messages before the kill', 120_000);
      first.child.kill('SIGKILL');
      await first.exited;
      const atKill = smtp.messages.length;
      const inFlight = (await statusCounts(database.db)).sending ?? 0;
      expect(atKill).toBeLessThan(total);
      await sleep(3_500); // the lease of the dead worker's claims runs out

      const second = startWorker(env);
      try {
        await waitFor(async () => (await statusCounts(database.db)).sent === total, `all ${total} reminders sent`, 180_000);
        await sleep(1_000);
        expect(smtp.messages).toHaveLength(total);
        expect(duplicates(smtp.messages)).toBe(0);
        expect(await statusCounts(database.db)).toEqual({ sent: total });
        process.stdout.write(`SIGKILL test: ${atKill} delivered before the kill, ${inFlight} claimed and in flight, ${total} delivered once each after restart` + "\n");
      } finally {
        second.child.kill('SIGTERM');
        await second.exited;
      }
    } finally {
      await smtp.close();
      await database.close();
    }
  });

  it('two workers on one database deliver 10,000 due reminders with no duplicate', { timeout: 600_000 }, async () => {
    const database = await createTestDatabase();
    const smtp = await startSmtpServer();
    const total = 10_000;
    try {
      await insertDueReminders(database.db, total);
      const env = { DATABASE_URL: database.url!, SMTP_URL: smtp.url };
      const started = Date.now();
      const workers = [startWorker(env), startWorker(env)];
      try {
        await waitFor(async () => (await statusCounts(database.db)).sent === total, `all ${total} reminders sent`, 540_000);
        const seconds = (Date.now() - started) / 1000;
        await sleep(1_000);
        expect(smtp.messages).toHaveLength(total);
        expect(duplicates(smtp.messages)).toBe(0);
        const byWorker = await rows<{ n: number }>(database.db, sql`select count(distinct claimed_at)::int as n from reminders`);
        process.stdout.write(`two workers: ${total} reminders in ${seconds.toFixed(1)} s (${(total / seconds).toFixed(0)}/s), ${byWorker[0]?.n} distinct claim instants` + "\n");
      } finally {
        for (const worker of workers) worker.child.kill('SIGTERM');
        await Promise.all(workers.map((worker) => worker.exited));
      }
    } finally {
      await smtp.close();
      await database.close();
    }
  });
});
