/**
 * A signed-in person changes their password. The current password is asked again (and counted
 * like a sign-in attempt, so a stolen session cannot guess it); every other session ends and the
 * owner is told by email.
 */
import { and, eq, ne } from 'drizzle-orm';
import { sessions, users } from '../../db/schema/index';
import { hashPassword } from '../../adapters/password';
import { AppError } from '../../http/problem';
import { isLocale } from '../../i18n/index';
import { normalizePassword } from '../../policies/password';
import { ACCOUNT_PAGES } from '../../../contract/accounts';
import type { AccountsContext } from './context';
import { retireTokens } from './account-tokens';
import { formatInstant, pageLink, sendAccountEmail } from './emails';
import { findUserById } from './get-account';
import { assertAcceptablePassword, wrongPasswordError } from './password-errors';
import { checkPasswordThrottled } from './sign-in';
import { accountEmail } from './context';

export interface ChangePasswordInput {
  userId: string;
  currentSessionId: string | undefined;
  currentPassword: string;
  newPassword: string;
  clientAddress: string;
}

export async function changePassword(ctx: AccountsContext, input: ChangePasswordInput): Promise<void> {
  const user = await findUserById(ctx.db, input.userId);
  if (!user) throw new AppError(401, 'unauthenticated');
  if (!user.passwordHash) throw new AppError(409, 'password_not_set');
  assertAcceptablePassword(input.newPassword, accountEmail(user), 'newPassword');
  const check = await checkPasswordThrottled(ctx, {
    email: accountEmail(user),
    password: input.currentPassword,
    clientAddress: input.clientAddress,
  });
  if (!check.ok) throw wrongPasswordError('currentPassword');

  const passwordHash = await hashPassword(normalizePassword(input.newPassword));
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    await tx
      .delete(sessions)
      .where(
        input.currentSessionId
          ? and(eq(sessions.userId, user.id), ne(sessions.id, input.currentSessionId))
          : eq(sessions.userId, user.id),
      );
    await retireTokens(tx, user.id, 'reset_password', now);
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
}
