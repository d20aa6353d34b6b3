/**
 * Self-registration of an applicant. The answer never says whether the address already has an
 * account: a new account gets a confirmation link; an existing owner gets "someone tried to
 * register with your address" (with sign-in and reset links). The password is hashed in both
 * cases so both take the same time.
 */
import { users } from '../../db/schema/index';
import { hashPassword } from '../../adapters/password';
import type { Locale } from '../../i18n/index';
import { isLocale } from '../../i18n/index';
import { normalizePassword } from '../../policies/password';
import { ACCOUNT_PAGES } from '../../../contract/accounts';
import type { AccountsContext } from './context';
import { issueAccountToken } from './account-tokens';
import { pageLink, sendAccountEmail } from './emails';
import { findUserByEmail } from './get-account';
import { assertAcceptablePassword } from './password-errors';
import { normalizeEmail } from './secrets';

export interface RegisterAccountInput {
  email: string;
  password: string;
  displayName: string;
  locale: Locale;
}

export async function registerAccount(ctx: AccountsContext, input: RegisterAccountInput): Promise<void> {
  const email = normalizeEmail(input.email);
  assertAcceptablePassword(input.password, email, 'password');
  const passwordHash = await hashPassword(normalizePassword(input.password));
  const now = ctx.now();

  await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({
        email,
        displayName: input.displayName.trim(),
        role: 'applicant',
        passwordHash,
        locale: input.locale,
        emailVerifiedAt: null,
        createdAt: now,
      })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });

    if (created) {
      const token = await issueAccountToken(tx, { userId: created.id, purpose: 'confirm_email', email, now });
      // No name in the greeting: the address may not belong to whoever typed the name.
      await sendAccountEmail(
        ctx,
        {
          kind: 'confirm_email',
          to: email,
          locale: input.locale,
          actions: [{ label: 'action', url: pageLink(ctx.env.publicUrl, ACCOUNT_PAGES.confirmEmail, token) }],
        },
        tx,
      );
      return;
    }

    const existing = await findUserByEmail(tx, email);
    if (!existing) return;
    await sendAccountEmail(
      ctx,
      {
        kind: 'account_exists',
        to: email,
        locale: isLocale(existing.locale) ? existing.locale : input.locale,
        name: existing.displayName,
        actions: [
          { label: 'sign_in', url: pageLink(ctx.env.publicUrl, ACCOUNT_PAGES.signIn) },
          { label: 'reset', url: pageLink(ctx.env.publicUrl, ACCOUNT_PAGES.forgotPassword) },
        ],
      },
      tx,
    );
  });
}
