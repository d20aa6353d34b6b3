import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { DEPARTMENTS } from '../departments';
import { easterSunday, isPublicHoliday, publicHolidays } from './holidays';
import { addDays, formatIsoDate, toEpochDay } from './epoch-day';

describe(easterSunday.name, () => {
  it.each([
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('Easter %i is %s', (year, expected) => {
    expect(formatIsoDate(easterSunday(year))).toBe(expected);
  });
});

const list = (department: string, year: number): string[] => publicHolidays(department, year).map((h) => `${formatIsoDate(h.on)} ${h.id}`);

describe(publicHolidays.name, () => {
  it('gives the 11 national days of L.3133-1 in Paris for 2026', () => {
    expect(list('75', 2026)).toEqual([
      '2026-01-01 new_year',
      '2026-04-06 easter_monday',
      '2026-05-01 labour_day',
      '2026-05-08 victory_1945',
      '2026-05-14 ascension',
      '2026-05-25 whit_monday',
      '2026-07-14 bastille_day',
      '2026-08-15 assumption',
      '2026-11-01 all_saints',
      '2026-11-11 armistice_1918',
      '2026-12-25 christmas',
    ]);
  });

  it.each(['57', '67', '68'])('adds Good Friday and 26 December in Alsace-Moselle (%s, L.3134-13)', (department) => {
    expect(list(department, 2026)).toEqual(expect.arrayContaining(['2026-04-03 good_friday', '2026-12-26 st_stephen']));
    expect(list(department, 2026)).toHaveLength(13);
  });

  it.each([
    ['971', '2026-05-27'],
    ['972', '2026-05-22'],
    ['973', '2026-06-10'],
    ['974', '2026-12-20'],
    ['976', '2026-04-27'],
  ])('adds the abolition-of-slavery day in %s (loi 83-550)', (department, date) => {
    expect(list(department, 2026)).toContain(`${date} abolition_of_slavery`);
    expect(list(department, 2026)).toHaveLength(12);
  });

  it('has no abolition day in Mayotte before décret 2012-553', () => {
    expect(list('976', 2011)).toHaveLength(11);
  });

  it('answers isPublicHoliday from the same lists', () => {
    expect(isPublicHoliday(toEpochDay('2026-04-03'), '67')).toBe(true);
    expect(isPublicHoliday(toEpochDay('2026-04-03'), '75')).toBe(false);
    expect(isPublicHoliday(toEpochDay('2026-05-22'), '972')).toBe(true);
    expect(isPublicHoliday(toEpochDay('2026-05-22'), '971')).toBe(false);
  });
});

// The date-holidays package, read in Europe/Paris and keeping `type === 'public'`, is the
// independent oracle. Known, documented difference: it also lists Good Friday for Guadeloupe
// and Martinique (a customary day off there, not in policy 7's list).
describe('holidays agree with date-holidays', () => {
  const STATE_OF: Readonly<Record<string, string>> = { '971': 'GP', '972': 'MQ', '973': 'GF', '974': 'RE', '976': 'YT', '57': '57', '67': '67', '68': '68' };
  const CUSTOMARY_GOOD_FRIDAY = new Set(['971', '972']);

  function oracle(department: string, year: number): string[] {
    const state = STATE_OF[department];
    const calendar = state === undefined ? new Holidays('FR', { timezone: 'Europe/Paris' }) : new Holidays('FR', state, { timezone: 'Europe/Paris' });
    const easter = easterSunday(year);
    const goodFriday = formatIsoDate(addDays(easter, -2));
    return (calendar.getHolidays(year) as { date: string; type: string }[])
      .filter((holiday) => holiday.type === 'public')
      .map((holiday) => holiday.date.slice(0, 10))
      .filter((date) => !(CUSTOMARY_GOOD_FRIDAY.has(department) && date === goodFriday))
      .sort();
  }

  const zones = ['75', '2A', '57', '67', '68', '971', '972', '973', '974', '976'];
  it.each(zones)('for département %s, every year 2013–2060', (department) => {
    for (let year = 2013; year <= 2060; year++) {
      const ours = publicHolidays(department, year).map((holiday) => formatIsoDate(holiday.on));
      expect(ours, `${department} ${year}`).toEqual(oracle(department, year));
    }
  });

  it('for every one of the 101 départements in 2026', () => {
    expect(DEPARTMENTS).toHaveLength(101);
    for (const department of DEPARTMENTS) {
      expect(publicHolidays(department, 2026).map((holiday) => formatIsoDate(holiday.on)), department).toEqual(oracle(department, 2026));
    }
  });
});
