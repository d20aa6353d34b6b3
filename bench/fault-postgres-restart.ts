/**
 * Fault: PostgreSQL restarted under load (issue 10). Starts Sejour (`server/main.ts`) on a fresh
 * database of the machine's PostgreSQL, drives a mix of reads (GET /api/v1/departements/69) and
 * acknowledged writes (account registrations, 202) from several clients, restarts PostgreSQL in
 * the middle, and prints:
 *   - requests by outcome (2xx, 503 problem+json, other errors) before, during and after;
 *   - the outage as clients saw it and the recovery time (PostgreSQL back → first success);
 *   - whether every acknowledged registration exists afterwards (no acknowledged write lost).
 *
 *   npx tsx bench/fault-postgres-restart.ts            # needs root (pg_ctlcluster) and PostgreSQL on 127.0.0.1:5432
 *   FAULT_SECONDS=30 FAULT_CLIENTS=8 FAULT_SERVER_LOG=/tmp/server.log npx tsx bench/fault-postgres-restart.ts
 *
 * It restarts the machine's PostgreSQL: do not run it while other tests use that server.
 */
import fs from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const ADMIN_URL = process.env.FAULT_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const seconds = Number(process.env.FAULT_SECONDS ?? 24);
const clients = Number(process.env.FAULT_CLIENTS ?? 6);
const port = Number(process.env.FAULT_PORT ?? 3998);
const base = `http://127.0.0.1:${port}`;
const cluster = fs.readdirSync('/etc/postgresql')[0]!;

const database = `sejour_fault_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
await admin.query(`create database ${database}`);
await admin.end();
const databaseUrl = ADMIN_URL.replace(/\/[^/]*$/, `/${database}`);

const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, LOG_LEVEL: 'error', RATE_LIMIT_MAX: '1000000', DEMO_DATA: 'false', NODE_ENV: 'test' },
  // FAULT_SERVER_LOG=file keeps the server's log (pino, level error) to see what failed.
  stdio: ['ignore', process.env.FAULT_SERVER_LOG ? fs.openSync(process.env.FAULT_SERVER_LOG, 'w') : 'ignore', 'inherit'],
});

type Outcome = 'ok' | 'unavailable_problem' | 'other_error' | 'network_error';
type Phase = 'before' | 'during' | 'after';
const counts: Record<Phase, Record<Outcome, number>> = {
  before: { ok: 0, unavailable_problem: 0, other_error: 0, network_error: 0 },
  during: { ok: 0, unavailable_problem: 0, other_error: 0, network_error: 0 },
  after: { ok: 0, unavailable_problem: 0, other_error: 0, network_error: 0 },
};
let phase: Phase = 'before';
let postgresBackAt = 0;
let firstSuccessAfter = 0;
let lastFailureAt = 0;
const acknowledged: string[] = [];
const otherStatuses = new Map<string, number>();

async function waitReady(): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/readyz`)).ok) return;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not become ready');
}

function record(outcome: Outcome, detail?: string): void {
  counts[phase][outcome]++;
  if (outcome === 'ok') {
    if (phase === 'after' && firstSuccessAfter === 0) firstSuccessAfter = Date.now();
  } else {
    lastFailureAt = Date.now();
    if (detail) otherStatuses.set(detail, (otherStatuses.get(detail) ?? 0) + 1);
  }
}

async function classify(response: Response): Promise<Outcome> {
  if (response.ok) return 'ok';
  const type = response.headers.get('content-type') ?? '';
  await response.text().catch(() => '');
  if (response.status === 503 && type.startsWith('application/problem+json')) return 'unavailable_problem';
  otherStatuses.set(`${response.status}`, (otherStatuses.get(`${response.status}`) ?? 0) + 1);
  return 'other_error';
}

