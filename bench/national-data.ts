/**
 * Synthetic national data for the PostgreSQL benchmarks (bench/queue.ts, bench/load-national.ts):
 * people numbered 1…N (user, identity, temporary card), the first of them with a filed application
 * spread over the 101 préfectures and over the statuses, one agent per préfecture. Rows are derived
 * from their number (md5 ids), so a run can add to what an earlier run loaded.
 */
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, migrateDatabase, type Database, type Db } from '../server/db/client';
import { loadReferenceData } from '../server/db/reference-data';

/** The day the synthetic filings are counted back from. */
export const NATIONAL_TODAY = '2026-11-26';

const CHUNK = 100_000;

/** Creates (or with `fresh`, recreates) database `name` next to `adminUrl` and migrates it. */
export async function openBenchDatabase(adminUrl: string, name: string, fresh: boolean): Promise<Database> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  if (fresh) await admin.query(`drop database if exists ${name} with (force)`);
  const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolMax: 4 });
  await migrateDatabase(database);
  await loadReferenceData(database.db);
  return database;
}

export const databaseUrlOf = (adminUrl: string, name: string): string => {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

/**
 * How many numbered rows an earlier run loaded (rows 1…n exist, n+1 does not): a binary search on
 * primary keys, since a count would also include what the benchmarks themselves created.
 */
async function loadedUpTo(db: Db, exists: (i: number) => ReturnType<typeof sql>): Promise<number> {
  const present = async (i: number) => ((await db.execute(exists(i))) as unknown as { rows: Array<{ present: boolean }> }).rows[0]?.present === true;
  if (!(await present(1))) return 0;
  let low = 1;
  let high = 2;
  while (await present(high)) {
    low = high;
    high *= 2;
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (await present(middle)) low = middle;
    else high = middle;
  }
  return low;
}

/** People 1…`people` and applications for people 1…`applications`; loads only what is missing. */
export async function loadNationalData(db: Db, counts: { people: number; applications: number }): Promise<void> {
  const people = await loadedUpTo(db, (i) => sql`select exists (select 1 from users where id = md5(${'u' + i})::uuid) as present`);
  const applications = await loadedUpTo(db, (i) => sql`select exists (select 1 from applications where id = md5(${'a' + i})::uuid) as present`);
  await db.execute(sql`create temporary table if not exists bench_prefectures as select id, row_number() over (order by departement_code) - 1 as n from prefectures`);
  const started = Date.now();
  if (people < counts.people) console.log(`loading ${(counts.people - people).toLocaleString('en')} people…`);
  for (let from = people + 1; from <= counts.people; from += CHUNK) {
    const to = Math.min(counts.people, from + CHUNK - 1);
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into users (id, email, display_name, role, locale)
        select md5('u' || i)::uuid, 'bench' || i || '@example.test', 'Bench ' || i, 'applicant', 'fr' from generate_series(${from}::int, ${to}::int) i`);
      await tx.execute(sql`insert into applicant_profiles (user_id, surname, given_names, birth_date, nationality, created_at, updated_at)
        select md5('u' || i)::uuid, initcap(translate(substr(md5('s' || i), 1, 7), '0123456789', 'aeiouybdkl')), 'Given ' || (i % 977),
          date '1970-01-01' + (i % 15000), 'MAR', now(), now() from generate_series(${from}::int, ${to}::int) i`);
      await tx.execute(sql`insert into permits (id, user_id, kind, card_type, valid_from_on, valid_until_on, foreigner_number, created_at)
        select md5('p' || i)::uuid, md5('u' || i)::uuid, 'temporary_card', (array['salarie','visiteur','etudiant','vie_privee_familiale'])[1 + i % 4],
          date '2026-01-01' + (i % 700) - 365, date '2026-01-01' + (i % 700), (7000000000 + i)::text, now() from generate_series(${from}::int, ${to}::int) i`);
    });
    process.stdout.write(`  ${to} people (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  }
  if (applications < counts.applications) console.log(`loading ${(counts.applications - applications).toLocaleString('en')} applications…`);
  for (let from = applications + 1; from <= counts.applications; from += CHUNK) {
    const to = Math.min(counts.applications, from + CHUNK - 1);
    await db.transaction(async (tx) => {
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
    process.stdout.write(`  ${to} applications (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  }
  if (people < counts.people || applications < counts.applications) await db.execute(sql`analyze`);

  // The names copied on the applications for the search (what refreshLegalClock does at each act).
  const unnamed = await db.execute(sql`update applications a set search_surname = lower(p.surname), search_given_names = lower(p.given_names)
    from applicant_profiles p where p.user_id = a.user_id and a.search_surname is null`);
  if (((unnamed as unknown as { rowCount?: number }).rowCount ?? 0) > 0) await db.execute(sql`vacuum analyze applications`);

  // One agent per préfecture.
  await db.execute(sql`insert into users (id, email, display_name, role) select md5('agent' || departement_code)::uuid, 'agent' || departement_code || '@bench.test', 'Agent', 'agent'
    from prefectures on conflict do nothing`);
  await db.execute(sql`insert into user_prefectures (user_id, prefecture_id) select md5('agent' || departement_code)::uuid, id from prefectures on conflict do nothing`);
}
