import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { recoveryCodes, sessions, totpSecrets } from '../../db/schema/index';
import type { AccountsContext } from '../accounts/context';

export interface SecondFactorStatus {
  enrolled: boolean;
  /** This session passed the second factor. */
  verified: boolean;
  recoveryCodesLeft: number;
}

export async function getSecondFactorStatus(ctx: AccountsContext, input: { userId: string; sessionId: string }): Promise<SecondFactorStatus> {
  const [secret] = await ctx.db
    .select({ userId: totpSecrets.userId })
    .from(totpSecrets)
    .where(and(eq(totpSecrets.userId, input.userId), isNotNull(totpSecrets.confirmedAt)));
  const [session] = await ctx.db.select({ at: sessions.secondFactorAt }).from(sessions).where(eq(sessions.id, input.sessionId));
  const codes = await ctx.db
    .select({ id: recoveryCodes.id })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, input.userId), isNull(recoveryCodes.usedAt)));
  return { enrolled: secret !== undefined, verified: Boolean(session?.at), recoveryCodesLeft: codes.length };
}
