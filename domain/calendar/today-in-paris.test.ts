import { describe, expect, it } from 'vitest';
import { todayInParis } from './today-in-paris';

describe(todayInParis.name, () => {
  it.each([
    ['2026-01-15T22:59:59Z', '2026-01-15', 'winter, UTC+1: before midnight in Paris'],
    ['2026-01-15T23:00:00Z', '2026-01-16', 'winter, UTC+1: midnight in Paris'],
    ['2026-07-15T21:59:59Z', '2026-07-15', 'summer, UTC+2: before midnight in Paris'],
    ['2026-07-15T22:00:00Z', '2026-07-16', 'summer, UTC+2: midnight in Paris'],
    ['2026-03-28T23:30:00Z', '2026-03-29', 'night of the change to summer time'],
    ['2026-10-24T22:30:00Z', '2026-10-25', 'night of the change to winter time (still UTC+2)'],
    ['2026-10-25T22:59:00Z', '2026-10-25', 'first winter evening (UTC+1)'],
    ['2026-12-31T23:00:00Z', '2027-01-01', 'New Year in Paris before UTC'],
  ])('%s is %s in Paris (%s)', (instant, expected) => {
    expect(todayInParis(new Date(instant))).toBe(expected);
  });

  it('refuses an invalid instant', () => {
    expect(() => todayInParis(new Date('not a date'))).toThrow(RangeError);
  });
});
