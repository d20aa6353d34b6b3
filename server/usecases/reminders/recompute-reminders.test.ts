/**
 * The stored reminders follow the person's facts, in the same transaction as the use case that
 * changed them: recording a card schedules the renewal reminders [R-90, S-01]; filing cancels them;
 * withdrawing brings them back; a request for documents adds its own.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { reminders } from '../../db/schema/index';
import { TINY_PNG } from '../applications/test-pdfs';
import { createApplicationsTestApp, fillChecklist, ok, openDocumentRequest, recordCard, signedIn, startDraft } from '../../http/routes/applications/test-kit';
import { recomputeReminders } from './recompute-reminders';

const ctx = await createApplicationsTestApp('2026-10-01T10:00:00Z');
const { db } = ctx;
const PNG = { data: TINY_PNG, filename: 'scan.png', contentType: 'image/png' };

async function pending(userId: string) {
  const rows = await db.select().from(reminders).where(and(eq(reminders.userId, userId), eq(reminders.status, 'pending')));
  return rows.map((r) => `${r.kind} ${r.dueOn} ${r.channel}`).sort();
}

describe(recomputeReminders.name, () => {
  it('schedules the renewal reminders when a card is recorded, cancels them when an application is filed and brings them back on withdrawal', async () => {
    const applicant = await signedIn(ctx);
    await recordCard(applicant.browser, { validUntil: '2026-12-31', cardType: 'visiteur' });
    // 4 months before (31 Aug) is past on 1 Oct: not stored. 2 months and 1 week: 24 Oct; S-01: 17 Oct.
    expect(await pending(applicant.user.id)).toEqual([
      'renewal_2_months_1_week 2026-10-24 email',
      'renewal_2_months_1_week 2026-10-24 in_app',
      'window_closing 2026-10-17 email',
      'window_closing 2026-10-17 in_app',
    ]);
    const [row] = await db.select().from(reminders).where(eq(reminders.userId, applicant.user.id)).limit(1);
    expect(row?.sendAt.toISOString()).toMatch(/T07:00:00.000Z$/); // 09:00 Paris, summer time

    const draft = await startDraft(applicant.browser, { answers: { marriedOrHasChildren: false } });
    await fillChecklist(applicant.browser, draft.id, PNG);
    ok(await applicant.browser.post(`/api/v1/applications/${draft.id}/submit`, undefined, { headers: { 'idempotency-key': `key-${draft.id}` } }));
    expect(await pending(applicant.user.id)).toEqual([]);
    const cancelled = await db.select().from(reminders).where(and(eq(reminders.userId, applicant.user.id), eq(reminders.status, 'cancelled')));
    expect(cancelled).toHaveLength(4);

    const request = await openDocumentRequest(ctx, draft.id, { items: ['passport'], dueOn: '2026-11-04' });
    expect(await pending(applicant.user.id)).toEqual([
      'document_request_due_soon 2026-10-28 email',
      'document_request_due_soon 2026-10-28 in_app',
      'document_request_due_today 2026-11-04 email',
      'document_request_due_today 2026-11-04 in_app',
    ]);
    expect(request.dueOn).toBe('2026-11-04');

    ok(await applicant.browser.post(`/api/v1/applications/${draft.id}/withdraw`));
    expect(await pending(applicant.user.id)).toEqual([
      'renewal_2_months_1_week 2026-10-24 email',
      'renewal_2_months_1_week 2026-10-24 in_app',
      'window_closing 2026-10-17 email',
      'window_closing 2026-10-17 in_app',
    ]);
  });

  it('is idempotent: a second pass inserts and cancels nothing', async () => {
    const applicant = await signedIn(ctx);
    await recordCard(applicant.browser, { validUntil: '2027-06-30', foreignerNumber: '7501234568' });
    const again = await recomputeReminders(db, applicant.user.id, ctx.clock.now);
    expect(again).toEqual({ inserted: 0, cancelled: 0 });
    expect(await pending(applicant.user.id)).toHaveLength(6);
  });
});
