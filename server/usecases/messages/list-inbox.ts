/**
 * The agents' inbox: the threads of the caller's préfectures, due date first, filtered
 * (unassigned, mine, overdue = still unanswered after the due date, answered).
 */
import { and, asc, desc, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { Inbox, InboxFilter } from '../../../contract/messages';
import { todayInParis } from '../../../domain/deadlines/index';
import { messageThreads } from '../../db/schema/index';
import type { Locale } from '../../i18n/index';
import { prefectureIdsOf, type StaffCaller } from '../back-office/staff-scope';
import { summariseForStaff, type MessagesContext } from './context';

export async function listInbox(ctx: MessagesContext, caller: StaffCaller, filter: InboxFilter, locale: Locale): Promise<Inbox> {
  const mine = await prefectureIdsOf(ctx.db, caller);
  if (mine.length === 0) return { threads: [] };
  const now = ctx.now();
  const conditions = [inArray(messageThreads.prefectureId, mine)];
  const awaiting = eq(messageThreads.status, 'awaiting_answer');
  if (filter === 'answered') conditions.push(eq(messageThreads.status, 'answered'));
  else conditions.push(awaiting);
  if (filter === 'unassigned') conditions.push(isNull(messageThreads.assignedTo));
  if (filter === 'mine') conditions.push(eq(messageThreads.assignedTo, caller.id));
  if (filter === 'overdue') conditions.push(lt(messageThreads.dueOn, todayInParis(now)));
  const rows = await ctx.db
    .select()
    .from(messageThreads)
    .where(and(...conditions))
    .orderBy(filter === 'answered' ? desc(messageThreads.lastMessageAt) : asc(messageThreads.dueOn), asc(messageThreads.createdAt))
    .limit(200);
  return { threads: await summariseForStaff(ctx.db, rows, locale, now) };
}
