/** The applicant's in-app notifications and channel choices (applicant only; another person's → 404). */
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { NotificationList, NotificationPreferences, PutNotificationPreferences } from '../../../contract/notifications';
import type { Db } from '../../db/client';
import { notificationPreferences, notifications, users } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import type { Locale } from '../../i18n/index';
import { notificationTitle } from './send-reminder';
import { recomputeReminders } from './recompute-reminders';

export interface NotificationsContext {
  db: Db;
  now: () => Date;
}

export async function listNotifications(ctx: NotificationsContext, userId: string, locale: Locale): Promise<NotificationList> {
  const rows = await ctx.db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.createdAt)).limit(100);
  const [unread] = await ctx.db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return {
    unread: Number(unread?.n ?? 0),
    notifications: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      title: notificationTitle(row.kind, row.params, locale),
      createdAt: row.createdAt.toISOString(),
      readAt: row.readAt ? row.readAt.toISOString() : null,
    })),
  };
}

export async function markNotificationRead(ctx: NotificationsContext, userId: string, id: string): Promise<void> {
  const [row] = await ctx.db.select({ readAt: notifications.readAt }).from(notifications).where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  if (!row) throw new AppError(404, 'notification_not_found');
  if (!row.readAt) await ctx.db.update(notifications).set({ readAt: ctx.now() }).where(and(eq(notifications.id, id), isNull(notifications.readAt)));
}

export async function getNotificationPreferences(ctx: NotificationsContext, userId: string): Promise<NotificationPreferences> {
  const [row] = await ctx.db
    .select({ phone: users.phone, email: notificationPreferences.email, sms: notificationPreferences.sms })
    .from(users)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(eq(users.id, userId));
  return { email: row?.email ?? true, sms: row?.sms ?? true, inApp: true, hasPhone: Boolean(row?.phone) };
}

/** Saves the choices and, in the same transaction, brings the pending reminders in line. */
export async function updateNotificationPreferences(ctx: NotificationsContext, userId: string, input: PutNotificationPreferences): Promise<NotificationPreferences> {
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(notificationPreferences)
      .values({ userId, email: input.email, sms: input.sms, updatedAt: now })
      .onConflictDoUpdate({ target: notificationPreferences.userId, set: { email: input.email, sms: input.sms, updatedAt: now } });
    await recomputeReminders(tx, userId, now);
  });
  return getNotificationPreferences(ctx, userId);
}
