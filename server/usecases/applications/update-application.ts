/**
 * Changes a draft: card type, département (hence préfecture), answers to the situation questions,
 * tax stamp number. Only a draft: once filed, the application changes only through the state
 * machine. Switching the card type removes the documents of items the new checklist does not have.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { ApplicationBody, UpdateApplicationBody } from '../../../contract/applications';
import { applicationDocuments, applications } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import { answersFor, catalogueEntry } from '../../../domain/applications/index';
import type { ApplicationsContext, Caller } from './context';
import { taxStampOrError } from './create-application';
import { applicationDetail } from './get-application';
import { activeDocuments, loadOwnApplication, prefectureOf } from './queries';

export async function updateApplication(
  ctx: ApplicationsContext,
  caller: Caller,
  input: UpdateApplicationBody & { applicationId: string },
): Promise<ApplicationBody> {
  const now = ctx.now();
  const { result, orphanKeys } = await ctx.db.transaction(async (tx) => {
    const application = await loadOwnApplication(tx, caller, input.applicationId, { forUpdate: true });
    if (application.status !== 'draft') throw new AppError(409, 'application_not_draft');
    const cardType = input.cardType ?? application.cardType;
    const entry = catalogueEntry(cardType);
    if (!entry) throw new AppError(400, 'card_type_not_offered', { cardType });
    const changes: Partial<typeof applications.$inferInsert> = { updatedAt: now, cardType: entry.id };
    if (input.departement !== undefined) changes.prefectureId = (await prefectureOf(tx, input.departement)).id;
    // Answers of another card type's questions are dropped.
    changes.answers = { ...answersFor(entry, input.answers ?? application.answers) };
    if (input.taxStampNumber !== undefined) changes.taxStampNumber = taxStampOrError(input.taxStampNumber);

    const orphans = (await activeDocuments(tx, application.id)).filter((document) => !entry.documents.some((item) => item.id === document.checklistItemId));
    if (orphans.length > 0) {
      await tx
        .update(applicationDocuments)
        .set({ state: 'removed', stateChangedAt: now })
        .where(and(eq(applicationDocuments.applicationId, application.id), inArray(applicationDocuments.id, orphans.map((document) => document.id))));
    }
    const [updated] = await tx.update(applications).set(changes).where(eq(applications.id, application.id)).returning();
    if (!updated) throw new Error('application update failed');
    return { result: await applicationDetail(ctx, tx, updated), orphanKeys: orphans.map((document) => document.storageKey) };
  });
  // The files of removed documents go once the change is committed (a failure leaves an orphan file, never a missing one).
  await Promise.allSettled(orphanKeys.map((key) => ctx.storage.delete(key)));
  return result;
}
