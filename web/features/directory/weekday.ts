/** Weekday names in the reader's language, from ISO numbers (1 = Monday). */
export function weekdayName(day: number, language: string): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, day)));
}

/** `08:30` → `8 h 30` in French, `8:30 AM`-free `08:30` in English (24-hour clock, as French offices publish). */
export function formatTime(time: string, language: string): string {
  if (language !== 'fr') return time;
  const [h, m] = time.split(':');
  return m === '00' ? `${Number(h)} h` : `${Number(h)} h ${m}`;
}
