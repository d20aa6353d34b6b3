/**
 * A signed-in person asks to use another address. Nothing changes until the link sent to the new
 * address is followed (confirm-email.ts); the old address is then told. The answer is the same
 * when another account already uses the new address (no link is sent then).
 */
import { AppError } from '../../http/problem';
import { isLocale } from '../../i18n/index';
import { ACCOUNT_PAGES } from '../../../contract/accounts';
import type { AccountsContext } from './context';
import { issueAccountToken, retireTokens } from './account-tokens';
import { pageLink, sendAccountEmail } from './emails';
import { findUserByEmail, findUserById } from './get-account';
import { wrongPasswordError } from './password-errors';
import { normalizeEmail } from './secrets';
import { checkPasswordThrottled } from './sign-in';
import { accountEmail } from './context';

export interface ChangeEmailInput {
  userId: string;
  newEmail: string;
  /** Required when the account has a password. */
  password: string | undefined;
  clientAddress: string;
}

export async function changeEmail(ctx: AccountsContext, input: ChangeEmailInput): Promise<void> {
  const user = await findUserById(ctx.db, input.userId);
  if (!user) throw new AppError(401, 'unauthenticated');
  const newEmail = normalizeEmail(input.newEmail);
  if (newEmail === user.email) throw new AppError(400, 'email_unchanged');
  if (user.passwordHash) {
    if (input.password === undefined) {
      throw new AppError(400, 'validation_failed', {}, [{ in: 'body', field: 'password', code: 'required' }]);
    }
    const check = await checkPasswordThrottled(ctx, { email: accountEmail(user), password: input.password, clientAddress: input.clientAddress });
    if (!check.ok) throw wrongPasswordError('password');
  }

  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    if (await findUserByEmail(tx, newEmail)) return;
    await retireTokens(tx, user.id, 'change_email', now);
    const token = await issueAccountToken(tx, { userId: user.id, purpose: 'change_email', email: newEmail, now });
    await sendAccountEmail(
      ctx,
      {
        kind: 'change_email',
        to: newEmail,
        locale: isLocale(user.locale) ? user.locale : 'fr',
        actions: [{ label: 'action', url: pageLink(ctx.env.publicUrl, ACCOUNT_PAGES.confirmEmail, token) }],
      },
      tx,
    );
  });
}
