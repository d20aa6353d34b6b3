/**
 * Replaces a document of a draft by another file for the same checklist item. The old one is kept
 * as `replaced` (metadata only: its file is deleted once the change is committed). Once filed,
 * documents are not replaced: a new one is added instead (`uploadDocument`).
 */
import { eq } from 'drizzle-orm';
import type { DocumentBody } from '../../../contract/applications';
import { applicationDocuments, applications } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import { checklistItem } from '../../../domain/applications/index';
import type { ApplicationsContext, Caller } from './context';
import { actorIdOf } from '../../policies/applications';
import { receiveFile, type IncomingFile } from './document-intake';
import { presentDocument } from './present';
import { activeBytes, loadOwnApplication, loadOwnDocument } from './queries';

export interface ReplaceInput {
  applicationId: string;
  documentId: string;
  file: () => Promise<IncomingFile | undefined>;
}

export async function replaceDocument(ctx: ApplicationsContext, caller: Caller, input: ReplaceInput): Promise<DocumentBody> {
  const { limits } = ctx;
  const application = await loadOwnApplication(ctx.db, caller, input.applicationId);
  const old = await loadOwnDocument(ctx.db, caller, application, input.documentId);
  if (application.status !== 'draft') throw new AppError(409, 'application_not_draft');
  if (old.state !== 'active') throw new AppError(404, 'document_not_found');
  const item = checklistItem(application.cardType, old.checklistItemId);
  if (!item) throw new AppError(404, 'document_item_unknown', { item: old.checklistItemId });
  // The old file's bytes are freed by the replacement.
  const remaining = limits.maxApplicationBytes - (await activeBytes(ctx.db, application.id)) + old.sizeBytes;

  const file = await input.file();
  if (!file) throw new AppError(400, 'document_file_missing');
  const received = await receiveFile(ctx.storage, file, item, { ...limits, remainingApplicationBytes: remaining });

  const now = ctx.now();
  let document;
  try {
    document = await ctx.db.transaction(async (tx) => {
      const locked = await loadOwnApplication(tx, caller, application.id, { forUpdate: true });
      if (locked.status !== 'draft') throw new AppError(409, 'application_not_draft');
      const current = await loadOwnDocument(tx, caller, locked, old.id);
      if (current.state !== 'active') throw new AppError(404, 'document_not_found');
      if ((await activeBytes(tx, locked.id)) - current.sizeBytes + received.bytes > limits.maxApplicationBytes) {
        throw new AppError(413, 'application_documents_too_large', { limitMiB: limits.maxApplicationBytes / (1024 * 1024) });
      }
      await tx.update(applicationDocuments).set({ state: 'replaced', stateChangedAt: now }).where(eq(applicationDocuments.id, current.id));
      const [inserted] = await tx
        .insert(applicationDocuments)
        .values({
          applicationId: locked.id,
          checklistItemId: current.checklistItemId,
          originalFilename: received.filename,
          storageKey: received.storageKey,
          sha256: received.sha256,
          sizeBytes: received.bytes,
          mediaType: received.mediaType,
          state: 'active',
          replacesId: current.id,
          uploadedAt: now,
          uploadedBy: actorIdOf(caller),
        })
        .returning();
      await tx.update(applications).set({ updatedAt: now }).where(eq(applications.id, locked.id));
      if (!inserted) throw new Error('document insert failed');
      return inserted;
    });
  } catch (error) {
    await ctx.storage.delete(received.storageKey);
    throw error;
  }
  await ctx.storage.delete(old.storageKey).catch(() => {});
  return presentDocument(document);
}
