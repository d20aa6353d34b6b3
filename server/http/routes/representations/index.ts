/**
 * /api/v1/representations (a person authorises, lists and revokes representatives) and
 * /api/v1/represented/:representationId/applications/… (a representative sees and acts on the
 * person's applications, within the scopes granted). The representative routes resolve the
 * authorisation into a viewer acting for the person and call the applicant's own use cases: the
 * same ownership checks apply, and the history records the actor as `representative`.
 */
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App } from '../../app';
import type { Db } from '../../../db/client';
import type { Env } from '../../../env';
import { AppError, requestLocale } from '../../problem';
import { COMMON_ERRORS, ProblemSchema } from '../../../../contract/problem';
import { ApplicationListSchema, ApplicationSchema, CorrectDetailsBodySchema } from '../../../../contract/applications';
import { CsrfHeadersSchema } from '../../../../contract/accounts';
import { GrantRepresentationBodySchema, RepresentationListSchema, RepresentationSchema } from '../../../../contract/representations';
import { createLocalFileStorage } from '../../../adapters/storage/local';
import type { FileStorage } from '../../../adapters/storage/file-storage';
import { keysOf } from '../../../usecases/attestations/context';
import { DEFAULT_UPLOAD_LIMITS, type ApplicationsContext, type UploadLimits } from '../../../usecases/applications/context';
import { correctDetails } from '../../../usecases/applications/correct-details';
import { getApplication } from '../../../usecases/applications/get-application';
import { listApplications } from '../../../usecases/applications/list-applications';
import { withdrawApplication } from '../../../usecases/applications/withdraw-application';
import { answerDocumentRequest } from '../../../usecases/applications/answer-document-request';
import { readDocument } from '../../../usecases/applications/read-document';
import { removeDocument } from '../../../usecases/applications/remove-document';
import { replaceDocument } from '../../../usecases/applications/replace-document';
import { uploadDocument } from '../../../usecases/applications/upload-document';
import {
  RepresentedDocumentParams,
  RepresentedItemParams,
  RepresentedRequestParams,
  answerDocumentRequestSchema,
  asRepresentative,
  readDocumentSchema,
  removeDocumentSchema,
  replaceDocumentSchema,
  uploadDocumentSchema,
} from '../applications/schemas';
import { registerUploadRoutes } from '../applications/multipart';
import { sendDocument } from '../applications/document-reply';
import { renderLetter } from '../../../usecases/letters/render-letter';
import { attachmentHeader } from '../../../usecases/applications/filenames';
import { actAsRepresentative, grantRepresentation, listRepresentations, revokeRepresentation } from '../../../usecases/representations/representations';
import type { Viewer } from '../../../policies/applications';

const TAGS = ['representations'];
const APPLICANT = ['applicant'] as const;
const SIGNED_IN_ERRORS = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, ...COMMON_ERRORS } as const;
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Represented = Type.Object({ representationId: Type.String({ format: 'uuid' }) });
const RepresentedApplication = Type.Object({ representationId: Type.String({ format: 'uuid' }), id: Type.String({ format: 'uuid' }) });

function caller(request: FastifyRequest): Viewer {
  if (!request.user) throw new AppError(401, 'unauthenticated');
  return request.user;
}

