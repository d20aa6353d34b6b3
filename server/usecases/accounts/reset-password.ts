/**
 * Follows a reset link: sets the new password, ends every session of the account, clears the
 * sign-in lock of the address and tells the owner. Following the link proves the owner reads the
 * address, so an unconfirmed account becomes confirmed.
 */
import { eq } from 'drizzle-orm';
import { sessions, users } from '../../db/schema/index';
import { hashPassword } from '../../adapters/password';
import { AppError } from '../../http/problem';
import { isLocale } from '../../i18n/index';
import { normalizePassword } from '../../policies/password';
import { ACCOUNT_PAGES } from '../../../contract/accounts';
import type { AccountsContext } from './context';
import { findUsableToken, redeemToken, retireTokens } from './account-tokens';
import { formatInstant, pageLink, sendAccountEmail } from './emails';
import { findUserById } from './get-account';
import { assertAcceptablePassword } from './password-errors';
import { emailThrottleKey } from './secrets';
import { clearAttempts } from './throttle';
import { accountEmail } from './context';

export async function resetPassword(ctx: AccountsContext, input: { token: string; newPassword: string }): Promise<void> {
  const now = ctx.now();
  // Checked before anything is used up, so a refused password can be corrected with the same link.
  const token = await findUsableToken(ctx.db, input.token, ['reset_password'], now);
  const user = await findUserById(ctx.db, token.userId);
  if (!user || user.email !== token.email) throw new AppError(400, 'token_invalid');
  assertAcceptablePassword(input.newPassword, user.email, 'newPassword');
  const passwordHash = await hashPassword(normalizePassword(input.newPassword));

  await ctx.db.transaction(async (tx) => {
    if (!(await redeemToken(tx, token.id, now))) throw new AppError(400, 'token_invalid');
    await retireTokens(tx, user.id, 'reset_password', now);
    await tx
      .update(users)
      .set({ passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? now })
      .where(eq(users.id, user.id));
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
    const locale = isLocale(user.locale) ? user.locale : 'fr';
    await sendAccountEmail(
      ctx,
      {
        kind: 'password_changed',
        to: accountEmail(user),
        locale,
        name: user.displayName,
        params: { date: formatInstant(now, locale) },
        actions: [{ label: 'action', url: pageLink(ctx.env.publicUrl, ACCOUNT_PAGES.forgotPassword) }],
      },
      tx,
    );
  });
  await clearAttempts(ctx.db, emailThrottleKey(user.email));
}
