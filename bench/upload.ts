/**
 * Upload benchmark: how much memory the server uses while a 20 MB PDF streams through
 * `POST /api/v1/applications/:id/items/:item/documents` (content sniffing, size cap, SHA-256, local
 * storage with fsync and rename, PDF trailer check by byte ranges). The target: the memory holding
 * the file stays under twice the largest chunk received — never the file's size.
 *
 *   npx tsx bench/upload.ts                  # embedded PGlite in a temporary folder
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/sejour_bench npx tsx bench/upload.ts
 *   BENCH_UPLOAD_MB=40 BENCH_RUNS=5 npx tsx bench/upload.ts
 *
 * The server runs as a child process (`--serve`, node --expose-gc) built like the real one —
 * access control, sessions and CSRF, the auth, permit and application routes — but with the file
 * limit raised above the file's size (the defaults are 10 MiB per file, 50 MiB per application).
 * The parent creates an account, signs in, records a card, starts a draft, sends a warm-up file,
 * then the 20 MB file RUNS times and a 3 × 20 MB file over real HTTP, and prints per upload:
 *
 * - file data alive: the ArrayBuffers that carried the file's chunks (held through WeakRefs by an
 *   instrumented storage), still reachable after a full GC — sampled every 50 ms (`live`);
 * - the process's own growth over the level before the upload: RSS, JS heap, external memory
 *   (`process.memoryUsage()`), after a full GC at each sample (`live`), and once without forcing
 *   GC, sampled every 2 ms (`raw`: chunks already written but not collected yet count too).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';

const FILE_MB = Number(process.env.BENCH_UPLOAD_MB ?? 20);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const MIB = 1024 * 1024;
/** A full GC before each live sample costs time: sampled every 50 ms. */
const LIVE_SAMPLE_MS = 50;

