/**
 * /api/v1/staff/applications: the back office (docs/adr/0014-back-office-queue.md). Agents and
 * supervisors only, after the second factor (access.ts); an application of another préfecture is
 * 404. Every read of case data and every action is written to the audit log.
 */
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App } from '../../app';
import type { Db } from '../../../db/client';
import type { FileStorage } from '../../../adapters/storage/file-storage';
import type { Keyring } from '../../../adapters/signing/keyring';
import { AppError, requestLocale } from '../../problem';
import { auditOrigin } from '../../audit-origin';
import { COMMON_ERRORS, ProblemSchema } from '../../../../contract/problem';
import { CsrfHeadersSchema } from '../../../../contract/accounts';
import {
  ActionBodySchema,
  ActionResultSchema,
  AssignBodySchema,
  BlockProlongationBodySchema,
  CaseActResultSchema,
  DashboardQuerySchema,
  DashboardSchema,
  CaseFileSchema,
  QueuePageSchema,
  QueueQuerySchema,
  RefuseBodySchema,
  RequestDocumentsBodySchema,
} from '../../../../contract/back-office';
import { DEFAULT_UPLOAD_LIMITS } from '../../../usecases/applications/context';
import { listQueue } from '../../../usecases/back-office/list-queue';
import { getCaseFile } from '../../../usecases/back-office/get-case-file';
import { readCaseDocument } from '../../../usecases/back-office/read-case-document';
import { declareComplete } from '../../../usecases/back-office/declare-complete';
import { decideFavourably } from '../../../usecases/back-office/decide-favourably';
import { refuseApplication } from '../../../usecases/back-office/refuse-application';
import { requestDocumentsAsAgent } from '../../../usecases/back-office/request-documents-as-agent';
import { assignCase } from '../../../usecases/back-office/assign-case';
import { blockProlongation, unblockProlongation } from '../../../usecases/back-office/block-prolongation';
import { getDashboard } from '../../../usecases/back-office/get-dashboard';
import type { StaffCaller } from '../../../usecases/back-office/staff-scope';

export interface BackOfficeRouteDeps {
  db: Db;
  now?: (() => Date) | undefined;
  storage: FileStorage;
  keys: () => Keyring;
}

const AGENTS = ['agent', 'supervisor'] as const;
const TAGS = ['back-office'];
/** 401 not signed in; 403 not staff, no second factor, or anti-CSRF token missing; 404 not of the caller's préfectures. */
const ERRORS = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, ...COMMON_ERRORS } as const;
const ACTION_ERRORS = { ...ERRORS, 409: ProblemSchema, 422: ProblemSchema } as const;
const ApplicationParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const DocumentParams = Type.Object({ id: Type.String({ format: 'uuid' }), documentId: Type.String({ format: 'uuid' }) });

function staff(request: FastifyRequest): StaffCaller {
  if (!request.user) throw new AppError(401, 'unauthenticated');
  return { id: request.user.id, role: request.user.role };
}

