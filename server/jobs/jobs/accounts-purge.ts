/**
 * `accounts.purge`: every night, delete account data that has no use any more (ended sessions,
 * old links, stale sign-in counters) — see `purgeAccountData`. Idempotent: it deletes what is
 * expired at the time it runs, so a second run deletes nothing more.
 *
 * 03:15 Paris time exists exactly once every day: the daylight-saving changes happen between
 * 02:00 and 03:00.
 */
import { Type } from 'typebox';
import { accountsContext } from '../../usecases/accounts/context';
import { purgeAccountData } from '../../usecases/accounts/purge-account-data';
import { defineJob } from '../define';

export const accountsPurge = defineJob({
  name: 'accounts.purge',
  payload: Type.Object({}, { additionalProperties: false }),
  retry: { limit: 3, delaySeconds: 300, backoff: true },
  timeoutSeconds: 15 * 60,
  schedule: { cron: '15 3 * * *', payload: {} },
  async handle(_payload, ctx) {
    const deleted = await purgeAccountData(accountsContext({ db: ctx.db, env: ctx.env, now: ctx.now }));
    ctx.logger.info({ deleted }, 'account data purged');
    return deleted;
  },
});