export function registerRepresentationRoutes(
  app: App,
  deps: { db: Db; env: Pick<Env, 'dataDir' | 'attestation'>; now?: (() => Date) | undefined; storage?: FileStorage; limits?: Partial<UploadLimits> },
): void {
  const now = deps.now ?? (() => new Date());
  const ctx = { db: deps.db, now };
  const applicationsCtx: ApplicationsContext = {
    db: deps.db,
    now,
    storage: deps.storage ?? createLocalFileStorage(path.join(deps.env.dataDir, 'files')),
    keys: keysOf(deps.env),
    limits: { ...DEFAULT_UPLOAD_LIMITS, ...deps.limits },
  };

  app.get(
    '/api/v1/representations',
    { config: { access: APPLICANT }, schema: { tags: TAGS, summary: 'The representatives I authorised, and the people who authorised me.', response: { 200: RepresentationListSchema, ...SIGNED_IN_ERRORS } } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return listRepresentations(ctx, caller(request));
    },
  );

  app.post(
    '/api/v1/representations',
    {
      config: { access: APPLICANT },
      schema: {
        tags: TAGS,
        summary: 'Authorise a representative (their own Sejour account, by email) with scopes.',
        description: 'Refused: `representative_not_found` (422, no applicant account with this email), `representation_self` (422), `representation_exists` (409, an active one already).',
        headers: CsrfHeadersSchema,
        body: GrantRepresentationBodySchema,
        response: { 201: RepresentationSchema, 409: ProblemSchema, 422: ProblemSchema, ...SIGNED_IN_ERRORS },
      },
    },
    async (request, reply) => reply.code(201).send(await grantRepresentation(ctx, caller(request), request.body)),
  );

  app.delete(
    '/api/v1/representations/:id',
    {
      config: { access: APPLICANT },
      schema: { tags: TAGS, summary: 'Revoke an authorisation I gave (kept, marked revoked).', headers: CsrfHeadersSchema, params: Id, response: { 204: Type.Null(), ...SIGNED_IN_ERRORS } },
    },
    async (request, reply) => {
      await revokeRepresentation(ctx, caller(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/represented/:representationId/applications',
    { config: { access: APPLICANT }, schema: { tags: TAGS, summary: 'As a representative: the person’s applications (scope applications:read).', params: Represented, response: { 200: ApplicationListSchema, ...SIGNED_IN_ERRORS } } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const viewer = await actAsRepresentative(ctx, caller(request), request.params.representationId, 'applications:read');
      return { items: await listApplications(applicationsCtx, viewer) };
    },
  );

  app.get(
    '/api/v1/represented/:representationId/applications/:id',
    { config: { access: APPLICANT }, schema: { tags: TAGS, summary: 'As a representative: one of the person’s applications (scope applications:read).', params: RepresentedApplication, response: { 200: ApplicationSchema, ...SIGNED_IN_ERRORS } } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      reply.header('vary', 'accept-language');
      const viewer = await actAsRepresentative(ctx, caller(request), request.params.representationId, 'applications:read');
      return getApplication(applicationsCtx, viewer, request.params.id, requestLocale(request));
    },
  );

  app.get(
    '/api/v1/represented/:representationId/applications/:id/letters/:kind.pdf',
    {
      config: { access: APPLICANT },
      schema: {
        tags: TAGS,
        summary: 'As a representative: the registered letter to the préfecture about one of the person’s applications, as a PDF (scope applications:read; docs/adr/0018).',
        params: Type.Object({ representationId: Type.String({ format: 'uuid' }), id: Type.String({ format: 'uuid' }), kind: Type.Union([Type.Literal('no_answer'), Type.Literal('reasons_request')]) }),
        querystring: Type.Object({ lang: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')])) }, { additionalProperties: false }),
        produces: ['application/pdf'],
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), 409: ProblemSchema, ...SIGNED_IN_ERRORS },
      },
    },
    async (request, reply) => {
      const viewer = await actAsRepresentative(ctx, caller(request), request.params.representationId, 'applications:read');
      const letter = await renderLetter(applicationsCtx, viewer, { applicationId: request.params.id, kind: request.params.kind, locale: request.query.lang ?? requestLocale(request) });
      return reply
        .type('application/pdf')
        .header('content-disposition', attachmentHeader(letter.filename))
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(letter.bytes));
    },
  );

  app.post(
    '/api/v1/represented/:representationId/applications/:id/corrections',
    {
      config: { access: APPLICANT },
      schema: { tags: TAGS, summary: 'As a representative: correct details after filing (scope applications:correct).', headers: CsrfHeadersSchema, params: RepresentedApplication, body: CorrectDetailsBodySchema, response: { 200: ApplicationSchema, 409: ProblemSchema, 422: ProblemSchema, ...SIGNED_IN_ERRORS } },
    },
    async (request) => {
      const viewer = await actAsRepresentative(ctx, caller(request), request.params.representationId, 'applications:correct');
      return correctDetails(applicationsCtx, viewer, { ...request.body, applicationId: request.params.id, locale: requestLocale(request) });
    },
  );

  app.post(
    '/api/v1/represented/:representationId/applications/:id/withdraw',
    {
      config: { access: APPLICANT },
      schema: { tags: TAGS, summary: 'As a representative: withdraw the application (scope applications:withdraw).', headers: CsrfHeadersSchema, params: RepresentedApplication, response: { 200: ApplicationSchema, 409: ProblemSchema, ...SIGNED_IN_ERRORS } },
    },
    async (request) => {
      const viewer = await actAsRepresentative(ctx, caller(request), request.params.representationId, 'applications:withdraw');
      return withdrawApplication(applicationsCtx, viewer, request.params.id);
    },
  );

  // Documents (scope applications:documents): the applicant's upload routes, for the person.
  app.get(
    '/api/v1/represented/:representationId/applications/:id/documents/:documentId/content',
    { config: { access: APPLICANT }, schema: asRepresentative(readDocumentSchema, 'applications:read', RepresentedDocumentParams) },
    async (request, reply) => {
      const viewer = await actAsRepresentative(ctx, caller(request), request.params.representationId, 'applications:read');
      return sendDocument(reply, await readDocument(applicationsCtx, viewer, { applicationId: request.params.id, documentId: request.params.documentId }));
    },
  );

  app.delete(
    '/api/v1/represented/:representationId/applications/:id/documents/:documentId',
    { config: { access: APPLICANT }, schema: asRepresentative(removeDocumentSchema, 'applications:documents', RepresentedDocumentParams) },
    async (request, reply) => {
      const viewer = await actAsRepresentative(ctx, caller(request), request.params.representationId, 'applications:documents');
      await removeDocument(applicationsCtx, viewer, { applicationId: request.params.id, documentId: request.params.documentId });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/represented/:representationId/applications/:id/document-requests/:requestId/answer',
    { config: { access: APPLICANT }, schema: asRepresentative(answerDocumentRequestSchema, 'applications:documents', RepresentedRequestParams) },
    async (request, reply) => {
      const viewer = await actAsRepresentative(ctx, caller(request), request.params.representationId, 'applications:documents');
      const { application, replayed } = await answerDocumentRequest(applicationsCtx, viewer, {
        applicationId: request.params.id,
        requestId: request.params.requestId,
        locale: requestLocale(request),
      });
      if (replayed) reply.header('idempotent-replayed', 'true');
      return application;
    },
  );

  registerUploadRoutes(app, applicationsCtx.limits.maxFileBytes, (scope, { filePart, requireMultipart }) => {
    scope.post(
      '/api/v1/represented/:representationId/applications/:id/items/:itemId/documents',
      { config: { access: APPLICANT }, schema: asRepresentative(uploadDocumentSchema, 'applications:documents', RepresentedItemParams) },
      async (request, reply) => {
        // The authorisation first: someone without it learns nothing, not even the body's faults.
        const viewer = await actAsRepresentative(ctx, caller(request), request.params.representationId, 'applications:documents');
        requireMultipart(request);
        const document = await uploadDocument(applicationsCtx, viewer, { applicationId: request.params.id, itemId: request.params.itemId, file: filePart(request) });
        return reply.code(201).send(document);
      },
    );

    scope.put(
      '/api/v1/represented/:representationId/applications/:id/documents/:documentId',
      { config: { access: APPLICANT }, schema: asRepresentative(replaceDocumentSchema, 'applications:documents', RepresentedDocumentParams) },
      async (request) => {
        const viewer = await actAsRepresentative(ctx, caller(request), request.params.representationId, 'applications:documents');
        requireMultipart(request);
        return replaceDocument(applicationsCtx, viewer, { applicationId: request.params.id, documentId: request.params.documentId, file: filePart(request) });
      },
    );
  });
}
