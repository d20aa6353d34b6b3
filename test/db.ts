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
  if (testUrl && template) return createPostgresDatabase(testUrl, 'sejour_t', template, 4);
  const dump = fs.readFileSync(inject('pgliteTemplate'));
  const pglite = await PGlite.create({ loadDataDir: new Blob([dump]) });
  return { ...(await openDatabase({ pglite })), url: undefined };
}

/** An empty database (no migrations), for migration tests. */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  const testUrl = process.env.TEST_DATABASE_URL;
  if (testUrl) return createPostgresDatabase(testUrl, 'sejour_e', 'template0', 2);
  return { ...(await openDatabase({ pglite: await PGlite.create() })), url: undefined };
}

/** A new PostgreSQL database copied from `template`, dropped again when closed. */
async function createPostgresDatabase(testUrl: string, prefix: string, template: string, poolMax: number): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: testUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name} template ${template}`);
  const url = withDatabase(testUrl, name);
  const database = await openDatabase({ databaseUrl: url, poolMax });
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}
