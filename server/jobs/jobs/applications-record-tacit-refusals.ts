/**
 * `applications.record-tacit-refusals`: every day at 00:20 Paris time, and when a worker starts,
 * record the implicit rejections that arose (see `recordTacitRefusals`): a history row through the
 * state machine, an in-app notification and an email, once per application. Idempotent.
 */
import { Type } from 'typebox';
import { recordTacitRefusals } from '../../usecases/applications/record-tacit-refusals';
import { todayInParis } from '../../../domain/deadlines/index';
import { defineJob } from '../define';

export const applicationsRecordTacitRefusals = defineJob({
  name: 'applications.record-tacit-refusals',
  payload: Type.Object({}, { additionalProperties: false }),
  retry: { limit: 5, delaySeconds: 300, backoff: true },
  timeoutSeconds: 60 * 60,
  schedule: { cron: '20 0 * * *', payload: {} },
  runAtStart: true,
  async handle(_payload, ctx) {
    const run = await recordTacitRefusals({ db: ctx.db, now: ctx.now, publicUrl: ctx.env.publicUrl }, todayInParis(ctx.now()));
    if (run.recorded > 0) ctx.logger.info(run, 'implicit rejections recorded');
    return run;
  },
});
