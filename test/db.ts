/** A fresh, migrated database with reference data for one test file. */
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../server/db/client';
import { withDatabase } from './global-setup';

export interface TestDatabase extends Database {
  /** The connection string when running on PostgreSQL (undefined on PGlite). */
  url: string | undefined;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const testUrl = process.env.TEST_DATABASE_URL;
  const template = inject('postgresTemplate');
  if (testUrl && template) {
    const name = `sejour_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: testUrl });
    await admin.connect();
    try {
      await admin.query(`create database ${name} template ${template}`);
    } finally {
      await admin.end();
    }
    const url = withDatabase(testUrl, name);
    const database = await openDatabase({ databaseUrl: url, poolMax: 4 });
    return {
      ...database,
      url,
      close: async () => {
        await database.close();
        const dropper = new pg.Client({ connectionString: testUrl });
        await dropper.connect();
        await dropper.query(`drop database if exists ${name} with (force)`);
        await dropper.end();
      },
    };
  }
  const dump = fs.readFileSync(inject('pgliteTemplate'));
  const pglite = await PGlite.create({ loadDataDir: new Blob([dump]) });
  return { ...(await openDatabase({ pglite })), url: undefined };
}

/** An empty database (no migrations), for migration tests. */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  const testUrl = process.env.TEST_DATABASE_URL;
  if (testUrl) {
    const name = `sejour_e_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: testUrl });
    await admin.connect();
    await admin.query(`create database ${name} template template0`);
    await admin.end();
    const url = withDatabase(testUrl, name);
    const database = await openDatabase({ databaseUrl: url, poolMax: 2 });
    return {
      ...database,
      url,
      close: async () => {
        await database.close();
        const dropper = new pg.Client({ connectionString: testUrl });
        await dropper.connect();
        await dropper.query(`drop database if exists ${name} with (force)`);
        await dropper.end();
      },
    };
  }
  return { ...(await openDatabase({ pglite: await PGlite.create() })), url: undefined };
}
