import { describe, expect, it } from 'vitest';
import { createAccountsTestApp, uniqueEmail } from '../../../../test/accounts';
import { outboxMessages } from '../../../db/schema/index';
import { devRoutesEnabled, MAILBOX_DEFAULT_LIMIT } from './index';

/** Embedded mode (no DATABASE_URL), development: the test app's default. */
const embedded = await createAccountsTestApp({ NODE_ENV: 'development' });

function message(recipient: string, minute: number, overrides: Partial<typeof outboxMessages.$inferInsert> = {}) {
  return {
    channel: 'email' as const,
    kind: 'confirm_email',
    recipient,
    locale: 'en',
    subject: `Message ${minute}`,
    text: `Hello,\n\nhttp://localhost:3000/compte/confirmer?token=${'a'.repeat(43)}\n\nminute ${minute}`,
    html: `<p>minute ${minute}</p>`,
    createdAt: new Date(Date.UTC(2030, 0, 1, 12, minute)),
    ...overrides,
  };
}

describe(devRoutesEnabled.name, () => {
  it('enables the dev routes with the embedded database outside production only', () => {
    expect(devRoutesEnabled({ databaseMode: 'pglite', nodeEnv: 'development' })).toBe(true);
    expect(devRoutesEnabled({ databaseMode: 'pglite', nodeEnv: 'test' })).toBe(true);
    expect(devRoutesEnabled({ databaseMode: 'pglite', nodeEnv: 'production' })).toBe(false);
    expect(devRoutesEnabled({ databaseMode: 'postgres', nodeEnv: 'development' })).toBe(false);
  });
});

describe('GET /api/v1/dev/mailbox', () => {
  it('lists the queued messages newest first, with their text and HTML bodies', async () => {
    const to = uniqueEmail('mailbox');
    await embedded.database.db
      .insert(outboxMessages)
      .values([message(to, 1), message(to, 3, { sentAt: new Date(Date.UTC(2030, 0, 1, 12, 4)) }), message(to, 2)]);

    const response = await embedded.app.inject({ url: '/api/v1/dev/mailbox?limit=200' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const mine = (response.json().items as Array<Record<string, unknown>>).filter((item) => item.recipient === to);
    expect(mine.map((item) => item.subject)).toEqual(['Message 3', 'Message 2', 'Message 1']);
    expect(mine[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      channel: 'email',
      kind: 'confirm_email',
      recipient: to,
      subject: 'Message 3',
      text: expect.stringContaining('/compte/confirmer?token='),
      html: '<p>minute 3</p>',
      createdAt: '2030-01-01T12:03:00.000Z',
    });
  });

  it('shows an SMS without subject or HTML', async () => {
    await embedded.database.db
      .insert(outboxMessages)
      .values(message('+33612345678', 59, { channel: 'sms', kind: 'reminder', subject: null, html: null, createdAt: new Date(Date.UTC(2099, 0, 1)) }));
    const [newest] = (await embedded.app.inject({ url: '/api/v1/dev/mailbox?limit=1' })).json().items;
    expect(newest).toMatchObject({ channel: 'sms', recipient: '+33612345678', subject: null, html: null });
  });

  it('returns at most `limit` messages, 50 by default, and refuses a limit out of range', async () => {
    const to = uniqueEmail('many');
    await embedded.database.db.insert(outboxMessages).values(Array.from({ length: 55 }, (_, i) => message(to, i % 60)));
    expect((await embedded.app.inject({ url: '/api/v1/dev/mailbox' })).json().items).toHaveLength(MAILBOX_DEFAULT_LIMIT);
    expect((await embedded.app.inject({ url: '/api/v1/dev/mailbox?limit=2' })).json().items).toHaveLength(2);
    const refused = await embedded.app.inject({ url: '/api/v1/dev/mailbox?limit=500', headers: { 'accept-language': 'en' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'validation_failed', errors: [{ in: 'query', field: 'limit', code: 'maximum' }] });
  });

  it('is public, and documented under the dev tag', async () => {
    const spec = (await embedded.app.inject({ url: '/api/v1/openapi.json' })).json();
    const operation = spec.paths['/api/v1/dev/mailbox'].get;
    expect(operation.tags).toEqual(['dev']);
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '400', '500']));
  });

  it('does not exist with DATABASE_URL (PostgreSQL): 404 problem', async () => {
    const { app } = await createAccountsTestApp({ DATABASE_URL: 'postgres://sejour@127.0.0.1:5432/sejour', NODE_ENV: 'development' });
    const response = await app.inject({ url: '/api/v1/dev/mailbox', headers: { 'accept-language': 'en' } });
    expect(response.statusCode).toBe(404);
    expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ code: 'route_not_found', status: 404 });
    const spec = (await app.inject({ url: '/api/v1/openapi.json' })).json();
    expect(spec.paths['/api/v1/dev/mailbox']).toBeUndefined();
  });

  it('does not exist in production, even with the embedded database: 404 problem', async () => {
    const { app } = await createAccountsTestApp({ NODE_ENV: 'production' });
    const response = await app.inject({ url: '/api/v1/dev/mailbox' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'route_not_found' });
  });
});
