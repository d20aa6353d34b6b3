/**
 * Messaging (docs/adr/0017-messaging.md). Applicants: /api/v1/contact (public; with the
 * préfecture when signed in) and /api/v1/messages (their own threads; another person's → 404).
 * Agents and supervisors, after the second factor: /api/v1/staff/messages (the inbox of their
 * préfectures; another préfecture's thread → 404).
 */
import type { FastifyRequest } from 'fastify';
import type { FileStorage } from '../../../adapters/storage/file-storage';
import { Type } from 'typebox';
import type { App } from '../../app';
import type { Db } from '../../../db/client';
import { AppError, requestLocale } from '../../problem';
import { COMMON_ERRORS, ProblemSchema } from '../../../../contract/problem';
import { CsrfHeadersSchema } from '../../../../contract/accounts';
import {
  AssignBodySchema,
  AttachmentSchema,
  ContactSchema,
  InboxQuerySchema,
  InboxSchema,
  ReplyBodySchema,
  SendMessageBodySchema,
  StaffThreadSchema,
  ThreadListSchema,
  ThreadSchema,
} from '../../../../contract/messages';
import type { Viewer } from '../../../policies/applications';
import type { StaffCaller } from '../../../usecases/back-office/staff-scope';
import { auditOrigin } from '../../audit-origin';
import { getContact } from '../../../usecases/messages/get-contact';
import { sendMessage } from '../../../usecases/messages/send-message';
import { listMyThreads } from '../../../usecases/messages/list-my-threads';
import { getMyThread } from '../../../usecases/messages/get-my-thread';
import { addApplicantMessage } from '../../../usecases/messages/add-applicant-message';
import { listInbox } from '../../../usecases/messages/list-inbox';
import { getStaffThread } from '../../../usecases/messages/get-staff-thread';
import { assignThread } from '../../../usecases/messages/assign-thread';
import { replyToThread } from '../../../usecases/messages/reply-to-thread';
import { attachFile } from '../../../usecases/messages/attach-file';
import { readMyAttachment, readStaffAttachment } from '../../../usecases/messages/read-attachment';
import { registerUploadRoutes } from '../applications/multipart';
import { sendDocument } from '../applications/document-reply';

export interface MessageRouteDeps {
  db: Db;
  now?: (() => Date) | undefined;
  publicUrl: string;
  /** Where attachments go (the documents' storage). */
  storage: FileStorage;
  maxFileBytes: number;
}

const APPLICANT = ['applicant'] as const;
const AGENTS = ['agent', 'supervisor'] as const;
const ERRORS = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, ...COMMON_ERRORS } as const;
const WRITE_ERRORS = { ...ERRORS, 422: ProblemSchema } as const;
const ThreadParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const AttachmentParams = Type.Object({ id: Type.String({ format: 'uuid' }), attachmentId: Type.String({ format: 'uuid' }) });
const FILE_RESPONSE = Type.Unsafe({ type: 'string', format: 'binary' });

function viewer(request: FastifyRequest): Viewer {
  if (!request.user) throw new AppError(401, 'unauthenticated');
  return request.user;
}

function staff(request: FastifyRequest): StaffCaller {
  if (!request.user) throw new AppError(401, 'unauthenticated');
  return { id: request.user.id, role: request.user.role };
}

