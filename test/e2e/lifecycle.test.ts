import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './harness';

const started: RunningApp[] = [];
afterAll(async () => {
  for (const app of started) await app.stop('SIGKILL');
});

describe('npm start', () => {
  it('starts on a new data folder, prints demo accounts, stops cleanly on Ctrl-C and reuses the data', async () => {
    const first = await startApp();
    started.push(first);
    expect(first.output()).toContain(`Sejour is running at`);
    if (!process.env.TEST_DATABASE_URL) {
      expect(first.output()).toMatch(/demo\.applicant@sejour\.test\s+\S{16}/);
      expect(fs.existsSync(`${first.dataDir}/pg`)).toBe(true);
    }
    const ready = await (await fetch(`${first.url}/readyz`)).json();
    expect(ready.status).toBe('ready');

    // A request in flight when Ctrl-C arrives still gets its answer.
    const inFlight = fetch(`${first.url}/api/v1/departements`).then((r) => r.status);
    await new Promise((r) => setTimeout(r, 5));
    const { code, signal } = await first.stop('SIGINT');
    expect(await inFlight).toBe(200);
    // npm itself dies of the SIGINT; the server exits 0 after "stopped cleanly".
    expect(code === 0 || signal === 'SIGINT').toBe(true);
    expect(first.output()).toContain('stopped cleanly');
    expect(fs.existsSync(`${first.dataDir}/sejour.lock`)).toBe(false);

    if (process.env.TEST_DATABASE_URL) return;
    const passwords = first.output().match(/demo\.applicant@sejour\.test\s+(\S+)/)?.[1];
    const second = await startApp({ dataDir: first.dataDir });
    started.push(second);
    expect(second.output().match(/demo\.applicant@sejour\.test\s+(\S+)/)?.[1]).toBe(passwords);
    const list = await (await fetch(`${second.url}/api/v1/departements`)).json();
    expect(list.items).toHaveLength(101);
    await second.stop();
    expect(second.output()).toContain('stopped cleanly');
  });

  it('refuses a second process on the same embedded data folder', async () => {
    if (process.env.TEST_DATABASE_URL) return;
    const first = await startApp();
    started.push(first);
    await expect(startApp({ dataDir: first.dataDir })).rejects.toThrow(/in use by process/);
    await first.stop();
  });

  it('stops at start-up with one line naming a wrong variable', async () => {
    await expect(startApp({ env: { PORT: 'eighty' } })).rejects.toThrow(/sejour: Invalid configuration: PORT must be a whole number/);
  });
});
