/**
 * Sign-in with an email address and a password.
 *
 * Guessing is slowed per address and per client (policies/sign-in-throttle.ts). Nothing in the
 * answer, its status or its timing says whether an account uses the address: an unknown address
 * is counted, locked and checked against a dummy hash exactly like a known one.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import { accountTokens } from '../../db/schema/index';
import { hashPassword, verifyPassword } from '../../adapters/password';
import { AppError } from '../../http/problem';
import { isLocale } from '../../i18n/index';
import { ACCOUNT_LIMITS, CLIENT_LIMITS } from '../../policies/sign-in-throttle';
import { normalizePassword } from '../../policies/password';
import { ACCOUNT_PAGES, type MeBody } from '../../../contract/accounts';
import type { AccountsContext } from './context';
import { issueAccountToken } from './account-tokens';
import { pageLink, sendAccountEmail } from './emails';
import { type UserRow, findUserByEmail, presentAccount } from './get-account';
import { type OpenedSession, openSession } from './open-session';
import { clientThrottleKey, emailThrottleKey, normalizeEmail } from './secrets';
import { clearAttempts, peekAttempt, recordFailure, reserveAttempt, throttleError } from './throttle';
import { accountEmail } from './context';

let dummyHash: Promise<string> | undefined;

/** A real argon2id hash of a random password, so an unknown address costs the same as a known one. */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('base64url'));
  return dummyHash;
}

export interface SignInInput {
  email: string;
  password: string;
  /** request.ip (behind a proxy, with TRUST_PROXY); only its hash is stored. */
  clientAddress: string;
  deviceLabel: string | null;
  /** The browser's current session token, ended by this sign-in. */
  previousSessionToken?: string | undefined;
}

export interface SignInResult {
  user: MeBody;
  session: OpenedSession;
}

/**
 * Checks a password for an address, counting the attempt. Shared with the operations that ask
 * for the current password again (change password, change address).
 */
export async function checkPasswordThrottled(
  ctx: AccountsContext,
  input: { email: string; password: string; clientAddress?: string | undefined },
): Promise<{ user: UserRow | undefined; ok: boolean }> {
  const now = ctx.now();
  const email = normalizeEmail(input.email);
  const clientKey = input.clientAddress === undefined ? undefined : clientThrottleKey(input.clientAddress);
  if (clientKey) {
    const client = await peekAttempt(ctx.db, clientKey, CLIENT_LIMITS, now);
    if (!client.allowed) throw throttleError(client);
  }
  const account = await reserveAttempt(ctx.db, emailThrottleKey(email), ACCOUNT_LIMITS, now);
  if (!account.allowed) throw throttleError(account);

  const user = await findUserByEmail(ctx.db, email);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), normalizePassword(input.password));
  if (ok && user?.passwordHash) {
    await clearAttempts(ctx.db, emailThrottleKey(email));
    return { user, ok: true };
  }
  if (clientKey) await recordFailure(ctx.db, clientKey, CLIENT_LIMITS, now);
  return { user, ok: false };
}

const RESEND_CONFIRMATION_AFTER_MS = 10 * 60_000;

async function resendConfirmation(ctx: AccountsContext, user: UserRow): Promise<void> {
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const recent = await tx
      .select({ id: accountTokens.id })
      .from(accountTokens)
      .where(
        and(
          eq(accountTokens.userId, user.id),
          eq(accountTokens.purpose, 'confirm_email'),
          gt(accountTokens.createdAt, new Date(now.getTime() - RESEND_CONFIRMATION_AFTER_MS)),
        ),
      )
      .limit(1);
    if (recent.length > 0) return;
    const token = await issueAccountToken(tx, { userId: user.id, purpose: 'confirm_email', email: accountEmail(user), now });
    await sendAccountEmail(
      ctx,
      {
        kind: 'confirm_email',
        to: accountEmail(user),
        locale: isLocale(user.locale) ? user.locale : 'fr',
        actions: [{ label: 'action', url: pageLink(ctx.env.publicUrl, ACCOUNT_PAGES.confirmEmail, token) }],
      },
      tx,
    );
  });
}

export async function signIn(ctx: AccountsContext, input: SignInInput): Promise<SignInResult> {
  const { user, ok } = await checkPasswordThrottled(ctx, input);
  if (!ok || !user) throw new AppError(401, 'invalid_credentials');
  if (!user.emailVerifiedAt) {
    // The password is right, so saying the address is unconfirmed reveals nothing to a stranger.
    await resendConfirmation(ctx, user);
    throw new AppError(403, 'email_not_confirmed');
  }
  const session = await openSession(ctx, {
    userId: user.id,
    deviceLabel: input.deviceLabel,
    replacesToken: input.previousSessionToken,
  });
  return { user: presentAccount(user), session };
}
