/**
 * National load (issue 10): two Sejour web processes (`WORKER_MODE=off`, rate-limit counters in
 * Redis) on PostgreSQL holding 4,000,000 people and about 1,000,000 open applications over the
 * 101 préfectures, driven with a realistic mix of requests for a fixed time:
 *
 *   personal space (overview, list of applications) 45 % · agent queue pages (plain, name search,
 *   numéro d'étranger search) 20 % · attestation verifications 20 % · filings 15 % (a draft, its
 *   document uploads, the submission with its attestation de dépôt — each counted as its kind)
 *
 * Then, in the same session and with the same client, two bare Fastify processes serving one
 * indexed PostgreSQL read (bench/bare-read-server.ts), so the ratio shows how close Sejour runs to
 * what this machine can do at all. Prints requests/s and p50/p99 per kind of request.
 *
 *   npx tsx bench/load-national.ts                         # database sejour_bench_national, kept for the next run
 *   npx tsx bench/load-national.ts --load-only                 # only load the data (the first time: several minutes)
 *   npx tsx bench/load-national.ts --seconds 60 --connections 48 --people 4000000 --applications 1430000 [--fresh]
 *
 * `BENCH_NATIONAL_DATABASE` names the database (default sejour_bench_national);
 * `BENCH_DATABASE_URL` (default postgres://postgres@127.0.0.1:5432/postgres) is where the
 * database is created; `BENCH_REDIS_URL` defaults to redis://127.0.0.1:6379. Loading the data the
 * first time takes several minutes. The client runs on the same machine and takes its share of
 * the CPU: the ratio to the bare route is the figure to read, not the absolute rate.
 */
import http from 'node:http';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '../contract/accounts';
import { IDEMPOTENCY_KEY_HEADER } from '../contract/applications';
import { csrfTokenForSession, hashToken, newToken } from '../server/usecases/accounts/secrets';
import { TINY_PNG } from '../server/usecases/applications/test-pdfs';
import { databaseUrlOf, loadNationalData, openBenchDatabase } from './national-data';

const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const PEOPLE = option('people', 4_000_000);
// 70 % of the synthetic applications are open (submitted, documents requested, complete).
const APPLICATIONS = option('applications', 1_430_000);
const SECONDS = option('seconds', 30);
const CONNECTIONS = option('connections', 32);
const FRESH = process.argv.includes('--fresh');
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const NAME = process.env.BENCH_NATIONAL_DATABASE ?? 'sejour_bench_national';
const WEB_PORTS = [4011, 4012] as const;
const BARE_PORTS = [4021, 4022] as const;
const READERS = 5_000;
const FILERS = 20_000;

if (APPLICATIONS > PEOPLE - FILERS) throw new Error('--applications must leave at least 20,000 people without an application (the filers)');

// ——— data ———
const database = await openBenchDatabase(ADMIN_URL, NAME, FRESH);
await loadNationalData(database.db, { people: PEOPLE, applications: APPLICATIONS });
const databaseUrl = databaseUrlOf(ADMIN_URL, NAME);
await database.close();
if (process.argv.includes('--load-only')) process.exit(0);

const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();
const one = async <T>(text: string, values: unknown[] = []): Promise<T> => (await client.query(text, values)).rows[0] as T;
const { open } = await one<{ open: string }>("select count(*) as open from applications where status in ('submitted', 'documents_requested', 'complete')");
const { people } = await one<{ people: string }>("select count(*) as people from users where role = 'applicant'");

// Filers: people without any application yet, whose visiteur card runs out in 80 days (inside the
// renewal window, so each filing is in time and gets its attestation de dépôt).
const today = new Date().toISOString().slice(0, 10);
const filers = (
  await client.query<{ id: string }>(
    `select md5('u' || i)::uuid::text as id from generate_series($1::int, $2::int) i
      where not exists (select 1 from applications a where a.user_id = md5('u' || i)::uuid) limit $3`,
    [APPLICATIONS + 1, PEOPLE, FILERS],
  )
).rows.map((r) => r.id);
await client.query(
  `update permits set card_type = 'visiteur', valid_from_on = $1::date + 80 - 365, valid_until_on = $1::date + 80
    where user_id = any($2::uuid[])`,
  [today, filers],
);
const readerIds = (
  await client.query<{ id: string }>("select md5('u' || n)::uuid::text as id from unnest($1::int[]) n", [Array.from({ length: READERS }, (_, i) => 1 + Math.floor((i * APPLICATIONS) / READERS))])
).rows.map((r) => r.id);
const agentIds = (await client.query<{ id: string }>("select md5('agent' || departement_code)::uuid::text as id from prefectures")).rows.map((r) => r.id);

/** Sessions inserted directly (sign-in's argon2 is not what is measured); staff ones past the second factor. */
async function sessionsFor(userIds: readonly string[], staff: boolean): Promise<string[]> {
  const tokens = userIds.map(() => newToken());
  await client.query(
    `insert into sessions (user_id, token_hash, created_at, last_seen_at, idle_expires_at, expires_at, second_factor_at)
     select u, h, now(), now(), now() + interval '1 day', now() + interval '1 day', case when $3 then now() end
       from unnest($1::uuid[], $2::text[]) as s(u, h)`,
    [userIds, tokens.map(hashToken), staff],
  );
  return tokens;
}
const readerTokens = await sessionsFor(readerIds, false);
const filerTokens = await sessionsFor(filers, false);
const agentTokens = await sessionsFor(agentIds, true);

