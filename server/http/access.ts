/**
 * Every route declares who may call it (`config.access`); a route without a declaration
 * makes the server refuse to start. Enforcement of signed-in roles is here so that a route
 * cannot forget it.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './problem';
import { STAFF_ROLES, type UserRole } from '../db/schema/users';

export type Access = 'public' | 'internal' | readonly UserRole[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /**
     * Staff (agents, supervisors, administrators) reach routes reserved to staff only after passing
     * the second factor in this session; `true` exempts the few routes that let them pass it.
     */
    beforeSecondFactor?: boolean;
  }
  interface FastifyRequest {
    /** Set by the session plugin when someone is signed in. */
    user?: { id: string; role: UserRole; secondFactor: boolean } | undefined;
  }
}

export interface AccessOptions {
  /** Bearer token for `internal` routes (/metrics); unset: loopback clients only. */
  internalToken?: string | undefined;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * `internal` routes serve operators, not users: with a token configured, only a request bearing it
 * passes (compared in constant time); without one, only a client on this machine does. Behind a
 * reverse proxy with TRUST_PROXY, `request.ip` is the real client, so the proxy does not make the
 * outside look local.
 */
function internalAllowed(request: FastifyRequest, token: string | undefined): boolean {
  if (token) {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer (.+)$/.exec(header);
    return match !== null && timingSafeEqual(digest(match[1] ?? ''), digest(token));
  }
  return LOOPBACK.has(request.ip);
}


/** A staff member on a route applicants cannot use: the route shows cases or staff tools. */
function needsSecondFactor(access: readonly UserRole[], role: UserRole): boolean {
  return (STAFF_ROLES as readonly UserRole[]).includes(role) && !access.includes('applicant');
}

export function registerAccessControl(app: FastifyInstance, options: AccessOptions = {}): void {
  app.addHook('onRoute', (route) => {
    const access = (route.config as { access?: Access } | undefined)?.access;
    if (access !== undefined) return;
    // Static files of the front end and of the API reference page are public by nature;
    // every other API route must say who may call it.
    const isStatic = !route.url.startsWith('/api/') || route.url.startsWith('/api/v1/docs');
    if (!isStatic) throw new Error(`Route ${String(route.method)} ${route.url} does not declare config.access`);
    route.config = { ...(route.config as object), access: 'public' };
  });

  app.addHook('preHandler', async (request: FastifyRequest) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public') return;
    if (access === 'internal') {
      if (!internalAllowed(request, options.internalToken)) throw new AppError(403, 'forbidden');
      return;
    }
    if (!request.user) throw new AppError(401, 'unauthenticated');
    if (!access.includes(request.user.role)) throw new AppError(403, 'forbidden');
    if (needsSecondFactor(access, request.user.role) && !request.user.secondFactor && !request.routeOptions.config.beforeSecondFactor) {
      throw new AppError(403, 'second_factor_required');
    }
  });
}
