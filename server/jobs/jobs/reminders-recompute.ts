/** `reminders.recompute`: brings one person's reminders in line with their facts (outside a request). */
import { Type } from 'typebox';
import { recomputeReminders } from '../../usecases/reminders/recompute-reminders';
import { defineJob } from '../define';

export const remindersRecompute = defineJob({
  name: 'reminders.recompute',
  payload: Type.Object({ userId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  timeoutSeconds: 60,
  concurrency: 5,
  async handle({ userId }, ctx) {
    return ctx.db.transaction((tx) => recomputeReminders(tx, userId, ctx.now()));
  },
});
