/**
 * HTTP benchmark: starts the server as its own process (embedded PGlite in a temporary folder,
 * or PostgreSQL when DATABASE_URL is set), then loads it with autocannon and prints requests/s
 * and p50/p99 latency for the liveness probe and for database-backed read routes.
 *
 *   npx tsx bench/http.ts                 # PGlite
 *   createdb -h 127.0.0.1 -U postgres sejour_bench; DATABASE_URL=postgres://postgres@127.0.0.1:5432/sejour_bench npx tsx bench/http.ts
 *   BENCH_SECONDS=20 BENCH_CONNECTIONS=50 npx tsx bench/http.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const port = Number(process.env.BENCH_PORT ?? 3999);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sejour-bench-'));

const server = spawn(path.resolve('node_modules/.bin/tsx'), ['server/main.ts'], {
  env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', RATE_LIMIT_MAX: '1000000', DEMO_DATA: 'false', NODE_ENV: 'production' },
  stdio: ['ignore', 'ignore', 'inherit'],
});

const base = `http://127.0.0.1:${port}`;
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

async function run(title: string, url: string): Promise<void> {
  const result = await autocannon({ url, connections, duration: seconds });
  const errors = result.errors + result.non2xx;
  console.log(
    `${title.padEnd(36)} ${result.requests.average.toFixed(0).padStart(7)} req/s   p50 ${String(result.latency.p50).padStart(4)} ms   p99 ${String(result.latency.p99).padStart(4)} ms   errors ${errors}`,
  );
}

try {
  await waitReady();
  console.log(
    `Sejour HTTP benchmark — ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}, ${connections} connections, ${seconds}s each, node ${process.version}, ${os.cpus().length} cores`,
  );
  await run('GET /healthz', `${base}/healthz`);
  await run('GET /api/v1/departements/69 (db)', `${base}/api/v1/departements/69`);
  await run('GET /api/v1/departements (db, 101)', `${base}/api/v1/departements`);
} finally {
  server.kill('SIGINT');
  await new Promise((r) => server.on('exit', r));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
