/** Ends one of the signed-in person's sessions ("sign out that phone"). */
import { and, eq } from 'drizzle-orm';
import { sessions } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import type { AccountsContext } from './context';

/** Returns whether the ended session was the caller's own (the route then clears its cookie). */
export async function endSession(
  ctx: AccountsContext,
  input: { userId: string; sessionId: string; currentSessionId: string | undefined },
): Promise<{ wasCurrent: boolean }> {
  const ended = await ctx.db
    .delete(sessions)
    .where(and(eq(sessions.id, input.sessionId), eq(sessions.userId, input.userId)))
    .returning({ id: sessions.id });
  // Another person's session id answers like an unknown one.
  if (ended.length === 0) throw new AppError(404, 'not_found');
  return { wasCurrent: input.sessionId === input.currentSessionId };
}
