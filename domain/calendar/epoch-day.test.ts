import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  formatIsoDate,
  isoDayOfWeek,
  parseIsoDate,
  toEpochDay,
  type EpochDay,
} from './epoch-day';

const day = (text: string): EpochDay => toEpochDay(text);

describe(parseIsoDate.name, () => {
  it.each([
    ['1970-01-01', 0],
    ['1969-12-31', -1],
    ['2000-02-29', 11_016],
    ['2026-12-31', 20_818],
  ])('reads %s as epoch day %i', (text, expected) => {
    expect(parseIsoDate(text)).toBe(expected);
  });

  it.each([
    ['2026-02-29', 'not a leap year'],
    ['2100-02-29', 'century, not a leap year'],
    ['2026-04-31', 'April has 30 days'],
    ['2026-13-01', 'month 13'],
    ['2026-00-10', 'month 0'],
    ['2026-01-00', 'day 0'],
    ['2026-1-01', 'one-digit month'],
    ['2026-01-01T00:00', 'a date-time'],
    ['26-01-01', 'two-digit year'],
    ['2026/01/01', 'slashes'],
    ['', 'empty'],
    ['２０２６-01-01', 'non-ASCII digits'],
  ])('refuses %s (%s)', (text) => {
    expect(parseIsoDate(text)).toBeUndefined();
  });

  it('accepts 29 February in leap years, including 2000', () => {
    expect(formatIsoDate(day('2024-02-29'))).toBe('2024-02-29');
    expect(formatIsoDate(day('2000-02-29'))).toBe('2000-02-29');
  });
});

// R-60 (CPC 641 al. 2): same day number, clamped to the end of a shorter month.
describe(addMonths.name, () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28', 'R-60: 31 January + 1 month → end of February'],
    ['2028-01-31', 1, '2028-02-29', 'R-60: leap year February'],
    ['2026-03-31', 1, '2026-04-30', 'R-60: 31st into a 30-day month'],
    ['2026-05-31', 4, '2026-09-30', 'R-60: 31st into September'],
    ['2026-08-31', 3, '2026-11-30', 'R-60: 31st into November'],
    ['2026-10-30', 4, '2027-02-28', 'R-60: 30th into February'],
    ['2027-10-29', 4, '2028-02-29', 'R-60: 29th into a leap February'],
    ['2026-11-30', 3, '2027-02-28', 'R-01 example shape: entry 2026-11-30 + 3 months'],
    ['2026-12-31', -4, '2026-08-31', 'R-90: 4 months before 31 December'],
    ['2026-06-30', -4, '2026-02-28', 'R-90: backwards into February'],
    ['2028-06-30', -4, '2028-02-29', 'R-90: backwards into a leap February'],
    ['2026-12-31', -2, '2026-10-31', 'R-90: 2 months before 31 December'],
    ['2026-04-30', -2, '2026-02-28', 'R-90: 2 months before 30 April'],
    ['2026-12-15', 1, '2027-01-15', 'R-60: across the year end'],
    ['2026-01-15', -1, '2025-12-15', 'R-60: backwards across the year end'],
    ['2026-12-31', 6, '2027-06-30', 'R-17: 6 months after 31 December'],
    ['2025-08-31', 6, '2026-02-28', 'R-17: 6 months after 31 August'],
    ['2026-02-28', 1, '2026-03-28', 'R-60: from the 28th, no clamping'],
  ])('%s + %i months = %s (%s)', (from, months, expected) => {
    expect(formatIsoDate(addMonths(day(from), months))).toBe(expected);
  });
});

describe(isoDayOfWeek.name, () => {
  it.each([
    ['1970-01-01', 4],
    ['2026-03-01', 7],
    ['2026-03-02', 1],
    ['2026-11-01', 7],
    ['1969-12-29', 1],
  ])('%s is ISO weekday %i', (text, expected) => {
    expect(isoDayOfWeek(day(text))).toBe(expected);
  });
});

// Cross-check of the integer representation against temporal-polyfill (ADR 0002).
describe('epoch days agree with Temporal.PlainDate', () => {
  const FIRST = -25_567; // 1900-01-01
  const LAST = 84_006; // 2199-12-31
  const epochDay = fc.integer({ min: FIRST, max: LAST }).map((n) => n as EpochDay);
  const plain = (d: EpochDay): Temporal.PlainDate => Temporal.PlainDate.from('1970-01-01').add({ days: d });

  it('formats and parses like Temporal', () => {
    fc.assert(
      fc.property(epochDay, (d) => {
        const text = plain(d).toString();
        expect(formatIsoDate(d)).toBe(text);
        expect(parseIsoDate(text)).toBe(d);
      }),
      { numRuns: 2_000 },
    );
  });

  it('adds months like Temporal (constrain overflow is the month rule R-60)', () => {
    fc.assert(
      fc.property(epochDay, fc.integer({ min: -120, max: 120 }), (d, months) => {
        expect(formatIsoDate(addMonths(d, months))).toBe(plain(d).add({ months }).toString());
      }),
      { numRuns: 2_000 },
    );
  });

  it('adds days, counts days and names weekdays like Temporal', () => {
    fc.assert(
      fc.property(epochDay, fc.integer({ min: -5_000, max: 5_000 }), (d, days) => {
        const moved = addDays(d, days);
        expect(formatIsoDate(moved)).toBe(plain(d).add({ days }).toString());
        expect(daysBetween(d, moved)).toBe(plain(d).until(plain(moved)).days);
        expect(isoDayOfWeek(d)).toBe(plain(d).dayOfWeek);
      }),
      { numRuns: 2_000 },
    );
  });
});
