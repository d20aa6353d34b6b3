/** The applicant's notifications, channel choices and calendar feed (docs/adr/0012-reminders-and-notifications.md). */
import { Type, type Static } from 'typebox';

const Instant = Type.String({ format: 'date-time' });

export const NotificationSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    kind: Type.String({ description: 'A reminder kind (`renewal_4_months`…) or `delivery_failed`.' }),
    title: Type.String({ description: 'In the reader’s language.' }),
    createdAt: Instant,
    readAt: Type.Union([Instant, Type.Null()]),
  },
  { additionalProperties: false },
);
export type NotificationBody = Static<typeof NotificationSchema>;

export const NotificationListSchema = Type.Object(
  {
    unread: Type.Integer({ minimum: 0 }),
    notifications: Type.Array(NotificationSchema, { description: 'Newest first (at most 100).' }),
  },
  { additionalProperties: false },
);
export type NotificationList = Static<typeof NotificationListSchema>;

export const NotificationPreferencesSchema = Type.Object(
  {
    email: Type.Boolean(),
    sms: Type.Boolean({ description: 'Text messages go only to a phone number recorded in the account.' }),
    inApp: Type.Literal(true, { description: 'Always on.' }),
    hasPhone: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type NotificationPreferences = Static<typeof NotificationPreferencesSchema>;

export const PutNotificationPreferencesSchema = Type.Object({ email: Type.Boolean(), sms: Type.Boolean() }, { additionalProperties: false });
export type PutNotificationPreferences = Static<typeof PutNotificationPreferencesSchema>;

export const CalendarFeedSchema = Type.Object(
  {
    url: Type.String({ description: 'Secret address of the iCalendar feed; shown once. Anyone with it can read the dates: revoke it if shared.' }),
    createdAt: Instant,
  },
  { additionalProperties: false },
);
export type CalendarFeed = Static<typeof CalendarFeedSchema>;
