/**
 * Who a session cookie belongs to. A session ends after `SESSION_IDLE_MINUTES` without a request
 * (sliding) and `SESSION_MAX_HOURS` after sign-in (absolute), whichever comes first.
 */
import { eq } from 'drizzle-orm';
import { sessions, users, type UserRole } from '../../db/schema/index';
import type { AccountsContext } from './context';
import { hashToken } from './secrets';

/** Activity is recorded at most once a minute per session, to spare the database a write per request. */
const TOUCH_INTERVAL_MS = 60_000;

export interface ResolvedSession {
  sessionId: string;
  user: { id: string; role: UserRole; secondFactor: boolean };
}

export async function resolveSession(ctx: AccountsContext, input: { token: string }): Promise<ResolvedSession | undefined> {
  const now = ctx.now();
  const [row] = await ctx.db
    .select({
      id: sessions.id,
      userId: sessions.userId,
      role: users.role,
      lastSeenAt: sessions.lastSeenAt,
      idleExpiresAt: sessions.idleExpiresAt,
      expiresAt: sessions.expiresAt,
      secondFactorAt: sessions.secondFactorAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, hashToken(input.token)));
  if (!row) return undefined;
  if (row.expiresAt <= now || row.idleExpiresAt <= now) {
    await ctx.db.delete(sessions).where(eq(sessions.id, row.id));
    return undefined;
  }
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    const idleExpiresAt = new Date(Math.min(now.getTime() + ctx.env.sessionIdleMinutes * 60_000, row.expiresAt.getTime()));
    await ctx.db.update(sessions).set({ lastSeenAt: now, idleExpiresAt }).where(eq(sessions.id, row.id));
  }
  return { sessionId: row.id, user: { id: row.userId, role: row.role, secondFactor: row.secondFactorAt !== null } };
}
