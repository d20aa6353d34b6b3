/**
 * Benchmark of the daily statistics (issue 9) on PostgreSQL: fills a fresh database with N filed
 * applications spread over every préfecture, card type and the last 365 days (about 60 % with a
 * prolongation attestation, 30 % decided), then times `computeStatistics` and the public
 * `GET /api/v1/statistics` response.
 * Run: `BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/statistics.ts [count]`
 * (skipped without BENCH_DATABASE_URL or DATABASE_URL; it creates and drops its own database).
 * Target: computation under 60 s for 1,000,000 applications. The database is dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../server/db/client';
import { prepareDatabase } from '../server/db/setup';
import { loadEnv } from '../server/env';
import { buildApp } from '../server/http/app';
import { computeDecisionEstimates } from '../server/usecases/statistics/compute-decision-estimates';
import { computeStatistics } from '../server/usecases/statistics/compute-statistics';

const COUNT = Number(process.argv[2] ?? 1_000_000);
const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
if (!adminUrl) {
  console.log('bench/statistics.ts: skipped (PostgreSQL only: set BENCH_DATABASE_URL or DATABASE_URL)');
  process.exit(0);
}
const name = `sejour_bench_stats_${randomBytes(4).toString('hex')}`;
const admin = async (statement: string) => {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
};
const url = new URL(adminUrl);
url.pathname = `/${name}`;

await admin(`create database ${name}`);
const database = await openDatabase({ databaseUrl: url.toString() });
try {
  await prepareDatabase(database);
  const db = database.db;
  const now = new Date('2026-11-26T11:00:00Z');
  let t = performance.now();
  await db.execute(sql`insert into users (email, display_name, role, locale) values ('bench@example.test', 'Bench', 'applicant', 'fr')`);
  await db.execute(sql`
    create temporary table bench_src as
    select g as i,
           (array(select id from prefectures order by departement_code))[1 + (g % (select count(*) from prefectures))::int] as prefecture_id,
           (array['salarie', 'etudiant', 'vie_privee_familiale', 'passeport_talent'])[1 + g % 4] as card_type,
           date '2026-11-26' - (g % 365) as filed_on
      from generate_series(1, ${COUNT}) g`);
  await db.execute(sql`
    insert into permits (id, user_id, kind, card_type, valid_from_on, valid_until_on, created_at)
    select md5('p' || i)::uuid, (select id from users limit 1), 'temporary_card', 'salarie', filed_on - 300, filed_on + (i % 90) - 30, now()
      from bench_src`);
  await db.execute(sql`
    insert into applications (id, reference, user_id, prefecture_id, permit_id, card_type, status, filed_on, filing_status, decided_on, created_at, updated_at)
    select md5('a' || i)::uuid, 'B' || i, (select id from users limit 1), prefecture_id, md5('p' || i)::uuid, card_type,
           case when i % 10 < 3 then 'decided_favourable' else 'submitted' end, filed_on, 'in_time',
           case when i % 10 < 3 then least(filed_on + 20 + (i % 150), date '2026-11-26') end, now(), now()
      from bench_src`);
  await db.execute(sql`
    insert into attestations (id, kind, user_id, application_id, permit_id, prefecture_id, facts, issued_on, issued_at, key_id, payload)
    select md5('t' || i)::uuid, 'prolongation', (select id from users limit 1), md5('a' || i)::uuid, md5('p' || i)::uuid, prefecture_id, '{}',
           least(filed_on + (i % 40), date '2026-11-26'), now(), 'bench', 'bench-' || i
      from bench_src where i % 10 < 6`);
  await db.execute(sql`analyze`);
  console.log(`filled ${COUNT} applications in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  t = performance.now();
  const result = await computeStatistics({ db, now: () => now });
  console.log(`statistics.compute: ${result.rows} rows in ${((performance.now() - t) / 1000).toFixed(2)} s (target < 60 s)`);

  t = performance.now();
  const estimates = await computeDecisionEstimates({ db, now: () => now });
  console.log(`decision estimates (same job): ${estimates.estimates} pending applications in ${((performance.now() - t) / 1000).toFixed(2)} s`);

  const app = await buildApp({ env: loadEnv({ NODE_ENV: 'test', RATE_LIMIT_MAX: '100000', DEMO_DATA: 'false' }), database, logger: false, now: () => now });
  await app.ready();
  const times: number[] = [];
  for (let i = 0; i < 50; i += 1) {
    const s = performance.now();
    const response = await app.inject({ method: 'GET', url: '/api/v1/statistics?measure=decision_median_days&window=90' });
    if (response.statusCode !== 200) throw new Error(`status ${response.statusCode}`);
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  console.log(`GET /api/v1/statistics: median ${times[24]?.toFixed(1)} ms, p90 ${times[44]?.toFixed(1)} ms over 50 requests`);
  await app.close();
} finally {
  await database.close();
  await admin(`drop database ${name}`);
}
