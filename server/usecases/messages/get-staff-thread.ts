/**
 * A thread for an agent of its préfecture: messages, colleagues to assign it to, reply templates.
 * Another préfecture's → 404. Each read is written to the staff audit log before it is returned.
 */
import type { StaffThread } from '../../../contract/messages';
import { REPLY_TEMPLATES } from '../../../domain/messages/topics';
import { AppError } from '../../http/problem';
import type { Locale } from '../../i18n/index';
import { prefectureIdsOf, type Origin, type StaffCaller } from '../back-office/staff-scope';
import { colleaguesOf } from '../back-office/assign-case';
import { recordAuditEvent } from '../audit/record-audit-event';
import { messagesOf, summariseForStaff, threadById, type MessagesContext } from './context';

export async function getStaffThread(ctx: MessagesContext, caller: StaffCaller, threadId: string, locale: Locale, origin: Origin): Promise<StaffThread> {
  const row = await threadById(ctx.db, threadId, { prefectureIds: await prefectureIdsOf(ctx.db, caller) });
  if (!row) throw new AppError(404, 'message_thread_not_found');
  await recordAuditEvent(ctx.db, { actor: caller, action: 'message_thread.read', object: { type: 'message_thread', id: row.id }, prefectureId: row.prefectureId, origin, at: ctx.now() });
  return staffThreadView(ctx, caller, threadId, locale);
}

/** The thread as an agent sees it, without an audit entry (after an action, which has its own). */
export async function staffThreadView(ctx: MessagesContext, caller: StaffCaller, threadId: string, locale: Locale): Promise<StaffThread> {
  const row = await threadById(ctx.db, threadId, { prefectureIds: await prefectureIdsOf(ctx.db, caller) });
  if (!row) throw new AppError(404, 'message_thread_not_found');
  const [summary] = await summariseForStaff(ctx.db, [row], locale, ctx.now());
  if (!summary) throw new AppError(404, 'message_thread_not_found');
  return {
    thread: summary,
    messages: await messagesOf(ctx.db, row.id),
    colleagues: (await colleaguesOf(ctx.db, row.prefectureId)).map((c) => ({ id: c.id, displayName: c.name })),
    templates: REPLY_TEMPLATES.map((t) => ({ id: t.id, title: t.title[locale], body: t.body[locale] })),
  };
}
