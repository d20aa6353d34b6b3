import { describe, expect, it } from 'vitest';
import en from '../../../locales/en/deadlines.json' with { type: 'json' };
import fr from '../../../locales/fr/deadlines.json' with { type: 'json' };
import { dateInputFormat, dateParts, formatEuros } from './format';

describe(dateParts.name, () => {
  it('names the weekday, day, month and year from the catalogue, whatever the time zone', () => {
    expect(dateParts('2026-09-02', en.calendar)).toEqual({ weekday: 'Wednesday', day: '2', month: 'September', year: '2026' });
    expect(dateParts('2026-09-02', fr.calendar)).toEqual({ weekday: 'mercredi', day: '2', month: 'septembre', year: '2026' });
  });

  it('writes the first day of a month the French way (“1er”)', () => {
    expect(dateParts('2026-11-01', fr.calendar)).toMatchObject({ weekday: 'dimanche', day: '1er', month: 'novembre' });
    expect(dateParts('2026-11-01', en.calendar)).toMatchObject({ weekday: 'Sunday', day: '1', month: 'November' });
  });

  it('knows leap days and the end of the year', () => {
    expect(dateParts('2028-02-29', en.calendar)).toMatchObject({ weekday: 'Tuesday', day: '29', month: 'February' });
    expect(dateParts('2026-12-31', en.calendar)).toMatchObject({ weekday: 'Thursday', month: 'December', year: '2026' });
  });

  it('gives nothing for what is not a calendar date', () => {
    expect(dateParts('2026-02-30', en.calendar)).toBeUndefined();
    expect(dateParts('', en.calendar)).toBeUndefined();
  });
});

describe(formatEuros.name, () => {
  it('writes whole euros in the reader’s language', () => {
    expect(formatEuros(430, 'en')).toBe('€430');
    expect(formatEuros(200, 'fr').replace(/\s/g, ' ')).toBe('200 €');
  });
});

describe(dateInputFormat.name, () => {
  const letters = { day: 'DD', month: 'MM', year: 'YYYY' };

  it('follows the order and separators of the browser’s language', () => {
    expect(dateInputFormat('en-GB', letters)).toBe('DD/MM/YYYY');
    expect(dateInputFormat('en-US', letters)).toBe('MM/DD/YYYY');
    expect(dateInputFormat('fr-FR', { day: 'JJ', month: 'MM', year: 'AAAA' })).toBe('JJ/MM/AAAA');
    expect(dateInputFormat('de-DE', letters)).toBe('DD.MM.YYYY');
  });
});
