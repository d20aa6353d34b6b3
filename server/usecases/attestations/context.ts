/** What the attestation use cases receive: the database, the clock, the signing keys, the public address. */
import type { Db } from '../../db/client';
import type { Env } from '../../env';
import { keyringFor, type Keyring } from '../../adapters/signing/keyring';

export interface AttestationsContext {
  db: Db;
  now: () => Date;
  /** Loaded on first use (a process that never signs writes no key). */
  keys: () => Keyring;
  publicUrl: string;
}

export function keysOf(env: Pick<Env, 'attestation' | 'dataDir'>): () => Keyring {
  return () => keyringFor({ ...env.attestation, dataDir: env.dataDir });
}
