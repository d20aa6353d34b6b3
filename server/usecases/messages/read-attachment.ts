/** An attachment's content for the thread's applicant, or for an agent of its préfecture; anyone else → 404. */
import type { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import type { FileStorage } from '../../adapters/storage/file-storage';
import { messageAttachments } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import type { Viewer } from '../../policies/applications';
import { prefectureIdsOf, type Origin, type StaffCaller } from '../back-office/staff-scope';
import { recordAuditEvent } from '../audit/record-audit-event';
import { threadById, type MessagesContext } from './context';
import { applicantOnly } from './send-message';

export interface AttachmentContent {
  stream: Readable;
  filename: string;
  mediaType: string;
  sizeBytes: number;
}

async function contentOf(ctx: MessagesContext & { storage: FileStorage }, threadId: string, attachmentId: string): Promise<AttachmentContent> {
  const [row] = await ctx.db.select().from(messageAttachments).where(and(eq(messageAttachments.id, attachmentId), eq(messageAttachments.threadId, threadId)));
  if (!row) throw new AppError(404, 'message_attachment_not_found');
  return { stream: await ctx.storage.get(row.storageKey), filename: row.filename, mediaType: row.mediaType, sizeBytes: row.sizeBytes };
}

export async function readMyAttachment(ctx: MessagesContext & { storage: FileStorage }, viewer: Viewer, threadId: string, attachmentId: string): Promise<AttachmentContent> {
  applicantOnly(viewer);
  if (!(await threadById(ctx.db, threadId, { userId: viewer.id }))) throw new AppError(404, 'message_attachment_not_found');
  return contentOf(ctx, threadId, attachmentId);
}

export async function readStaffAttachment(ctx: MessagesContext & { storage: FileStorage }, caller: StaffCaller, threadId: string, attachmentId: string, origin: Origin): Promise<AttachmentContent> {
  const thread = await threadById(ctx.db, threadId, { prefectureIds: await prefectureIdsOf(ctx.db, caller) });
  if (!thread) throw new AppError(404, 'message_attachment_not_found');
  const content = await contentOf(ctx, threadId, attachmentId);
  await recordAuditEvent(ctx.db, { actor: caller, action: 'message_attachment.read', object: { type: 'message_attachment', id: attachmentId }, prefectureId: thread.prefectureId, origin, at: ctx.now() });
  return content;
}
