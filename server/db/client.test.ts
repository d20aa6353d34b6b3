import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmptyDatabase, type TestDatabase } from '../../test/db';
import { MIGRATIONS_DIR, appliedMigrationCount, expectedMigrationCount, migrateDatabase } from './client';

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

async function tableExists(db: TestDatabase['db'], name: string): Promise<boolean> {
  const result = (await db.execute(sql`select to_regclass(${`public.${name}`}) as t`)) as unknown as {
    rows: Array<{ t: string | null }>;
  };
  return result.rows[0]?.t != null;
}

/** A copy of the real migrations plus one that breaks half-way through. */
function migrationsWithBrokenStep(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sejour-migrations-'));
  fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  const journalPath = path.join(dir, 'meta/_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as { entries: Array<Record<string, unknown>> };
  const last = journal.entries.at(-1)!;
  const tag = `${String(journal.entries.length).padStart(4, '0')}_broken`;
  journal.entries.push({ ...last, idx: journal.entries.length, when: Number(last.when) + 1, tag });
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  fs.writeFileSync(
    path.join(dir, `${tag}.sql`),
    'CREATE TABLE "half_done" ("id" integer);\n--> statement-breakpoint\nSELECT * FROM "no_such_table";\n',
  );
  return dir;
}

describe(migrateDatabase.name, () => {
  it('applies every migration to an empty database and records them', async () => {
    database = await createEmptyDatabase();
    await migrateDatabase(database);
    expect(await appliedMigrationCount(database.db)).toBe(expectedMigrationCount());
    expect(await tableExists(database.db, 'departements')).toBe(true);
  });

  it('changes nothing when a migration fails', async () => {
    database = await createEmptyDatabase();
    const broken = migrationsWithBrokenStep();
    await expect(migrateDatabase(database, broken)).rejects.toThrow();
    expect(await tableExists(database.db, 'half_done')).toBe(false);
    expect(await tableExists(database.db, 'departements')).toBe(false);
    expect(await appliedMigrationCount(database.db)).toBe(0);
  });

  it('is a no-op the second time', async () => {
    database = await createEmptyDatabase();
    await migrateDatabase(database);
    await migrateDatabase(database);
    expect(await appliedMigrationCount(database.db)).toBe(expectedMigrationCount());
  });
});
