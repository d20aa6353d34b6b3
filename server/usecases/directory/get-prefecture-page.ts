import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { departements, prefecturePages, prefectures } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import type { PrefecturePage } from '../../../contract/directory';
import { sortOpeningHours } from '../../../domain/directory/opening-hours';

export async function getPrefecturePage(db: Db, departementCode: string): Promise<PrefecturePage> {
  const [row] = await db
    .select({ departement: departements, prefecture: prefectures, page: prefecturePages })
    .from(departements)
    .innerJoin(prefectures, eq(prefectures.departementCode, departements.code))
    .leftJoin(prefecturePages, eq(prefecturePages.prefectureId, prefectures.id))
    .where(eq(departements.code, departementCode));
  if (!row) throw new AppError(404, 'not_found');
  const page = row.page;
  return {
    departement: { code: row.departement.code, name: row.departement.name },
    prefecture: { id: row.prefecture.id, name: row.prefecture.name, city: row.prefecture.city },
    page: page
      ? {
          address: page.address,
          phone: page.phone,
          receptionHours: sortOpeningHours(page.receptionHours),
          helpDeskAddress: page.helpDeskAddress,
          helpDeskHours: sortOpeningHours(page.helpDeskHours),
          notesFr: page.notesFr,
          notesEn: page.notesEn,
          appointmentUrl: page.appointmentUrl,
          updatedAt: page.updatedAt.toISOString(),
        }
      : null,
  };
}
