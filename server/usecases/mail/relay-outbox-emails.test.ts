/**
 * Account emails reach a real SMTP server (smtp-server) when SMTP_URL is set: registration through
 * the API queues the confirmation email in the outbox; the relay sends it once, with its link.
 */
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createAccountsTestApp, GOOD_PASSWORD, mailsTo, uniqueEmail, Browser } from '../../../test/accounts';
import { startSmtpServer } from '../../../test/smtp-server';
import { createSmtpSender } from '../../adapters/mail/smtp';
import { outboxMessages } from '../../db/schema/index';
import { relayOutboxEmails } from './relay-outbox-emails';

const smtp = await startSmtpServer();
const ctx = await createAccountsTestApp();
const sender = createSmtpSender({ smtpUrl: smtp.url, from: 'Sejour <no-reply@sejour.test>' });
afterAll(async () => {
  sender.close();
  await smtp.close();
});

async function register(email: string): Promise<void> {
  const browser = await new Browser(ctx.app).prepare();
  const response = await browser.post('/api/v1/auth/register', { email, password: GOOD_PASSWORD, displayName: 'Amina Diallo', locale: 'fr' });
  expect(response.statusCode).toBe(202);
}

describe(relayOutboxEmails.name, () => {
  it('sends the confirmation email once, in the person’s language, with its link; a second run sends nothing', async () => {
    const email = uniqueEmail('relay');
    await register(email);
    const now = new Date();
    const first = await relayOutboxEmails(ctx.database.db, sender, now);
    const second = await relayOutboxEmails(ctx.database.db, sender, now);
    expect(first.sent).toBeGreaterThanOrEqual(1);
    expect(second).toEqual({ sent: 0, failed: 0 });
    const received = smtp.messages.filter((m) => m.to === email);
    expect(received).toHaveLength(1);
    expect(received[0]!.text).toMatch(/\/compte\/confirmer\?token=/);
    const [row] = await mailsTo(ctx.database.db, email);
    expect(row!.sentAt).not.toBeNull();
  });

  it('leaves messages in the outbox while the server refuses them, and sends them once it accepts again', async () => {
    const email = uniqueEmail('refused');
    await register(email);
    const down = createSmtpSender({ smtpUrl: 'smtp://127.0.0.1:9/?connectionTimeout=500', from: 'Sejour <no-reply@sejour.test>' });
    const refused = await relayOutboxEmails(ctx.database.db, down, new Date());
    down.close();
    expect(refused.sent).toBe(0);
    expect(refused.failed).toBeGreaterThanOrEqual(1);
    expect(refused.failed).toBeLessThanOrEqual(3);
    expect((await mailsTo(ctx.database.db, email))[0]!.sentAt).toBeNull();

    await relayOutboxEmails(ctx.database.db, sender, new Date());
    expect(smtp.messages.filter((m) => m.to === email)).toHaveLength(1);
  });

  it('does not mail messages older than a day (their links have expired)', async () => {
    const email = uniqueEmail('stale');
    await register(email);
    const [row] = await mailsTo(ctx.database.db, email);
    await ctx.database.db.update(outboxMessages).set({ createdAt: new Date(Date.now() - 25 * 3_600_000) }).where(eq(outboxMessages.id, row!.id));
    await relayOutboxEmails(ctx.database.db, sender, new Date());
    expect(smtp.messages.filter((m) => m.to === email)).toHaveLength(0);
  });
});
