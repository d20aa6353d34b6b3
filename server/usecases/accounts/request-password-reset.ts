/**
 * "Forgotten password". The answer is the same whether or not an account uses the address; the
 * address receives either a reset link (valid 1 hour, single use) or a note that no account uses
 * it (the person may have registered with another address). Both write one email, so both take
 * the same time.
 */
import type { Locale } from '../../i18n/index';
import { isLocale } from '../../i18n/index';
import { ACCOUNT_PAGES } from '../../../contract/accounts';
import type { AccountsContext } from './context';
import { issueAccountToken } from './account-tokens';
import { pageLink, sendAccountEmail } from './emails';
import { findUserByEmail } from './get-account';
import { normalizeEmail } from './secrets';

export async function requestPasswordReset(ctx: AccountsContext, input: { email: string; locale: Locale }): Promise<void> {
  const email = normalizeEmail(input.email);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (!user) {
      await sendAccountEmail(
        ctx,
        {
          kind: 'reset_unknown',
          to: email,
          locale: input.locale,
          actions: [{ label: 'action', url: pageLink(ctx.env.publicUrl, ACCOUNT_PAGES.register) }],
        },
        tx,
      );
      return;
    }
    const token = await issueAccountToken(tx, { userId: user.id, purpose: 'reset_password', email, now });
    await sendAccountEmail(
      ctx,
      {
        kind: 'reset_password',
        to: email,
        locale: isLocale(user.locale) ? user.locale : input.locale,
        name: user.displayName,
        actions: [{ label: 'action', url: pageLink(ctx.env.publicUrl, ACCOUNT_PAGES.resetPassword, token) }],
      },
      tx,
    );
  });
}
