/** What every account use case receives: the database, the configuration, mail and the clock. */
import type { Db } from '../../db/client';
import type { Env } from '../../env';
import type { MailAdapter } from '../../adapters/mail/index';
import { createOutboxMailer } from '../../adapters/mail/outbox';

export interface AccountsContext {
  db: Db;
  env: Pick<Env, 'publicUrl' | 'sessionIdleMinutes' | 'sessionMaxHours'>;
  mail: MailAdapter;
  now: () => Date;
}

export function accountsContext(deps: { db: Db; env: AccountsContext['env']; mail?: MailAdapter; now?: () => Date }): AccountsContext {
  const now = deps.now ?? (() => new Date());
  return { db: deps.db, env: deps.env, mail: deps.mail ?? createOutboxMailer(deps.db, now), now };
}
