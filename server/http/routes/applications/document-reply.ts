/** A stored file (supporting document, message attachment) sent back as a download: its sniffed type, exact length, never cached. */
import type { FastifyReply } from 'fastify';
import { attachmentHeader } from '../../../usecases/applications/filenames';
import type { Readable } from 'node:stream';

export function sendDocument(reply: FastifyReply, content: { stream: Readable; filename: string; mediaType: string; sizeBytes: number }): FastifyReply {
  return reply
    .type(content.mediaType)
    .header('content-length', String(content.sizeBytes))
    .header('content-disposition', attachmentHeader(content.filename))
    .header('cache-control', 'private, no-store')
    .send(content.stream);
}
