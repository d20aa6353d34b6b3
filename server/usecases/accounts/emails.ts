/**
 * Account emails, written from the `accounts` catalogue in the reader's language: a plain-text
 * part and an HTML part saying the same thing, each link also written out in full.
 */
import type { MailAdapter, MailMessage } from '../../adapters/mail/index';
import type { Db } from '../../db/client';
import { type Locale, type Params, translate } from '../../i18n/index';

export type AccountEmailKind =
  | 'confirm_email'
  | 'account_exists'
  | 'reset_password'
  | 'reset_unknown'
  | 'change_email'
  | 'email_changed'
  | 'password_changed'
  /** A person registered at a préfecture's help desk gets an address later (ADR 0020). */
  | 'help_desk_invitation';

export interface EmailAction {
  /** Catalogue key under `emails.<kind>.`, e.g. `action`. */
  label: string;
  url: string;
}

export interface AccountEmail {
  kind: AccountEmailKind;
  to: string;
  locale: Locale;
  /** The reader's display name; a neutral greeting without it. */
  name?: string | undefined;
  params?: Params;
  actions?: EmailAction[];
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** An instant as people in France read it: "15 mars 2027 à 14:03" / "15 March 2027 at 14:03". */
export function formatInstant(instant: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  }).format(instant);
}

export function composeAccountEmail(email: AccountEmail): MailMessage {
  const t = (key: string, params?: Params) => translate(email.locale, `accounts:${key}`, params);
  const params = email.params ?? {};
  const greeting = email.name ? t('emails.common.greeting', { name: email.name }) : t('emails.common.greeting_anonymous');
  const intro = t(`emails.${email.kind}.intro`, params);
  const outro = t(`emails.${email.kind}.outro`, params);
  const actions = (email.actions ?? []).map((a) => ({ label: t(`emails.${email.kind}.${a.label}`, params), url: a.url }));
  const signature = t('emails.common.signature');
  const automatic = t('emails.common.automatic');
  const subject = t(`emails.${email.kind}.subject`, params);

  const text = [
    greeting,
    intro,
    ...actions.map((a) => `${a.label}\n${a.url}`),
    outro,
    signature,
    `-- \n${automatic}`,
  ].join('\n\n');

  const button = (a: { label: string; url: string }) =>
    `<p><a href="${escapeHtml(a.url)}" style="display:inline-block;padding:8px 16px;background:#000091;color:#ffffff;text-decoration:none">${escapeHtml(a.label)}</a></p>` +
    `<p style="font-size:14px">${escapeHtml(t('emails.common.link_fallback'))}<br><a href="${escapeHtml(a.url)}">${escapeHtml(a.url)}</a></p>`;
  const html = [
    '<!doctype html>',
    `<html lang="${email.locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:Marianne,Arial,sans-serif;font-size:16px;line-height:1.5;color:#161616">',
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(intro)}</p>`,
    ...actions.map(button),
    `<p>${escapeHtml(outro)}</p>`,
    `<p>${escapeHtml(signature)}</p>`,
    `<p style="font-size:12px;color:#666666">${escapeHtml(automatic)}</p>`,
    '</body></html>',
  ].join('\n');

  return { kind: email.kind, to: email.to, locale: email.locale, subject, text, html };
}

/** Emails anyone can trigger by typing an address: at most `UNSOLICITED_LIMIT` an hour per address. */
const UNSOLICITED_KINDS: readonly AccountEmailKind[] = ['confirm_email', 'account_exists', 'reset_password', 'reset_unknown', 'change_email'];
const UNSOLICITED_LIMIT = 5;

/**
 * Composes and queues an account email in the caller's transaction. Emails a request can trigger
 * towards any address are capped per address, so the service cannot be used to flood a mailbox;
 * over the cap the email is silently skipped (the HTTP answer is the same either way).
 */
export async function sendAccountEmail(
  ctx: { mail: MailAdapter; now: () => Date },
  email: AccountEmail,
  executor: Db,
): Promise<boolean> {
  if (UNSOLICITED_KINDS.includes(email.kind)) {
    const since = new Date(ctx.now().getTime() - 3_600_000);
    if ((await ctx.mail.countRecent(email.to, UNSOLICITED_KINDS, since, executor)) >= UNSOLICITED_LIMIT) return false;
  }
  await ctx.mail.send(composeAccountEmail(email), executor);
  return true;
}

export function pageLink(publicUrl: string, page: string, token?: string): string {
  return token === undefined ? `${publicUrl}${page}` : `${publicUrl}${page}?token=${encodeURIComponent(token)}`;
}
