/** /api/v1/permits: the applicant's residence documents (VLS-TS and cards). */
import { Type } from 'typebox';
import type { App } from '../../app';
import { SELF, type PersonScope } from '../person-scope';
import type { Db } from '../../../db/client';
import { COMMON_ERRORS, ProblemSchema } from '../../../../contract/problem';
import { PermitListSchema, PermitSchema, RecordCardBodySchema } from '../../../../contract/applications';
import { getPermit, listPermits } from '../../../usecases/applications/list-permits';
import { recordCard } from '../../../usecases/applications/record-card';

const TAGS = ['permits'];
const SIGNED_IN_ERRORS = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, ...COMMON_ERRORS } as const;


export function registerPermitRoutes(app: App, deps: { db: Db; now?: (() => Date) | undefined }, scope: PersonScope = SELF): void {
  const ctx = { db: deps.db, now: deps.now ?? (() => new Date()) };

  app.get(
    `${scope.prefix}/permits`,
    {
      config: { access: scope.access },
      schema: scope.schema({ tags: TAGS, summary: 'My permits (VLS-TS and cards), the one expiring last first, with the VLS-TS validation state.', response: { 200: PermitListSchema, ...SIGNED_IN_ERRORS } }),
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { items: await listPermits(ctx, await scope.viewer(request)) };
    },
  );

  app.get(
    `${scope.prefix}/permits/:id`,
    {
      config: { access: scope.access },
      schema: scope.schema({ tags: TAGS, summary: 'One of my permits.', params: Type.Object({ id: Type.String({ format: 'uuid' }) }), response: { 200: PermitSchema, ...SIGNED_IN_ERRORS } }),
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return getPermit(ctx, await scope.viewer(request), request.params.id);
    },
  );

  app.post(
    `${scope.prefix}/permits`,
    {
      config: { access: scope.access },
      schema: scope.schema({
        tags: TAGS,
        summary: 'Record a residence card I hold, with its numéro d’étranger (to apply for its renewal).',
        description: 'A VLS-TS is recorded with POST /api/v1/vls-ts. A person has one numéro d’étranger: another number than the known one is refused (`foreigner_number_mismatch`).',
        body: RecordCardBodySchema,
        response: { 201: PermitSchema, 409: ProblemSchema, ...SIGNED_IN_ERRORS },
      }),
    },
    async (request, reply) => reply.code(201).send(await recordCard(ctx, await scope.viewer(request), request.body)),
  );
}
