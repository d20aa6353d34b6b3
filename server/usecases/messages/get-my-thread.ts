/** One of the applicant's threads with every message; another person's thread is 404. */
import type { Thread } from '../../../contract/messages';
import { AppError } from '../../http/problem';
import type { Locale } from '../../i18n/index';
import type { Viewer } from '../../policies/applications';
import { messagesOf, summarise, threadById, type MessagesContext } from './context';
import { applicantOnly } from './send-message';

export async function getMyThread(ctx: MessagesContext, viewer: Viewer, threadId: string, locale: Locale): Promise<Thread> {
  applicantOnly(viewer);
  const row = await threadById(ctx.db, threadId, { userId: viewer.id });
  if (!row) throw new AppError(404, 'message_thread_not_found');
  const [summary] = await summarise(ctx.db, [row], locale);
  if (!summary) throw new AppError(404, 'message_thread_not_found');
  return { thread: summary, messages: await messagesOf(ctx.db, row.id) };
}
