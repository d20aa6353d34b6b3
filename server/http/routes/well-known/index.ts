/** GET /.well-known/sejour-keys.json: every public key that verifies attestations, current and retired. */
import type { App } from '../../app';
import { PublishedKeysSchema } from '../../../../contract/verify';
import type { Keyring } from '../../../adapters/signing/keyring';

export function registerWellKnownRoutes(app: App, deps: { keys: () => Keyring }): void {
  app.get(
    '/.well-known/sejour-keys.json',
    {
      config: { access: 'public' },
      schema: {
        tags: ['verify'],
        summary: 'Public Ed25519 keys (JWK `x`, by key id) that verify attestation payloads; retired keys stay listed.',
        response: { 200: PublishedKeysSchema },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      reply.header('access-control-allow-origin', '*');
      return { format: 'SJ1' as const, algorithm: 'Ed25519' as const, keys: deps.keys().published() };
    },
  );
}
