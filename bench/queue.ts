/**
 * Benchmark of the back-office queue (docs/adr/0014-back-office-queue.md) on PostgreSQL:
 * 1,000,000 filed applications over the 101 préfectures (users, identities, permits), then p50/p95
 * of the queue's typical queries through the use case itself (engine per row and audit entry
 * included) for an agent of a random préfecture, p50/p95 of the supervisor dashboard, the time of
 * the daily `back-office.flag-cases` job over the whole table, and the EXPLAIN of the main queries.
 *
 * Run: `npx tsx bench/queue.ts [rows]` with `BENCH_DATABASE_URL` (default
 * postgres://postgres@127.0.0.1:5432/postgres, where database `sejour_bench_queue` is created and
 * kept for the next run; `--fresh` drops it first). Target: p95 < 50 ms.
 */
import { sql } from 'drizzle-orm';
import { listQueue, type QueueQuery } from '../server/usecases/back-office/list-queue';
import { getDashboard } from '../server/usecases/back-office/get-dashboard';
import { flagCases } from '../server/usecases/back-office/flag-cases';
import { loadNationalData, openBenchDatabase } from './national-data';

const ROWS = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const FRESH = process.argv.includes('--fresh');
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NAME = 'sejour_bench_queue';
const RUNS = 200;
const TODAY = new Date('2026-11-26T10:00:00Z');

const database = await openBenchDatabase(ADMIN_URL, NAME, FRESH);
const { db } = database;
await loadNationalData(db, { people: ROWS, applications: ROWS });

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

// The supervisor dashboard (ADR 0019, letters to post from ADR 0020) of a random préfecture, through the use case.
const desks = ((await db.execute(sql`select md5('agent' || departement_code)::uuid::text as agent, id from prefectures`)) as unknown as { rows: Array<{ agent: string; id: string }> }).rows;
{
  const times: number[] = [];
  for (let i = 0; i < 60; i++) {
    const desk = random(desks);
    const started = performance.now();
    await getDashboard({ db, now: () => TODAY }, { id: desk.agent, role: 'supervisor' }, desk.id, origin, 'fr');
    if (i >= 10) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(`  ${'supervisor dashboard'.padEnd(46)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms`);
}

// The daily flag job over every préfecture, from no flags: the first run raises them all, the second
// (the steady state of every later day) finds them raised and clears none.
await db.execute(sql`delete from notifications where kind = 'case_flag'`);
await db.execute(sql`delete from case_flags`);
for (const run of ['first', 'second']) {
  const started = performance.now();
  const result = await flagCases({ db, now: () => TODAY }, '2026-11-26');
  const raised = Object.values(result.raised).reduce((a, b) => a + b, 0);
  console.log(`  ${`back-office.flag-cases, ${run} run of the day`.padEnd(46)} ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s   (${raised} raised, ${result.cleared} cleared)`);
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
