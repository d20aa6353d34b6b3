/**
 * /api/v1/applications (the applicant's procedures) and /api/v1/card-types (the public card
 * catalogue). Thin routes: parse, call one use case, present. Documents arrive as
 * `multipart/form-data` and stream to the file storage (server/usecases/applications/document-intake.ts).
 */
import path from 'node:path';
import type { App } from '../../app';
import type { Db } from '../../../db/client';
import type { Env } from '../../../env';
import { requestLocale } from '../../problem';
import { keysOf } from '../../../usecases/attestations/context';
import { createLocalFileStorage } from '../../../adapters/storage/local';
import type { FileStorage } from '../../../adapters/storage/file-storage';
import { IDEMPOTENCY_KEY_HEADER } from '../../../../contract/applications';
import { DEFAULT_UPLOAD_LIMITS, todayOf, type ApplicationsContext, type UploadLimits } from '../../../usecases/applications/context';
import { registerUploadRoutes } from './multipart';
import { SELF, type PersonScope } from '../person-scope';
import { sendDocument } from './document-reply';
import { attachmentHeader } from '../../../usecases/applications/filenames';
import { answerDocumentRequest } from '../../../usecases/applications/answer-document-request';
import { correctDetails } from '../../../usecases/applications/correct-details';
import { createApplication } from '../../../usecases/applications/create-application';
import { getApplication } from '../../../usecases/applications/get-application';
import { listApplications } from '../../../usecases/applications/list-applications';
import { listCardTypes } from '../../../usecases/applications/list-card-types';
import { readDocument } from '../../../usecases/applications/read-document';
import { removeDocument } from '../../../usecases/applications/remove-document';
import { replaceDocument } from '../../../usecases/applications/replace-document';
import { submitApplication } from '../../../usecases/applications/submit-application';
import { updateApplication } from '../../../usecases/applications/update-application';
import { uploadDocument } from '../../../usecases/applications/upload-document';
import { withdrawApplication } from '../../../usecases/applications/withdraw-application';
import { renderLetter } from '../../../usecases/letters/render-letter';
import {
  answerDocumentRequestSchema,
  correctDetailsSchema,
  createApplicationSchema,
  getApplicationSchema,
  listApplicationsSchema,
  listCardTypesSchema,
  readDocumentSchema,
  removeDocumentSchema,
  renderLetterSchema,
  replaceDocumentSchema,
  submitApplicationSchema,
  updateApplicationSchema,
  uploadDocumentSchema,
  withdrawApplicationSchema,
} from './schemas';

export interface ApplicationRouteDeps {
  db: Db;
  env: Pick<Env, 'dataDir' | 'attestation'>;
  /** The clock (tests fix it); legal "today" is derived from it in Europe/Paris. */
  now?: (() => Date) | undefined;
  /** Where documents go; default: the local folder `DATA_DIR/files`. */
  storage?: FileStorage;
  /**
   * Upload limits; defaults 10 MiB per file, 50 MiB per application. Meant to come from the
   * configuration (UPLOAD_MAX_FILE_BYTES, UPLOAD_MAX_APPLICATION_BYTES) once env.ts has them.
   */
  limits?: Partial<UploadLimits>;
}


