/**
 * Files a draft (state machine: `submit`), atomically: in one transaction holding the
 * application's row lock, the status, the filing date (today in Europe/Paris), the late flag, the
 * reference and the history row are written together, or nothing is.
 *
 * Idempotent with the `Idempotency-Key` header: the key is stored with the filing (unique per
 * user). A retry or a double click with the same key — even at the same instant: the second
 * request waits for the row lock, then finds the application filed with its key — gets the same
 * filed application and reference back (`replayed`). Another key on a filed application is a
 * conflict; the same key on another application is refused.
 */
import { and, eq, ne } from 'drizzle-orm';
import type { ApplicationBody } from '../../../contract/applications';
import { applications, permits } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import { actorKindOf, actorIdOf } from '../../policies/applications';
import { catalogueEntry, missingDocuments, transition, unansweredQuestions, type Answers } from '../../../domain/applications/index';
import { todayOf, type ApplicationsContext, type Caller } from './context';
import { applicationDetail } from './get-application';
import { appendHistory, refusalToError } from './history';
import { countsByItem } from './present';
import { issueFilingReceipt } from '../attestations/acts';
import { requireProfile } from '../attestations/issue-attestation';
import { activeDocuments, foreignerNumberOf, isUniqueViolation, loadOwnApplication, prefectureById } from './queries';
import { drawReference } from './references';
import { refreshLegalClock } from '../back-office/legal-clock';
import { recomputeReminders } from '../reminders/recompute-reminders';

const REFERENCE_ATTEMPTS = 5;

export interface SubmitResult {
  application: ApplicationBody;
  /** True when this request repeated an earlier one with the same key. */
  replayed: boolean;
}

export async function submitApplication(
  ctx: ApplicationsContext,
  caller: Caller,
  input: { applicationId: string; idempotencyKey: string },
): Promise<SubmitResult> {
  const actorKind = actorKindOf(caller);
  if (!actorKind) throw new AppError(403, 'forbidden');
  const now = ctx.now();
  const today = todayOf(ctx);
  try {
    return await ctx.db.transaction(async (tx) => {
      const application = await loadOwnApplication(tx, caller, input.applicationId, { forUpdate: true });
      if (application.status !== 'draft') {
        if (application.submitIdempotencyKey === input.idempotencyKey) return { application: await applicationDetail(ctx, tx, application), replayed: true };
        if (application.reference !== null) throw new AppError(409, 'application_already_submitted', { reference: application.reference });
      }
      const [reused] = await tx
        .select({ id: applications.id })
        .from(applications)
        .where(and(eq(applications.userId, caller.id), eq(applications.submitIdempotencyKey, input.idempotencyKey), ne(applications.id, application.id)));
      if (reused) throw new AppError(422, 'idempotency_key_reused');
      // The attestation de dépôt prints the holder's identity: none, no filing.
      await requireProfile(tx, application.userId);

      const [permit] = await tx.select().from(permits).where(eq(permits.id, application.permitId));
      const entry = catalogueEntry(application.cardType);
      if (!permit || !entry) throw new Error(`application ${application.id}: permit or card type missing`);
      const answers = application.answers as Answers;
      const documents = await activeDocuments(tx, application.id);
      const result = transition(
        { status: application.status },
        {
          type: 'submit',
          permit: { kind: permit.kind, validUntil: permit.validUntilOn },
          unansweredQuestions: unansweredQuestions(entry, answers),
          missingDocuments: missingDocuments(entry, { previousPermitKind: permit.kind, answers }, countsByItem(documents)),
        },
        { kind: actorKind },
        today,
      );
      if (!result.ok) throw refusalToError(result.refusal);
      const filed = result.effects.find((effect) => effect.kind === 'file');
      if (!filed) throw new Error('submit without a filing effect');

      // The reference is random: on the rare collision, draw again (inside a savepoint, so the
      // failed statement does not abort the transaction).
      let updated: typeof application | undefined;
      let reference = '';
      for (let attempt = 1; !updated; attempt++) {
        reference = drawReference(Number(today.slice(0, 4)));
        try {
          updated = await tx.transaction(async (savepoint) => {
            const [row] = await savepoint
              .update(applications)
              .set({
                status: result.state.status,
                reference,
                filedOn: filed.filedOn,
                filingStatus: filed.filing.kind,
                late: filed.filing.late,
                submittedAt: now,
                submitIdempotencyKey: input.idempotencyKey,
                updatedAt: now,
              })
              .where(eq(applications.id, application.id))
              .returning();
            return row;
          });
        } catch (error) {
          if (!isUniqueViolation(error, 'applications_reference_unique') || attempt >= REFERENCE_ATTEMPTS) throw error;
        }
      }
      await appendHistory(tx, {
        applicationId: application.id,
        event: 'submit',
        statusFrom: result.from,
        statusTo: result.state.status,
        actorUserId: actorIdOf(caller),
        actorKind,
        at: now,
        details: {
          reference,
          filedOn: filed.filedOn,
          filing: filed.filing.kind,
          late: filed.filing.late,
          consequences: filed.filing.consequences.map((consequence) => consequence.code),
          documents: documents.length,
        },
      });
      // The attestation de dépôt (acknowledgement of receipt) is issued with the filing itself.
      await issueFilingReceipt(tx, ctx, {
        userId: application.userId,
        applicationId: application.id,
        prefectureId: application.prefectureId,
        departement: (await prefectureById(tx, application.prefectureId)).departementCode,
        reference,
        cardType: application.cardType,
        filedOn: filed.filedOn,
        foreignerNumber: permit.foreignerNumber ?? (await foreignerNumberOf(tx, application.userId)) ?? null,
        permit,
      });
      await refreshLegalClock(tx, application.id, filed.filedOn);
      await recomputeReminders(tx, application.userId, now);
      return { application: await applicationDetail(ctx, tx, updated), replayed: false };
    });
  } catch (error) {
    // Two applications submitted at once with one key: the unique index refuses the second.
    if (isUniqueViolation(error, 'applications_submit_idempotency_key_unique')) throw new AppError(422, 'idempotency_key_reused');
    throw error;
  }
}
