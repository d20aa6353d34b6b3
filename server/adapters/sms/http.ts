/**
 * A generic HTTP SMS provider: `POST SMS_API_URL` with `Authorization: Bearer SMS_API_TOKEN` and
 * the JSON body `{ from, to, text, reference }`; any 2xx means accepted. Most French SMS gateways
 * (or a small proxy in front of one) take this shape. Times out after 10 s.
 */
import type { SmsProvider } from './index';

export class SmsProviderError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'SmsProviderError';
  }
}

export function createHttpSms(config: { apiUrl: string; apiToken: string; from: string }, fetchImpl: typeof fetch = fetch): SmsProvider {
  return {
    name: 'http',
    async send(message) {
      const response = await fetchImpl(config.apiUrl, {
        method: 'POST',
        headers: { authorization: `Bearer ${config.apiToken}`, 'content-type': 'application/json', 'idempotency-key': message.idempotencyKey },
        body: JSON.stringify({ from: config.from, to: message.to, text: message.text, reference: message.idempotencyKey }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) throw new SmsProviderError(`SMS provider answered ${response.status}`, response.status);
      await response.body?.cancel();
    },
  };
}
