/**
 * Records a residence card the person holds (temporary, multi-year or resident card), with the
 * numéro d'étranger printed on it, so that its renewal can be applied for. A person has one
 * numéro d'étranger: a card with another number than the one already known is refused.
 */
import type { PermitBody, RecordCardBody } from '../../../contract/applications';
import { permits } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import { checkPermitFacts, isForeignerNumber } from '../../../domain/applications/index';
import { todayOf, type ApplicationsContext, type Caller } from './context';
import { permitIssuesError } from './permit-issues';
import { presentPermit } from './present';
import { foreignerNumberOf } from './queries';
import { recomputeReminders } from '../reminders/recompute-reminders';

export async function recordCard(ctx: Pick<ApplicationsContext, 'db' | 'now'>, caller: Caller, input: RecordCardBody): Promise<PermitBody> {
  if (caller.role !== 'applicant') throw new AppError(403, 'forbidden');
  const today = todayOf(ctx);
  const issues = checkPermitFacts({ kind: input.kind, cardType: input.cardType, validFrom: input.validFrom, validUntil: input.validUntil }, today);
  if (issues.length > 0) throw permitIssuesError(issues);
  if (!isForeignerNumber(input.foreignerNumber)) {
    throw new AppError(400, 'validation_failed', {}, [{ in: 'body', field: 'foreignerNumber', code: 'foreigner_number' }]);
  }
  const known = await foreignerNumberOf(ctx.db, caller.id);
  if (known !== undefined && known !== input.foreignerNumber) throw new AppError(409, 'foreigner_number_mismatch', { known });
  const now = ctx.now();
  const permit = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(permits)
      .values({
        userId: caller.id,
        kind: input.kind,
        cardType: input.cardType,
        number: input.number ?? null,
        validFromOn: input.validFrom,
        validUntilOn: input.validUntil,
        foreignerNumber: input.foreignerNumber,
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('permit insert failed');
    await recomputeReminders(tx, caller.id, now);
    return row;
  });
  return presentPermit(permit, undefined, today);
}
