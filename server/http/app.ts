/**
 * The Fastify application: plugins in a fixed order, then every route registered explicitly
 * (grep finds them). Built the same way by the server, the tests and the benchmarks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyServerOptions,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { Redis } from 'ioredis';
import type { Env } from '../env';
import type { Database } from '../db/client';
import { registerAccessControl } from './access';
import { registerMetrics } from './metrics';
import { AppError, buildProblem, errorForLog, problemFromError, requestLocale, sendProblem } from './problem';
import { registerHealthRoutes } from './routes/health/index';
import { registerDepartementRoutes } from './routes/departements/index';
import { registerDeadlineRoutes } from './routes/deadlines/index';
import { registerOpenApiRoutes } from './routes/openapi/index';
import sessionPlugin from './plugins/session';
import { registerAuthRoutes } from './routes/auth/index';
import { registerMeRoutes } from './routes/me/index';
import { registerSecondFactorRoutes } from './routes/second-factor/index';
import { registerStaffRoutes } from './routes/staff/index';
import { registerBackOfficeRoutes } from './routes/back-office/index';
import { registerDirectoryRoutes } from './routes/directory/index';
import { registerDevRoutes } from './routes/dev/index';
import { registerVlsTsRoutes } from './routes/vls-ts/index';
import { registerPermitRoutes } from './routes/permits/index';
import { registerApplicationRoutes } from './routes/applications/index';
import { registerRepresentationRoutes } from './routes/representations/index';
import type { FileStorage } from '../adapters/storage/file-storage';
import { createFileStorage } from '../adapters/storage/index';
import { registerAttestationRoutes } from './routes/attestations/index';
import { registerVerifyRoutes } from './routes/verify/index';
import { registerWellKnownRoutes } from './routes/well-known/index';
import { keysOf } from '../usecases/attestations/context';
import { registerNotificationRoutes } from './routes/notifications/index';
import { registerMessageRoutes } from './routes/messages/index';
import { registerProfileRoutes } from './routes/profile/index';
import { registerOverviewRoutes } from './routes/overview/index';
import { registerStatisticsRoutes } from './routes/statistics/index';
import { registerAppointmentRoutes } from './routes/appointments/index';
import { registerHelpDeskRoutes } from './routes/help-desk/index';

export interface AppDeps {
  env: Env;
  database: Database;
  /** Fastify logger options; tests pass `false`. */
  logger?: FastifyServerOptions['logger'];
  /** A pino logger made by the process entry point (start-up and request logs in one stream). */
  loggerInstance?: FastifyBaseLogger;
  /** The clock (tests fix it); legal "today" is derived from it in Europe/Paris at the edge. */
  now?: () => Date;
  /** Where documents go; default from the configuration (S3_BUCKET, else DATA_DIR/files). */
  storage?: FileStorage;
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  objectSrc: ["'none'"],
  upgradeInsecureRequests: null,
} as const;

