/** The applicant's notifications, channel choices and calendar feed (ADR 0012). */
import type { FastifyRequest } from 'fastify';
import type { App } from '../../app';
import type { Db } from '../../../db/client';
import { AppError, requestLocale } from '../../problem';
import { createCalendarFeed, renderCalendarFeed, revokeCalendarFeed } from '../../../usecases/reminders/calendar-feed';
import { getNotificationPreferences, listNotifications, markNotificationRead, updateNotificationPreferences } from '../../../usecases/reminders/notifications';
import {
  calendarSchema,
  createFeedSchema,
  getPreferencesSchema,
  listNotificationsSchema,
  putPreferencesSchema,
  readNotificationSchema,
  revokeFeedSchema,
} from './schemas';

const APPLICANT = ['applicant'] as const;

function userId(request: FastifyRequest): string {
  if (!request.user) throw new AppError(401, 'unauthenticated');
  return request.user.id;
}

export function registerNotificationRoutes(app: App, deps: { db: Db; now?: (() => Date) | undefined; publicUrl: string }): void {
  const ctx = { db: deps.db, now: deps.now ?? (() => new Date()), publicUrl: deps.publicUrl };

  app.get('/api/v1/me/notifications', { config: { access: APPLICANT }, schema: listNotificationsSchema }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return listNotifications(ctx, userId(request), requestLocale(request));
  });

  app.post('/api/v1/me/notifications/:id/read', { config: { access: APPLICANT }, schema: readNotificationSchema }, async (request, reply) => {
    await markNotificationRead(ctx, userId(request), request.params.id);
    return reply.code(204).send(null);
  });

  app.get('/api/v1/me/notification-preferences', { config: { access: APPLICANT }, schema: getPreferencesSchema }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return getNotificationPreferences(ctx, userId(request));
  });

  app.put('/api/v1/me/notification-preferences', { config: { access: APPLICANT }, schema: putPreferencesSchema }, async (request) =>
    updateNotificationPreferences(ctx, userId(request), request.body),
  );

  app.post('/api/v1/me/calendar-feed', { config: { access: APPLICANT }, schema: createFeedSchema }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return reply.code(201).send(await createCalendarFeed(ctx, userId(request)));
  });

  app.delete('/api/v1/me/calendar-feed', { config: { access: APPLICANT }, schema: revokeFeedSchema }, async (request, reply) => {
    await revokeCalendarFeed(ctx, userId(request));
    return reply.code(204).send(null);
  });

  app.get('/calendar/:token', { config: { access: 'public' }, schema: calendarSchema }, async (request, reply) => {
    const token = request.params.token.endsWith('.ics') ? request.params.token.slice(0, -4) : '';
    const body = await renderCalendarFeed(ctx, token);
    return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').header('x-robots-tag', 'noindex').send(body);
  });
}
