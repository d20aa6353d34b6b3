/** Route schemas of /api/v1/me/notifications, /api/v1/me/notification-preferences, the calendar feed. */
import { Type } from 'typebox';
import { CalendarFeedSchema, NotificationListSchema, NotificationPreferencesSchema, PutNotificationPreferencesSchema } from '../../../../contract/notifications';
import { COMMON_ERRORS, ProblemSchema } from '../../../../contract/problem';

const TAGS = ['notifications'];
const SIGNED_IN_ERRORS = { 401: ProblemSchema, 403: ProblemSchema, ...COMMON_ERRORS } as const;
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const listNotificationsSchema = {
  tags: TAGS,
  summary: 'My notifications (reminders shown in my space, deliveries that failed), newest first, with the unread count.',
  response: { 200: NotificationListSchema, ...SIGNED_IN_ERRORS },
};

export const readNotificationSchema = {
  tags: TAGS,
  summary: 'Mark one of my notifications read (again: no change).',
  params: IdParams,
  response: { 204: Type.Null(), 404: ProblemSchema, ...SIGNED_IN_ERRORS },
};

export const getPreferencesSchema = {
  tags: TAGS,
  summary: 'The channels my reminders go to (in-app always).',
  response: { 200: NotificationPreferencesSchema, ...SIGNED_IN_ERRORS },
};

export const putPreferencesSchema = {
  tags: TAGS,
  summary: 'Choose email and text-message reminders; pending reminders follow at once.',
  body: PutNotificationPreferencesSchema,
  response: { 200: NotificationPreferencesSchema, ...SIGNED_IN_ERRORS },
};

export const createFeedSchema = {
  tags: TAGS,
  summary: 'Create my secret calendar address (revoking the previous one).',
  response: { 201: CalendarFeedSchema, ...SIGNED_IN_ERRORS },
};

export const revokeFeedSchema = {
  tags: TAGS,
  summary: 'Revoke my calendar address: it answers 404 from now on.',
  response: { 204: Type.Null(), 404: ProblemSchema, ...SIGNED_IN_ERRORS },
};

export const calendarSchema = {
  tags: TAGS,
  summary: 'A personal calendar (iCalendar): every deadline and reminder date. Public, behind a secret token.',
  params: Type.Object({ token: Type.String({ maxLength: 64 }) }),
  produces: ['text/calendar'],
  response: { 200: Type.String({ description: 'text/calendar' }), 404: ProblemSchema, ...COMMON_ERRORS },
};
