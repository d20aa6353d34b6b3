/**
 * Fault: a web process killed with SIGKILL under load (issue 10). Runs the production shape on
 * this machine — nginx (Debian package) in front of two web processes (`WORKER_MODE=off`, shared
 * rate-limit counters in Redis), two `server/worker.ts` workers, the local PostgreSQL — and drives
 * applicants through it: sign in, record a card, open a draft, upload its documents, file it with
 * an Idempotency-Key, read the personal space. In the middle one web process is killed with
 * SIGKILL (and restarted 3 s later, as systemd's Restart=always would). Clients retry a submission
 * that got no answer, a 502 or a 503 with the same key, as the web page does.
 *
 * It prints requests/s held, outcomes by kind of request and by phase, the recovery time, and
 * checks in the database that every acknowledged submission exists exactly once with exactly one
 * attestation de dépôt, and that no application anywhere was filed twice. Exit code 1 otherwise.
 *
 *   npx tsx bench/fault-web-sigkill.ts            # needs nginx, PostgreSQL on 127.0.0.1:5432, Redis on 6379
 *   FAULT_SECONDS=40 FAULT_CLIENTS=12 FAULT_LOG_DIR=/tmp/sigkill npx tsx bench/fault-web-sigkill.ts
 *
 * Not run by `npm run bench` (it starts nginx and five processes).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { CSRF_COOKIE, CSRF_HEADER } from '../contract/accounts';
import { IDEMPOTENCY_KEY_HEADER } from '../contract/applications';
import { hashPassword } from '../server/adapters/password';
import { TINY_PNG } from '../server/usecases/applications/test-pdfs';

const ADMIN_URL = process.env.FAULT_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.FAULT_REDIS_URL ?? 'redis://127.0.0.1:6379';
const seconds = Number(process.env.FAULT_SECONDS ?? 30);
const clients = Number(process.env.FAULT_CLIENTS ?? 8);
const applicantsCount = Number(process.env.FAULT_APPLICANTS ?? 400);
const proxyPort = Number(process.env.FAULT_PORT ?? 3990);
const webPorts = [proxyPort + 1, proxyPort + 2] as const;
const base = `http://127.0.0.1:${proxyPort}`;
const PASSWORD = 'violet-tramway-47-orage';
// The applicants' card runs out on 31 December 2026; the service's clock starts on 1 October 2026,
// inside the renewal window, so every filing is in time and gets its attestation de dépôt.
const CLOCK_START = '2026-10-01T10:00:00Z';

const nginx = (() => {
  for (const candidate of ['/usr/sbin/nginx', '/usr/bin/nginx']) if (fs.existsSync(candidate)) return candidate;
  throw new Error('nginx is not installed (apt-get install nginx)');
})();

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sejour-sigkill-'));
const logDir = process.env.FAULT_LOG_DIR ?? path.join(work, 'logs');
fs.mkdirSync(logDir, { recursive: true });
const dataDir = path.join(work, 'data');
fs.mkdirSync(dataDir);

// ——— database, key, configuration ———
const database = `sejour_sigkill_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
await admin.query(`create database ${database}`);
await admin.end();
const databaseUrl = ADMIN_URL.replace(/\/[^/]*$/, `/${database}`);
// Every process signs with the same key (production: ATTESTATION_SIGNING_KEY from the secret store).
const signingKey = generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');

const baseEnv = {
  ...process.env,
  NODE_ENV: 'test',
  DATABASE_URL: databaseUrl,
  DATA_DIR: dataDir,
  DEMO_DATA: 'false',
  LOG_LEVEL: 'warn',
  RATE_LIMIT_MAX: '1000000',
  REDIS_URL,
  TRUST_PROXY: 'true',
  ATTESTATION_SIGNING_KEY: signingKey,
  CLOCK_START,
  WEB_DIST_DIR: `/nonexistent/${randomUUID()}`,
};

const children = new Set<ChildProcess>();
function start(name: string, script: string, env: Record<string, string>): ChildProcess {
  const log = fs.openSync(path.join(logDir, `${name}.log`), 'a');
  // node itself, not the tsx wrapper: a SIGKILL sent to the wrapper would leave its server running.
  const child = spawn(process.execPath, ['--import', 'tsx', script], { env: { ...baseEnv, ...env }, stdio: ['ignore', log, log] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}
const startWeb = (index: 0 | 1) => start(`web-${index + 1}`, 'server/main.ts', { PORT: String(webPorts[index]), WORKER_MODE: 'off' });

async function waitReady(url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not become ready`);
}

function nginxConfig(): string {
  const temp = (name: string) => path.join(work, `nginx-${name}`);
  for (const name of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) fs.mkdirSync(temp(name), { recursive: true });
  // The proxying directives are those of deploy/nginx/sejour.conf, on plain HTTP and a local port.
  return `
daemon off;
worker_processes 1;
pid ${path.join(work, 'nginx.pid')};
error_log ${path.join(logDir, 'nginx-error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${temp('body')};
  proxy_temp_path ${temp('proxy')};
  fastcgi_temp_path ${temp('fastcgi')};
  uwsgi_temp_path ${temp('uwsgi')};
  scgi_temp_path ${temp('scgi')};
  upstream sejour_web {
    server 127.0.0.1:${webPorts[0]} max_fails=1 fail_timeout=5s;
    server 127.0.0.1:${webPorts[1]} max_fails=1 fail_timeout=5s;
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${proxyPort};
    client_max_body_size 12m;
    proxy_request_buffering off;
    proxy_next_upstream error timeout http_502 http_503;
    proxy_next_upstream_tries 2;
    location / {
      proxy_pass http://sejour_web;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_read_timeout 60s;
    }
  }
}
`;
}

// ——— a cookie-keeping client over fetch ———
class Client {
  private readonly cookies = new Map<string, string>();

  async request(method: string, url: string, options: { json?: unknown; form?: FormData; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers, 'accept-language': 'fr' };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = this.cookies.get(CSRF_COOKIE);
    if (method !== 'GET' && csrf) headers[CSRF_HEADER] = csrf;
    let body: string | FormData | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form) body = options.form;
    const response = await fetch(`${base}${url}`, { method, headers, ...(body === undefined ? {} : { body }), signal: AbortSignal.timeout(30_000) });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (!name) continue;
      if (attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value.join('=') === '') this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value.join('='));
    }
    return response;
  }
}

// ——— what happened ———
type Kind = 'sign_in' | 'record_card' | 'draft' | 'upload' | 'submit' | 'submit_retry' | 'space_read';
type Phase = 'before' | 'during' | 'after';
const outcomes = new Map<string, number>();
const count = (phase: Phase, kind: Kind, outcome: string) => outcomes.set(`${phase}\t${kind}\t${outcome}`, (outcomes.get(`${phase}\t${kind}\t${outcome}`) ?? 0) + 1);
let phase: Phase = 'before';
let killedAt = 0;
let restartedAt = 0;
let lastFailureAt = 0;
let firstSubmitAfterKill = 0;
const acknowledged = new Map<string, string>(); // application id → idempotency key
const abandoned: string[] = [];
let replayed = 0;

class Failed extends Error {}

async function step(kind: Kind, call: () => Promise<Response>, expected: number[]): Promise<Response> {
  let response: Response;
  try {
    response = await call();
  } catch (error) {
    count(phase, kind, 'network_error');
    lastFailureAt = Date.now();
    throw new Failed((error as Error).message);
  }
  if (expected.includes(response.status)) {
    count(phase, kind, 'ok');
    return response;
  }
  const problem = (response.headers.get('content-type') ?? '').startsWith('application/problem+json') ? `${response.status} ${((await response.json()) as { code?: string }).code}` : String(response.status);
  count(phase, kind, problem);
  lastFailureAt = Date.now();
  throw new Failed(problem);
}

async function fileOne(email: string): Promise<void> {
  const client = new Client();
  await step('sign_in', () => client.request('GET', '/api/v1/auth/csrf'), [200]);
  await step('sign_in', () => client.request('POST', '/api/v1/auth/sign-in', { json: { email, password: PASSWORD } }), [200]);
  await step('record_card', () => client.request('POST', '/api/v1/permits', { json: { kind: 'temporary_card', cardType: 'visiteur', validFrom: '2025-12-31', validUntil: '2026-12-31', foreignerNumber: '7501234567' } }), [201]);
  const draft = (await (await step('draft', () => client.request('POST', '/api/v1/applications', { json: { cardType: 'visiteur', departement: '69', answers: { marriedOrHasChildren: false } } }), [201])).json()) as { id: string };
  const detail = (await (await step('space_read', () => client.request('GET', `/api/v1/applications/${draft.id}`), [200])).json()) as { missingDocuments: string[] };
  for (const item of detail.missingDocuments) {
    const form = new FormData();
    form.append('file', new Blob([TINY_PNG], { type: 'image/png' }), 'scan.png');
    await step('upload', () => client.request('POST', `/api/v1/applications/${draft.id}/items/${item}/documents`, { form }), [201]);
  }
  const key = randomUUID();
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await step(attempt === 0 ? 'submit' : 'submit_retry', () => client.request('POST', `/api/v1/applications/${draft.id}/submit`, { headers: { [IDEMPOTENCY_KEY_HEADER]: key } }), [200]);
      if (response.headers.get('idempotent-replayed') === 'true') replayed++;
      await response.arrayBuffer();
      acknowledged.set(draft.id, key);
      if (killedAt && !firstSubmitAfterKill) firstSubmitAfterKill = Date.now();
      break;
    } catch (error) {
      // No answer, or the proxy's 502/503: the page retries with the same key, a few times.
      if (!(error instanceof Failed) || !/^(fetch failed|5\d\d|The operation)/.test(error.message) || attempt >= 5) throw error;
      await new Promise((r) => setTimeout(r, 300 * 2 ** attempt));
    }
  }
  await step('space_read', () => client.request('GET', '/api/v1/me/overview'), [200, 404]).catch(() => undefined);
}

async function runClient(queue: string[], until: number): Promise<void> {
  while (Date.now() < until) {
    const email = queue.pop();
    if (!email) return;
    try {
      await fileOne(email);
    } catch {
      abandoned.push(email);
    }
  }
}

let proxy: ChildProcess | undefined;
let exitCode = 0;
try {
  console.log(`work folder ${work}; logs in ${logDir}`);
  let webA = startWeb(0);
  await waitReady(`http://127.0.0.1:${webPorts[0]}`); // the first process migrates the database
  startWeb(1);
  start('worker-1', 'server/worker.ts', {});
  start('worker-2', 'server/worker.ts', {});
  await waitReady(`http://127.0.0.1:${webPorts[1]}`);
  fs.writeFileSync(path.join(work, 'nginx.conf'), nginxConfig());
  proxy = spawn(nginx, ['-c', path.join(work, 'nginx.conf'), '-p', work], { stdio: ['ignore', 'ignore', fs.openSync(path.join(logDir, 'nginx.log'), 'a')] });
  await waitReady(base);

  // Applicants with an identity, inserted directly (sign-up by email is not what is measured here).
  const seed = new pg.Client({ connectionString: databaseUrl });
  await seed.connect();
  const hash = await hashPassword(PASSWORD);
  const emails = Array.from({ length: applicantsCount }, (_, i) => `sigkill.${i}.${randomBytes(3).toString('hex')}@example.org`);
  for (const email of emails) {
    const { rows } = await seed.query<{ id: string }>(
      `insert into users (email, display_name, role, password_hash, locale, email_verified_at) values ($1, 'Fault test', 'applicant', $2, 'fr', now()) returning id`,
      [email, hash],
    );
    await seed.query(
      `insert into applicant_profiles (user_id, surname, given_names, birth_date, nationality, created_at, updated_at) values ($1, 'Diallo', 'Amina', '1994-03-15', 'SEN', now(), now())`,
      [rows[0]!.id],
    );
  }

  const started = Date.now();
  const until = started + seconds * 1000;
  const queue = [...emails];
  const load = Promise.all(Array.from({ length: clients }, () => runClient(queue, until)));
  await new Promise((r) => setTimeout(r, (seconds * 1000) / 3));
  phase = 'during';
  killedAt = Date.now();
  webA.kill('SIGKILL');
  await new Promise((r) => setTimeout(r, 3000));
  webA = startWeb(0);
  await waitReady(`http://127.0.0.1:${webPorts[0]}`);
  restartedAt = Date.now();
  phase = 'after';
  await load;
  const ended = Date.now();

  // ——— what the database holds ———
  const ids = [...acknowledged.keys()];
  const perAcknowledged = await seed.query<{ id: string; status: string; submits: string; receipts: string }>(
    `select a.id, a.status,
            (select count(*) from application_events e where e.application_id = a.id and e.event = 'submit') as submits,
            (select count(*) from attestations t where t.application_id = a.id and t.kind = 'filing_receipt') as receipts
       from applications a where a.id = any($1::uuid[])`,
    [ids],
  );
  const duplicates = await seed.query<{ n: string }>(
    `select count(*) as n from (select application_id from application_events where event = 'submit' group by application_id having count(*) > 1) d`,
  );
  const doubleReceipts = await seed.query<{ n: string }>(
    `select count(*) as n from (select application_id from attestations where kind = 'filing_receipt' group by application_id having count(*) > 1) d`,
  );
  const filedTotal = await seed.query<{ n: string }>(`select count(*) as n from applications where status <> 'draft'`);
  await seed.end();

  const intact = perAcknowledged.rows.filter((r) => r.status !== 'draft' && r.submits === '1' && r.receipts === '1').length;
  const total = [...outcomes.values()].reduce((a, b) => a + b, 0);
  console.log(`\nSIGKILL of one of two web processes behind nginx — ${clients} clients, ${seconds} s, two workers, PostgreSQL`);
  console.log(`  requests: ${total} in ${((ended - started) / 1000).toFixed(1)} s = ${(total / ((ended - started) / 1000)).toFixed(0)} requests/s held (applicant steps, argon2 sign-ins included)`);
  console.log(`  filings acknowledged: ${acknowledged.size} (${replayed} answered as a replay of an earlier attempt); applicants abandoned after an error: ${abandoned.length}`);
  const table = new Map<string, Map<string, number>>();
  for (const [key, n] of outcomes) {
    const [p, kind, outcome] = key.split('\t') as [Phase, Kind, string];
    const row = table.get(`${p} ${kind}`) ?? new Map<string, number>();
    row.set(outcome, n);
    table.set(`${p} ${kind}`, row);
  }
  for (const p of ['before', 'during', 'after'] as const) {
    for (const [label, row] of table) if (label.startsWith(p)) console.log(`  ${label.padEnd(20)} ${[...row].map(([o, n]) => `${o} ${n}`).join(', ')}`);
  }
  console.log(`  web-1 killed at +${((killedAt - started) / 1000).toFixed(1)} s, back at +${((restartedAt - started) / 1000).toFixed(1)} s; first filing acknowledged ${firstSubmitAfterKill ? ((firstSubmitAfterKill - killedAt) / 1000).toFixed(2) : 'never'} s after the kill; last failure ${lastFailureAt > killedAt ? ((lastFailureAt - killedAt) / 1000).toFixed(2) : '0'} s after the kill`);
  console.log(`  acknowledged filings found filed, with exactly one submit event and one attestation de dépôt: ${intact}/${acknowledged.size}`);
  console.log(`  applications filed twice anywhere: ${duplicates.rows[0]!.n}; with two attestations de dépôt: ${doubleReceipts.rows[0]!.n}; filed in all: ${filedTotal.rows[0]!.n}`);
  if (intact !== acknowledged.size || duplicates.rows[0]!.n !== '0' || doubleReceipts.rows[0]!.n !== '0' || acknowledged.size === 0 || !firstSubmitAfterKill) exitCode = 1;
  console.log(exitCode === 0 ? '  RESULT: nothing acknowledged was lost or duplicated' : '  RESULT: FAILED');
} finally {
  proxy?.kill('SIGQUIT');
  for (const child of children) child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1500));
  for (const child of children) child.kill('SIGKILL');
  const cleanup = new pg.Client({ connectionString: ADMIN_URL });
  await cleanup.connect().then(() => cleanup.query(`drop database if exists ${database} with (force)`)).finally(() => cleanup.end());
  if (!process.env.FAULT_LOG_DIR) fs.rmSync(work, { recursive: true, force: true });
}
process.exit(exitCode);
