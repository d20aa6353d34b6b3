import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { departements, postalCodes, prefectures } from '../../db/schema/index';
import { AppError } from '../../http/problem';

/** The département(s) of a postcode with their préfecture; a few postcodes straddle two. */
export async function findByPostalCode(db: Db, postalCode: string) {
  const rows = await db
    .select({ code: departements.code, name: departements.name, prefectureId: prefectures.id, prefectureName: prefectures.name, city: prefectures.city })
    .from(postalCodes)
    .innerJoin(departements, eq(departements.code, postalCodes.departementCode))
    .innerJoin(prefectures, eq(prefectures.departementCode, departements.code))
    .where(eq(postalCodes.postalCode, postalCode))
    .orderBy(asc(departements.code));
  if (rows.length === 0) throw new AppError(404, 'postal_code_unknown', { postalCode });
  return {
    postalCode,
    departements: rows.map((r) => ({ code: r.code, name: r.name, prefecture: { id: r.prefectureId, name: r.prefectureName, city: r.city } })),
  };
}