interface Sample {
  /** Bytes of the ArrayBuffers that carried the file's chunks and are still alive. */
  fileData: number;
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

type FromServer =
  | { type: 'ready'; port: number; email: string; password: string }
  | { type: 'measured'; baseline: Sample; peak: Sample; samples: number; largestChunk: number; chunks: number };

// ——————————————————————————————— server (child) ———————————————————————————————

async function serve(): Promise<void> {
  const { default: Fastify } = await import('fastify');
  const { loadEnv } = await import('../server/env');
  const { openDatabase } = await import('../server/db/client');
  const { prepareDatabase } = await import('../server/db/setup');
  const { registerAccessControl } = await import('../server/http/access');
  const { problemFromError, sendProblem } = await import('../server/http/problem');
  const { default: sessionPlugin } = await import('../server/http/plugins/session');
  const { registerAuthRoutes } = await import('../server/http/routes/auth/index');
  const { registerPermitRoutes } = await import('../server/http/routes/permits/index');
  const { registerApplicationRoutes } = await import('../server/http/routes/applications/index');
  const { createLocalFileStorage } = await import('../server/adapters/storage/local');
  const { users } = await import('../server/db/schema/index');
  const { hashPassword } = await import('../server/adapters/password');

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sejour-bench-upload-'));
  const env = loadEnv({ ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', RATE_LIMIT_MAX: '1000000', DEMO_DATA: 'false', NODE_ENV: 'production' });
  const database = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.databaseUrl ? undefined : dataDir });
  await prepareDatabase(database);

  // The storage, instrumented to see the chunks the upload arrives in.
  const local = createLocalFileStorage(path.join(dataDir, 'files'));
  let largestChunk = 0;
  let chunks = 0;
  // The memory that carried the file: every ArrayBuffer a chunk of it arrived in, held weakly, so
  // that after a GC the ones still alive (held by any stage of the pipeline) can be counted.
  let carriers: WeakRef<ArrayBufferLike>[] = [];
  const seen = new WeakSet<ArrayBufferLike>();
  const storage: typeof local = {
    ...local,
    put(key, source, options) {
      async function* counted() {
        for await (const chunk of source) {
          chunks++;
          largestChunk = Math.max(largestChunk, chunk.byteLength);
          if (!seen.has(chunk.buffer)) {
            seen.add(chunk.buffer);
            carriers.push(new WeakRef(chunk.buffer));
          }
          yield chunk;
        }
      }
      return local.put(key, counted(), options);
    },
  };

  const app = Fastify({ logger: false, bodyLimit: env.bodyLimitBytes }).withTypeProvider<TypeBoxTypeProvider>();
  registerAccessControl(app);
  app.setErrorHandler((error, request, reply) => sendProblem(reply, problemFromError(request, error as Error, env.bodyLimitBytes).problem));
  await app.register(sessionPlugin, { env, db: database.db });
  registerAuthRoutes(app, { db: database.db, env });
  registerPermitRoutes(app, { db: database.db });
  registerApplicationRoutes(app, { db: database.db, env, storage, limits: { maxFileBytes: (3 * FILE_MB + 8) * MIB, maxApplicationBytes: (3 * FILE_MB + 8) * MIB * (RUNS + 4) } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;

  const email = `bench.${randomBytes(4).toString('hex')}@example.org`;
  const password = 'violet-tramway-47-orage';
  await database.db.insert(users).values({ email, displayName: 'Bench', role: 'applicant', passwordHash: await hashPassword(password), locale: 'fr' });

  let sampling = false;
  let baseline: Sample | undefined;
  let peak: Sample | undefined;
  let samples = 0;
  const aliveFileData = (): number => {
    let bytes = 0;
    carriers = carriers.filter((ref) => {
      const buffer = ref.deref();
      if (buffer) bytes += buffer.byteLength;
      return buffer !== undefined;
    });
    return bytes;
  };
  const read = (fileData = aliveFileData()): Sample => {
    const m = process.memoryUsage();
    return { fileData, rss: m.rss, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers };
  };
  process.on('message', (message: { type: string; live?: boolean }) => {
    if (message.type === 'start') {
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      largestChunk = 0;
      chunks = 0;
      samples = 0;
      carriers = [];
      baseline = read();
      peak = { ...baseline };
      // live: a full GC before each sample, so only what is still referenced counts (every LIVE_SAMPLE_MS);
      // raw: whatever is allocated, garbage not yet collected included (every 2 ms).
      sampling = true;
      void (async () => {
        while (sampling) {
          let fileData: number | undefined;
          if (message.live && gc) {
            gc();
            // Counted right after the GC, before the pipeline moves on.
            fileData = aliveFileData();
            // Let pending frees settle before reading the process counters.
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
          const now = read(fileData);
          samples++;
          for (const key of Object.keys(now) as (keyof Sample)[]) if (peak && now[key] > peak[key]) peak[key] = now[key];
          await new Promise((resolve) => setTimeout(resolve, message.live ? LIVE_SAMPLE_MS : 2));
        }
      })();
      process.send?.({ type: 'started' });
    } else if (message.type === 'stop') {
      sampling = false;
      if (baseline && peak) process.send?.({ type: 'measured', baseline, peak, samples, largestChunk, chunks } satisfies FromServer);
    } else if (message.type === 'exit') {
      void app.close().then(() => database.close()).then(() => {
        fs.rmSync(dataDir, { recursive: true, force: true });
        process.exit(0);
      });
    }
  });
  process.send?.({ type: 'ready', port, email, password } satisfies FromServer);
}

// ——————————————————————————————— client (parent) ———————————————————————————————

async function buildPdf(size: number): Promise<Buffer> {
  const { buildPdf: build } = await import('../server/usecases/applications/test-pdfs');
  return build({ size });
}

function request(
  port: number,
  options: { method: string; path: string; headers?: Record<string, string>; body?: Buffer | string },
  cookies: Map<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: options.method,
        path: options.path,
        headers: {
          ...options.headers,
          ...(cookies.size ? { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
          ...(body ? { 'content-length': String(body.length) } : {}),
          ...(cookies.has('sejour_csrf') && options.method !== 'GET' ? { 'x-csrf-token': cookies.get('sejour_csrf') as string } : {}),
        },
      },
      (res) => {
        for (const header of res.headers['set-cookie'] ?? []) {
          const [pair] = header.split(';');
          const [name, value] = (pair ?? '').split('=');
          if (name && value !== undefined) cookies.set(name, value);
        }
        const parts: Buffer[] = [];
        res.on('data', (chunk: Buffer) => parts.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString() }));
      },
    );
    req.on('error', reject);
    // Written in 64 KiB pieces, like a browser streaming a file.
    if (body) for (let offset = 0; offset < body.length; offset += 64 * 1024) req.write(body.subarray(offset, offset + 64 * 1024));
    req.end();
  });
}

function expectStatus(response: { status: number; body: string }, status: number, what: string): Record<string, unknown> {
  if (response.status !== status) throw new Error(`${what}: expected ${status}, got ${response.status}: ${response.body}`);
  return JSON.parse(response.body) as Record<string, unknown>;
}

function multipartBody(file: Buffer, filename: string): { body: Buffer; contentType: string } {
  const boundary = `----sejourbench${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`);
  return { body: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

function waitFor<T extends { type: string }>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve) => {
    const listener = (message: T) => {
      if (message.type === type) {
        child.off('message', listener);
        resolve(message);
      }
    };
    child.on('message', listener);
  });
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

