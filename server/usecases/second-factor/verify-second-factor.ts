/**
 * Passing the second factor for this session: a code from the authenticator app, or one of the
 * recovery codes (then used up). Guessing is slowed and then locked per account with the same
 * policy as passwords (policies/sign-in-throttle.ts), counted before the code is checked.
 */
import { and, eq, isNotNull, isNull, lt, or } from 'drizzle-orm';
import { recoveryCodes, totpSecrets } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import { checkTotp } from '../../adapters/totp';
import { ACCOUNT_LIMITS } from '../../policies/sign-in-throttle';
import type { AccountsContext } from '../accounts/context';
import { clearAttempts, reserveAttempt, throttleError } from '../accounts/throttle';
import { markSessionSecondFactor } from './mark-session';
import { hashRecoveryCode } from './recovery-codes';
import type { UserRole } from '../../db/schema/index';
import { recordAuditEvent, type AuditEntry } from '../audit/record-audit-event';

export type SecondFactorProof = { code: string } | { recoveryCode: string };

function throttleKey(userId: string): string {
  return `totp:${userId}`;
}

export async function verifySecondFactor(
  ctx: AccountsContext,
  input: { userId: string; role: UserRole; sessionId: string; proof: SecondFactorProof; origin: AuditEntry['origin'] },
): Promise<{ method: 'totp' | 'recovery_code'; recoveryCodesLeft: number | null }> {
  const now = ctx.now();
  const [row] = await ctx.db
    .select()
    .from(totpSecrets)
    .where(and(eq(totpSecrets.userId, input.userId), isNotNull(totpSecrets.confirmedAt)));
  if (!row) throw new AppError(409, 'second_factor_not_enrolled');

  const decision = await reserveAttempt(ctx.db, throttleKey(input.userId), ACCOUNT_LIMITS, now);
  if (!decision.allowed) throw throttleError(decision);

  if ('code' in input.proof) {
    const check = await checkTotp({ secret: row.secret, code: input.proof.code, now, afterTimeStep: row.lastTimeStep });
    // The step is claimed with a compare-and-set: two requests with the same code, one wins.
    const claimed = check.valid
      ? await ctx.db
          .update(totpSecrets)
          .set({ lastTimeStep: check.timeStep })
          .where(
            and(
              eq(totpSecrets.userId, input.userId),
              or(isNull(totpSecrets.lastTimeStep), lt(totpSecrets.lastTimeStep, check.timeStep)),
            ),
          )
          .returning({ userId: totpSecrets.userId })
      : [];
    if (claimed.length === 0) throw new AppError(400, 'second_factor_invalid', {}, [{ in: 'body', field: 'code', code: 'second_factor_code' }]);
    await clearAttempts(ctx.db, throttleKey(input.userId));
    await markSessionSecondFactor(ctx.db, input.sessionId, now);
    return { method: 'totp', recoveryCodesLeft: null };
  }

  const used = await ctx.db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.userId, input.userId),
        eq(recoveryCodes.codeHash, hashRecoveryCode(input.proof.recoveryCode)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  if (used.length === 0) {
    throw new AppError(400, 'second_factor_invalid', {}, [{ in: 'body', field: 'recoveryCode', code: 'recovery_code' }]);
  }
  await clearAttempts(ctx.db, throttleKey(input.userId));
  await markSessionSecondFactor(ctx.db, input.sessionId, now);
  // A recovery code in use may mean a lost or stolen phone: worth a line in the audit log.
  await recordAuditEvent(ctx.db, {
    actor: { id: input.userId, role: input.role },
    action: 'second-factor.recovery-code',
    object: { type: 'user', id: input.userId },
    prefectureId: null,
    origin: input.origin,
    at: now,
  });
  const left = await ctx.db
    .select({ id: recoveryCodes.id })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, input.userId), isNull(recoveryCodes.usedAt)));
  return { method: 'recovery_code', recoveryCodesLeft: left.length };
}
