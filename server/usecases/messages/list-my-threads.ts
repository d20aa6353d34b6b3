/** The applicant's message threads, latest activity first ("waiting for an answer" ones included). */
import { desc, eq } from 'drizzle-orm';
import type { ThreadList } from '../../../contract/messages';
import { messageThreads } from '../../db/schema/index';
import type { Locale } from '../../i18n/index';
import type { Viewer } from '../../policies/applications';
import { summarise, type MessagesContext } from './context';
import { applicantOnly } from './send-message';

export async function listMyThreads(ctx: MessagesContext, viewer: Viewer, locale: Locale): Promise<ThreadList> {
  applicantOnly(viewer);
  const rows = await ctx.db.select().from(messageThreads).where(eq(messageThreads.userId, viewer.id)).orderBy(desc(messageThreads.lastMessageAt)).limit(200);
  return { threads: await summarise(ctx.db, rows, locale) };
}
