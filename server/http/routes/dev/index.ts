/**
 * /api/v1/dev: helpers for running Sejour on one's own machine, which exist only with the embedded
 * database (PGlite, no DATABASE_URL) outside production. Today: the mailbox, the emails waiting in
 * `outbox_messages` (nothing sends them yet), read by the /dev/mailbox page.
 *
 * Registered, or not, at start-up: with DATABASE_URL or NODE_ENV=production the routes do not exist
 * (404 `route_not_found`), so no configuration mistake can publish people's emails.
 */
import { desc } from 'drizzle-orm';
import { Type, type Static } from 'typebox';
import type { App } from '../../app';
import type { Db } from '../../../db/client';
import type { Env } from '../../../env';
import { outboxMessages } from '../../../db/schema/index';
import { COMMON_ERRORS } from '../../../../contract/problem';

const TAGS = ['dev'];

export const MailboxMessageSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  channel: Type.Union([Type.Literal('email'), Type.Literal('sms')]),
  kind: Type.String({ description: 'Template name, e.g. `confirm_email`.' }),
  recipient: Type.String({ description: 'Email address (or phone number for an SMS).' }),
  subject: Type.Union([Type.String(), Type.Null()], { description: 'null for an SMS.' }),
  text: Type.String({ description: 'Plain-text body; links are written out in full.' }),
  html: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
export type MailboxMessageBody = Static<typeof MailboxMessageSchema>;

export const MailboxSchema = Type.Object({ items: Type.Array(MailboxMessageSchema) });
export type MailboxBody = Static<typeof MailboxSchema>;

export const MAILBOX_DEFAULT_LIMIT = 50;
export const MAILBOX_MAX_LIMIT = 200;

const mailboxSchema = {
  tags: TAGS,
  summary: 'Development only (embedded database, not in production): the latest queued messages, newest first.',
  description:
    'Lets a developer follow the links of account emails (confirmation, password reset) without a mail server. Absent (404) with DATABASE_URL or NODE_ENV=production.',
  querystring: Type.Object({
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: MAILBOX_MAX_LIMIT, default: MAILBOX_DEFAULT_LIMIT, description: 'How many messages.' }),
    ),
  }),
  response: { 200: MailboxSchema, ...COMMON_ERRORS },
};

/** The dev routes exist only with the embedded database, outside production. */
export function devRoutesEnabled(env: Pick<Env, 'databaseMode' | 'nodeEnv'>): boolean {
  return env.databaseMode === 'pglite' && env.nodeEnv !== 'production';
}

export function registerDevRoutes(app: App, deps: { db: Db; env: Env }): void {
  if (!devRoutesEnabled(deps.env)) return;

  app.get('/api/v1/dev/mailbox', { config: { access: 'public' }, schema: mailboxSchema }, async (request, reply) => {
    const rows = await deps.db
      .select()
      .from(outboxMessages)
      .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
      .limit(request.query.limit ?? MAILBOX_DEFAULT_LIMIT);
    reply.header('cache-control', 'no-store');
    return {
      items: rows.map(
        (row): MailboxMessageBody => ({
          id: row.id,
          channel: row.channel,
          kind: row.kind,
          recipient: row.recipient,
          subject: row.subject,
          text: row.text,
          html: row.html,
          createdAt: row.createdAt.toISOString(),
        }),
      ),
    };
  });
}
