/**
 * pg-boss talks to its database through one method, `executeSql(text, values)`, and reads
 * `.rows`. This adapts PGlite (the embedded database) to it, and adapts any client with a
 * node-postgres-style `query(text, params)` (a PGlite transaction, a pg pool or pool client).
 *
 * pg-boss sends two shapes of SQL: single statements, with or without `$n` parameters (run
 * through `query`), and its schema/maintenance commands wrapped in `BEGIN; … COMMIT;` (run
 * inside a PGlite transaction, so a failure rolls back instead of leaving the one connection in
 * an aborted transaction).
 */
import type { PGlite } from '@electric-sql/pglite';

export interface SqlExecutor {
  // pg-boss's own type (`PgBoss.Db`) declares `values: any[]`; rows are whatever pg-boss selected.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  executeSql(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
}

export interface Queryable {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

const LOCKED_BLOCK = /^\s*BEGIN;([\s\S]*)COMMIT;\s*$/;

/**
 * pg-boss passes `undefined` for absent options and plain objects for json/jsonb parameters;
 * node-postgres converts both itself, PGlite does not. Arrays (uuid[]) and dates pass as they are.
 */
export function normalizeValues(values: readonly unknown[] | undefined): unknown[] {
  return (values ?? []).map((value) => {
    if (value === undefined) return null;
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) && !ArrayBuffer.isView(value)) {
      return JSON.stringify(value);
    }
    return value;
  });
}

/** For the runner: the PGlite instance itself (never used inside an application transaction). */
export function pgliteAdapter(pglite: PGlite): SqlExecutor {
  return {
    async executeSql(text, values) {
      const block = values && values.length > 0 ? null : LOCKED_BLOCK.exec(text);
      if (block) {
        const body = block[1] ?? '';
        await pglite.transaction(async (tx) => {
          await tx.exec(body);
        });
        return { rows: [] };
      }
      const result = await pglite.query(text, normalizeValues(values));
      return { rows: result.rows };
    },
  };
}

/** For single parameterised statements on a client that already is the right connection. */
export function queryableAdapter(client: Queryable): SqlExecutor {
  return {
    async executeSql(text, values) {
      const result = await client.query(text, normalizeValues(values));
      return { rows: result.rows };
    },
  };
}
