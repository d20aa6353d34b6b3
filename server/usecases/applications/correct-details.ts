/**
 * The applicant corrects their own details after filing (state machine: `correctDetails`, a
 * self-transition): the answers to the situation questions. Allowed while the application is open
 * (submitted, documents requested, complete). Each correction is one history row listing every
 * field changed with its old and new value, dated, so the préfecture sees what changed and when.
 * The filing itself (date, status, reference) never changes.
 */
import { eq } from 'drizzle-orm';
import type { ApplicationBody, CorrectDetailsBody } from '../../../contract/applications';
import { applications } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import { actorKindOf, actorIdOf } from '../../policies/applications';
import { answersFor, catalogueEntry, transition, type DetailChange } from '../../../domain/applications/index';
import type { Locale } from '../../i18n/index';
import { todayOf, type ApplicationsContext, type Caller } from './context';
import { applicationDetail } from './get-application';
import { appendHistory, refusalToError } from './history';
import { loadOwnApplication } from './queries';

/** Every question whose answer differs, old → new (null: not answered). */
export function answerChanges(before: Readonly<Record<string, boolean | string>>, after: Readonly<Record<string, boolean | string>>): DetailChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return fields
    .filter((field) => before[field] !== after[field])
    .map((field) => ({ field: `answers.${field}`, from: before[field] ?? null, to: after[field] ?? null }));
}

export async function correctDetails(
  ctx: ApplicationsContext,
  caller: Caller,
  input: CorrectDetailsBody & { applicationId: string; locale?: Locale },
): Promise<ApplicationBody> {
  const actorKind = actorKindOf(caller);
  if (!actorKind) throw new AppError(403, 'forbidden');
  const now = ctx.now();
  const today = todayOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const application = await loadOwnApplication(tx, caller, input.applicationId, { forUpdate: true });
    if (application.status === 'draft') throw new AppError(409, 'application_correction_draft');
    const entry = catalogueEntry(application.cardType);
    if (!entry) throw new Error(`card type ${application.cardType} is not in the catalogue`);
    // Only the questions of this card type; answers not given are kept as they were.
    const before = application.answers;
    const after = { ...before, ...answersFor(entry, input.answers) };
    const changes = answerChanges(before, after);
    const result = transition({ status: application.status }, { type: 'correctDetails', changes }, { kind: actorKind }, today);
    if (!result.ok) {
      if (result.refusal.code === 'nothing_corrected') throw new AppError(409, 'application_correction_empty');
      throw refusalToError(result.refusal);
    }
    const [updated] = await tx.update(applications).set({ answers: after, updatedAt: now }).where(eq(applications.id, application.id)).returning();
    if (!updated) throw new Error('application update failed');
    await appendHistory(tx, {
      applicationId: application.id,
      event: 'correctDetails',
      statusFrom: result.from,
      statusTo: result.state.status,
      actorUserId: actorIdOf(caller),
      actorKind,
      at: now,
      details: { correctedOn: today, changes, ...(input.note ? { note: input.note } : {}) },
    });
    return applicationDetail(ctx, tx, updated, input.locale);
  });
}