/** `inline; filename*=UTF-8''…` (RFC 6266 / 8187): shown in the page, never saved by the browser on its own. */
function inlineHeader(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function registerBackOfficeRoutes(app: App, deps: BackOfficeRouteDeps): void {
  const now = deps.now ?? (() => new Date());
  const base = { db: deps.db, now };
  const agentDeps = { ...base, keys: deps.keys };

  app.get(
    '/api/v1/staff/applications',
    {
      config: { access: AGENTS },
      schema: {
        tags: TAGS,
        summary: 'The work queue of my préfectures: filters, search, sort, pages; each row with its legal clock.',
        querystring: QueueQuerySchema,
        response: { 200: QueuePageSchema, ...ERRORS },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return listQueue(base, staff(request), request.query, auditOrigin(request));
    },
  );

  app.get(
    '/api/v1/staff/applications/:id',
    {
      config: { access: AGENTS },
      schema: {
        tags: TAGS,
        summary: 'A case file: applicant, permits, documents, requests, attestations, history and every date with its rule.',
        params: ApplicationParams,
        response: { 200: CaseFileSchema, ...ERRORS },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return getCaseFile(base, staff(request), request.params.id, auditOrigin(request), requestLocale(request));
    },
  );

  app.get(
    '/api/v1/staff/applications/:id/documents/:documentId/content',
    {
      config: { access: AGENTS },
      schema: {
        tags: TAGS,
        summary: 'A document of the case, served inline (PDF or image, type sniffed at upload) to view in the page.',
        params: DocumentParams,
        produces: ['application/pdf', 'image/jpeg', 'image/png'],
        response: { 200: Type.Unsafe({ type: 'string', format: 'binary' }), ...ERRORS },
      },
    },
    async (request, reply) => {
      const content = await readCaseDocument({ ...base, storage: deps.storage }, staff(request), { applicationId: request.params.id, documentId: request.params.documentId }, auditOrigin(request));
      // Only this response may be framed, and only by our own pages (the case file's viewer).
      reply.header('content-security-policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'self'");
      reply.header('x-frame-options', 'SAMEORIGIN');
      return reply
        .type(content.mediaType)
        .header('content-length', String(content.sizeBytes))
        .header('content-disposition', inlineHeader(content.filename))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(content.stream);
    },
  );

  app.post(
    '/api/v1/staff/applications/:id/document-requests',
    {
      config: { access: AGENTS },
      schema: {
        tags: TAGS,
        summary: 'Ask for extra documents: the exact checklist items and a due date; the filing date and in-time status are kept [R-20].',
        headers: CsrfHeadersSchema,
        params: ApplicationParams,
        body: RequestDocumentsBodySchema,
        response: { 201: ActionResultSchema, ...ACTION_ERRORS },
      },
    },
    async (request, reply) => {
      const ctx = { ...base, storage: deps.storage, limits: DEFAULT_UPLOAD_LIMITS };
      await requestDocumentsAsAgent(ctx, staff(request), { applicationId: request.params.id, ...request.body }, auditOrigin(request));
      return reply.code(201).send({ applicationId: request.params.id, status: 'documents_requested' });
    },
  );

  app.post(
    '/api/v1/staff/applications/:id/complete',
    {
      config: { access: AGENTS },
      schema: {
        tags: TAGS,
        summary: 'Declare the file complete (an in-time application whose permit has expired gets its attestation de prolongation).',
        headers: CsrfHeadersSchema,
        params: ApplicationParams,
        body: ActionBodySchema,
        response: { 200: ActionResultSchema, ...ACTION_ERRORS },
      },
    },
    async (request) => declareComplete(agentDeps, staff(request), { applicationId: request.params.id, ...request.body }, auditOrigin(request)),
  );

  app.post(
    '/api/v1/staff/applications/:id/favourable-decision',
    {
      config: { access: AGENTS },
      schema: {
        tags: TAGS,
        summary: 'Decide favourably: issues the attestation de décision favorable and the decision letter.',
        headers: CsrfHeadersSchema,
        params: ApplicationParams,
        body: ActionBodySchema,
        response: { 200: ActionResultSchema, ...ACTION_ERRORS },
      },
    },
    async (request) => decideFavourably(agentDeps, staff(request), { applicationId: request.params.id, ...request.body }, auditOrigin(request)),
  );

  app.post(
    '/api/v1/staff/applications/:id/refusal',
    {
      config: { access: AGENTS },
      schema: {
        tags: TAGS,
        summary: 'Refuse with written reasons: issues the decision letter with the recourse routes and deadline.',
        headers: CsrfHeadersSchema,
        params: ApplicationParams,
        body: RefuseBodySchema,
        response: { 200: ActionResultSchema, ...ACTION_ERRORS },
      },
    },
    async (request) => refuseApplication(agentDeps, staff(request), { applicationId: request.params.id, ...request.body }, auditOrigin(request)),
  );

  app.post(
    '/api/v1/staff/applications/:id/assignment',
    {
      config: { access: AGENTS },
      schema: {
        tags: TAGS,
        summary: 'Assign the case to myself (`me`), to a colleague of the préfecture, or to nobody (null); kept in the history.',
        headers: CsrfHeadersSchema,
        params: ApplicationParams,
        body: AssignBodySchema,
        response: { 200: CaseActResultSchema, ...ACTION_ERRORS },
      },
    },
    async (request) => assignCase(base, staff(request), { applicationId: request.params.id, ...request.body }, auditOrigin(request)),
  );

  app.post(
    '/api/v1/staff/applications/:id/prolongation-block',
    {
      config: { access: AGENTS },
      schema: {
        tags: TAGS,
        summary: 'Hold back the automatic attestations de prolongation, with a written reason the supervisor reads.',
        headers: CsrfHeadersSchema,
        params: ApplicationParams,
        body: BlockProlongationBodySchema,
        response: { 200: CaseActResultSchema, ...ACTION_ERRORS },
      },
    },
    async (request) => blockProlongation(base, staff(request), { applicationId: request.params.id, ...request.body }, auditOrigin(request)),
  );

  app.delete(
    '/api/v1/staff/applications/:id/prolongation-block',
    {
      config: { access: AGENTS },
      schema: {
        tags: TAGS,
        summary: 'Lift the block: the attestations de prolongation due are issued at once.',
        headers: CsrfHeadersSchema,
        params: ApplicationParams,
        querystring: Type.Object({ expectedUpdatedAt: Type.Optional(Type.String({ format: 'date-time' })) }, { additionalProperties: false }),
        response: { 200: Type.Object({ ...CaseActResultSchema.properties, issued: Type.Integer({ description: 'Attestations issued on lifting.' }) }), ...ACTION_ERRORS },
      },
    },
    async (request) => unblockProlongation(agentDeps, staff(request), { applicationId: request.params.id, ...request.query }, auditOrigin(request)),
  );

  app.get(
    '/api/v1/staff/dashboard',
    {
      config: { access: ['supervisor'] },
      schema: {
        tags: TAGS,
        summary: "A supervisor's dashboard for one of their préfectures: backlog, processing times, flagged cases, held-back attestations.",
        querystring: DashboardQuerySchema,
        response: { 200: DashboardSchema, ...ERRORS },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return getDashboard(base, staff(request), request.query.prefectureId, auditOrigin(request), requestLocale(request));
    },
  );
}
