/**
 * Benchmark of the back-office queue (docs/adr/0014-back-office-queue.md) on PostgreSQL:
 * 1,000,000 filed applications over the 101 préfectures (users, identities, permits), then p50/p95
 * of the queue's typical queries through the use case itself (engine per row and audit entry
 * included) for an agent of a random préfecture, and the EXPLAIN of the main ones.
 *
 * Run: `npx tsx bench/queue.ts [rows]` with `BENCH_DATABASE_URL` (default
 * postgres://postgres@127.0.0.1:5432/postgres, where database `sejour_bench_queue` is created and
 * kept for the next run; `--fresh` drops it first). Target: p95 < 50 ms.
 */
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, migrateDatabase } from '../server/db/client';
import { loadReferenceData } from '../server/db/reference-data';
import { listQueue, type QueueQuery } from '../server/usecases/back-office/list-queue';

const ROWS = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const FRESH = process.argv.includes('--fresh');
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NAME = 'sejour_bench_queue';
const RUNS = 200;
const TODAY = new Date('2026-11-26T10:00:00Z');

async function ensureDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  if (FRESH) await admin.query(`drop database if exists ${NAME}`);
  const exists = await admin.query('select 1 from pg_database where datname = $1', [NAME]);
  if (exists.rowCount === 0) await admin.query(`create database ${NAME}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${NAME}`;
  return url.toString();
}

const database = await openDatabase({ databaseUrl: await ensureDatabase(), poolMax: 4 });
const { db } = database;
await migrateDatabase(database);
await loadReferenceData(db);

const count = Number(((await db.execute(sql`select count(*)::int as n from applications`)) as unknown as { rows: Array<{ n: number }> }).rows[0]?.n ?? 0);
if (count < ROWS) {
  console.log(`loading ${ROWS - count} applications…`);
  const started = Date.now();
  const CHUNK = 100_000;
  await db.execute(sql`create temporary table bench_prefectures as select id, row_number() over (order by departement_code) - 1 as n from prefectures`);
  for (let from = count + 1; from <= ROWS; from += CHUNK) {
    const to = Math.min(ROWS, from + CHUNK - 1);
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into users (id, email, display_name, role, locale)
        select md5('u' || i)::uuid, 'bench' || i || '@example.test', 'Bench ' || i, 'applicant', 'fr' from generate_series(${from}::int, ${to}::int) i`);
      await tx.execute(sql`insert into applicant_profiles (user_id, surname, given_names, birth_date, nationality, created_at, updated_at)
        select md5('u' || i)::uuid, initcap(translate(substr(md5('s' || i), 1, 7), '0123456789', 'aeiouybdkl')), 'Given ' || (i % 977),
          date '1970-01-01' + (i % 15000), 'MAR', now(), now() from generate_series(${from}::int, ${to}::int) i`);
      await tx.execute(sql`insert into permits (id, user_id, kind, card_type, valid_from_on, valid_until_on, foreigner_number, created_at)
        select md5('p' || i)::uuid, md5('u' || i)::uuid, 'temporary_card', (array['salarie','visiteur','etudiant','vie_privee_familiale'])[1 + i % 4],
          date '2026-01-01' + (i % 700) - 365, date '2026-01-01' + (i % 700), (7000000000 + i)::text, now() from generate_series(${from}::int, ${to}::int) i`);
      await tx.execute(sql`insert into applications (id, reference, user_id, prefecture_id, permit_id, card_type, status, filed_on, filing_status, late,
          tacit_refusal_on, tacit_refusal_rule, open_request_due_on, complete_on, decided_on, created_at, updated_at, submitted_at)
        select md5('a' || i)::uuid, 'SEJ-2026-' || translate(upper(lpad(to_hex(i), 6, '0')), '01', 'WX'), md5('u' || i)::uuid, p.id, md5('p' || i)::uuid,
          (array['salarie','visiteur','etudiant','vie_privee_familiale'])[1 + i % 4], s.status, f.filed_on,
          case when i % 10 = 0 then 'late' else 'in_time' end, i % 10 = 0,
          case when s.status in ('submitted','documents_requested','complete') then f.filed_on + interval '4 months' + case when s.status = 'documents_requested' then interval '30 days' else interval '0' end end,
          'R-41', case when s.status = 'documents_requested' then f.filed_on + 30 end,
          case when s.status in ('complete','decided_favourable') then f.filed_on + 40 end,
          case when s.status in ('decided_favourable','refused') then f.filed_on + 90 end, now(), now(), now()
        from generate_series(${from}::int, ${to}::int) i
        join bench_prefectures p on p.n = i % 101
        cross join lateral (select date '2026-11-26' - (i::bigint * 7919 % 720)::int as filed_on) f
        cross join lateral (select (array['submitted','submitted','submitted','submitted','documents_requested','complete','complete','decided_favourable','decided_favourable','refused'])[1 + (i / 101) % 10] as status) s`);
    });
    process.stdout.write(`  ${to} rows (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  }
  await db.execute(sql`analyze`);
}

// The names copied on the applications for the search (what refreshLegalClock does at each act).
const unnamed = await db.execute(sql`update applications a set search_surname = lower(p.surname), search_given_names = lower(p.given_names)
  from applicant_profiles p where p.user_id = a.user_id and a.search_surname is null`);
if (((unnamed as unknown as { rowCount?: number }).rowCount ?? 0) > 0) await db.execute(sql`vacuum analyze applications`);

// One agent per préfecture.
await db.execute(sql`insert into users (id, email, display_name, role) select md5('agent' || departement_code)::uuid, 'agent' || departement_code || '@bench.test', 'Agent', 'agent'
  from prefectures on conflict do nothing`);
await db.execute(sql`insert into user_prefectures (user_id, prefecture_id) select md5('agent' || departement_code)::uuid, id from prefectures on conflict do nothing`);
const agents = ((await db.execute(sql`select md5('agent' || departement_code)::uuid::text as id from prefectures`)) as unknown as { rows: Array<{ id: string }> }).rows.map((r) => r.id);

const random = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;
const base: QueueQuery = { sort: 'filed_on', limit: 25, offset: 0 };
const scenarios: Array<{ name: string; query: () => QueueQuery }> = [
  { name: 'open cases, oldest first', query: () => base },
  { name: 'tacit refusal within 30 days, soonest first', query: () => ({ ...base, tacitWithin: 30, sort: 'tacit_refusal_on' }) },
  { name: 'documents overdue', query: () => ({ ...base, overdue: true }) },
  { name: 'status complete + card type, page 5', query: () => ({ ...base, status: ['complete'], cardType: ['salarie'], offset: 100 }) },
  { name: 'search by name prefix (3 letters)', query: () => ({ ...base, q: random(['Kel', 'Dio', 'Bea', 'Yak', 'Abe', 'Fol']) }) },
  { name: 'search by name prefix (2 letters)', query: () => ({ ...base, q: random(['Ab', 'Ke', 'Di', 'Ya']) }) },
  { name: 'search by reference', query: () => ({ ...base, status: [...['submitted', 'documents_requested', 'complete', 'decided_favourable', 'refused']] as QueueQuery['status'], q: `SEJ-2026-${(1 + Math.floor(Math.random() * ROWS)).toString(16).toUpperCase().padStart(6, '0').replace(/0/g, 'W').replace(/1/g, 'X')}` }) },
  { name: 'search by numéro d’étranger', query: () => ({ ...base, q: String(7_000_000_000 + 1 + Math.floor(Math.random() * ROWS)) }) },
];
const origin = { clientAddress: '127.0.0.1', requestId: 'bench' };
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

console.log(`\n${ROWS.toLocaleString('en')} applications, 101 préfectures; ${RUNS} queries each, random agent (one préfecture)`);
for (const scenario of scenarios) {
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < RUNS + 10; i++) {
    const started = performance.now();
    const page = await listQueue({ db, now: () => TODAY }, { id: random(agents), role: 'agent' }, scenario.query(), origin);
    if (i >= 10) times.push(performance.now() - started);
    rows += page.rows.length;
  }
  times.sort((a, b) => a - b);
  console.log(`  ${scenario.name.padEnd(46)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms  (${(rows / (RUNS + 10)).toFixed(1)} rows/page)`);
}

