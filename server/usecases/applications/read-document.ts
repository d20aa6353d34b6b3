/** The content of one of the caller's active documents, to download. */
import type { Readable } from 'node:stream';
import { AppError } from '../../http/problem';
import { FileNotFoundError } from '../../adapters/storage/file-storage';
import type { DocumentMediaType } from '../../../domain/applications/index';
import type { ApplicationsContext, Caller } from './context';
import { loadOwnApplication, loadOwnDocument } from './queries';

export interface DocumentContent {
  stream: Readable;
  filename: string;
  mediaType: DocumentMediaType;
  sizeBytes: number;
}

export async function readDocument(ctx: ApplicationsContext, caller: Caller, input: { applicationId: string; documentId: string }): Promise<DocumentContent> {
  const application = await loadOwnApplication(ctx.db, caller, input.applicationId);
  const document = await loadOwnDocument(ctx.db, caller, application, input.documentId);
  if (document.state !== 'active') throw new AppError(404, 'document_not_found');
  try {
    const stream = await ctx.storage.get(document.storageKey);
    return { stream, filename: document.originalFilename, mediaType: document.mediaType, sizeBytes: document.sizeBytes };
  } catch (error) {
    if (error instanceof FileNotFoundError) throw new AppError(404, 'document_not_found');
    throw error;
  }
}
