/**
 * Follows an emailed confirmation link: activates a new account (`confirm_email`) or moves the
 * account to its new address (`change_email`, after which the old address gets a notice).
 */
import { and, eq, isNull } from 'drizzle-orm';
import { users } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import { isLocale } from '../../i18n/index';
import type { ConfirmEmailResultBody } from '../../../contract/accounts';
import type { AccountsContext } from './context';
import { findUsableToken, redeemToken, retireTokens } from './account-tokens';
import { sendAccountEmail } from './emails';
import { findUserByEmail, findUserById } from './get-account';

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: unknown }).cause ?? error;
  return (cause as { code?: unknown }).code === '23505';
}

export async function confirmEmail(ctx: AccountsContext, input: { token: string }): Promise<ConfirmEmailResultBody> {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const token = await findUsableToken(tx, input.token, ['confirm_email', 'change_email'], now);
    const user = await findUserById(tx, token.userId);
    if (!user) throw new AppError(400, 'token_invalid');

    if (token.purpose === 'confirm_email') {
      // A link sent to an address the account no longer uses confirms nothing.
      if (user.email !== token.email) throw new AppError(400, 'token_invalid');
      if (!(await redeemToken(tx, token.id, now))) throw new AppError(400, 'token_invalid');
      await tx
        .update(users)
        .set({ emailVerifiedAt: now })
        .where(and(eq(users.id, user.id), isNull(users.emailVerifiedAt)));
      return { purpose: 'confirm_email' as const, email: user.email };
    }

    const taken = await findUserByEmail(tx, token.email);
    if (taken && taken.id !== user.id) throw new AppError(409, 'email_taken');
    if (!(await redeemToken(tx, token.id, now))) throw new AppError(400, 'token_invalid');
    const oldEmail = user.email;
    try {
      await tx.update(users).set({ email: token.email, emailVerifiedAt: now }).where(eq(users.id, user.id));
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError(409, 'email_taken');
      throw error;
    }
    // Links sent to the old address (confirm, reset) and other pending changes die with it.
    await retireTokens(tx, user.id, 'change_email', now);
    await retireTokens(tx, user.id, 'reset_password', now);
    await retireTokens(tx, user.id, 'confirm_email', now);
    if (oldEmail !== null && oldEmail !== token.email) {
      await sendAccountEmail(
        ctx,
        {
          kind: 'email_changed',
          to: oldEmail,
          locale: isLocale(user.locale) ? user.locale : 'fr',
          name: user.displayName,
          params: { newEmail: token.email },
        },
        tx,
      );
    }
    return { purpose: 'change_email' as const, email: token.email };
  });
}
