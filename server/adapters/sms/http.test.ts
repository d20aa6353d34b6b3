import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { gsm7Length } from './gsm7';
import { SmsProviderError, createHttpSms } from './http';

const received: Array<{ auth: string | undefined; key: string | undefined; body: unknown }> = [];
let status = 202;
const server = http.createServer((request, response) => {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk.toString()));
  request.on('end', () => {
    received.push({ auth: request.headers.authorization, key: request.headers['idempotency-key'] as string | undefined, body: JSON.parse(body) });
    response.writeHead(status, { 'content-type': 'application/json' }).end('{}');
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
const message = { kind: 'reminder_window_closing', to: '+33612345678', locale: 'fr' as const, text: 'Sejour: test', idempotencyKey: 'u:window_closing:2026-10-17:sms' };

describe(createHttpSms.name, () => {
  it('posts the message as JSON with the bearer token and the idempotency key', async () => {
    const sms = createHttpSms({ apiUrl, apiToken: 'secret-token', from: 'Sejour' });
    await sms.send(message, {} as Db);
    expect(received.at(-1)).toEqual({
      auth: 'Bearer secret-token',
      key: message.idempotencyKey,
      body: { from: 'Sejour', to: '+33612345678', text: 'Sejour: test', reference: message.idempotencyKey },
    });
  });

  it('throws when the provider refuses, so the reminder is retried', async () => {
    status = 503;
    const sms = createHttpSms({ apiUrl, apiToken: 'secret-token', from: 'Sejour' });
    await expect(sms.send(message, {} as Db)).rejects.toThrow(SmsProviderError);
    status = 202;
  });
});

describe(gsm7Length.name, () => {
  it('counts extension characters twice and refuses characters outside GSM-7', () => {
    expect(gsm7Length('déposez à temps')).toBe(15);
    expect(gsm7Length('10 €')).toBe(5);
    expect(gsm7Length('prêt')).toBeUndefined();
    expect(gsm7Length('reçu')).toBeUndefined();
  });
});
