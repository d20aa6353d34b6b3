/**
 * /api/v1/staff: what a staff member sees of their own assignment. Staff-only, so reachable only
 * after the second factor (access.ts) — the first of the back-office routes.
 */
import { asc, eq } from 'drizzle-orm';
import { Type } from 'typebox';
import type { App } from '../../app';
import type { Db } from '../../../db/client';
import { STAFF_ROLES, prefectures, userPrefectures } from '../../../db/schema/index';
import { AppError } from '../../problem';
import { COMMON_ERRORS, ProblemSchema } from '../../../../contract/problem';
import { StaffPrefecturesSchema } from '../../../../contract/back-office';
import { listAuditEvents } from '../../../usecases/audit/list-audit-events';




const AuditPageSchema = Type.Object(
  {
    events: Type.Array(
      Type.Object(
        {
          id: Type.Integer(),
          at: Type.String({ format: 'date-time' }),
          actorUserId: Type.String({ format: 'uuid' }),
          actorName: Type.String(),
          actorRole: Type.String(),
          action: Type.String(),
          objectType: Type.String(),
          objectId: Type.String(),
          prefectureId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
          clientAddress: Type.Union([Type.String(), Type.Null()]),
          requestId: Type.Union([Type.String(), Type.Null()]),
          details: Type.Record(Type.String(), Type.Unknown()),
        },
        { additionalProperties: false },
      ),
    ),
    nextBefore: Type.Union([Type.Integer(), Type.Null()], { description: 'Pass as `before` for the next (older) page; null at the end.' }),
  },
  { additionalProperties: false },
);

const AuditQuerySchema = Type.Object(
  {
    prefectureId: Type.Optional(Type.String({ format: 'uuid' })),
    objectId: Type.Optional(Type.String({ maxLength: 64 })),
    actorUserId: Type.Optional(Type.String({ format: 'uuid' })),
    before: Type.Optional(Type.Integer({ minimum: 1 })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
);

export function registerStaffRoutes(app: App, deps: { db: Db }): void {
  app.get(
    '/api/v1/staff/prefectures',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['staff'],
        summary: 'The préfectures the signed-in agent or supervisor works for (second factor required).',
        response: { 200: StaffPrefecturesSchema, 401: ProblemSchema, 403: ProblemSchema, ...COMMON_ERRORS },
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

  app.get(
    '/api/v1/staff/audit',
    {
      config: { access: ['supervisor', 'admin'] },
      schema: {
        tags: ['staff'],
        summary: "The audit log of staff reads and actions: a supervisor's préfectures, or everything for an administrator; newest first.",
        querystring: AuditQuerySchema,
        response: { 200: AuditPageSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, ...COMMON_ERRORS },
      },
    },
    async (request, reply) => {
      if (!request.user) throw new AppError(401, 'unauthenticated');
      reply.header('cache-control', 'no-store');
      return listAuditEvents(deps.db, { reader: request.user, ...request.query });
    },
  );
}
