/**
 * An administrator's reset for a staff member who lost their phone and recovery codes: the secret
 * and codes go, and every session of that person ends (they sign in again and enrol anew).
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { recoveryCodes, sessions, totpSecrets } from '../../db/schema/index';

export async function resetSecondFactor(db: Db, input: { userId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(totpSecrets).where(eq(totpSecrets.userId, input.userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, input.userId));
    await tx.delete(sessions).where(eq(sessions.userId, input.userId));
  });
}