// ——— processes ———
const children = new Set<ChildProcess>();
function spawnNode(script: string, env: Record<string, string>): ChildProcess {
  // BENCH_CPU_PROFILE=dir writes each process's V8 CPU profile there when it stops (open in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', script], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}
async function waitReady(port: number): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`port ${port} did not become ready`);
}
async function stopAll(): Promise<void> {
  for (const child of children) child.kill('SIGTERM');
  for (let i = 0; i < 50 && children.size > 0; i++) await new Promise((r) => setTimeout(r, 100));
  for (const child of children) child.kill('SIGKILL');
}

// ——— client ———
const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
interface Answer {
  status: number;
  body: Buffer;
}
function call(port: number, method: string, url: string, headers: Record<string, string> = {}, body?: Buffer | string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, method, path: url, agent, headers: { ...headers, ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.setTimeout(30_000, () => request.destroy(new Error('timeout')));
    if (body !== undefined) request.write(body);
    request.end();
  });
}
const signedIn = (token: string): Record<string, string> => {
  const csrf = csrfTokenForSession(token);
  return { cookie: `${SESSION_COOKIE}=${token}; ${CSRF_COOKIE}=${csrf}`, [CSRF_HEADER]: csrf, 'accept-language': 'fr' };
};
const json = (value: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) });
function multipartPng(): { headers: Record<string, string>; body: Buffer } {
  const boundary = `----sejourbench${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scan.png"\r\nContent-Type: image/png\r\n\r\n`;
  return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body: Buffer.concat([Buffer.from(head), TINY_PNG, Buffer.from(`\r\n--${boundary}--\r\n`)]) };
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

type Stats = Map<string, { times: number[]; statuses: Map<string, number> }>;
function record(stats: Stats, kind: string, started: number, outcome: string): void {
  const entry = stats.get(kind) ?? { times: [], statuses: new Map<string, number>() };
  entry.times.push(performance.now() - started);
  entry.statuses.set(outcome, (entry.statuses.get(outcome) ?? 0) + 1);
  stats.set(kind, entry);
}
async function timed(stats: Stats, kind: string, expected: number, send: () => Promise<Answer>): Promise<Answer | undefined> {
  const started = performance.now();
  try {
    const answer = await send();
    record(stats, kind, started, answer.status === expected ? 'ok' : String(answer.status));
    return answer;
  } catch (error) {
    record(stats, kind, started, (error as Error).message.slice(0, 40));
    return undefined;
  }
}

let nextFiler = 0;
let roundRobin = 0;
const webPort = () => WEB_PORTS[roundRobin++ % WEB_PORTS.length]!;
const payloads: string[] = [];

interface Filing {
  token: string;
  draftId?: string;
  missing?: string[];
}

/** One request of a filing: draft → detail → each upload → submission; then the next filer. */
async function fileStep(stats: Stats, state: { filing?: Filing }): Promise<void> {
  if (!state.filing) {
    const token = filerTokens[nextFiler++];
    if (!token) return;
    state.filing = { token };
  }
  const filing = state.filing;
  const headers = signedIn(filing.token);
  if (!filing.draftId) {
    const body = json({ cardType: 'visiteur', departement: pick(['69', '75', '13', '33', '59', '974']), answers: { marriedOrHasChildren: false } });
    const answer = await timed(stats, 'filing: open a draft', 201, () => call(webPort(), 'POST', '/api/v1/applications', { ...headers, ...body.headers }, body.body));
    if (answer?.status !== 201) return void (state.filing = undefined);
    filing.draftId = (JSON.parse(answer.body.toString()) as { id: string }).id;
    return;
  }
  if (!filing.missing) {
    const answer = await timed(stats, 'filing: read the draft', 200, () => call(webPort(), 'GET', `/api/v1/applications/${filing.draftId}`, headers));
    if (answer?.status !== 200) return void (state.filing = undefined);
    filing.missing = (JSON.parse(answer.body.toString()) as { missingDocuments: string[] }).missingDocuments;
    return;
  }
  const item = filing.missing.pop();
  if (item) {
    const form = multipartPng();
    await timed(stats, 'filing: upload a document', 201, () => call(webPort(), 'POST', `/api/v1/applications/${filing.draftId}/items/${item}/documents`, { ...headers, ...form.headers }, form.body));
    return;
  }
  await timed(stats, 'filing: submit (+ attestation)', 200, () => call(webPort(), 'POST', `/api/v1/applications/${filing.draftId}/submit`, { ...headers, [IDEMPOTENCY_KEY_HEADER]: randomUUID() }));
  state.filing = undefined;
}

