/**
 * Removes a document from a draft. The row stays as `removed` (metadata only); the file is deleted
 * once the change is committed. Filed documents are never removed.
 */
import { eq } from 'drizzle-orm';
import { applicationDocuments, applications } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import type { ApplicationsContext, Caller } from './context';
import { loadOwnApplication, loadOwnDocument } from './queries';

export async function removeDocument(ctx: ApplicationsContext, caller: Caller, input: { applicationId: string; documentId: string }): Promise<void> {
  const now = ctx.now();
  const storageKey = await ctx.db.transaction(async (tx) => {
    const application = await loadOwnApplication(tx, caller, input.applicationId, { forUpdate: true });
    const document = await loadOwnDocument(tx, caller, application, input.documentId);
    if (document.state !== 'active') throw new AppError(404, 'document_not_found');
    if (application.status !== 'draft') throw new AppError(409, 'application_not_draft');
    await tx.update(applicationDocuments).set({ state: 'removed', stateChangedAt: now }).where(eq(applicationDocuments.id, document.id));
    await tx.update(applications).set({ updatedAt: now }).where(eq(applications.id, application.id));
    return document.storageKey;
  });
  await ctx.storage.delete(storageKey).catch(() => {});
}
