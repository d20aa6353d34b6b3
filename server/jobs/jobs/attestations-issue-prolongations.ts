/**
 * `attestations.issue-prolongations`: every hour, and when a worker starts, issue the attestations
 * de prolongation that are due (see `issueDueProlongations`): the holder of a pending in-time
 * application gets the next one on the last day of the document it follows, never a day late.
 * Idempotent: a second run in the same hour issues nothing more.
 */
import { Type } from 'typebox';
import { keysOf } from '../../usecases/attestations/context';
import { issueDueProlongations } from '../../usecases/attestations/issue-due-prolongations';
import { todayInParis } from '../../../domain/deadlines/index';
import { defineJob } from '../define';

export const attestationsIssueProlongations = defineJob({
  name: 'attestations.issue-prolongations',
  payload: Type.Object({}, { additionalProperties: false }),
  retry: { limit: 5, delaySeconds: 120, backoff: true },
  timeoutSeconds: 30 * 60,
  schedule: { cron: '5 * * * *', payload: {} },
  runAtStart: true,
  async handle(_payload, ctx) {
    const run = await issueDueProlongations({ db: ctx.db, keys: keysOf(ctx.env), now: ctx.now }, todayInParis(ctx.now()));
    if (run.issued > 0) ctx.logger.info(run, 'attestations de prolongation issued');
    return run;
  },
});
