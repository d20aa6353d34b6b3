/** `reminders.send`: one reminder on one channel (`sendReminder`, safe to run twice). */
import { Type } from 'typebox';
import { deliveryFor } from '../../usecases/reminders/delivery';
import { sendReminder } from '../../usecases/reminders/send-reminder';
import { defineJob } from '../define';

export const remindersSend = defineJob({
  name: 'reminders.send',
  payload: Type.Object({ reminderId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
  // Delivery failures are retried by the reminder's own schedule (send-reminder.ts); these retries
  // only cover the database being unreachable.
  retry: { limit: 3, delaySeconds: 30, backoff: true },
  timeoutSeconds: 120,
  concurrency: 20,
  async handle({ reminderId }, ctx) {
    const outcome = await sendReminder({ db: ctx.db, now: ctx.now, publicUrl: ctx.env.publicUrl, delivery: deliveryFor(ctx.env.notify, ctx.now), quietHours: ctx.env.notify.quietHours ?? null }, reminderId);
    if (outcome === 'failed' || outcome === 'retry') ctx.logger.warn({ reminderId, outcome }, 'reminder not delivered');
    return { outcome };
  },
});
