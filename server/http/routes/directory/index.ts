/**
 * The préfecture directory: each préfecture's page (public; its supervisors publish it, audited)
 * and the postcode search that finds the préfecture of an address.
 */
import { Type } from 'typebox';
import type { App } from '../../app';
import type { Db } from '../../../db/client';
import { AppError } from '../../problem';
import { auditOrigin } from '../../audit-origin';
import { COMMON_ERRORS, ProblemSchema } from '../../../../contract/problem';
import { DepartementCode } from '../../../../contract/reference';
import { PostalCodeResultSchema, PostalCodeSchema, PrefecturePageBodySchema, PrefecturePageSchema } from '../../../../contract/directory';
import { findByPostalCode } from '../../../usecases/directory/find-by-postal-code';
import { getPrefecturePage } from '../../../usecases/directory/get-prefecture-page';
import { updatePrefecturePage } from '../../../usecases/directory/update-prefecture-page';
import { CsrfHeadersSchema } from '../../../../contract/accounts';

const TAGS = ['directory'];

export function registerDirectoryRoutes(app: App, deps: { db: Db; now?: (() => Date) | undefined }): void {
  const now = deps.now ?? (() => new Date());

  app.get(
    '/api/v1/prefectures/:departementCode/page',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary: "A préfecture's page: address, hours of the foreigners' reception and of the digital help desk, phone, booking.",
        params: Type.Object({ departementCode: DepartementCode }),
        response: { 200: PrefecturePageSchema, 404: ProblemSchema, ...COMMON_ERRORS },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return getPrefecturePage(deps.db, request.params.departementCode);
    },
  );

  app.put(
    '/api/v1/prefectures/:departementCode/page',
    {
      config: { access: ['supervisor'] },
      schema: {
        tags: TAGS,
        summary: "Publish or correct the page of one's préfecture (supervisors of that préfecture; audited).",
        headers: CsrfHeadersSchema,
        params: Type.Object({ departementCode: DepartementCode }),
        body: PrefecturePageBodySchema,
        response: { 200: PrefecturePageSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, ...COMMON_ERRORS },
      },
    },
    async (request) => {
      if (!request.user) throw new AppError(401, 'unauthenticated');
      return updatePrefecturePage(deps.db, {
        actor: request.user,
        departementCode: request.params.departementCode,
        body: request.body,
        origin: auditOrigin(request),
        now: now(),
      });
    },
  );

  app.get(
    '/api/v1/postal-codes/:postalCode',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary: 'The département(s) and préfecture of a postcode.',
        params: Type.Object({ postalCode: PostalCodeSchema }),
        response: { 200: PostalCodeResultSchema, 404: ProblemSchema, ...COMMON_ERRORS },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=86400');
      return findByPostalCode(deps.db, request.params.postalCode);
    },
  );
}
