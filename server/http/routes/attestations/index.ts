/**
 * /api/v1/attestations (the holder's documents, PDF on demand) and /api/v1/share-codes (codes the
 * holder gives a verifier, with the log of every check).
 */
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App } from '../../app';
import { SELF, type PersonScope } from '../person-scope';
import { AppError, requestLocale } from '../../problem';
import { COMMON_ERRORS, ProblemSchema } from '../../../../contract/problem';
import {
  AttestationListSchema,
  CreatedShareCodeSchema,
  CreateShareCodeBodySchema,
  ShareCodeListSchema,
  ShareCodeSchema,
} from '../../../../contract/attestations';
import type { Caller } from '../../../usecases/applications/context';
import type { AttestationsContext } from '../../../usecases/attestations/context';
import { listAttestations } from '../../../usecases/attestations/list-attestations';
import { renderAttestation } from '../../../usecases/attestations/render-attestation';
import { createShareCode, listShareCodes, revokeShareCode } from '../../../usecases/share-codes/share-codes';
import { isLocale } from '../../../i18n/index';
import { CsrfHeadersSchema } from '../../../../contract/accounts';

const APPLICANT = ['applicant'] as const;
const TAGS = ['attestations'];
const SIGNED_IN_ERRORS = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, ...COMMON_ERRORS } as const;
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

function caller(request: FastifyRequest): Caller {
  if (!request.user) throw new AppError(401, 'unauthenticated');
  return request.user;
}

export function registerAttestationRoutes(app: App, ctx: AttestationsContext, scope: PersonScope = SELF): void {
  app.get(
    `${scope.prefix}/attestations`,
    {
      config: { access: scope.access },
      schema: scope.schema({ tags: TAGS, summary: 'My attestations, newest first (superseded ones included, marked).', response: { 200: AttestationListSchema, ...SIGNED_IN_ERRORS } }),
    },
    async (request) => listAttestations(ctx, await scope.viewer(request)),
  );

  app.get(
    `${scope.prefix}/attestations/:id/pdf`,
    {
      config: { access: scope.access },
      schema: scope.schema({
        tags: TAGS,
        summary: 'One of my attestations as a PDF, in French (default) or English; the QR code carries its signed payload.',
        params: IdParams,
        querystring: Type.Object({ lang: Type.Optional(Type.Enum(['fr', 'en'] as const)) }),
        produces: ['application/pdf'],
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'application/pdf' }), ...SIGNED_IN_ERRORS },
      }),
    },
    async (request, reply) => {
      const lang = request.query.lang;
      const locale = isLocale(lang) ? lang : requestLocale(request);
      const { bytes, filename } = await renderAttestation(ctx, await scope.viewer(request), { id: request.params.id, locale });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(bytes));
    },
  );

  // Share codes are the holder's own choice: not at the help desk.
  if (scope !== SELF) return;

  app.get(
    '/api/v1/share-codes',
    {
      config: { access: APPLICANT },
      schema: { tags: TAGS, summary: 'My share codes and every check made with them.', response: { 200: ShareCodeListSchema, ...SIGNED_IN_ERRORS } },
    },
    async (request) => listShareCodes(ctx, caller(request)),
  );

  app.post(
    '/api/v1/share-codes',
    {
      config: { access: APPLICANT },
      schema: {
        tags: TAGS,
        summary: 'Create a share code for a purpose (valid 90 days); the code is shown once.',
        headers: CsrfHeadersSchema,
        body: CreateShareCodeBodySchema,
        response: { 201: CreatedShareCodeSchema, ...SIGNED_IN_ERRORS },
      },
    },
    async (request, reply) => reply.code(201).send(await createShareCode(ctx, caller(request), request.body)),
  );

  app.post(
    '/api/v1/share-codes/:id/revoke',
    {
      config: { access: APPLICANT },
      schema: { tags: TAGS, summary: 'Revoke one of my share codes (verifiers then get "not found").', headers: CsrfHeadersSchema, params: IdParams, response: { 200: ShareCodeSchema, ...SIGNED_IN_ERRORS } },
    },
    async (request) => revokeShareCode(ctx, caller(request), request.params.id),
  );
}
