/**
 * The content of a document of a case file, for the agent to view inline. The type served is the
 * one sniffed from the content at upload (ADR 0005 §5), never the name's. Audited before it is sent.
 */
import { and, eq } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import type { Db } from '../../db/client';
import { applicationDocuments } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import { FileNotFoundError, type FileStorage } from '../../adapters/storage/file-storage';
import { recordAuditEvent } from '../audit/record-audit-event';
import { loadStaffApplication, type Origin, type StaffCaller } from './staff-scope';

export async function readCaseDocument(
  deps: { db: Db; now: () => Date; storage: FileStorage },
  caller: StaffCaller,
  input: { applicationId: string; documentId: string },
  origin: Origin,
): Promise<{ stream: Readable; filename: string; mediaType: string; sizeBytes: number }> {
  const application = await loadStaffApplication(deps.db, caller, input.applicationId);
  const [document] = await deps.db
    .select()
    .from(applicationDocuments)
    .where(and(eq(applicationDocuments.id, input.documentId), eq(applicationDocuments.applicationId, application.id)));
  if (!document) throw new AppError(404, 'document_not_found');
  await recordAuditEvent(deps.db, {
    actor: caller,
    action: 'document.read',
    object: { type: 'application_document', id: document.id },
    prefectureId: application.prefectureId,
    origin,
    details: { applicationId: application.id, checklistItemId: document.checklistItemId },
    at: deps.now(),
  });
  try {
    const stream = await deps.storage.get(document.storageKey);
    return { stream, filename: document.originalFilename, mediaType: document.mediaType, sizeBytes: document.sizeBytes };
  } catch (error) {
    if (error instanceof FileNotFoundError) throw new AppError(404, 'document_not_found');
    throw error;
  }
}
