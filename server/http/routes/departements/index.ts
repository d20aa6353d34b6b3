import { Type } from 'typebox';
import { asc, eq } from 'drizzle-orm';
import type { App } from '../../app';
import type { Db } from '../../../db/client';
import { departements, prefectures } from '../../../db/schema/index';
import { COMMON_ERRORS, ProblemSchema } from '../../../../contract/problem';
import { DepartementCode, DepartementListSchema, DepartementSchema, type DepartementBody } from '../../../../contract/reference';
import { AppError } from '../../problem';

function selectDepartements(db: Db) {
  return db
    .select({
      code: departements.code,
      name: departements.name,
      zone: departements.zone,
      regionCode: departements.regionCode,
      prefectureId: prefectures.id,
      prefectureName: prefectures.name,
      prefectureCity: prefectures.city,
    })
    .from(departements)
    .innerJoin(prefectures, eq(prefectures.departementCode, departements.code));
}

type Row = Awaited<ReturnType<ReturnType<typeof selectDepartements>['execute']>>[number];

function present(row: Row): DepartementBody {
  return {
    code: row.code,
    name: row.name,
    zone: row.zone as DepartementBody['zone'],
    regionCode: row.regionCode,
    prefecture: { id: row.prefectureId, name: row.prefectureName, city: row.prefectureCity },
  };
}

export function registerDepartementRoutes(app: App, deps: { db: Db }): void {
  app.get(
    '/api/v1/departements',
    {
      config: { access: 'public' },
      schema: {
        tags: ['reference'],
        summary: 'Every département (metropolitan and overseas) with the prefecture that handles residence permits.',
        response: { 200: DepartementListSchema, ...COMMON_ERRORS },
      },
    },
    async () => {
      const rows = await selectDepartements(deps.db).orderBy(asc(departements.code));
      return { items: rows.map(present) };
    },
  );

  app.get(
    '/api/v1/departements/:code',
    {
      config: { access: 'public' },
      schema: {
        tags: ['reference'],
        summary: 'One département and its prefecture.',
        params: Type.Object({ code: DepartementCode }),
        response: { 200: DepartementSchema, 404: ProblemSchema, ...COMMON_ERRORS },
      },
    },
    async (request) => {
      const [row] = await selectDepartements(deps.db).where(eq(departements.code, request.params.code));
      if (!row) throw new AppError(404, 'not_found');
      return present(row);
    },
  );
}
