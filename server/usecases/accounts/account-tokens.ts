/** One-time links (confirm an address, reset a password, change the address): issue and redeem. */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { type AccountTokenPurpose, accountTokens } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import { hashToken, newToken } from './secrets';

export const TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  confirm_email: 48 * 3_600_000,
  change_email: 48 * 3_600_000,
  reset_password: 3_600_000,
};

export type AccountTokenRow = typeof accountTokens.$inferSelect;

export async function issueAccountToken(
  db: Db,
  input: { userId: string; purpose: AccountTokenPurpose; email: string; now: Date },
): Promise<string> {
  const token = newToken();
  await db.insert(accountTokens).values({
    userId: input.userId,
    purpose: input.purpose,
    email: input.email,
    tokenHash: hashToken(token),
    createdAt: input.now,
    expiresAt: new Date(input.now.getTime() + TOKEN_LIFETIME_MS[input.purpose]),
  });
  return token;
}

/** The unused, unexpired token of one of these purposes, or the refusal to show. */
export async function findUsableToken(
  db: Db,
  token: string,
  purposes: readonly AccountTokenPurpose[],
  now: Date,
): Promise<AccountTokenRow> {
  const [row] = await db
    .select()
    .from(accountTokens)
    .where(and(eq(accountTokens.tokenHash, hashToken(token)), inArray(accountTokens.purpose, [...purposes])));
  if (!row || row.usedAt) throw new AppError(400, 'token_invalid');
  if (row.expiresAt <= now) throw new AppError(410, 'token_expired');
  return row;
}

/** Marks the token used; false when a concurrent request used it first (single use). */
export async function redeemToken(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.id, id), isNull(accountTokens.usedAt)))
    .returning({ id: accountTokens.id });
  return rows.length > 0;
}

/** Retires every open token of a purpose for a user (a newer link or a finished change). */
export async function retireTokens(db: Db, userId: string, purpose: AccountTokenPurpose, now: Date): Promise<void> {
  await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)));
}
