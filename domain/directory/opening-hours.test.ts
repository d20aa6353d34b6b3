import { describe, expect, it } from 'vitest';
import { checkOpeningHours, isOpenAt, sortOpeningHours, type OpeningPeriod } from './opening-hours';

const monday = (opens: string, closes: string): OpeningPeriod => ({ day: 1, opens, closes });

describe(checkOpeningHours.name, () => {
  it('accepts a morning and an afternoon on the same day', () => {
    expect(checkOpeningHours([monday('08:30', '12:00'), monday('13:30', '16:00')])).toEqual([]);
  });

  it('names each wrong period: bad time, closing before opening, overlapping an earlier one', () => {
    expect(checkOpeningHours([monday('8h30', '12:00'), monday('14:00', '13:00'), monday('09:00', '10:00'), monday('09:30', '14:00')])).toEqual([
      { index: 0, problem: 'time_format' },
      { index: 1, problem: 'closes_before_opens' },
      { index: 3, problem: 'overlaps', other: 2 },
    ]);
    expect(checkOpeningHours([monday('24:00', '25:00')])).toEqual([{ index: 0, problem: 'time_format' }]);
  });

  it('does not see an overlap between different days or periods that only touch', () => {
    expect(checkOpeningHours([monday('09:00', '12:00'), { day: 2, opens: '09:00', closes: '12:00' }, monday('12:00', '13:00')])).toEqual([]);
  });
});

describe(isOpenAt.name, () => {
  const hours = [monday('08:30', '12:00'), { day: 3, opens: '13:30', closes: '16:00' } as const];
  it('is open from the opening minute and closed from the closing minute', () => {
    expect(isOpenAt(hours, 1, 8 * 60 + 29)).toBe(false);
    expect(isOpenAt(hours, 1, 8 * 60 + 30)).toBe(true);
    expect(isOpenAt(hours, 1, 12 * 60)).toBe(false);
    expect(isOpenAt(hours, 3, 14 * 60)).toBe(true);
    expect(isOpenAt(hours, 2, 10 * 60)).toBe(false);
  });

  it('sorts by day then time', () => {
    expect(sortOpeningHours([hours[1] as OpeningPeriod, monday('13:00', '14:00'), monday('08:30', '12:00')]).map((p) => `${p.day} ${p.opens}`)).toEqual([
      '1 08:30',
      '1 13:00',
      '3 13:30',
    ]);
  });
});
