/**
 * /api/v1/auth/second-factor: staff enrol an authenticator app and pass the second factor before
 * any staff-only route answers them (access.ts). These routes are the exemption.
 */
import type { FastifyRequest } from 'fastify';
import type { App } from '../../app';
import type { Db } from '../../../db/client';
import type { Env } from '../../../env';
import { STAFF_ROLES, type UserRole } from '../../../db/schema/index';
import { AppError } from '../../problem';
import { auditOrigin } from '../../audit-origin';
import { COMMON_ERRORS, ProblemSchema } from '../../../../contract/problem';
import {
  RecoveryCodesSchema,
  SecondFactorStatusSchema,
  SecondFactorVerifiedSchema,
  SecondFactorVerifyBodySchema,
  TotpCodeBodySchema,
  TotpEnrolmentSchema,
} from '../../../../contract/second-factor';
import { accountsContext } from '../../../usecases/accounts/context';
import { confirmTotpEnrolment } from '../../../usecases/second-factor/confirm-totp-enrolment';
import { getSecondFactorStatus } from '../../../usecases/second-factor/get-second-factor-status';
import { startTotpEnrolment } from '../../../usecases/second-factor/start-totp-enrolment';
import { verifySecondFactor } from '../../../usecases/second-factor/verify-second-factor';
import { CsrfHeadersSchema } from '../../../../contract/accounts';


const CONFIG = { access: STAFF_ROLES, beforeSecondFactor: true } as const;
const TAGS = ['second factor'];
const ERRORS = { 401: ProblemSchema, 403: ProblemSchema, 409: ProblemSchema, ...COMMON_ERRORS } as const;

function staffSession(request: FastifyRequest): { userId: string; role: UserRole; sessionId: string } {
  if (!request.user || !request.accountSession) throw new AppError(401, 'unauthenticated');
  return { userId: request.user.id, role: request.user.role, sessionId: request.accountSession.id };
}

export function registerSecondFactorRoutes(app: App, deps: { db: Db; env: Env; now?: (() => Date) | undefined }): void {
  const ctx = accountsContext({ db: deps.db, env: deps.env, ...(deps.now ? { now: deps.now } : {}) });

  app.get(
    '/api/v1/auth/second-factor',
    { config: CONFIG, schema: { tags: TAGS, summary: 'Whether an authenticator is enrolled and this session passed it.', response: { 200: SecondFactorStatusSchema, ...ERRORS } } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return getSecondFactorStatus(ctx, staffSession(request));
    },
  );

  app.post(
    '/api/v1/auth/second-factor/enrolment',
    {
      config: CONFIG,
      schema: {
        tags: TAGS,
        summary: 'Start enrolling an authenticator app: a new secret and its QR code (replaces an unconfirmed one).',
        headers: CsrfHeadersSchema,
        response: { 201: TotpEnrolmentSchema, ...ERRORS },
      },
    },
    async (request, reply) => {
      const enrolment = await startTotpEnrolment(ctx, { userId: staffSession(request).userId });
      return reply.code(201).header('cache-control', 'no-store').send(enrolment);
    },
  );

  app.post(
    '/api/v1/auth/second-factor/enrolment/confirm',
    {
      config: CONFIG,
      schema: {
        tags: TAGS,
        summary: "Confirm the enrolment with the app's first code; returns the recovery codes, once.",
        headers: CsrfHeadersSchema,
        body: TotpCodeBodySchema,
        response: { 200: RecoveryCodesSchema, ...ERRORS },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return confirmTotpEnrolment(ctx, { ...staffSession(request), code: request.body.code, origin: auditOrigin(request) });
    },
  );

  app.post(
    '/api/v1/auth/second-factor/verify',
    {
      config: CONFIG,
      schema: {
        tags: TAGS,
        summary: 'Pass the second factor for this session with a code from the app or a recovery code.',
        headers: CsrfHeadersSchema,
        body: SecondFactorVerifyBodySchema,
        response: { 200: SecondFactorVerifiedSchema, ...ERRORS },
      },
    },
    async (request) => verifySecondFactor(ctx, { ...staffSession(request), proof: request.body, origin: auditOrigin(request) }),
  );
}
