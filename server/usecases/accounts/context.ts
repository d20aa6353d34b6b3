/** What every account use case receives: the database, the configuration, mail and the clock. */
import type { Db } from '../../db/client';
import { AppError } from '../../http/problem';
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

/**
 * The address of an account that signs in. Only people registered at a préfecture's help desk
 * have none (docs/adr/0020-help-desk-substitution.md), and they hold no session and no password:
 * reaching this without one is a bug, answered as a conflict rather than a send to nowhere.
 */
export function accountEmail(user: { email: string | null }): string {
  if (user.email === null) throw new AppError(409, 'account_without_email');
  return user.email;
}
