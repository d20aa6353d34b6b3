/**
 * Dates and amounts in the reader's language, the way the engine writes them in its explanations
 * ("mercredi 2 septembre 2026", "Wednesday 2 September 2026", "1er novembre"): the month and
 * weekday names come from the `deadlines` catalogue's `calendar`, the order from its templates.
 * No time zone is involved: a legal date is a calendar day. Pure.
 */
import { civilFromEpochDay, isoDayOfWeek, parseIsoDate } from '../../../domain/calendar/epoch-day';

/** The `calendar` object of `locales/<language>/deadlines.json`. */
export interface CalendarNames {
  readonly months: readonly string[];
  readonly weekdays: readonly string[];
  readonly firstDayOfMonth: string;
}

export interface DateParts {
  readonly weekday: string;
  readonly day: string;
  readonly month: string;
  readonly year: string;
}

/** The words of an ISO date, or undefined when it is not a calendar date. */
export function dateParts(iso: string, names: CalendarNames): DateParts | undefined {
  const epochDay = parseIsoDate(iso);
  if (epochDay === undefined) return undefined;
  const { year, month, day } = civilFromEpochDay(epochDay);
  return {
    weekday: names.weekdays[isoDayOfWeek(epochDay) - 1] ?? '',
    day: day === 1 ? names.firstDayOfMonth : String(day),
    month: names.months[month - 1] ?? '',
    year: String(year),
  };
}

/** "200 €" / "€200": whole euros, as the engine gives them. */
export function formatEuros(amount: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(amount);
}

export type DateField = 'day' | 'month' | 'year';

/**
 * The format a browser's date input shows in `locale` (undefined: the browser's own language,
 * which is also the one its date inputs follow), with the letters of the page's language:
 * en-US → "MM/DD/YYYY", en-GB → "DD/MM/YYYY", de → "JJ.MM.AAAA" with French letters. A hint that
 * always said "DD/MM/YYYY" would contradict the field for a browser set to American English.
 */
export function dateInputFormat(locale: string | undefined, letters: Readonly<Record<DateField, string>>): string {
  const parts = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).formatToParts(
    Date.UTC(2026, 11, 31),
  );
  return parts
    .map((part) => (part.type === 'day' || part.type === 'month' || part.type === 'year' ? letters[part.type] : part.type === 'literal' ? part.value : ''))
    .join('')
    .trim();
}
