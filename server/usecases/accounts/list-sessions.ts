/** The signed-in person's active sessions, most recently used first. */
import { and, desc, eq, gt } from 'drizzle-orm';
import { sessions } from '../../db/schema/index';
import type { SessionListBody } from '../../../contract/accounts';
import type { AccountsContext } from './context';

export async function listSessions(
  ctx: AccountsContext,
  input: { userId: string; currentSessionId: string | undefined },
): Promise<SessionListBody> {
  const now = ctx.now();
  const rows = await ctx.db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, input.userId), gt(sessions.expiresAt, now), gt(sessions.idleExpiresAt, now)))
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt));
  return {
    items: rows.map((row) => ({
      id: row.id,
      device: row.deviceLabel,
      createdAt: row.createdAt.toISOString(),
      lastSeenAt: row.lastSeenAt.toISOString(),
      expiresAt: (row.idleExpiresAt < row.expiresAt ? row.idleExpiresAt : row.expiresAt).toISOString(),
      current: row.id === input.currentSessionId,
    })),
  };
}
