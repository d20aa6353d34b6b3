import { describe, expect, it } from 'vitest';
import { ACCOUNT_LIMITS, type AttemptState, CLIENT_LIMITS, afterFailure, checkAttempt } from './sign-in-throttle';

const start = new Date('2027-03-15T09:00:00Z');
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);

function failTimes(count: number, limits = ACCOUNT_LIMITS): AttemptState | undefined {
  let state: AttemptState | undefined;
  for (let i = 0; i < count; i++) state = afterFailure(state, start, limits);
  return state;
}

describe(afterFailure.name, () => {
  it('answers the first 3 failures at once, then waits 1, 2, 4 … 32 seconds, then locks for 15 minutes at the 10th', () => {
    const waits: number[] = [];
    let state: AttemptState | undefined;
    for (let i = 1; i <= 10; i++) {
      state = afterFailure(state, start, ACCOUNT_LIMITS);
      waits.push(state.blockedUntil ? (state.blockedUntil.getTime() - start.getTime()) / 1000 : 0);
    }
    expect(waits).toEqual([0, 0, 0, 1, 2, 4, 8, 16, 32, 900]);
  });

  it('forgets failures older than an hour', () => {
    const state = afterFailure(failTimes(5), at(3601), ACCOUNT_LIMITS);
    expect(state.failures).toBe(1);
    expect(state.blockedUntil).toBeNull();
  });

  it('locks again at once after a lock if the next try within the hour fails', () => {
    const afterLock = afterFailure(failTimes(10), at(901), ACCOUNT_LIMITS);
    expect(afterLock.failures).toBe(11);
    expect(afterLock.blockedUntil).toEqual(new Date(at(901).getTime() + 900_000));
  });

  it('is generous per client (shared addresses) but stops a machine trying many accounts', () => {
    expect(failTimes(50, CLIENT_LIMITS)?.blockedUntil).toBeNull();
    expect(failTimes(51, CLIENT_LIMITS)?.blockedUntil).toEqual(at(1));
    expect(failTimes(100, CLIENT_LIMITS)?.blockedUntil).toEqual(at(30));
    expect(failTimes(300, CLIENT_LIMITS)?.blockedUntil).toEqual(at(900));
  });
});

describe(checkAttempt.name, () => {
  it('allows an attempt without history or once the wait is over', () => {
    expect(checkAttempt(undefined, start, ACCOUNT_LIMITS)).toEqual({ allowed: true });
    expect(checkAttempt(failTimes(4), at(1), ACCOUNT_LIMITS)).toEqual({ allowed: true });
  });

  it('refuses during a wait, saying how long, and calls a lock a lock', () => {
    expect(checkAttempt(failTimes(5), at(0.5), ACCOUNT_LIMITS)).toEqual({ allowed: false, reason: 'throttled', retryAfterSeconds: 2 });
    expect(checkAttempt(failTimes(10), at(60), ACCOUNT_LIMITS)).toEqual({ allowed: false, reason: 'locked', retryAfterSeconds: 840 });
  });
});
