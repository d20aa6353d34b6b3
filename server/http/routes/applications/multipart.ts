/**
 * Document uploads as `multipart/form-data`, shared by the applicant's routes, a representative's
 * and message attachments: the parser is registered only inside the given scope (it does not change how
 * other routes read bodies), with the upload limits, and the file part is read only when the use
 * case asks for it, so it streams to the storage.
 */
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { App } from '../../app';
import { AppError } from '../../problem';
import type { IncomingFile } from '../../../usecases/applications/document-intake';

export interface UploadHelpers {
  /** The request's file part, read only when the use case asks for it. */
  filePart(request: FastifyRequest): () => Promise<IncomingFile | undefined>;
  /** 415 `document_multipart_required` unless the body is multipart. */
  requireMultipart(request: FastifyRequest): void;
}

export function registerUploadRoutes(app: App, maxFileBytes: number, routes: (scope: App, helpers: UploadHelpers) => void): void {
  app.register(async (parent) => {
    const scope = parent.withTypeProvider<TypeBoxTypeProvider>();
    if (!scope.hasContentTypeParser('multipart/form-data')) {
      await scope.register(multipart, {
        // One file, a few small fields; one byte over the file limit lets the storage's own cap
        // see the excess (and delete what it wrote).
        limits: { files: 1, fields: 10, parts: 12, fieldSize: 1024, headerPairs: 50, fileSize: maxFileBytes + 1 },
      });
    }
    routes(scope, {
      filePart: (request) => async () => {
        const part = await request.file();
        return part ? { filename: part.filename, content: part.file } : undefined;
      },
      requireMultipart: (request) => {
        if (!request.isMultipart()) throw new AppError(415, 'document_multipart_required');
      },
    });
  });
}