async function mixedRequest(stats: Stats, state: { filing?: Filing }): Promise<void> {
  const r = Math.random();
  if (r < 0.3) {
    await timed(stats, 'personal space: overview', 200, () => call(webPort(), 'GET', '/api/v1/me/overview', signedIn(pick(readerTokens))));
  } else if (r < 0.45) {
    await timed(stats, 'personal space: applications', 200, () => call(webPort(), 'GET', '/api/v1/applications', signedIn(pick(readerTokens))));
  } else if (r < 0.65) {
    const query = pick(['', '&q=kel', '&q=dio', `&q=${7_000_000_000 + 1 + Math.floor(Math.random() * APPLICATIONS)}`, '&tacitWithin=30&sort=tacit_refusal_on']);
    await timed(stats, 'agent queue page', 200, () => call(webPort(), 'GET', `/api/v1/staff/applications?limit=25${query}`, signedIn(pick(agentTokens))));
  } else if (r < 0.85 && payloads.length > 0) {
    // Verifiers all over the country: each their own address (the route allows 30 a minute per address).
    const body = json({ payload: pick(payloads) });
    const forwarded = `10.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;
    await timed(stats, 'verification', 200, () => call(webPort(), 'POST', '/api/v1/verify', { ...body.headers, 'x-forwarded-for': forwarded }, body.body));
  } else {
    await fileStep(stats, state);
  }
}

async function drive(seconds: number, request: (stats: Stats, state: { filing?: Filing }) => Promise<void>): Promise<{ stats: Stats; elapsed: number }> {
  const stats: Stats = new Map();
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      const state: { filing?: Filing } = {};
      while (performance.now() < until) await request(stats, state);
    }),
  );
  return { stats, elapsed: (performance.now() - started) / 1000 };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
function print(title: string, { stats, elapsed }: { stats: Stats; elapsed: number }): number {
  let total = 0;
  console.log(`\n${title}`);
  console.log(`  ${'kind'.padEnd(34)} ${'requests'.padStart(8)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}  outcomes`);
  for (const [kind, entry] of [...stats].sort(([a], [b]) => a.localeCompare(b))) {
    const times = [...entry.times].sort((a, b) => a - b);
    total += times.length;
    const outcomes = [...entry.statuses].map(([k, n]) => `${k} ${n}`).join(', ');
    console.log(`  ${kind.padEnd(34)} ${String(times.length).padStart(8)} ${(times.length / elapsed).toFixed(0).padStart(7)} ${percentile(times, 50).toFixed(1).padStart(8)} ${percentile(times, 99).toFixed(1).padStart(8)}  ${outcomes}`);
  }
  console.log(`  ${'all'.padEnd(34)} ${String(total).padStart(8)} ${(total / elapsed).toFixed(0).padStart(7)}`);
  return total / elapsed;
}

try {
  const signingKey = generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
  for (const port of WEB_PORTS) {
    spawnNode('server/main.ts', {
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      WORKER_MODE: 'off',
      REDIS_URL,
      TRUST_PROXY: 'true',
      LOG_LEVEL: 'error',
      RATE_LIMIT_MAX: '1000000',
      SESSION_IDLE_MINUTES: '720',
      ATTESTATION_SIGNING_KEY: signingKey,
      DATA_DIR: path.join('/tmp', `sejour-load-${process.pid}`),
      WEB_DIST_DIR: `/nonexistent/${randomUUID()}`,
    });
    await waitReady(port);
  }
  console.log(`${Number(people).toLocaleString('en')} people, ${Number(open).toLocaleString('en')} open applications, 101 préfectures; ${CONNECTIONS} connections, ${SECONDS} s per run`);

  // Warm-up: filings until there are attestations to verify, and the processes' code is hot.
  await drive(Math.min(10, SECONDS), (stats, state) => fileStep(stats, state));
  payloads.push(...(await client.query<{ payload: string }>("select payload from attestations where kind = 'filing_receipt' order by issued_at desc limit 500")).rows.map((r) => r.payload));
  if (payloads.length === 0) throw new Error('no attestation was issued during the warm-up: filings fail (see the server output)');

  const sejour = print('Sejour — two web processes, national mix', await drive(SECONDS, mixedRequest));
  await stopAll();

  for (const port of BARE_PORTS) {
    spawnNode('bench/bare-read-server.ts', { PORT: String(port), DATABASE_URL: databaseUrl });
    await waitReady(port);
  }
  let bareRobin = 0;
  const bare = print(
    'Bare Fastify — two processes, one indexed PostgreSQL read per request',
    await drive(SECONDS, async (stats) => {
      const port = BARE_PORTS[bareRobin++ % BARE_PORTS.length]!;
      await timed(stats, 'bare indexed read', 200, () => call(port, 'GET', `/bare/${1 + Math.floor(Math.random() * APPLICATIONS)}`));
    }),
  );
  console.log(`\nSejour's mix holds ${(sejour / bare).toFixed(2)} of the bare route's requests/s (${sejour.toFixed(0)} vs ${bare.toFixed(0)}).`);
} finally {
  await stopAll();
  await client.query('delete from sessions where user_id = any($1::uuid[])', [[...readerIds, ...filers, ...agentIds]]).catch(() => undefined);
  await client.end();
  agent.destroy();
}
