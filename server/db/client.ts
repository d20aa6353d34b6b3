/**
 * One database API over two engines: embedded PGlite in a folder (default) or PostgreSQL
 * (`DATABASE_URL`). Both speak the PostgreSQL dialect and take the same drizzle-kit migrations.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema/index';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url));

/**
 * The engine under drizzle, for libraries that need their own connection (the job runner):
 * the PGlite instance, or the node-postgres pool.
 */
export type RawClient = { kind: 'pglite'; client: PGlite } | { kind: 'postgres'; pool: pg.Pool };

export interface Database {
  db: Db;
  mode: 'pglite' | 'postgres';
  raw: RawClient;
  /** Resolves when a trivial query succeeds; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** Folder of the embedded database; `undefined` with no URL means in memory (tests). */
  dataDir?: string | undefined;
  /** An existing PGlite instance (tests clone a migrated template). */
  pglite?: PGlite;
  /** PostgreSQL pool size. */
  poolMax?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolMax ?? 10 });
    // An idle client losing its connection (database restart) must not crash the process.
    pool.on('error', () => {});
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return {
      db,
      mode: 'postgres',
      raw: { kind: 'postgres', pool },
      ping: async () => {
        await pool.query('select 1');
      },
      close: async () => {
        if (!pool.ended) await pool.end();
      },
    };
  }

  let lock: DataDirLock | undefined;
  let client = options.pglite;
  if (!client) {
    if (options.dataDir) {
      fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
      fs.mkdirSync(options.dataDir, { recursive: true });
      lock = acquireDataDirLock(options.dataDir);
      try {
        client = await PGlite.create(path.join(options.dataDir, 'pg'));
      } catch (error) {
        lock.release();
        throw error;
      }
    } else {
      client = await PGlite.create();
    }
  }
  const pglite = client;
  const db = drizzlePglite({ client: pglite, schema }) as unknown as Db;
  return {
    db,
    mode: 'pglite',
    raw: { kind: 'pglite', client: pglite },
    ping: async () => {
      await pglite.query('select 1');
    },
    close: async () => {
      try {
        if (!pglite.closed) await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/**
 * Applies pending migrations. drizzle runs them all in one transaction, so a failing
 * migration leaves the database exactly as it was.
 */
export async function migrateDatabase(database: Database, migrationsFolder = MIGRATIONS_DIR): Promise<void> {
  if (database.mode === 'postgres') {
    await migratePg(database.db as never, { migrationsFolder });
  } else {
    await migratePglite(database.db as never, { migrationsFolder });
  }
}

/** Number of migrations in the folder's journal (what "fully migrated" means). */
export function expectedMigrationCount(migrationsFolder = MIGRATIONS_DIR): number {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

export async function appliedMigrationCount(db: Db): Promise<number> {
  try {
    const result = (await db.execute(sql`select count(*)::int as count from drizzle.__drizzle_migrations`)) as unknown as {
      rows: Array<{ count: number }>;
    };
    return Number(result.rows[0]?.count ?? 0);
  } catch {
    return 0;
  }
}
