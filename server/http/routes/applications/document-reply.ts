/** A supporting document sent back as a download: its sniffed type, exact length, never cached. */
import type { FastifyReply } from 'fastify';
import { attachmentHeader } from '../../../usecases/applications/filenames';
import type { DocumentContent } from '../../../usecases/applications/read-document';

export function sendDocument(reply: FastifyReply, content: DocumentContent): FastifyReply {
  return reply
    .type(content.mediaType)
    .header('content-length', String(content.sizeBytes))
    .header('content-disposition', attachmentHeader(content.filename))
    .header('cache-control', 'private, no-store')
    .send(content.stream);
}
