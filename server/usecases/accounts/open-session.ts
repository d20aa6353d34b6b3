/**
 * Opens a session for someone who just proved who they are (password or identity provider). The
 * browser's previous session, if any, ends: a token is never reused across a sign-in.
 */
import { and, eq, lte, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sessions } from '../../db/schema/index';
import type { AccountsContext } from './context';
import { csrfTokenForSession, hashToken, newToken } from './secrets';

export interface OpenedSession {
  id: string;
  /** Goes into the `sejour_session` cookie and nowhere else. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function openSession(
  ctx: AccountsContext,
  input: { userId: string; deviceLabel: string | null; replacesToken?: string | undefined },
  executor: Db = ctx.db,
): Promise<OpenedSession> {
  const now = ctx.now();
  if (input.replacesToken) await executor.delete(sessions).where(eq(sessions.tokenHash, hashToken(input.replacesToken)));
  // housekeeping: this person's sessions that ended by themselves
  await executor
    .delete(sessions)
    .where(and(eq(sessions.userId, input.userId), or(lte(sessions.expiresAt, now), lte(sessions.idleExpiresAt, now))));

  const token = newToken();
  const expiresAt = new Date(now.getTime() + ctx.env.sessionMaxHours * 3_600_000);
  const idleExpiresAt = new Date(Math.min(now.getTime() + ctx.env.sessionIdleMinutes * 60_000, expiresAt.getTime()));
  const [row] = await executor
    .insert(sessions)
    .values({
      userId: input.userId,
      tokenHash: hashToken(token),
      deviceLabel: input.deviceLabel,
      createdAt: now,
      lastSeenAt: now,
      idleExpiresAt,
      expiresAt,
    })
    .returning({ id: sessions.id });
  if (!row) throw new Error('session insert returned nothing');
  return { id: row.id, token, csrfToken: csrfTokenForSession(token), expiresAt };
}