export function registerApplicationRoutes(app: App, deps: ApplicationRouteDeps, scope: PersonScope = SELF): void {
  const limits: UploadLimits = { ...DEFAULT_UPLOAD_LIMITS, ...deps.limits };
  const ctx: ApplicationsContext = {
    db: deps.db,
    now: deps.now ?? (() => new Date()),
    storage: deps.storage ?? createLocalFileStorage(path.join(deps.env.dataDir, 'files')),
    keys: keysOf(deps.env),
    limits,
  };

  if (scope === SELF) {
    app.get('/api/v1/card-types', { config: { access: 'public' }, schema: listCardTypesSchema }, async (request, reply) => {
      reply.header('vary', 'accept-language');
      return listCardTypes(requestLocale(request), todayOf(ctx));
    });
  }
  const p = scope.prefix;

  app.get(`${p}/applications`, { config: { access: scope.access }, schema: scope.schema(listApplicationsSchema) }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return { items: await listApplications(ctx, await scope.viewer(request)) };
  });

  app.post(`${p}/applications`, { config: { access: scope.access }, schema: scope.schema(createApplicationSchema) }, async (request, reply) => {
    const application = await createApplication(ctx, await scope.viewer(request), request.body);
    return reply.code(201).header('location', `${scope.prefix.replace(':personId', (request.params as { personId?: string }).personId ?? '')}/applications/${application.id}`).send(application);
  });

  app.get(`${p}/applications/:id`, { config: { access: scope.access }, schema: scope.schema(getApplicationSchema) }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    reply.header('vary', 'accept-language');
    return getApplication(ctx, await scope.viewer(request), request.params.id, requestLocale(request));
  });

  app.patch(`${p}/applications/:id`, { config: { access: scope.access }, schema: scope.schema(updateApplicationSchema) }, async (request) =>
    updateApplication(ctx, await scope.viewer(request), { ...request.body, applicationId: request.params.id }),
  );

  app.post(`${p}/applications/:id/submit`, { config: { access: scope.access }, schema: scope.schema(submitApplicationSchema) }, async (request, reply) => {
    const { application, replayed } = await submitApplication(ctx, await scope.viewer(request), {
      applicationId: request.params.id,
      idempotencyKey: request.headers[IDEMPOTENCY_KEY_HEADER],
    });
    if (replayed) reply.header('idempotent-replayed', 'true');
    return application;
  });

  app.post(`${p}/applications/:id/withdraw`, { config: { access: scope.access }, schema: scope.schema(withdrawApplicationSchema) }, async (request) =>
    withdrawApplication(ctx, await scope.viewer(request), request.params.id),
  );

  app.post(
    `${p}/applications/:id/document-requests/:requestId/answer`,
    { config: { access: scope.access }, schema: scope.schema(answerDocumentRequestSchema) },
    async (request, reply) => {
      const { application, replayed } = await answerDocumentRequest(ctx, await scope.viewer(request), {
        applicationId: request.params.id,
        requestId: request.params.requestId,
        locale: requestLocale(request),
      });
      if (replayed) reply.header('idempotent-replayed', 'true');
      return application;
    },
  );

  app.post(`${p}/applications/:id/corrections`, { config: { access: scope.access }, schema: scope.schema(correctDetailsSchema) }, async (request) =>
    correctDetails(ctx, await scope.viewer(request), { ...request.body, applicationId: request.params.id, locale: requestLocale(request) }),
  );

  app.delete(`${p}/applications/:id/documents/:documentId`, { config: { access: scope.access }, schema: scope.schema(removeDocumentSchema) }, async (request, reply) => {
    await removeDocument(ctx, await scope.viewer(request), { applicationId: request.params.id, documentId: request.params.documentId });
    return reply.code(204).send(null);
  });

  app.get(`${p}/applications/:id/documents/:documentId/content`, { config: { access: scope.access }, schema: scope.schema(readDocumentSchema) }, async (request, reply) => {
    return sendDocument(reply, await readDocument(ctx, await scope.viewer(request), { applicationId: request.params.id, documentId: request.params.documentId }));
  });

  // Registered letters to the préfecture (issue 8): `/letters/no_answer.pdf`, `/letters/reasons_request.pdf`.
  app.get(`${p}/applications/:id/letters/:kind.pdf`, { config: { access: scope.access }, schema: scope.schema(renderLetterSchema) }, async (request, reply) => {
    const letter = await renderLetter(ctx, await scope.viewer(request), { applicationId: request.params.id, kind: request.params.kind, locale: request.query.lang ?? requestLocale(request) });
    return reply
      .type('application/pdf')
      .header('content-disposition', attachmentHeader(letter.filename))
      .header('cache-control', 'private, no-store')
      .header('vary', 'accept-language')
      .send(Buffer.from(letter.bytes));
  });

  registerUploadRoutes(app, limits.maxFileBytes, (uploads, { filePart, requireMultipart }) => {
    uploads.post(`${p}/applications/:id/items/:itemId/documents`, { config: { access: scope.access }, schema: scope.schema(uploadDocumentSchema) }, async (request, reply) => {
      const viewer = await scope.viewer(request);
      requireMultipart(request);
      const document = await uploadDocument(ctx, viewer, { applicationId: request.params.id, itemId: request.params.itemId, file: filePart(request) });
      return reply.code(201).send(document);
    });

    uploads.put(`${p}/applications/:id/documents/:documentId`, { config: { access: scope.access }, schema: scope.schema(replaceDocumentSchema) }, async (request) => {
      const viewer = await scope.viewer(request);
      requireMultipart(request);
      return replaceDocument(ctx, viewer, { applicationId: request.params.id, documentId: request.params.documentId, file: filePart(request) });
    });
  });
}
