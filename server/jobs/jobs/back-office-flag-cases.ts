/**
 * `back-office.flag-cases`: every day at 05:15 Paris time (and when the runner starts), raise and
 * clear the back office's flags — documents about to lapse, implicit rejections 30 and 7 days
 * away, overdue requests for documents — and notify the supervisors of each new one (see
 * `flagCases`). Idempotent: a second run the same day raises and notifies nothing more.
 */
import { Type } from 'typebox';
import { flagCases } from '../../usecases/back-office/flag-cases';
import { todayInParis } from '../../../domain/deadlines/index';
import { defineJob } from '../define';

export const backOfficeFlagCases = defineJob({
  name: 'back-office.flag-cases',
  payload: Type.Object({}, { additionalProperties: false }),
  retry: { limit: 3, delaySeconds: 300, backoff: true },
  timeoutSeconds: 30 * 60,
  schedule: { cron: '15 5 * * *', payload: {} },
  runAtStart: true,
  async handle(_payload, ctx) {
    const run = await flagCases({ db: ctx.db, now: ctx.now }, todayInParis(ctx.now()));
    ctx.logger.info(run, 'back-office cases flagged');
    return run;
  },
});
