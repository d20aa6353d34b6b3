/**
 * `npm run worker` (server/worker.ts) as a process: kept under jobs/ with the other job tests.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createUser } from '../../test/accounts';
import { createTestDatabase } from '../../test/db';
import { jobRows, waitFor } from '../../test/jobs';
import { sessions } from '../db/schema/index';
import { ConfigError, loadEnv } from '../env';
import { enqueue } from './enqueue';
import { accountsPurge } from './jobs/accounts-purge';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function startWorker(env: Record<string, string>) {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['server/worker.ts'], {
    cwd: ROOT,
    env: { ...base, DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'sejour-worker-')), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

describe('npm run worker', () => {
  it('refuses the embedded database with one clear line', async () => {
    const worker = startWorker({});
    expect(await worker.exited).toBe(1);
    const lines = worker.err().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^sejour worker: needs DATABASE_URL \(PostgreSQL\); with the embedded database the jobs run inside `npm start`/);
    expect(worker.out()).toBe('');
  });

  it('WORKER_MODE=off is refused with the embedded database', () => {
    expect(() => loadEnv({ WORKER_MODE: 'off' })).toThrow(ConfigError);
    expect(() => loadEnv({ WORKER_MODE: 'off' })).toThrow(/WORKER_MODE off needs DATABASE_URL/);
    expect(loadEnv({ WORKER_MODE: 'off', DATABASE_URL: 'postgres://h/db' }).workerMode).toBe('off');
    expect(loadEnv({}).workerMode).toBe('in-process');
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('runs jobs on PostgreSQL and stops cleanly on SIGINT', async () => {
    const database = await createTestDatabase();
    try {
      const user = await createUser(database.db);
      const past = new Date(Date.now() - 3_600_000);
      await database.db.insert(sessions).values({
        userId: user.id,
        tokenHash: 'ended'.padEnd(64, '0'),
        deviceLabel: 'ended',
        createdAt: past,
        lastSeenAt: past,
        idleExpiresAt: past,
        expiresAt: past,
      });

      const worker = startWorker({ DATABASE_URL: database.url!, LOG_LEVEL: 'info', SHUTDOWN_TIMEOUT_MS: '5000' });
      try {
        await waitFor(() => worker.out().includes('job runner started') || worker.child.exitCode !== null, 'the worker to start', 30_000);
        expect(worker.err()).toBe('');
        expect(worker.out()).toContain('job runner started');

        const id = await enqueue(database.db, accountsPurge, {});
        await waitFor(async () => (await jobRows(database.db, accountsPurge.name)).some((job) => job.id === id && job.state === 'completed'), 'the worker to run the job');
        expect(await database.db.select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([]);

        worker.child.kill('SIGINT');
        expect(await worker.exited).toBe(0);
        const logs = worker
          .out()
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as { level: number; msg: string });
        expect(logs.map((entry) => entry.msg)).toEqual(expect.arrayContaining(['account data purged', 'job runner stopped', 'stopped cleanly']));
        expect(logs.filter((entry) => entry.level >= 50)).toEqual([]);
      } finally {
        if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
      }
    } finally {
      await database.close();
    }
  });
});
