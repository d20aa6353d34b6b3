/** Dates and times of appointments, always in the préfecture's time zone (Europe/Paris). */
const ZONE = 'Europe/Paris';
const tag = (language: string) => (language === 'en' ? 'en-GB' : 'fr-FR');

/** `2026-10-05` — the Paris calendar day of an instant, to group slots by day. */
export function parisDay(instant: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

export function formatTime(instant: string, language: string): string {
  return new Intl.DateTimeFormat(tag(language), { timeZone: ZONE, hour: '2-digit', minute: '2-digit' }).format(new Date(instant));
}

export function formatDay(instant: string, language: string): string {
  return new Intl.DateTimeFormat(tag(language), { timeZone: ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(instant));
}

export function formatWhen(instant: string, language: string): string {
  return `${formatDay(instant, language)}, ${formatTime(instant, language)}`;
}
