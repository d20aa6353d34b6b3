/** /api/v1/me/profile: the applicant's identity and address, with the log of changes made after filing. */
import type { FastifyRequest } from 'fastify';
import type { App } from '../../app';
import type { Db } from '../../../db/client';
import { AppError } from '../../problem';
import { COMMON_ERRORS, ProblemSchema } from '../../../../contract/problem';
import { ProfileResponseSchema, PutProfileBodySchema } from '../../../../contract/profile';
import type { Caller } from '../../../usecases/profile/context';
import { getProfile } from '../../../usecases/profile/get-profile';
import { updateProfile } from '../../../usecases/profile/update-profile';

const TAGS = ['profile'];
const APPLICANT = ['applicant'] as const;
const SIGNED_IN_ERRORS = { 401: ProblemSchema, 403: ProblemSchema, ...COMMON_ERRORS } as const;

function caller(request: FastifyRequest): Caller {
  if (!request.user) throw new AppError(401, 'unauthenticated');
  return request.user;
}

export function registerProfileRoutes(app: App, deps: { db: Db; now?: (() => Date) | undefined }): void {
  const ctx = { db: deps.db, now: deps.now ?? (() => new Date()) };

  app.get(
    '/api/v1/me/profile',
    {
      config: { access: APPLICANT },
      schema: {
        tags: TAGS,
        summary: 'My identity and address, the changes recorded since my first filing, and my déclarations de changement d’adresse.',
        response: { 200: ProfileResponseSchema, ...SIGNED_IN_ERRORS },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return getProfile(ctx, caller(request));
    },
  );

  app.put(
    '/api/v1/me/profile',
    {
      config: { access: APPLICANT },
      schema: {
        tags: TAGS,
        summary: 'Save my identity and address (the whole profile).',
        description:
          'After a first filing, every changed field is appended to the change log the préfecture sees; a change of address while an application is examined is listed as a déclaration de changement d’adresse. Field errors: `nationality_code`, `birth_date_invalid`, `birth_date_in_future`, `birth_date_too_old`, `departement_unknown`, `postal_code_departement`.',
        body: PutProfileBodySchema,
        response: { 200: ProfileResponseSchema, ...SIGNED_IN_ERRORS },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return updateProfile(ctx, caller(request), request.body);
    },
  );
}
