/**
 * Starts a draft application for a card type. It needs the person's numéro d'étranger (given at
 * the VLS-TS validation or recorded with a card), and follows their current permit (the one that
 * expires last): the engine's window decides whether it may be started — before the window opens
 * it is refused with the opening date (policy 2); late, it is accepted and the draft shows the
 * consequences. The préfecture is the one of the applicant's département.
 */
import type { ApplicationBody, CreateApplicationBody } from '../../../contract/applications';
import { applications } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import { actorKindOf, actorIdOf } from '../../policies/applications';
import { answersFor, catalogueEntry, decideFiling, normaliseTaxStampNumber } from '../../../domain/applications/index';
import { todayOf, type ApplicationsContext, type Caller } from './context';
import { applicationDetail } from './get-application';
import { appendHistory } from './history';
import { departementOf, foreignerNumberOf, profileDepartementOf, isUniqueViolation, permitsOf, prefectureOf } from './queries';

export function taxStampOrError(input: string | undefined | null): string | null {
  if (input === undefined || input === null) return null;
  const digits = normaliseTaxStampNumber(input);
  if (digits === undefined) throw new AppError(400, 'validation_failed', {}, [{ in: 'body', field: 'taxStampNumber', code: 'tax_stamp_number' }]);
  return digits;
}

export async function createApplication(ctx: ApplicationsContext, caller: Caller, input: CreateApplicationBody): Promise<ApplicationBody> {
  const actorKind = actorKindOf(caller);
  if (!actorKind) throw new AppError(403, 'forbidden');
  const entry = catalogueEntry(input.cardType);
  if (!entry) throw new AppError(400, 'card_type_not_offered', { cardType: input.cardType });
  const taxStampNumber = taxStampOrError(input.taxStampNumber);

  const [permit] = await permitsOf(ctx.db, caller.id);
  if (!permit) throw new AppError(409, 'permit_required');
  if (!(await foreignerNumberOf(ctx.db, caller.id))) throw new AppError(409, 'foreigner_number_required');

  const today = todayOf(ctx);
  const filing = decideFiling({ validUntil: permit.validUntilOn, permitKind: permit.kind, filedOn: today });
  if (filing.kind === 'too_early') throw new AppError(409, 'application_too_early', { opensOn: filing.opensOn, closesOn: filing.closesOn });

  const departement = input.departement ?? (await departementOf(ctx.db, caller.id)) ?? (await profileDepartementOf(ctx.db, caller.id));
  if (!departement) throw new AppError(400, 'departement_required');
  const prefecture = await prefectureOf(ctx.db, departement);
  // At the help desk, the application goes to the desk's préfecture (ADR 0020), whose agents follow it.
  if (caller.helpDesk && prefecture.id !== caller.helpDesk.prefectureId) {
    throw new AppError(400, 'validation_failed', {}, [{ in: 'body', field: 'departement', code: 'address_outside_prefecture', params: { departement } }]);
  }

  const now = ctx.now();
  try {
    return await ctx.db.transaction(async (tx) => {
      const [application] = await tx
        .insert(applications)
        .values({
          userId: caller.id,
          prefectureId: prefecture.id,
          permitId: permit.id,
          cardType: entry.id,
          status: 'draft',
          answers: { ...answersFor(entry, input.answers ?? {}) },
          taxStampNumber,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!application) throw new Error('application insert failed');
      await appendHistory(tx, {
        applicationId: application.id,
        event: 'create',
        statusFrom: null,
        statusTo: 'draft',
        actorUserId: actorIdOf(caller),
        actorKind,
        at: now,
        details: { cardType: entry.id, permitId: permit.id, prefectureId: prefecture.id },
      });
      return applicationDetail(ctx, tx, application);
    });
  } catch (error) {
    // One live application per permit (draft or filed, not decided or withdrawn).
    if (isUniqueViolation(error, 'applications_live_permit_unique')) throw new AppError(409, 'application_already_open');
    throw error;
  }
}