async function client(id: number, until: number): Promise<void> {
  let csrf = '';
  let cookie = '';
  for (let n = 0; Date.now() < until; n++) {
    try {
      if (n % 3 === 2) {
        if (!csrf) {
          const response = await fetch(`${base}/api/v1/auth/csrf`);
          if (!response.ok) {
            record(await classify(response));
            continue;
          }
          csrf = ((await response.json()) as { token: string }).token;
          cookie = (response.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
        }
        const email = `fault.${id}.${n}.${randomBytes(3).toString('hex')}@example.org`;
        const response = await fetch(`${base}/api/v1/auth/register`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, cookie },
          body: JSON.stringify({ email, password: 'violet-tramway-47-orage', displayName: 'Fault test' }),
        });
        const outcome = await classify(response);
        if (outcome === 'ok') acknowledged.push(email);
        record(outcome);
      } else {
        record(await classify(await fetch(`${base}/api/v1/departements/69`)));
      }
    } catch (error) {
      record('network_error', (error as Error).message);
    }
  }
}

try {
  await waitReady();
  const start = Date.now();
  const until = start + seconds * 1000;
  const load = Promise.all(Array.from({ length: clients }, (_, i) => client(i, until)));
  await new Promise((r) => setTimeout(r, (seconds * 1000) / 4));
  phase = 'during';
  const stoppedAt = Date.now();
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', cluster, 'main', 'stop', '-m', 'fast'], { stdio: 'inherit' });
  await new Promise((r) => setTimeout(r, 3000));
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', cluster, 'main', 'start'], { stdio: 'inherit' });
  for (let i = 0; i < 60; i++) {
    try {
      execFileSync('pg_isready', ['-q', '-h', '127.0.0.1', '-p', '5432']);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  postgresBackAt = Date.now();
  phase = 'after';
  await load;

  const check = new pg.Client({ connectionString: databaseUrl });
  await check.connect();
  const found = await check.query<{ n: string }>('select count(*) as n from users where email = any($1)', [acknowledged]);
  await check.end();
  const total = (p: Phase) => Object.values(counts[p]).reduce((a, b) => a + b, 0);
  console.log(`PostgreSQL restart under load — ${clients} clients, ${seconds} s, reads and registrations (1 in 3)`);
  for (const p of ['before', 'during', 'after'] as const) {
    const c = counts[p];
    console.log(`  ${p.padEnd(7)} ${String(total(p)).padStart(6)} requests: ok ${c.ok}, 503 problem+json ${c.unavailable_problem}, other errors ${c.other_error}, network errors ${c.network_error}`);
  }
  if (otherStatuses.size > 0) console.log(`  other outcomes: ${JSON.stringify(Object.fromEntries(otherStatuses))}`);
  console.log(`  requests/s held before the fault: ${(total('before') / ((stoppedAt - start) / 1000)).toFixed(0)}`);
  console.log(`  PostgreSQL down for ${((postgresBackAt - stoppedAt) / 1000).toFixed(1)} s; first success ${firstSuccessAfter ? ((firstSuccessAfter - postgresBackAt) / 1000).toFixed(2) : 'never'} s after it was back; last failure ${lastFailureAt > postgresBackAt ? ((lastFailureAt - postgresBackAt) / 1000).toFixed(2) : '0'} s after`);
  console.log(`  acknowledged registrations: ${acknowledged.length}, present afterwards: ${found.rows[0]!.n} (${Number(found.rows[0]!.n) === acknowledged.length ? 'none lost' : 'LOST WRITES'})`);
  if (Number(found.rows[0]!.n) !== acknowledged.length || counts.after.ok === 0 || counts.during.other_error + counts.after.other_error > 0) process.exitCode = 1;
} finally {
  server.kill('SIGINT');
  await new Promise((r) => server.on('exit', r));
  const cleanup = new pg.Client({ connectionString: ADMIN_URL });
  await cleanup.connect().then(() => cleanup.query(`drop database if exists ${database} with (force)`)).finally(() => cleanup.end());
}