const prefecture = ((await db.execute(sql`select id from prefectures where departement_code = '69'`)) as unknown as { rows: Array<{ id: string }> }).rows[0]?.id ?? '';
const explain = async (title: string, query: ReturnType<typeof sql>) => {
  const result = (await db.execute(sql`explain (analyze, buffers, costs off) ${query}`)) as unknown as { rows: Array<Record<string, string>> };
  console.log(`\nEXPLAIN ${title}\n${result.rows.map((r) => `  ${Object.values(r)[0]}`).join('\n')}`);
};
await explain('open cases, oldest first', sql`select id from applications where prefecture_id = ${prefecture} and filed_on is not null
  and status in ('submitted','documents_requested','complete') order by filed_on, id limit 26`);
await explain('tacit refusal within 30 days', sql`select id from applications where prefecture_id = ${prefecture} and filed_on is not null
  and status in ('submitted','documents_requested','complete') and tacit_refusal_on <= date '2026-12-26' order by tacit_refusal_on asc nulls last, id limit 26`);
await explain('search by name prefix', sql`select id from applications where prefecture_id = ${prefecture} and filed_on is not null
  and status in ('submitted','documents_requested','complete') and (search_surname like 'kel%' or search_given_names like 'kel%')
  order by filed_on, id limit 26`);
await explain('search by numéro d’étranger', sql`select id from applications where prefecture_id = ${prefecture} and filed_on is not null
  and status in ('submitted','documents_requested','complete') and user_id in (select user_id from permits where foreigner_number = '7000012345'
  union select user_id from vls_ts_validations where foreigner_number = '7000012345') order by filed_on, id limit 26`);
await database.close();
