/** /api/v1/me: the signed-in person's account, address, password and sessions. */
import type { FastifyRequest } from 'fastify';
import type { App } from '../../app';
import type { Db } from '../../../db/client';
import type { Env } from '../../../env';
import { USER_ROLES } from '../../../db/schema/index';
import { AppError } from '../../problem';
import { clearSessionCookie } from '../../plugins/session';
import { accountsContext } from '../../../usecases/accounts/context';
import { changeEmail } from '../../../usecases/accounts/change-email';
import { changePassword } from '../../../usecases/accounts/change-password';
import { endSession } from '../../../usecases/accounts/end-session';
import { getAccount } from '../../../usecases/accounts/get-account';
import { listSessions } from '../../../usecases/accounts/list-sessions';
import { updateProfile } from '../../../usecases/accounts/update-profile';
import {
  changeEmailSchema,
  changePasswordSchema,
  endSessionSchema,
  getMeSchema,
  listSessionsSchema,
  updateMeSchema,
} from './schemas';

/** Every signed-in role. */
const SIGNED_IN = USER_ROLES;

/** The access preHandler guarantees a user on these routes. */
function signedIn(request: FastifyRequest): { id: string } {
  if (!request.user) throw new AppError(401, 'unauthenticated');
  return request.user;
}

export function registerMeRoutes(app: App, deps: { db: Db; env: Env }): void {
  const ctx = accountsContext({ db: deps.db, env: deps.env });

  app.get('/api/v1/me', { config: { access: SIGNED_IN }, schema: getMeSchema }, async (request, reply) => {
    const me = await getAccount(ctx.db, signedIn(request).id);
    if (!me) throw new AppError(401, 'unauthenticated');
    reply.header('cache-control', 'no-store');
    return me;
  });

  app.patch('/api/v1/me', { config: { access: SIGNED_IN }, schema: updateMeSchema }, async (request) =>
    updateProfile(ctx, { userId: signedIn(request).id, ...request.body }),
  );

  app.post('/api/v1/me/email', { config: { access: SIGNED_IN }, schema: changeEmailSchema }, async (request, reply) => {
    await changeEmail(ctx, {
      userId: signedIn(request).id,
      newEmail: request.body.newEmail,
      password: request.body.password,
      clientAddress: request.ip,
    });
    return reply.code(202).send({ status: 'accepted' as const });
  });

  app.post('/api/v1/me/password', { config: { access: SIGNED_IN }, schema: changePasswordSchema }, async (request, reply) => {
    await changePassword(ctx, {
      userId: signedIn(request).id,
      currentSessionId: request.accountSession?.id,
      currentPassword: request.body.currentPassword,
      newPassword: request.body.newPassword,
      clientAddress: request.ip,
    });
    return reply.code(204).send(null);
  });

  app.get('/api/v1/me/sessions', { config: { access: SIGNED_IN }, schema: listSessionsSchema }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return listSessions(ctx, { userId: signedIn(request).id, currentSessionId: request.accountSession?.id });
  });

  app.delete('/api/v1/me/sessions/:id', { config: { access: SIGNED_IN }, schema: endSessionSchema }, async (request, reply) => {
    const { wasCurrent } = await endSession(ctx, {
      userId: signedIn(request).id,
      sessionId: request.params.id,
      currentSessionId: request.accountSession?.id,
    });
    if (wasCurrent) clearSessionCookie(reply, deps.env);
    return reply.code(204).send(null);
  });
}
