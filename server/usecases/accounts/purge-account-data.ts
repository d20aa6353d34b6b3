/**
 * Deletes account data that has no use any more: ended sessions, links expired or used more than
 * a week ago, failure counters nobody has touched for a day (and not locking anything). Meant for a
 * scheduled sweep (the worker does not exist yet); safe to run at any time, any number of times.
 */
import { and, isNull, lt, lte, or } from 'drizzle-orm';
import { accountTokens, sessions, signInAttempts } from '../../db/schema/index';
import type { AccountsContext } from './context';

const WEEK_MS = 7 * 24 * 3_600_000;
const DAY_MS = 24 * 3_600_000;

export async function purgeAccountData(ctx: AccountsContext): Promise<{ sessions: number; tokens: number; attempts: number }> {
  const now = ctx.now();
  const weekAgo = new Date(now.getTime() - WEEK_MS);
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const endedSessions = await ctx.db
    .delete(sessions)
    .where(or(lte(sessions.expiresAt, now), lte(sessions.idleExpiresAt, now)))
    .returning({ id: sessions.id });
  const oldTokens = await ctx.db
    .delete(accountTokens)
    .where(or(lt(accountTokens.expiresAt, weekAgo), lt(accountTokens.usedAt, weekAgo)))
    .returning({ id: accountTokens.id });
  const staleAttempts = await ctx.db
    .delete(signInAttempts)
    .where(and(lt(signInAttempts.lastFailedAt, dayAgo), or(isNull(signInAttempts.blockedUntil), lte(signInAttempts.blockedUntil, now))))
    .returning({ key: signInAttempts.key });
  return { sessions: endedSessions.length, tokens: oldTokens.length, attempts: staleAttempts.length };
}