export function registerMessageRoutes(app: App, deps: MessageRouteDeps): void {
  const ctx = { db: deps.db, now: deps.now ?? (() => new Date()), publicUrl: deps.publicUrl };

  app.get(
    '/api/v1/contact',
    {
      config: { access: 'public' },
      schema: {
        tags: ['messages'],
        summary: 'The contact section: helpline, “your request concerns” and “subject” lists, and the signed-in applicant’s préfecture.',
        response: { 200: ContactSchema, ...COMMON_ERRORS },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      const userId = request.user?.role === 'applicant' ? request.user.id : undefined;
      return getContact(ctx, userId, requestLocale(request));
    },
  );

  app.get(
    '/api/v1/messages',
    { config: { access: APPLICANT }, schema: { tags: ['messages'], summary: 'My message threads, latest first.', response: { 200: ThreadListSchema, ...ERRORS } } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return listMyThreads(ctx, viewer(request), requestLocale(request));
    },
  );

  app.post(
    '/api/v1/messages',
    {
      config: { access: APPLICANT },
      schema: {
        tags: ['messages'],
        summary: 'Send a message to my préfecture (or the préfecture of the application it concerns); answers with the acknowledgement: reference and answer due date (MSG-SLA).',
        headers: CsrfHeadersSchema,
        body: SendMessageBodySchema,
        response: { 201: ThreadSchema, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => reply.code(201).send(await sendMessage(ctx, viewer(request), request.body, requestLocale(request))),
  );

  app.get(
    '/api/v1/messages/:id',
    { config: { access: APPLICANT }, schema: { tags: ['messages'], summary: 'One of my threads with its messages.', params: ThreadParams, response: { 200: ThreadSchema, ...ERRORS } } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return getMyThread(ctx, viewer(request), request.params.id, requestLocale(request));
    },
  );

  app.post(
    '/api/v1/messages/:id/messages',
    {
      config: { access: APPLICANT },
      schema: {
        tags: ['messages'],
        summary: 'Write again in my thread (it waits for an answer again).',
        headers: CsrfHeadersSchema,
        params: ThreadParams,
        body: ReplyBodySchema,
        response: { 201: ThreadSchema, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => reply.code(201).send(await addApplicantMessage(ctx, viewer(request), request.params.id, request.body, requestLocale(request))),
  );

  app.get(
    '/api/v1/staff/messages',
    {
      config: { access: AGENTS },
      schema: {
        tags: ['messages', 'back-office'],
        summary: 'The message inbox of my préfectures, due date first; filters unassigned, mine, overdue, answered.',
        querystring: InboxQuerySchema,
        response: { 200: InboxSchema, ...ERRORS },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return listInbox(ctx, staff(request), request.query.filter ?? 'all', requestLocale(request));
    },
  );

  app.get(
    '/api/v1/staff/messages/:id',
    {
      config: { access: AGENTS },
      schema: { tags: ['messages', 'back-office'], summary: 'A thread, its colleagues to assign and reply templates.', params: ThreadParams, response: { 200: StaffThreadSchema, ...ERRORS } },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return getStaffThread(ctx, staff(request), request.params.id, requestLocale(request), auditOrigin(request));
    },
  );

  app.put(
    '/api/v1/staff/messages/:id/assignee',
    {
      config: { access: AGENTS },
      schema: {
        tags: ['messages', 'back-office'],
        summary: 'Assign the thread to me or to a colleague of its préfecture.',
        headers: CsrfHeadersSchema,
        params: ThreadParams,
        body: AssignBodySchema,
        response: { 200: StaffThreadSchema, ...WRITE_ERRORS },
      },
    },
    async (request) => assignThread(ctx, staff(request), request.params.id, request.body.userId, requestLocale(request), auditOrigin(request)),
  );

  app.post(
    '/api/v1/staff/messages/:id/replies',
    {
      config: { access: AGENTS },
      schema: {
        tags: ['messages', 'back-office'],
        summary: 'Answer the applicant: the thread is answered (first answer time kept), the applicant notified in the app and by email.',
        headers: CsrfHeadersSchema,
        params: ThreadParams,
        body: ReplyBodySchema,
        response: { 201: StaffThreadSchema, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => reply.code(201).send(await replyToThread(ctx, staff(request), request.params.id, request.body, requestLocale(request), auditOrigin(request))),
  );

  const fileCtx = { ...ctx, storage: deps.storage, maxFileBytes: deps.maxFileBytes };

  app.get(
    '/api/v1/messages/:id/attachments/:attachmentId',
    {
      config: { access: APPLICANT },
      schema: { tags: ['messages'], summary: 'Download an attachment of my thread.', params: AttachmentParams, produces: ['application/pdf', 'image/jpeg', 'image/png'], response: { 200: FILE_RESPONSE, ...ERRORS } },
    },
    async (request, reply) => sendDocument(reply, await readMyAttachment(fileCtx, viewer(request), request.params.id, request.params.attachmentId)),
  );

  app.get(
    '/api/v1/staff/messages/:id/attachments/:attachmentId',
    {
      config: { access: AGENTS },
      schema: { tags: ['messages', 'back-office'], summary: 'Download an attachment of a thread of my préfectures.', params: AttachmentParams, produces: ['application/pdf', 'image/jpeg', 'image/png'], response: { 200: FILE_RESPONSE, ...ERRORS } },
    },
    async (request, reply) => sendDocument(reply, await readStaffAttachment(fileCtx, staff(request), request.params.id, request.params.attachmentId, auditOrigin(request))),
  );

  // Attachments: the document upload scope (one file per request, sniffed, size-capped).
  registerUploadRoutes(app, deps.maxFileBytes, (scope, { filePart, requireMultipart }) => {
    scope.post(
      '/api/v1/messages/:id/attachments',
      {
        config: { access: APPLICANT },
        schema: {
          tags: ['messages'],
          summary: 'Attach a file (PDF, JPEG or PNG, sniffed; size-capped) to my latest message in the thread; at most 3 per message.',
          headers: CsrfHeadersSchema,
          params: ThreadParams,
          consumes: ['multipart/form-data'],
          response: { 201: AttachmentSchema, ...WRITE_ERRORS, 409: ProblemSchema, 413: ProblemSchema, 415: ProblemSchema },
        },
      },
      async (request, reply) => {
        requireMultipart(request);
        return reply.code(201).send(await attachFile(fileCtx, viewer(request), request.params.id, filePart(request)));
      },
    );
  });
}
