/**
 * Public holidays of a département, computed from the lists in `domain/rules/public-holidays.ts`
 * and cached per (holiday zone, year). Checked against the date-holidays package in
 * `holidays.test.ts`.
 */
import type { DepartmentCode } from '../departments';
import {
  ABOLITION_OF_SLAVERY_DAYS,
  ALSACE_MOSELLE_DEPARTMENTS,
  ALSACE_MOSELLE_HOLIDAYS,
  NATIONAL_HOLIDAYS,
  type HolidayId,
  type HolidayList,
} from '../rules/public-holidays';
import { addDays, epochDayFromCivil, yearOf, type EpochDay } from './epoch-day';

export interface PublicHoliday {
  readonly id: HolidayId;
  readonly on: EpochDay;
}

/**
 * Easter Sunday of a Gregorian year (the anonymous algorithm of Meeus, Jones and Butcher).
 */
export function easterSunday(year: number): EpochDay {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return epochDayFromCivil(year, Math.floor(n / 31), (n % 31) + 1);
}

/** The holiday lists that apply in a département, national first. */
function holidayListsOf(department: DepartmentCode): readonly HolidayList[] {
  if (ALSACE_MOSELLE_DEPARTMENTS.includes(department)) return [NATIONAL_HOLIDAYS, ALSACE_MOSELLE_HOLIDAYS];
  const overseas = ABOLITION_OF_SLAVERY_DAYS[department];
  return overseas === undefined ? [NATIONAL_HOLIDAYS] : [NATIONAL_HOLIDAYS, overseas];
}

/** Every public holiday of `department` in `year`, in date order. */
export function publicHolidays(department: DepartmentCode, year: number): readonly PublicHoliday[] {
  const easter = easterSunday(year);
  const holidays: PublicHoliday[] = [];
  for (const list of holidayListsOf(department)) {
    for (const holiday of list.fixed) {
      if (holiday.fromYear === undefined || year >= holiday.fromYear) {
        holidays.push({ id: holiday.id, on: epochDayFromCivil(year, holiday.month, holiday.day) });
      }
    }
    for (const holiday of list.easterBased) holidays.push({ id: holiday.id, on: addDays(easter, holiday.easterOffset) });
  }
  return holidays.sort((x, y) => x.on - y.on);
}

/** Départements that share the same holidays share one cache entry per year. */
function zoneKeyOf(department: DepartmentCode): string {
  if (ALSACE_MOSELLE_DEPARTMENTS.includes(department)) return 'alsace-moselle';
  return ABOLITION_OF_SLAVERY_DAYS[department] === undefined ? 'metropole' : department;
}

const holidayCache = new Map<string, ReadonlySet<number>>();

export function isPublicHoliday(day: EpochDay, department: DepartmentCode): boolean {
  const year = yearOf(day);
  const key = `${zoneKeyOf(department)}:${year}`;
  let days = holidayCache.get(key);
  if (days === undefined) {
    days = new Set(publicHolidays(department, year).map((holiday) => holiday.on));
    holidayCache.set(key, days);
  }
  return days.has(day);
}
