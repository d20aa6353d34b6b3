/**
 * `reminders.sweep`: every minute, and once when a worker starts (so reminders whose moment passed
 * while the service was down go out at restart, marked late), hand every due reminder to
 * `reminders.send`, in batches, each batch in the transaction that enqueues its sends.
 */
import { Type } from 'typebox';
import { reclaimStaleReminders, takeDueReminders } from '../../usecases/reminders/sweep-due-reminders';
import { defineJob } from '../define';
import { enqueueMany } from '../enqueue';
import { remindersSend } from './reminders-send';

export const SWEEP_BATCH = 500;

export const remindersSweep = defineJob({
  name: 'reminders.sweep',
  payload: Type.Object({}, { additionalProperties: false }),
  retry: { limit: 2, delaySeconds: 30, backoff: true },
  timeoutSeconds: 15 * 60,
  schedule: { cron: '* * * * *', payload: {} },
  runAtStart: true,
  async handle(_payload, ctx) {
    const now = ctx.now();
    const lease = ctx.env.notify.sendLeaseSeconds;
    const reclaimed = await reclaimStaleReminders(ctx.db, now, lease);
    let handedOut = 0;
    for (;;) {
      if (ctx.signal.aborted) break;
      const ids = await ctx.db.transaction(async (tx) => {
        const batch = await takeDueReminders(tx, now, lease, SWEEP_BATCH);
        await enqueueMany(tx, remindersSend, batch.map((reminderId) => ({ reminderId })));
        return batch;
      });
      handedOut += ids.length;
      if (ids.length < SWEEP_BATCH) break;
    }
    if (handedOut > 0 || reclaimed > 0) ctx.logger.info({ handedOut, reclaimed }, 'due reminders handed out');
    return { handedOut, reclaimed };
  },
});
