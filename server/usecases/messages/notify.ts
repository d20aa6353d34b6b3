/**
 * Telling people about messages: an in-app notification and an email (the database outbox, which
 * `mail.relay-outbox` hands to SMTP when configured), written in the caller's transaction, in the
 * reader's language from the `messages` catalogue.
 */
import { eq } from 'drizzle-orm';
import { createOutboxMailer } from '../../adapters/mail/outbox';
import type { Db } from '../../db/client';
import { notifications, users } from '../../db/schema/index';
import { LOCALES, translate, type Locale } from '../../i18n/index';

export type MessageNotificationKind = 'message_reply' | 'message_escalated';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export async function notifyAboutMessage(tx: Db, now: Date, userId: string, kind: MessageNotificationKind, params: Record<string, string>, link: string): Promise<void> {
  const [user] = await tx.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, userId));
  if (!user) return;
  await tx.insert(notifications).values({ userId, kind, params, createdAt: now });
  // People registered at a help desk have no address (ADR 0020): they cannot write messages either.
  if (user.email === null) return;
  const locale: Locale = (LOCALES as readonly string[]).includes(user.locale) ? (user.locale as Locale) : 'fr';
  const t = (key: string) => translate(locale, `messages:emails.${kind}.${key}`, params);
  const intro = t('intro');
  const action = t('action');
  await createOutboxMailer(tx, () => now).send(
    {
      kind,
      to: user.email,
      locale,
      subject: t('subject'),
      text: `${intro}\n\n${action} : ${link}\n`,
      html: `<p>${escapeHtml(intro)}</p><p><a href="${escapeHtml(link)}">${escapeHtml(action)}</a> (${escapeHtml(link)})</p>`,
    },
    tx,
  );
}
