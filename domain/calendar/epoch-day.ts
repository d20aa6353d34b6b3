/**
 * Calendar dates as epoch days: the number of days since 1970-01-01 in the proleptic Gregorian
 * calendar. A legal date is a day, never an instant, so there is no time zone here at all; the
 * conversion from an instant to a Paris day lives in `today-in-paris.ts`.
 *
 * Why integers rather than Temporal.PlainDate: see docs/adr/0002-calendar-dates.md. The
 * conversions below (days_from_civil / civil_from_days, H. Hinnant's algorithms) are
 * cross-checked against temporal-polyfill in `epoch-day.test.ts`.
 */

/** Days since 1970-01-01. Branded so that a plain count of days cannot be passed as a date. */
export type EpochDay = number & { readonly __brand: 'EpochDay' };

/** An ISO 8601 calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

export interface CivilDate {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  /** 1–31 */
  readonly day: number;
}

const DAYS_FROM_0000_03_01_TO_1970_01_01 = 719_468;
const DAYS_PER_400_YEARS = 146_097;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The epoch day of a valid civil date (the caller guarantees 1 ≤ day ≤ daysInMonth). */
export function epochDayFromCivil(year: number, month: number, day: number): EpochDay {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return (era * DAYS_PER_400_YEARS + dayOfEra - DAYS_FROM_0000_03_01_TO_1970_01_01) as EpochDay;
}

export function civilFromEpochDay(epochDay: EpochDay): CivilDate {
  const z = epochDay + DAYS_FROM_0000_03_01_TO_1970_01_01;
  const era = Math.floor(z / DAYS_PER_400_YEARS);
  const dayOfEra = z - era * DAYS_PER_400_YEARS;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function yearOf(epochDay: EpochDay): number {
  return civilFromEpochDay(epochDay).year;
}

const ZERO = 48;

function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Strictly parses `YYYY-MM-DD` (four-digit year, a month and a day that exist in that month).
 * Returns `undefined` for anything else: `2026-02-30`, `2026-2-3`, `2026-02-03T00:00`, ….
 */
export function parseIsoDate(text: string): EpochDay | undefined {
  if (text.length !== 10 || text[4] !== '-' || text[7] !== '-') return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return epochDayFromCivil(year, month, day);
}

/** Like `parseIsoDate` for input already validated; throws on a malformed date. */
export function toEpochDay(text: IsoDate): EpochDay {
  const day = parseIsoDate(text);
  if (day === undefined) throw new RangeError(`not a calendar date: ${JSON.stringify(text)}`);
  return day;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

function pad4(n: number): string {
  return n < 10 ? `000${n}` : n < 100 ? `00${n}` : n < 1000 ? `0${n}` : `${n}`;
}

/** Formatted dates by epoch day: the engine formats the same few days many times over. */
const isoCache = new Map<number, IsoDate>();
const ISO_CACHE_LIMIT = 200_000;

/** `YYYY-MM-DD` for years 0000–9999. */
export function formatIsoDate(epochDay: EpochDay): IsoDate {
  let text = isoCache.get(epochDay);
  if (text === undefined) {
    const { year, month, day } = civilFromEpochDay(epochDay);
    text = `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
    if (isoCache.size < ISO_CACHE_LIMIT) isoCache.set(epochDay, text);
  }
  return text;
}

export function addDays(epochDay: EpochDay, days: number): EpochDay {
  return (epochDay + days) as EpochDay;
}

/** `later − earlier` in days. */
export function daysBetween(earlier: EpochDay, later: EpochDay): number {
  return later - earlier;
}

/**
 * Month arithmetic of CPC art. 641 al. 2: from a day to the day with the same number
 * (quantième) `months` later (or earlier when negative); when that day does not exist in the
 * target month, the last day of that month. 2026-01-31 + 1 month = 2026-02-28.
 */
export function addMonths(epochDay: EpochDay, months: number): EpochDay {
  const { year, month, day } = civilFromEpochDay(epochDay);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return epochDayFromCivil(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** ISO day of the week: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoDayOfWeek(epochDay: EpochDay): number {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

export function minDay(a: EpochDay, b: EpochDay): EpochDay {
  return a < b ? a : b;
}

export function maxDay(a: EpochDay, b: EpochDay): EpochDay {
  return a > b ? a : b;
}
