/**
 * Every route declares who may call it (`config.access`); a route without a declaration
 * makes the server refuse to start. Enforcement of signed-in roles is here so that a route
 * cannot forget it.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './problem';
import type { UserRole } from '../db/schema/users';

export type Access = 'public' | 'internal' | readonly UserRole[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    /** Set by the session plugin when someone is signed in. */
    user?: { id: string; role: UserRole } | undefined;
  }
}

export function registerAccessControl(app: FastifyInstance): void {
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
    if (access === undefined || access === 'public' || access === 'internal') return;
    if (!request.user) throw new AppError(401, 'unauthenticated');
    if (!access.includes(request.user.role)) throw new AppError(403, 'forbidden');
  });
}
