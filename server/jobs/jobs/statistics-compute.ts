/**
 * `statistics.compute`: every day at 04:30 Paris time (and once when the runner starts), compute
 * the public transparency statistics into `prefecture_statistics` — see `computeStatistics`.
 * It also refreshes every pending application's decision-estimate inputs (`computeDecisionEstimates`).
 * Idempotent: a second run the same day replaces that day's rows with the same figures.
 *
 * 04:30 Paris time exists exactly once every day (daylight-saving changes happen 02:00–03:00).
 */
import { Type } from 'typebox';
import { computeDecisionEstimates } from '../../usecases/statistics/compute-decision-estimates';
import { computeStatistics } from '../../usecases/statistics/compute-statistics';
import { defineJob } from '../define';

export const statisticsCompute = defineJob({
  name: 'statistics.compute',
  payload: Type.Object({}, { additionalProperties: false }),
  retry: { limit: 3, delaySeconds: 300, backoff: true },
  timeoutSeconds: 30 * 60,
  schedule: { cron: '30 4 * * *', payload: {} },
  runAtStart: true,
  async handle(_payload, ctx) {
    const computed = await computeStatistics({ db: ctx.db, now: ctx.now });
    const estimates = await computeDecisionEstimates({ db: ctx.db, now: ctx.now });
    ctx.logger.info({ ...computed, ...estimates }, 'statistics computed');
    return { ...computed, ...estimates };
  },
});
