/**
 * Second factor for staff accounts (agents, supervisors, administrators): a TOTP secret
 * (RFC 6238, 30-second steps, 6 digits) and single-use recovery codes. Staff sessions reach
 * staff-only routes only after passing it (server/http/access.ts).
 *
 * The secret is needed in clear to check codes, so it is stored as is: whoever reads this table can
 * compute codes, but still needs the password. Recovery codes are stored as SHA-256 only.
 */
import { bigint, index, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { users } from './users';

export const totpSecrets = pgTable('totp_secrets', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** Base32, 160 bits. */
  secret: varchar('secret', { length: 64 }).notNull(),
  /** Null while the enrolment awaits its first code; a new enrolment may replace it until then. */
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  /** The last 30-second step accepted: a code is never accepted twice (replay). */
  lastTimeStep: bigint('last_time_step', { mode: 'number' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Hex SHA-256 of the normalised code. */
    codeHash: varchar('code_hash', { length: 64 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (table) => [index('recovery_codes_user_idx').on(table.userId)],
);
