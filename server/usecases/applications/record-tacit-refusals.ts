/**
 * Issue 5, "decisions never happen silently": each day, every pending application whose silence
 * period ended (the deadline engine's `tacit_refusal_on` is before today, R-41) gets its implicit
 * rejection recorded through the state machine (`recordTacitRefusal`, actor `system`): a history
 * row, the day on the application (`tacit_refusal_recorded_on`, the idempotency marker), an in-app
 * notification and — unless the person turned email off — an email through the mail outbox, all in
 * one transaction per application. The status stays open: the préfecture may still decide (ADR 0018).
 *
 * Safe to run twice or in two workers: the row is locked and the marker checked before anything is
 * written; the date is recomputed by the engine inside the transaction (the stored copy may be stale).
 */
import { and, asc, eq, gt, inArray, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { applications, notifications, users } from '../../db/schema/index';
import { createOutboxMailer } from '../../adapters/mail/outbox';
import type { MailMessage } from '../../adapters/mail/index';
import { isLocale, translate, type Locale } from '../../i18n/index';
import { OPEN_FILED_STATUSES, transition } from '../../../domain/applications/index';
import { clockFactsOf, legalClockOf } from '../back-office/legal-clock';
import { queueNotice } from '../reminders/notices';
import { channelsOf } from '../reminders/recompute-reminders';
import { longDate } from '../reminders/compose-reminder';
import { appendHistory } from './history';

export const TACIT_REFUSAL_NOTIFICATION = 'tacit_refusal';
const BATCH = 200;

export interface TacitRefusalContext {
  db: Db;
  now: () => Date;
  publicUrl: string;
}

export interface TacitRefusalRun {
  recorded: number;
  skipped: number;
}

export async function recordTacitRefusals(ctx: TacitRefusalContext, today: string): Promise<TacitRefusalRun> {
  const run: TacitRefusalRun = { recorded: 0, skipped: 0 };
  // Keyset over ids: a row skipped (not due after all) is not read again in this run.
  let after: string | undefined;
  for (;;) {
    const due = await ctx.db
      .select({ id: applications.id })
      .from(applications)
      .where(
        and(
          inArray(applications.status, [...OPEN_FILED_STATUSES]),
          isNull(applications.tacitRefusalRecordedOn),
          lt(applications.tacitRefusalOn, today),
          after === undefined ? undefined : gt(applications.id, after),
        ),
      )
      .orderBy(asc(applications.id))
      .limit(BATCH);
    for (const { id } of due) {
      if (await recordOne(ctx, id, today)) run.recorded += 1;
      else run.skipped += 1;
    }
    if (due.length < BATCH) return run;
    after = due[due.length - 1]!.id;
  }
}

/** Records one application's implicit rejection; false when it is not (or no longer) due. */
export async function recordOne(ctx: TacitRefusalContext, applicationId: string, today: string): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(applications).where(eq(applications.id, applicationId)).for('update');
    if (!row || row.tacitRefusalRecordedOn !== null || !row.filedOn) return false;
    const facts = await clockFactsOf(tx, applicationId);
    const tacit = facts ? legalClockOf(facts, today).tacitRefusal : null;
    if (!tacit) return false;
    if (tacit.on !== row.tacitRefusalOn) await tx.update(applications).set({ tacitRefusalOn: tacit.on, tacitRefusalRule: tacit.ruleId }).where(eq(applications.id, applicationId));
    const result = transition(
      { status: row.status, filedOn: row.filedOn, ...(row.completeOn ? { completeOn: row.completeOn } : {}) },
      { type: 'recordTacitRefusal', tacitRefusalOn: tacit.on },
      { kind: 'system' },
      today,
    );
    if (!result.ok) return false;
    const now = ctx.now();
    await tx.update(applications).set({ tacitRefusalRecordedOn: today, updatedAt: now }).where(eq(applications.id, applicationId));
    await appendHistory(tx, {
      applicationId,
      event: 'recordTacitRefusal',
      statusFrom: result.from,
      statusTo: result.state.status,
      actorUserId: null,
      actorKind: 'system',
      at: now,
      details: { tacitRefusalOn: tacit.on, ruleId: tacit.ruleId, citation: tacit.citation },
    });
    const params = { aboutOn: tacit.on, reference: row.reference ?? '', applicationId };
    await tx.insert(notifications).values({ userId: row.userId, kind: TACIT_REFUSAL_NOTIFICATION, params, createdAt: now });
    const [user] = await tx.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, row.userId));
    await queueNotice(tx, row.userId, { kind: 'tacit_refusal', subjectId: applicationId, aboutOn: tacit.on }, now);
    if (user?.email && (await channelsOf(tx, row.userId)).includes('email')) {
      const locale: Locale = isLocale(user.locale) ? user.locale : 'fr';
      await createOutboxMailer(tx, ctx.now).send(composeTacitRefusalEmail({ locale, to: user.email, tacitRefusalOn: tacit.on, reference: row.reference ?? '', applicationId, publicUrl: ctx.publicUrl }), tx);
    }
    return true;
  });
}

/** The in-app title of a `tacit_refusal` notification. */
export function tacitRefusalTitle(params: Record<string, string>, locale: Locale): string {
  return translate(locale, 'help:tacitRefusal.title', { date: longDate(params.aboutOn ?? '', locale), reference: params.reference ?? '' });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export function composeTacitRefusalEmail(input: { locale: Locale; to: string; tacitRefusalOn: string; reference: string; applicationId: string; publicUrl: string }): MailMessage {
  const t = (key: string, params?: Record<string, string>) => translate(input.locale, `help:tacitRefusal.${key}`, params);
  const params = { date: longDate(input.tacitRefusalOn, input.locale), reference: input.reference };
  const applicationLink = `${input.publicUrl}/espace/demandes/${input.applicationId}`;
  const helpLink = `${input.publicUrl}/aide?situation=tacit_refusal`;
  const subject = t('title', params);
  const paragraphs = [t('meaning', params), t('reasons'), t('recourse'), t('help')];
  const text = [...paragraphs, '', `${t('applicationLink')} ${applicationLink}`, `${t('helpLink')} ${helpLink}`].join('\n\n');
  const html = [
    '<!doctype html>',
    `<html lang="${input.locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>`,
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<p><a href="${escapeHtml(applicationLink)}">${escapeHtml(t('applicationLink'))}</a></p>`,
    `<p><a href="${escapeHtml(helpLink)}">${escapeHtml(t('helpLink'))}</a></p>`,
    '</body></html>',
  ].join('\n');
  return { kind: TACIT_REFUSAL_NOTIFICATION, to: input.to, locale: input.locale, subject, text, html };
}
