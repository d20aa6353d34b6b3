/** /api/v1/me/overview: the personal space at a glance. */
import type { FastifyRequest } from 'fastify';
import type { App } from '../../app';
import type { Db } from '../../../db/client';
import { AppError } from '../../problem';
import { COMMON_ERRORS, ProblemSchema } from '../../../../contract/problem';
import { OverviewSchema } from '../../../../contract/overview';
import type { Caller } from '../../../usecases/profile/context';
import { getOverview } from '../../../usecases/overview/get-overview';

function caller(request: FastifyRequest): Caller {
  if (!request.user) throw new AppError(401, 'unauthenticated');
  return request.user;
}

export function registerOverviewRoutes(app: App, deps: { db: Db; now?: (() => Date) | undefined }): void {
  const ctx = { db: deps.db, now: deps.now ?? (() => new Date()) };
  app.get(
    '/api/v1/me/overview',
    {
      config: { access: ['applicant'] },
      schema: {
        tags: ['overview'],
        summary: 'My situation today: what covers me and until when, the next deadline, my documents, applications and the requests waiting for my answer.',
        response: { 200: OverviewSchema, 401: ProblemSchema, 403: ProblemSchema, ...COMMON_ERRORS },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return getOverview(ctx, caller(request));
    },
  );
}
