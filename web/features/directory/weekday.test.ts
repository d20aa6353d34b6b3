import { describe, expect, it } from 'vitest';
import { formatTime, weekdayName } from './weekday';

describe(weekdayName.name, () => {
  it('names ISO weekdays in French and English', () => {
    expect(weekdayName(1, 'fr')).toBe('lundi');
    expect(weekdayName(7, 'fr')).toBe('dimanche');
    expect(weekdayName(3, 'en')).toBe('Wednesday');
  });
});

describe(formatTime.name, () => {
  it('writes French times the French way', () => {
    expect(formatTime('08:30', 'fr')).toBe('8 h 30');
    expect(formatTime('14:00', 'fr')).toBe('14 h');
    expect(formatTime('14:00', 'en')).toBe('14:00');
  });
});