async function main(): Promise<void> {
  const child = spawn(process.execPath, ['--expose-gc', '--no-concurrent-array-buffer-sweeping', '--import', 'tsx', path.resolve('bench/upload.ts'), '--serve'], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: process.env,
  });
  try {
    const ready = await waitFor<Extract<FromServer, { type: 'ready' }>>(child, 'ready');
    const cookies = new Map<string, string>();
    const call = (method: string, p: string, body?: unknown, headers: Record<string, string> = {}) =>
      request(ready.port, { method, path: p, headers: { 'content-type': 'application/json', ...headers }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }, cookies);

    await request(ready.port, { method: 'GET', path: '/api/v1/auth/csrf' }, cookies);
    expectStatus(await call('POST', '/api/v1/auth/sign-in', { email: ready.email, password: ready.password }), 200, 'sign-in');
    const today = new Date();
    const expiry = new Date(today.getTime() + 90 * 86_400_000).toISOString().slice(0, 10);
    const start = new Date(today.getTime() - 275 * 86_400_000).toISOString().slice(0, 10);
    expectStatus(
      await call('POST', '/api/v1/permits', { kind: 'temporary_card', cardType: 'visiteur', validFrom: start, validUntil: expiry, foreignerNumber: '7501234567' }),
      201,
      'record card',
    );
    const draft = expectStatus(await call('POST', '/api/v1/applications', { cardType: 'visiteur', departement: '69' }), 201, 'draft');
    const url = `/api/v1/applications/${String(draft.id)}/items/resources_proof/documents`;

    const send = async (file: Buffer, name: string) => {
      const { body, contentType } = multipartBody(file, name);
      const started = performance.now();
      const response = await request(ready.port, { method: 'POST', path: url, headers: { 'content-type': contentType }, body }, cookies);
      const ms = performance.now() - started;
      expectStatus(response, 201, `upload ${name}`);
      return ms;
    };

    // Warm-up: load every code path once.
    await send(await buildPdf(1 * MIB), 'warm-up.pdf');

    const pdf = await buildPdf(FILE_MB * 1000 * 1000);
    console.log(
      `Sejour upload benchmark — ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}, ${(pdf.length / 1e6).toFixed(1)} MB PDF (${(pdf.length / MIB).toFixed(1)} MiB), ${RUNS} runs, node ${process.version}`,
    );
    const measure = async (file: Buffer, name: string, live: boolean) => {
      child.send({ type: 'start', live });
      await waitFor(child, 'started');
      const ms = await send(file, name);
      child.send({ type: 'stop' });
      const m = await waitFor<Extract<FromServer, { type: 'measured' }>>(child, 'measured');
      return {
        ms,
        size: file.length,
        largestChunk: m.largestChunk,
        chunks: m.chunks,
        samples: m.samples,
        rss: m.peak.rss - m.baseline.rss,
        heap: m.peak.heapUsed - m.baseline.heapUsed,
        buffers: m.peak.external - m.baseline.external,
        fileData: m.peak.fileData,
      };
    };
    type Measure = Awaited<ReturnType<typeof measure>>;
    console.log('file     sampling     time     MB/s   largest chunk (n)    file data alive   rss growth   heapUsed growth   external growth');
    const row = (sampling: string, r: Measure, note = '') =>
      console.log(
        `${`${(r.size / 1e6).toFixed(0)} MB`.padEnd(7)}  ${sampling.padEnd(9)} ${r.ms.toFixed(0).padStart(6)} ms ${((r.size / 1e6 / r.ms) * 1000).toFixed(0).padStart(6)}   ${kib(r.largestChunk).padStart(7)} (${String(r.chunks).padStart(4)})  ${kib(r.fileData).padStart(12)}     ${kib(r.rss).padStart(8)}   ${kib(r.heap).padStart(12)}      ${kib(r.buffers).padStart(12)}${note}`,
      );
    const live: Measure[] = [];
    for (let run = 1; run <= RUNS; run++) {
      live.push(await measure(pdf, `releve-${run}.pdf`, true));
      row('live', live.at(-1) as Measure);
    }
    const triple = await buildPdf(3 * FILE_MB * 1000 * 1000);
    live.push(await measure(triple, 'triple.pdf', true));
    row('live', live.at(-1) as Measure);
    row('raw', await measure(pdf, 'raw.pdf', false), '   ← garbage not yet collected included');

    const largest = Math.max(...live.map((r) => r.largestChunk));
    const fileData = Math.max(...live.map((r) => r.fileData));
    const buffers = Math.max(...live.map((r) => r.buffers));
    const heap = Math.max(...live.map((r) => r.heap));
    const rss = Math.max(...live.map((r) => r.rss));
    console.log(
      [
        '',
        `live: a full GC (array buffers swept synchronously) before each sample, every ${LIVE_SAMPLE_MS} ms; growth = peak − level just before the upload.`,
        `raw:  samples every 2 ms without forcing GC: chunks already written but not yet collected count too (V8 frees Buffers lazily).`,
        `file data alive: the ArrayBuffers that carried the file's chunks (tracked with WeakRefs) still reachable right after the GC.`,
        `file data alive, peak: ${kib(Math.max(...live.slice(0, RUNS).map((r) => r.fileData)))} for the ${kib(pdf.length)} file, ${kib((live[RUNS] as Measure).fileData)} for the ${kib(triple.length)} one; ` +
          `2 × the largest chunk = ${kib(2 * largest)}: ${fileData < 2 * largest ? 'under' : 'OVER'} (${(fileData / largest).toFixed(1)} chunks at worst).`,
        `peak live growth of the whole process: RSS ${kib(rss)}, JS heap ${kib(heap)}, external ${kib(buffers)} (request objects, parser and stream buffers — the same for 20 and 60 MB).`,
      ].join('\n'),
    );
  } finally {
    child.send({ type: 'exit' });
    await new Promise((resolve) => child.on('exit', resolve));
  }
}

if (process.argv.includes('--serve')) {
  await serve();
} else {
  await main();
}
