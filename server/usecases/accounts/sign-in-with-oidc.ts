/**
 * Sign-in through the identity provider. An identity already linked signs in to its account;
 * otherwise the provider's *verified* address finds the account to link, or a new applicant
 * account is created. Staff accounts (agents, supervisors, administrators) cannot be reached this
 * way: they sign in with their password.
 *
 * Linking an account whose address was never confirmed removes its password: someone may have
 * registered that address in advance with a password of their own ("pre-hijacking").
 */
import { and, eq } from 'drizzle-orm';
import { identityLinks, users } from '../../db/schema/index';
import type { OidcIdentity } from '../../adapters/oidc';
import type { Locale } from '../../i18n/index';
import type { OidcErrorCode } from '../../../contract/accounts';
import type { AccountsContext } from './context';
import { type UserRow, findUserByEmail, findUserById, presentAccount } from './get-account';
import { openSession } from './open-session';
import { normalizeEmail } from './secrets';
import type { SignInResult } from './sign-in';

/** Why an identity-provider sign-in was refused; the route sends the browser back with the code. */
export class OidcRefusal extends Error {
  constructor(readonly code: OidcErrorCode) {
    super(code);
    this.name = 'OidcRefusal';
  }
}

export interface SignInWithOidcInput {
  identity: OidcIdentity;
  locale: Locale;
  deviceLabel: string | null;
  previousSessionToken?: string | undefined;
}

function displayName(identity: OidcIdentity, email: string): string {
  const full = [identity.givenName, identity.familyName].filter(Boolean).join(' ');
  return (full || identity.name || email.split('@')[0] || email).slice(0, 100);
}

export async function signInWithOidc(ctx: AccountsContext, input: SignInWithOidcInput): Promise<SignInResult> {
  const { identity } = input;
  const now = ctx.now();

  const user = await ctx.db.transaction(async (tx): Promise<UserRow> => {
    const [link] = await tx
      .select({ userId: identityLinks.userId })
      .from(identityLinks)
      .where(and(eq(identityLinks.issuer, identity.issuer), eq(identityLinks.subject, identity.subject)));
    if (link) {
      const linked = await findUserById(tx, link.userId);
      if (!linked) throw new OidcRefusal('oidc_failed');
      await tx
        .update(identityLinks)
        .set({ lastUsedAt: now })
        .where(and(eq(identityLinks.issuer, identity.issuer), eq(identityLinks.subject, identity.subject)));
      return linked;
    }

    if (!identity.email || !identity.emailVerified) throw new OidcRefusal('oidc_email_unverified');
    const email = normalizeEmail(identity.email);
    let account = await findUserByEmail(tx, email);
    if (account) {
      if (account.role !== 'applicant') throw new OidcRefusal('oidc_not_allowed');
      if (!account.emailVerifiedAt) {
        const [updated] = await tx
          .update(users)
          .set({ emailVerifiedAt: now, passwordHash: null })
          .where(eq(users.id, account.id))
          .returning();
        if (updated) account = updated;
      }
    } else {
      await tx
        .insert(users)
        .values({
          email,
          displayName: displayName(identity, email),
          role: 'applicant',
          passwordHash: null,
          locale: input.locale,
          emailVerifiedAt: now,
          createdAt: now,
        })
        .onConflictDoNothing({ target: users.email });
      account = await findUserByEmail(tx, email);
      if (!account) throw new OidcRefusal('oidc_failed');
    }
    await tx
      .insert(identityLinks)
      .values({ issuer: identity.issuer, subject: identity.subject, userId: account.id, createdAt: now, lastUsedAt: now })
      .onConflictDoNothing();
    return account;
  });

  if (user.role !== 'applicant') throw new OidcRefusal('oidc_not_allowed');
  const session = await openSession(ctx, {
    userId: user.id,
    deviceLabel: input.deviceLabel,
    replacesToken: input.previousSessionToken,
  });
  return { user: presentAccount(user), session };
}
