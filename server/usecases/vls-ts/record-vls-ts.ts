/**
 * Records the VLS-TS (long-stay visa equivalent to a residence permit) a person entered France
 * with. The engine checks it (at most a year, entry within its validity, [R-02]) and tells by
 * which date it must be validated online.
 */
import type { PermitBody, RecordVlsTsBody } from '../../../contract/applications';
import { permits } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import { checkPermitFacts } from '../../../domain/applications/index';
import { todayOf, type ApplicationsContext, type Caller } from '../applications/context';
import { permitIssuesError } from '../applications/permit-issues';
import { presentPermit } from '../applications/present';
import { recomputeReminders } from '../reminders/recompute-reminders';

export async function recordVlsTs(ctx: Pick<ApplicationsContext, 'db' | 'now'>, caller: Caller, input: RecordVlsTsBody): Promise<PermitBody> {
  if (caller.role !== 'applicant') throw new AppError(403, 'forbidden');
  const today = todayOf(ctx);
  const facts = { kind: 'vls_ts' as const, cardType: input.cardType, validFrom: input.validFrom, validUntil: input.validUntil, enteredFranceOn: input.enteredFranceOn };
  const issues = checkPermitFacts(facts, today);
  if (issues.length > 0) throw permitIssuesError(issues);
  const now = ctx.now();
  const permit = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(permits)
      .values({
        userId: caller.id,
        kind: 'vls_ts',
        cardType: input.cardType,
        number: input.number ?? null,
        validFromOn: input.validFrom,
        validUntilOn: input.validUntil,
        enteredFranceOn: input.enteredFranceOn,
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('permit insert failed');
    await recomputeReminders(tx, caller.id, now);
    return row;
  });
  return presentPermit(permit, undefined, today);
}
