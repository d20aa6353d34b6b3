/**
 * Reminder messages from the `reminders` catalogue, in the person's language: email (plain text
 * and HTML saying the same, with the reason and a link to the personal space), SMS (one GSM-7
 * segment, tested for every kind in both languages) and the in-app title.
 */
import type { ReminderKind } from '../../../domain/reminders/compute-reminders';
import type { MailMessage } from '../../adapters/mail/index';
import { translate, type Locale, type Params } from '../../i18n/index';

export interface ReminderText {
  kind: ReminderKind;
  locale: Locale;
  /** The date the reminder is about. */
  aboutOn: string;
  citation: string;
  sejourOwn: boolean;
  late: boolean;
  publicUrl: string;
}

const midnightUtc = (day: string) => new Date(`${day}T00:00:00Z`);

export function longDate(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(midnightUtc(day));
}

export function shortDate(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

export const spaceUrl = (publicUrl: string) => `${publicUrl}/espace`;

function params(text: Pick<ReminderText, 'aboutOn' | 'locale' | 'publicUrl'>): Params {
  return { aboutOn: longDate(text.aboutOn, text.locale), aboutOnShort: shortDate(text.aboutOn), link: spaceUrl(text.publicUrl) };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export function reminderTitle(kind: ReminderKind, locale: Locale, aboutOn: string): string {
  return translate(locale, `reminders:kinds.${kind}.title`, { aboutOn: longDate(aboutOn, locale) });
}

export function composeReminderSms(text: Pick<ReminderText, 'kind' | 'locale' | 'aboutOn' | 'publicUrl'>): string {
  return translate(text.locale, `reminders:kinds.${text.kind}.sms`, params(text));
}

export function composeReminderEmail(text: ReminderText, to: string): MailMessage {
  const t = (key: string, extra?: Params) => translate(text.locale, `reminders:${key}`, { ...params(text), ...extra });
  const subject = t(`kinds.${text.kind}.subject`);
  const body = t(`kinds.${text.kind}.body`);
  const reason = t('email.reason', { reason: t(text.sejourOwn ? 'email.reason_sejour' : 'email.reason_anef', { citation: text.citation }) });
  const link = spaceUrl(text.publicUrl);
  const paragraphs = [t('email.greeting'), body, ...(text.late ? [t('email.late')] : []), reason];
  const closing = [t('email.preferences'), t('email.signature')];
  const plain = [...paragraphs, `${t('email.action')}\n${link}`, ...closing, `-- \n${t('email.automatic')}`].join('\n\n');
  const html = [
    '<!doctype html>',
    `<html lang="${text.locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:Marianne,Arial,sans-serif;font-size:16px;line-height:1.5;color:#161616">',
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:8px 16px;background:#000091;color:#ffffff;text-decoration:none">${escapeHtml(t('email.action'))}</a></p>`,
    `<p style="font-size:14px">${escapeHtml(t('email.link_fallback'))}<br><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`,
    ...closing.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<p style="font-size:12px;color:#666666">${escapeHtml(t('email.automatic'))}</p>`,
    '</body></html>',
  ].join('\n');
  return { kind: `reminder_${text.kind}`, to, locale: text.locale, subject, text: plain, html };
}
