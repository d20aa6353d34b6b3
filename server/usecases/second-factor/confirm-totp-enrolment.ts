/**
 * Second step of enrolment: the first code from the app confirms the secret. The session counts as
 * verified, and ten recovery codes are made and returned — the only time they are shown.
 */
import { eq } from 'drizzle-orm';
import { recoveryCodes, totpSecrets } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import { checkTotp } from '../../adapters/totp';
import type { AccountsContext } from '../accounts/context';
import type { UserRole } from '../../db/schema/index';
import { recordAuditEvent, type AuditEntry } from '../audit/record-audit-event';
import { markSessionSecondFactor } from './mark-session';
import { RECOVERY_CODE_COUNT, hashRecoveryCode, newRecoveryCode } from './recovery-codes';

export async function confirmTotpEnrolment(
  ctx: AccountsContext,
  input: { userId: string; role: UserRole; sessionId: string; code: string; origin: AuditEntry['origin'] },
): Promise<{ recoveryCodes: string[] }> {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(totpSecrets).where(eq(totpSecrets.userId, input.userId)).for('update');
    if (!row) throw new AppError(409, 'second_factor_not_started');
    if (row.confirmedAt) throw new AppError(409, 'second_factor_already_enrolled');
    const check = await checkTotp({ secret: row.secret, code: input.code, now });
    if (!check.valid) throw new AppError(400, 'second_factor_invalid', {}, [{ in: 'body', field: 'code', code: 'second_factor_code' }]);
    await tx.update(totpSecrets).set({ confirmedAt: now, lastTimeStep: check.timeStep }).where(eq(totpSecrets.userId, input.userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, input.userId));
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId: input.userId, codeHash: hashRecoveryCode(code), createdAt: now })));
    await markSessionSecondFactor(tx, input.sessionId, now);
    await recordAuditEvent(tx, {
      actor: { id: input.userId, role: input.role },
      action: 'second-factor.enrol',
      object: { type: 'user', id: input.userId },
      prefectureId: null,
      origin: input.origin,
      at: now,
    });
    return { recoveryCodes: codes };
  });
}
