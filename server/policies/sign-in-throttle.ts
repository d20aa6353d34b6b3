/**
 * Slowing down password guessing (OWASP Authentication Cheat Sheet, ANSSI R-MDP): a few free
 * failures, then an increasing wait before the next attempt is even checked, then a lock.
 * Counted per account (by a hash of the address, whether or not an account exists) and per
 * client. Pure: the state and the instant come in, the next state comes out.
 */

export interface AttemptState {
  failures: number;
  lastFailedAt: Date;
  blockedUntil: Date | null;
}

export interface ThrottleLimits {
  /** Failures answered at once. */
  freeFailures: number;
  /** From this many failures on, every attempt is refused for `lockMinutes`. */
  lockAfter: number;
  lockMinutes: number;
  /** The wait doubles with each failure past the free ones, up to this many seconds. */
  maxDelaySeconds: number;
  /** A failure older than this no longer counts: the count starts again. */
  forgetAfterMinutes: number;
}

/** One address: 3 free tries, then 1 s, 2 s, 4 s … 32 s, and the 10th failure locks 15 min. */
export const ACCOUNT_LIMITS: ThrottleLimits = {
  freeFailures: 3,
  lockAfter: 10,
  lockMinutes: 15,
  maxDelaySeconds: 60,
  forgetAfterMinutes: 60,
};

/**
 * One client address: generous, because a prefecture office or a mobile operator puts many people
 * behind one address; it stops one machine trying many accounts.
 */
export const CLIENT_LIMITS: ThrottleLimits = {
  freeFailures: 50,
  lockAfter: 300,
  lockMinutes: 15,
  maxDelaySeconds: 30,
  forgetAfterMinutes: 60,
};

export type ThrottleDecision =
  | { allowed: true }
  | { allowed: false; reason: 'throttled' | 'locked'; retryAfterSeconds: number };

/** Whether an attempt may be checked now. */
export function checkAttempt(state: AttemptState | undefined, now: Date, limits: ThrottleLimits): ThrottleDecision {
  if (!state?.blockedUntil || state.blockedUntil <= now) return { allowed: true };
  const retryAfterSeconds = Math.max(1, Math.ceil((state.blockedUntil.getTime() - now.getTime()) / 1000));
  return { allowed: false, reason: state.failures >= limits.lockAfter ? 'locked' : 'throttled', retryAfterSeconds };
}

/** The state after one more failure at `now`. */
export function afterFailure(state: AttemptState | undefined, now: Date, limits: ThrottleLimits): AttemptState {
  const remembered = state && now.getTime() - state.lastFailedAt.getTime() < limits.forgetAfterMinutes * 60_000;
  const failures = remembered ? state.failures + 1 : 1;
  let delaySeconds = 0;
  if (failures >= limits.lockAfter) delaySeconds = limits.lockMinutes * 60;
  else if (failures > limits.freeFailures) delaySeconds = Math.min(2 ** (failures - limits.freeFailures - 1), limits.maxDelaySeconds);
  return {
    failures,
    lastFailedAt: now,
    blockedUntil: delaySeconds > 0 ? new Date(now.getTime() + delaySeconds * 1000) : null,
  };
}
