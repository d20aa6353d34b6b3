/**
 * /api/v1/staff: what a staff member sees of their own assignment. Staff-only, so reachable only
 * after the second factor (access.ts) — the first of the back-office routes.
 */
import { asc, eq } from 'drizzle-orm';
import { Type } from 'typebox';
import type { App } from '../../app';
import type { Db } from '../../../db/client';
import { prefectures, userPrefectures, type UserRole } from '../../../db/schema/index';
import { AppError } from '../../problem';
import { COMMON_ERRORS, ProblemSchema } from '../../../../contract/problem';

const STAFF: readonly UserRole[] = ['agent', 'supervisor', 'admin'];

const AssignmentSchema = Type.Object(
  {
    prefectures: Type.Array(
      Type.Object({ id: Type.String({ format: 'uuid' }), departementCode: Type.String(), name: Type.String() }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);

export function registerStaffRoutes(app: App, deps: { db: Db }): void {
  app.get(
    '/api/v1/staff/prefectures',
    {
      config: { access: STAFF },
      schema: {
        tags: ['staff'],
        summary: 'The préfectures the signed-in agent or supervisor works for (second factor required).',
        response: { 200: AssignmentSchema, 401: ProblemSchema, 403: ProblemSchema, ...COMMON_ERRORS },
      },
    },
    async (request) => {
      if (!request.user) throw new AppError(401, 'unauthenticated');
      const rows = await deps.db
        .select({ id: prefectures.id, departementCode: prefectures.departementCode, name: prefectures.name })
        .from(userPrefectures)
        .innerJoin(prefectures, eq(prefectures.id, userPrefectures.prefectureId))
        .where(eq(userPrefectures.userId, request.user.id))
        .orderBy(asc(prefectures.departementCode));
      return { prefectures: rows };
    },
  );
}
