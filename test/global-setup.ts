/**
 * Builds one migrated database with reference data per test run; each test file then gets its
 * own copy (test/db.ts): a PGlite loaded from the template's dump, or, when TEST_DATABASE_URL is
 * set, a PostgreSQL database created from the template database (`CREATE DATABASE … TEMPLATE`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../server/db/client';
import { prepareDatabase } from '../server/db/setup';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const testUrl = process.env.TEST_DATABASE_URL;
  if (testUrl) {
    const name = `sejour_tpl_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: testUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const database = await openDatabase({ databaseUrl: withDatabase(testUrl, name), poolMax: 2 });
    await prepareDatabase(database);
    await database.close();
    project.provide('postgresTemplate', name);
    project.provide('pgliteTemplate', '');
    return async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }

  const pglite = await PGlite.create();
  const database = await openDatabase({ pglite });
  await prepareDatabase(database);
  const dump = await pglite.dumpDataDir('none');
  await pglite.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sejour-test-'));
  const file = path.join(dir, 'template.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  project.provide('postgresTemplate', '');
  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
