import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { departements, prefectures } from './schema/index';
import { loadReferenceData, prefectureName } from './reference-data';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe(loadReferenceData.name, () => {
  it('holds the 101 départements, metropolitan and overseas, each with one prefecture', async () => {
    const rows = await database.db.select().from(departements);
    expect(rows).toHaveLength(101);
    expect(rows.filter((d) => d.zone === 'metro')).toHaveLength(96);
    expect(rows.filter((d) => d.zone === 'drom').map((d) => d.code).sort()).toEqual(['971', '972', '973', '974', '976']);
    expect(rows.map((d) => d.code)).toEqual(expect.arrayContaining(['2A', '2B', '75', '57', '67', '68']));
    const prefs = await database.db.select().from(prefectures);
    expect(prefs).toHaveLength(101);
    expect(prefs.find((p) => p.departementCode === '974')).toMatchObject({ city: 'Saint-Denis', name: 'Préfecture de La Réunion' });
  });

  it('does not reload or duplicate when run again, and reloads after a version change', async () => {
    expect(await loadReferenceData(database.db)).toEqual({ loaded: false, departements: 0 });
    await database.db.execute(sql`update reference_data_loads set version = 'old'`);
    expect(await loadReferenceData(database.db)).toEqual({ loaded: true, departements: 101 });
    expect(await database.db.select().from(prefectures)).toHaveLength(101);
  });
});

describe(prefectureName.name, () => {
  it.each([
    ['01', 'Ain', 5, "Préfecture de l'Ain"],
    ['69', 'Rhône', 2, 'Préfecture du Rhône'],
    ['72', 'Sarthe', 3, 'Préfecture de la Sarthe'],
    ['13', 'Bouches-du-Rhône', 4, 'Préfecture des Bouches-du-Rhône'],
    ['54', 'Meurthe-et-Moselle', 0, 'Préfecture de Meurthe-et-Moselle'],
    ['75', 'Paris', 0, 'Préfecture de police de Paris'],
  ])('names the prefecture of %s', (code, name, type, expected) => {
    expect(prefectureName(code, name, type)).toBe(expected);
  });
});
