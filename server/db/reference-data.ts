/**
 * Reference data loaded idempotently at start-up: every département (metropolitan and overseas)
 * and its prefecture, from INSEE's Code officiel géographique as packaged by Etalab
 * (`@etalab/decoupage-administratif`, Licence Ouverte). Reloaded only when the package version changes.
 */
import { createRequire } from 'node:module';
import { eq, sql } from 'drizzle-orm';
import type { Db } from './client';
import { departements, postalCodes, prefectures, referenceDataLoads } from './schema/index';

const require = createRequire(import.meta.url);

interface CogDepartement {
  code: string;
  region: string;
  chefLieu: string;
  nom: string;
  typeLiaison: number;
  zone: 'metro' | 'drom' | 'com';
}

interface CogCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  codesPostaux?: string[];
}

const DATASET = 'departements';

/** "de l'Ain", "du Rhône", "de la Sarthe", "des Bouches-du-Rhône" (INSEE type de nom en clair). */
export function withDeArticle(name: string, articleType: number): string {
  switch (articleType) {
    case 1:
      return `d'${name}`;
    case 2:
      return `du ${name}`;
    case 3:
      return `de la ${name}`;
    case 4:
      return `des ${name}`;
    case 5:
      return `de l'${name}`;
    default:
      return `de ${name}`;
  }
}

/** Paris applicants are handled by the Préfecture de police, not the Préfecture de Paris. */
const PREFECTURE_NAME_OVERRIDES: Record<string, string> = { '75': 'Préfecture de police de Paris' };

export function prefectureName(code: string, name: string, articleType: number): string {
  return PREFECTURE_NAME_OVERRIDES[code] ?? `Préfecture ${withDeArticle(name, articleType)}`;
}

function datasetVersion(): string {
  const pkg = require('@etalab/decoupage-administratif/package.json') as { version: string };
  return `decoupage-administratif@${pkg.version}`;
}

export async function loadReferenceData(db: Db): Promise<{ loaded: boolean; departements: number }> {
  const version = datasetVersion();
  const [current] = await db.select().from(referenceDataLoads).where(eq(referenceDataLoads.dataset, DATASET));
  if (current?.version === version) return { loaded: false, departements: 0 };

  const all = require('@etalab/decoupage-administratif/data/departements.json') as CogDepartement[];
  // The 101 départements: 96 metropolitan + 5 overseas (DROM); overseas collectivities (COM) have no préfecture under CESEDA.
  const selected = all.filter((d) => d.zone === 'metro' || d.zone === 'drom');
  const wanted = new Set(selected.map((d) => d.chefLieu));
  const communes = require('@etalab/decoupage-administratif/data/communes.json') as CogCommune[];
  const chefLieuNames = new Map(
    communes.filter((c) => c.type === 'commune-actuelle' && wanted.has(c.code)).map((c) => [c.code, c.nom]),
  );

  const rows = selected.map((d) => ({
    code: d.code,
    name: d.nom,
    regionCode: d.region,
    zone: d.zone,
    nameArticleType: String(d.typeLiaison),
    chefLieuCode: d.chefLieu,
    chefLieuName: chefLieuNames.get(d.chefLieu) ?? d.nom,
  }));

  await db.transaction(async (tx) => {
    await tx
      .insert(departements)
      .values(rows)
      .onConflictDoUpdate({
        target: departements.code,
        set: {
          name: sql`excluded.name`,
          regionCode: sql`excluded.region_code`,
          zone: sql`excluded.zone`,
          nameArticleType: sql`excluded.name_article_type`,
          chefLieuCode: sql`excluded.chef_lieu_code`,
          chefLieuName: sql`excluded.chef_lieu_name`,
        },
      });
    await tx
      .insert(prefectures)
      .values(
        rows.map((r) => ({
          departementCode: r.code,
          name: prefectureName(r.code, r.name, Number(r.nameArticleType)),
          city: r.chefLieuName,
        })),
      )
      .onConflictDoNothing({ target: prefectures.departementCode });
    await tx
      .insert(referenceDataLoads)
      .values({ dataset: DATASET, version })
      .onConflictDoUpdate({ target: referenceDataLoads.dataset, set: { version, loadedAt: sql`now()` } });
  });
  return { loaded: true, departements: rows.length };
}

const POSTAL_DATASET = 'postal_codes';

/**
 * Every (postcode, département) pair of the current communes: about 6,300 rows. A few postcodes
 * span two départements; the directory then offers both. Reloaded when the package version changes.
 */
export async function loadPostalCodes(db: Db): Promise<{ loaded: boolean; rows: number }> {
  const version = datasetVersion();
  const [current] = await db.select().from(referenceDataLoads).where(eq(referenceDataLoads.dataset, POSTAL_DATASET));
  if (current?.version === version) return { loaded: false, rows: 0 };
  const known = new Set((await db.select({ code: departements.code }).from(departements)).map((d) => d.code));
  const communes = require('@etalab/decoupage-administratif/data/communes.json') as CogCommune[];
  const pairs = new Map<string, { postalCode: string; departementCode: string }>();
  for (const commune of communes) {
    if (commune.type !== 'commune-actuelle' || !commune.departement || !known.has(commune.departement)) continue;
    for (const postalCode of commune.codesPostaux ?? []) {
      if (/^\d{5}$/.test(postalCode)) pairs.set(`${postalCode}|${commune.departement}`, { postalCode, departementCode: commune.departement });
    }
  }
  const rows = [...pairs.values()];
  await db.transaction(async (tx) => {
    await tx.delete(postalCodes);
    for (let i = 0; i < rows.length; i += 1000) await tx.insert(postalCodes).values(rows.slice(i, i + 1000));
    await tx
      .insert(referenceDataLoads)
      .values({ dataset: POSTAL_DATASET, version })
      .onConflictDoUpdate({ target: referenceDataLoads.dataset, set: { version, loadedAt: sql`now()` } });
  });
  return { loaded: true, rows: rows.length };
}
