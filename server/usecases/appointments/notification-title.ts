/** The in-app title of an `appointment_cancelled` notification, in the reader's language. */
import { translate, type Locale } from '../../i18n/index';

export function appointmentCancelledTitle(params: Record<string, string>, locale: Locale): string {
  const when = params.startsAt
    ? new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' }).format(new Date(params.startsAt))
    : '';
  return translate(locale, 'appointments:notifications.cancelled', { when, kind: translate(locale, `appointments:kinds.${params.kind ?? 'help_desk'}`) });
}
