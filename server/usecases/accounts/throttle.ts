/**
 * Failed-attempt counters in the database, shared by every web process. The rules are the pure
 * policy in `policies/sign-in-throttle.ts`; this file only reads and writes the rows.
 *
 * `reserveAttempt` counts an attempt as failed *before* the password is checked, with a
 * compare-and-set on the row, so that parallel guesses cannot all pass the check at once; a
 * successful attempt then clears the row.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { signInAttempts } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import { type AttemptState, type ThrottleDecision, type ThrottleLimits, afterFailure, checkAttempt } from '../../policies/sign-in-throttle';

async function readState(db: Db, key: string): Promise<AttemptState | undefined> {
  const [row] = await db.select().from(signInAttempts).where(eq(signInAttempts.key, key));
  return row ? { failures: row.failures, lastFailedAt: row.lastFailedAt, blockedUntil: row.blockedUntil } : undefined;
}

/** Writes `next` if the row still holds `previous`; false when another request got there first. */
async function compareAndSet(db: Db, key: string, previous: AttemptState | undefined, next: AttemptState): Promise<boolean> {
  if (!previous) {
    const inserted = await db
      .insert(signInAttempts)
      .values({ key, ...next })
      .onConflictDoNothing()
      .returning({ key: signInAttempts.key });
    return inserted.length > 0;
  }
  const updated = await db
    .update(signInAttempts)
    .set(next)
    .where(
      and(
        eq(signInAttempts.key, key),
        eq(signInAttempts.failures, previous.failures),
        eq(signInAttempts.lastFailedAt, previous.lastFailedAt),
      ),
    )
    .returning({ key: signInAttempts.key });
  return updated.length > 0;
}

/** Whether an attempt may be checked now (no counting). */
export async function peekAttempt(db: Db, key: string, limits: ThrottleLimits, now: Date): Promise<ThrottleDecision> {
  return checkAttempt(await readState(db, key), now, limits);
}

/** Checks the counter and, when allowed, counts this attempt as a failure in the same step. */
export async function reserveAttempt(db: Db, key: string, limits: ThrottleLimits, now: Date): Promise<ThrottleDecision> {
  for (let round = 0; round < 8; round++) {
    const state = await readState(db, key);
    const decision = checkAttempt(state, now, limits);
    if (!decision.allowed) return decision;
    if (await compareAndSet(db, key, state, afterFailure(state, now, limits))) return decision;
  }
  return { allowed: false, reason: 'throttled', retryAfterSeconds: 1 };
}

export async function recordFailure(db: Db, key: string, limits: ThrottleLimits, now: Date): Promise<void> {
  for (let round = 0; round < 8; round++) {
    const state = await readState(db, key);
    if (await compareAndSet(db, key, state, afterFailure(state, now, limits))) return;
  }
}

export async function clearAttempts(db: Db, key: string): Promise<void> {
  await db.delete(signInAttempts).where(eq(signInAttempts.key, key));
}

/** The refusal a person sees: how long to wait, never whether the account exists. */
export function throttleError(decision: Extract<ThrottleDecision, { allowed: false }>): AppError {
  const headers = { 'retry-after': String(decision.retryAfterSeconds) };
  return decision.reason === 'locked'
    ? new AppError(429, 'sign_in_locked', { minutes: Math.ceil(decision.retryAfterSeconds / 60) }, [], headers)
    : new AppError(429, 'sign_in_throttled', { seconds: decision.retryAfterSeconds }, [], headers);
}
