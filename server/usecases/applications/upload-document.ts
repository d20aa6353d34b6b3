/**
 * Sends a file for a checklist item of an application. Before filing, documents are part of the
 * draft; after filing (submitted, documents requested, complete), a document can still be added:
 * it is kept and recorded in the history (state machine: `addDocument`). Nothing is read from the
 * request before the application, the item and the allowance have been checked.
 */
import { and, desc, eq, gte, isNull, sql } from 'drizzle-orm';
import type { DocumentBody } from '../../../contract/applications';
import { applicationDocuments, applications, documentRequests } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import { actorKindOf, actorIdOf } from '../../policies/applications';
import { checklistItem, isAllowed, transition, type ActorKind, type ChecklistItem } from '../../../domain/applications/index';
import { todayOf, type ApplicationsContext, type Caller } from './context';
import { receiveFile, type IncomingFile, type ReceivedFile } from './document-intake';
import { appendHistory, refusalToError } from './history';
import { presentDocument } from './present';
import { activeBytes, loadOwnApplication, type ApplicationRow } from './queries';

export interface UploadInput {
  applicationId: string;
  itemId: string;
  /** Reads the file part of the request; called only once the checks have passed. */
  file: () => Promise<IncomingFile | undefined>;
}

/** A draft takes documents freely; afterwards the state machine decides (`addDocument`). */
function checkCanAdd(application: ApplicationRow, actorKind: ActorKind): void {
  if (application.status !== 'draft' && !isAllowed(application.status, 'addDocument', actorKind)) throw new AppError(409, 'application_closed');
}

/**
 * Active documents that count against the item's `maxFiles`. For an item the préfecture asked for
 * in the open request, only those sent since the request: the earlier ones stay in the file for
 * good (they are never replaced after filing), and the answer needs room for a new one.
 */
async function countFor(db: ApplicationsContext['db'], application: ApplicationRow, itemId: string): Promise<number> {
  const conditions = [eq(applicationDocuments.applicationId, application.id), eq(applicationDocuments.checklistItemId, itemId), eq(applicationDocuments.state, 'active')];
  if (application.status === 'documents_requested') {
    const [open] = await db
      .select()
      .from(documentRequests)
      .where(and(eq(documentRequests.applicationId, application.id), isNull(documentRequests.answeredOn)))
      .orderBy(desc(documentRequests.createdAt))
      .limit(1);
    if (open?.items.includes(itemId)) conditions.push(gte(applicationDocuments.uploadedAt, open.createdAt));
  }
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(applicationDocuments)
    .where(and(...conditions));
  return Number(row?.count ?? 0);
}

function itemOf(application: ApplicationRow, itemId: string): ChecklistItem {
  const item = checklistItem(application.cardType, itemId);
  if (!item) throw new AppError(404, 'document_item_unknown', { item: itemId });
  return item;
}

export async function uploadDocument(ctx: ApplicationsContext, caller: Caller, input: UploadInput): Promise<DocumentBody> {
  const actorKind = actorKindOf(caller);
  if (!actorKind) throw new AppError(403, 'forbidden');
  const { limits } = ctx;

  // Checks before reading the body.
  const application = await loadOwnApplication(ctx.db, caller, input.applicationId);
  const item = itemOf(application, input.itemId);
  checkCanAdd(application, actorKind);
  if ((await countFor(ctx.db, application, item.id)) >= item.maxFiles) throw new AppError(409, 'document_item_full', { max: item.maxFiles });
  const remaining = limits.maxApplicationBytes - (await activeBytes(ctx.db, application.id));
  if (remaining <= 0) throw new AppError(413, 'application_documents_too_large', { limitMiB: limits.maxApplicationBytes / (1024 * 1024) });

  const file = await input.file();
  if (!file) throw new AppError(400, 'document_file_missing');
  const received = await receiveFile(ctx.storage, file, item, { ...limits, remainingApplicationBytes: remaining });

  try {
    return await recordDocument(ctx, caller, actorKind, application.id, item, received);
  } catch (error) {
    await ctx.storage.delete(received.storageKey);
    throw error;
  }
}

async function recordDocument(
  ctx: ApplicationsContext,
  caller: Caller,
  actorKind: ActorKind,
  applicationId: string,
  item: ChecklistItem,
  received: ReceivedFile,
): Promise<DocumentBody> {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    // Checked again under the lock: another request may have changed things while the file streamed.
    const application = await loadOwnApplication(tx, caller, applicationId, { forUpdate: true });
    checkCanAdd(application, actorKind);
    if ((await countFor(tx, application, item.id)) >= item.maxFiles) throw new AppError(409, 'document_item_full', { max: item.maxFiles });
    if ((await activeBytes(tx, application.id)) + received.bytes > ctx.limits.maxApplicationBytes) {
      throw new AppError(413, 'application_documents_too_large', { limitMiB: ctx.limits.maxApplicationBytes / (1024 * 1024) });
    }
    const afterFiling = application.status !== 'draft';
    const [document] = await tx
      .insert(applicationDocuments)
      .values({
        applicationId: application.id,
        checklistItemId: item.id,
        originalFilename: received.filename,
        storageKey: received.storageKey,
        sha256: received.sha256,
        sizeBytes: received.bytes,
        mediaType: received.mediaType,
        state: 'active',
        addedAfterFiling: afterFiling,
        uploadedAt: now,
        uploadedBy: actorIdOf(caller),
      })
      .returning();
    if (!document) throw new Error('document insert failed');
    await tx.update(applications).set({ updatedAt: now }).where(eq(applications.id, application.id));
    if (afterFiling) {
      const result = transition({ status: application.status }, { type: 'addDocument', checklistItemId: item.id }, { kind: actorKind }, todayOf(ctx));
      if (!result.ok) throw refusalToError(result.refusal);
      await appendHistory(tx, {
        applicationId: application.id,
        event: 'addDocument',
        statusFrom: result.from,
        statusTo: result.state.status,
        actorUserId: actorIdOf(caller),
        actorKind,
        at: now,
        details: {
          documentId: document.id,
          checklistItemId: item.id,
          filename: document.originalFilename,
          sizeBytes: document.sizeBytes,
          sha256: document.sha256,
          ...(application.status === 'documents_requested' ? { forOpenRequest: true } : {}),
        },
      });
    }
    return presentDocument(document);
  });
}
