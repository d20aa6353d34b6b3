/**
 * Validates a VLS-TS online [R-01]: the address in France and the electronic tax stamp that paid
 * the validation tax [R-77]. The engine says whether it is still possible: after the deadline
 * (entry + 3 months, or the visa's end) it is refused with a problem telling the person to contact
 * their préfecture instead. The result is the numéro d'étranger: the person's own if Sejour already
 * knows one, otherwise a new one (policy 9), stored on the VLS-TS.
 */
import { eq } from 'drizzle-orm';
import type { ValidateVlsTsBody, VlsTsValidationBody } from '../../../contract/applications';
import { permits, vlsTsValidations } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import { decideVlsTsValidation, normaliseTaxStampNumber } from '../../../domain/applications/index';
import { todayOf, type ApplicationsContext, type Caller } from '../applications/context';
import { presentPermit } from '../applications/present';
import { foreignerNumberOf, isUniqueViolation, loadOwnPermit, prefectureOf } from '../applications/queries';
import { issueVlsTsValidation } from '../attestations/acts';
import { requireProfile } from '../attestations/issue-attestation';
import { drawForeignerNumber, isForeignerNumberKnown } from './foreigner-numbers';
import { recomputeReminders } from '../reminders/recompute-reminders';

const NUMBER_ATTEMPTS = 10;

export async function validateVlsTs(
  ctx: Pick<ApplicationsContext, 'db' | 'now' | 'keys'>,
  caller: Caller,
  input: ValidateVlsTsBody & { permitId: string },
): Promise<VlsTsValidationBody> {
  const taxStampNumber = normaliseTaxStampNumber(input.taxStampNumber);
  if (taxStampNumber === undefined) throw new AppError(400, 'validation_failed', {}, [{ in: 'body', field: 'taxStampNumber', code: 'tax_stamp_number' }]);
  const now = ctx.now();
  const today = todayOf(ctx);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [locked] = await tx.select({ id: permits.id }).from(permits).where(eq(permits.id, input.permitId)).for('update');
      const permit = await loadOwnPermit(tx, caller, locked?.id ?? input.permitId);
      if (permit.kind !== 'vls_ts' || !permit.enteredFranceOn) throw new AppError(409, 'permit_not_vls_ts');
      if (permit.validatedOn) throw new AppError(409, 'vls_ts_already_validated', { validatedOn: permit.validatedOn });
      const prefecture = await prefectureOf(tx, input.address.departement);
      // The validation attestation prints the holder's identity: none, no validation.
      await requireProfile(tx, caller.id);

      const decision = decideVlsTsValidation(
        { kind: 'vls_ts', cardType: permit.cardType, validFrom: permit.validFromOn, validUntil: permit.validUntilOn, enteredFranceOn: permit.enteredFranceOn },
        today,
        input.address.departement,
      );
      if (decision.kind === 'too_late') throw new AppError(409, 'vls_ts_validation_too_late', { deadline: decision.deadline });
      if (decision.kind === 'not_entered_yet') throw new AppError(409, 'vls_ts_not_entered_yet', { enteredFranceOn: decision.enteredFranceOn });

      const known = await foreignerNumberOf(tx, caller.id);
      let validation: typeof vlsTsValidations.$inferSelect | undefined;
      for (let attempt = 1; !validation; attempt++) {
        if (attempt > NUMBER_ATTEMPTS) throw new Error('could not draw an unused foreigner number');
        const foreignerNumber = known ?? drawForeignerNumber();
        if (!known && (await isForeignerNumberKnown(tx, foreignerNumber))) continue;
        try {
          validation = await tx.transaction(async (savepoint) => {
            const [row] = await savepoint
              .insert(vlsTsValidations)
              .values({
                permitId: permit.id,
                userId: caller.id,
                addressLine1: input.address.line1.trim(),
                addressLine2: input.address.line2?.trim() || null,
                postalCode: input.address.postalCode,
                city: input.address.city.trim(),
                departementCode: input.address.departement,
                taxStampNumber,
                validatedAt: now,
                validatedOn: today,
                foreignerNumber,
                foreignerNumberIssued: known === undefined,
              })
              .returning();
            return row;
          });
        } catch (error) {
          if (!isUniqueViolation(error, 'vls_ts_validations_issued_number_unique') || attempt >= NUMBER_ATTEMPTS) throw error;
        }
      }
      const [updated] = await tx
        .update(permits)
        .set({ validatedOn: today, foreignerNumber: validation.foreignerNumber })
        .where(eq(permits.id, permit.id))
        .returning();
      if (!updated) throw new Error('permit update failed');
      await recomputeReminders(tx, caller.id, now);
      await issueVlsTsValidation(tx, ctx, {
        userId: caller.id,
        prefectureId: prefecture.id,
        validatedOn: today,
        foreignerNumber: validation.foreignerNumber,
        permit: updated,
      });
      return {
        permit: presentPermit(updated, validation, today),
        foreignerNumber: validation.foreignerNumber,
        foreignerNumberIssued: validation.foreignerNumberIssued,
        validatedOn: today,
        departement: validation.departementCode,
      };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'vls_ts_validations_tax_stamp_number_unique')) throw new AppError(409, 'tax_stamp_already_used');
    if (isUniqueViolation(error, 'vls_ts_validations_permit_id_unique')) throw new AppError(409, 'vls_ts_already_validated', { validatedOn: today });
    throw error;
  }
}
