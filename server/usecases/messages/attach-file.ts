/**
 * A file sent with the applicant's latest message in their thread, through the documents' intake
 * (server/usecases/applications/document-intake.ts: type sniffed — PDF, JPEG or PNG —, size capped
 * while streaming, PDFs checked; a refused file leaves nothing stored). At most
 * MAX_ATTACHMENTS_PER_MESSAGE files per message.
 */
import { and, count, desc, eq } from 'drizzle-orm';
import type { AttachmentBody } from '../../../contract/messages';
import type { ChecklistItem } from '../../../domain/applications/index';
import type { FileStorage } from '../../adapters/storage/file-storage';
import { messageAttachments, messages } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import type { Viewer } from '../../policies/applications';
import { receiveFile, type IncomingFile } from '../applications/document-intake';
import { threadById, type MessagesContext } from './context';
import { applicantOnly } from './send-message';

export const MAX_ATTACHMENTS_PER_MESSAGE = 3;

/** What the intake checks a message attachment against. */
const ATTACHMENT_ITEM: ChecklistItem = {
  id: 'message_attachment',
  requirement: { kind: 'required' },
  accepts: ['application/pdf', 'image/jpeg', 'image/png'],
  maxFiles: MAX_ATTACHMENTS_PER_MESSAGE,
  confidence: 'high',
  source: 'Sejour',
};

export interface AttachContext extends MessagesContext {
  storage: FileStorage;
  maxFileBytes: number;
}

export async function attachFile(ctx: AttachContext, viewer: Viewer, threadId: string, file: () => Promise<IncomingFile | undefined>): Promise<AttachmentBody> {
  applicantOnly(viewer);
  const thread = await threadById(ctx.db, threadId, { userId: viewer.id });
  if (!thread) throw new AppError(404, 'message_thread_not_found');
  const [latest] = await ctx.db
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.threadId, thread.id), eq(messages.author, 'applicant')))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(1);
  if (!latest) throw new AppError(404, 'message_thread_not_found');
  const [existing] = await ctx.db.select({ n: count() }).from(messageAttachments).where(eq(messageAttachments.messageId, latest.id));
  if (Number(existing?.n ?? 0) >= MAX_ATTACHMENTS_PER_MESSAGE) throw new AppError(409, 'message_attachments_full', { max: MAX_ATTACHMENTS_PER_MESSAGE });
  const incoming = await file();
  if (!incoming) throw new AppError(400, 'document_file_missing');
  const received = await receiveFile(ctx.storage, incoming, ATTACHMENT_ITEM, { maxFileBytes: ctx.maxFileBytes, remainingApplicationBytes: ctx.maxFileBytes, maxApplicationBytes: ctx.maxFileBytes });
  try {
    const [row] = await ctx.db
      .insert(messageAttachments)
      .values({ threadId: thread.id, messageId: latest.id, storageKey: received.storageKey, filename: received.filename, mediaType: received.mediaType, sizeBytes: received.bytes, sha256: received.sha256, createdAt: ctx.now() })
      .returning();
    if (!row) throw new Error('attachment not inserted');
    return { id: row.id, filename: row.filename, mediaType: row.mediaType, sizeBytes: row.sizeBytes };
  } catch (error) {
    await ctx.storage.delete(received.storageKey);
    throw error;
  }
}