/** Logs carry the route and request id, never query strings, cookies, bodies or IP addresses. */
export function loggerOptions(level: Env['logLevel']): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'], remove: true },
    serializers: {
      req: (req: { method: string; url: string; routeOptions?: { url?: string } }) => ({
        method: req.method,
        path: req.url.split('?')[0],
        route: req.routeOptions?.url,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

export async function buildApp(deps: AppDeps): Promise<App> {
  const { env, database } = deps;
  const app = Fastify({
    ...(deps.loggerInstance ? { loggerInstance: deps.loggerInstance } : { logger: deps.logger ?? loggerOptions(env.logLevel) }),
    trustProxy: env.trustProxy,
    bodyLimit: env.bodyLimitBytes,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // Idle keep-alive sockets are closed on shutdown; in-flight requests finish first.
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true },
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // On shutdown, a response still in flight asks its client to close the connection, so that a
  // keep-alive socket busy when closing began does not hold the server open afterwards.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (closing) reply.header('connection', 'close');
  });

  registerAccessControl(app, { internalToken: env.metricsToken });
  const metrics = registerMetrics(app);

  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    hsts: env.publicUrl.startsWith('https:') ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
  });

  const redis = env.redisUrl
    ? new Redis(env.redisUrl, { connectTimeout: 500, maxRetriesPerRequest: 1, lazyConnect: false })
    : undefined;
  if (redis) {
    redis.on('error', (error) => app.log.warn({ err: { message: error.message } }, 'redis error'));
    app.addHook('onClose', async () => {
      redis.disconnect();
    });
  }
  await app.register(rateLimit, {
    global: true,
    max: env.rateLimitMax,
    timeWindow: env.rateLimitWindowMs,
    ...(redis ? { redis, nameSpace: 'sejour-rl-', skipOnError: true } : {}),
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new AppError(429, 'rate_limited', { seconds }, [], { 'retry-after': String(seconds) });
    },
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Sejour API',
        version: '1',
        description:
          'Residence-permit procedures in France. Errors are RFC 9457 problem details (`application/problem+json`) with a stable `code`, in the language of `Accept-Language` (fr or en).',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      servers: [{ url: env.publicUrl }],
      tags: [
        { name: 'health', description: 'Liveness, readiness and metrics' },
        { name: 'reference', description: 'Départements and prefectures' },
        { name: 'deadlines', description: 'The legal deadline engine: dates, rules, coverage' },
        { name: 'vls-ts', description: 'Recording and validating a long-stay visa (VLS-TS)' },
        { name: 'permits', description: "The applicant's residence documents" },
        { name: 'applications', description: 'Card applications, supporting documents, submission' },
        { name: 'attestations', description: "The holder's signed attestations (PDF) and share codes" },
        { name: 'verify', description: 'Public verification of attestations and share codes; published keys' },
        { name: 'profile', description: "The applicant's identity and address, and their change log" },
        { name: 'overview', description: 'The personal space at a glance: coverage today, next deadline, applications, requests' },
        { name: 'help-desk', description: 'The préfecture help desk: registering and filing for people who cannot use the online service; letters to post' },
        { name: 'appointments', description: 'Appointment slots published by agents; bookings by applicants, never overbooked' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/v1/docs', staticCSP: false });

  app.setErrorHandler((error, request, reply) => {
    const { problem, headers, internal } = problemFromError(request, error as Error, env.bodyLimitBytes);
    if (internal) {
      request.log.error({ err: errorForLog(error), requestId: request.id }, 'unexpected error');
    } else if (problem.status === 503) {
      const cause = (error as { cause?: { code?: unknown } }).cause;
      request.log.warn({ requestId: request.id, code: (error as { code?: string }).code, cause: typeof cause?.code === 'string' ? cause.code : undefined }, 'dependency unavailable');
    }
    return sendProblem(reply, problem, headers);
  });

  const indexHtml = path.join(env.webDistDir, 'index.html');
  const hasWeb = fs.existsSync(indexHtml);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: env.webDistDir,
      wildcard: false,
      index: false,
      maxAge: '1h',
      setHeaders: (res, filePath) => {
        if (filePath.includes(`${path.sep}assets${path.sep}`)) res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }

  app.setNotFoundHandler(
    { preHandler: app.rateLimit() },
    (request, reply) => {
      const pathname = request.url.split('?')[0] ?? '/';
      const wantsPage = request.method === 'GET' && !pathname.startsWith('/api/') && hasWeb;
      if (wantsPage) {
        // The single-page app handles its own routes (and its own "page not found").
        return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile('index.html');
      }
      const locale = requestLocale(request);
      return sendProblem(
        reply,
        buildProblem(locale, 404, 'route_not_found', { method: request.method, path: pathname }, {
          instance: pathname,
          requestId: String(request.id),
        }),
      );
    },
  );

  await app.register(sessionPlugin, { env, db: database.db });
  registerHealthRoutes(app, { database, metrics });
  registerOpenApiRoutes(app);
  registerDepartementRoutes(app, { db: database.db });
  registerDeadlineRoutes(app, { now: deps.now });
  registerAuthRoutes(app, { db: database.db, env });
  registerMeRoutes(app, { db: database.db, env });
  registerSecondFactorRoutes(app, { db: database.db, env, now: deps.now });
  registerStaffRoutes(app, { db: database.db });
  registerDirectoryRoutes(app, { db: database.db, now: deps.now });
  registerStatisticsRoutes(app, { db: database.db });
  registerDevRoutes(app, { db: database.db, env });
  const keys = keysOf(env);
  registerVlsTsRoutes(app, { db: database.db, now: deps.now, keys });
  registerPermitRoutes(app, { db: database.db, now: deps.now });
  registerProfileRoutes(app, { db: database.db, now: deps.now });
  registerNotificationRoutes(app, { db: database.db, now: deps.now, publicUrl: env.publicUrl });
  registerOverviewRoutes(app, { db: database.db, now: deps.now });
  const applicationStorage = deps.storage ?? createFileStorage(env);
  registerApplicationRoutes(app, {
    db: database.db,
    env,
    now: deps.now,
    storage: applicationStorage,
    limits: { maxFileBytes: env.uploadMaxFileBytes, maxApplicationBytes: env.uploadMaxApplicationBytes },
  });
  registerRepresentationRoutes(app, {
    db: database.db,
    env,
    now: deps.now,
    storage: applicationStorage,
    limits: { maxFileBytes: env.uploadMaxFileBytes, maxApplicationBytes: env.uploadMaxApplicationBytes },
  });
  const now = deps.now ?? (() => new Date());
  registerAttestationRoutes(app, { db: database.db, now, keys, publicUrl: env.publicUrl });
  registerVerifyRoutes(app, { db: database.db, now, keys });
  registerWellKnownRoutes(app, { keys });
  registerBackOfficeRoutes(app, { db: database.db, now, storage: applicationStorage, keys });
  registerMessageRoutes(app, { db: database.db, now, publicUrl: env.publicUrl, storage: applicationStorage, maxFileBytes: env.uploadMaxFileBytes });
  registerAppointmentRoutes(app, { db: database.db, now });
  registerHelpDeskRoutes(app, {
    db: database.db,
    env,
    now,
    storage: applicationStorage,
    keys,
    limits: { maxFileBytes: env.uploadMaxFileBytes, maxApplicationBytes: env.uploadMaxApplicationBytes },
  });

  return app;
}
