import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { normalizeValues, pgliteAdapter } from './pglite-adapter';

const pglite = await PGlite.create();
afterAll(() => pglite.close());
const adapter = pgliteAdapter(pglite);

describe(pgliteAdapter.name, () => {
  it('runs parameterised statements, with undefined as null and objects as JSON', async () => {
    const { rows } = await adapter.executeSql('select $1::jsonb as data, $2::text as nothing, $3::int[] as list', [{ a: 1 }, undefined, [1, 2]]);
    expect(rows).toEqual([{ data: { a: 1 }, nothing: null, list: [1, 2] }]);
  });

  it("runs pg-boss's BEGIN; … COMMIT; blocks in one transaction that rolls back on failure", async () => {
    await adapter.executeSql('BEGIN;\n CREATE TABLE t (id int);\n INSERT INTO t VALUES (1);\n COMMIT;');
    await expect(adapter.executeSql('BEGIN;\n INSERT INTO t VALUES (2);\n SELECT * FROM no_such_table;\n COMMIT;')).rejects.toThrow();
    // the one connection is not left inside an aborted transaction
    const { rows } = await adapter.executeSql('select id from t order by id');
    expect(rows).toEqual([{ id: 1 }]);
  });
});

describe(normalizeValues.name, () => {
  it('leaves arrays, dates, strings and numbers as they are', () => {
    const date = new Date('2027-01-01T00:00:00Z');
    expect(normalizeValues([['a'], date, 'x', 3, null, undefined, { b: [1] }])).toEqual([['a'], date, 'x', 3, null, null, '{"b":[1]}']);
    expect(normalizeValues(undefined)).toEqual([]);
  });
});
