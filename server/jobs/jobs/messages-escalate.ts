/**
 * `messages.escalate`: every hour, and when a worker starts, hand the threads still unanswered at
 * their escalation date (rule MSG-ESC) to the supervisors of their préfecture. Idempotent.
 */
import { Type } from 'typebox';
import { escalateDueThreads } from '../../usecases/messages/escalate-due-threads';
import { defineJob } from '../define';

export const messagesEscalate = defineJob({
  name: 'messages.escalate',
  payload: Type.Object({}, { additionalProperties: false }),
  retry: { limit: 5, delaySeconds: 120, backoff: true },
  timeoutSeconds: 15 * 60,
  schedule: { cron: '15 * * * *', payload: {} },
  runAtStart: true,
  async handle(_payload, ctx) {
    const run = await escalateDueThreads({ db: ctx.db, now: ctx.now, publicUrl: ctx.env.publicUrl });
    if (run.escalated > 0) ctx.logger.info(run, 'unanswered messages escalated');
    return run;
  },
});
