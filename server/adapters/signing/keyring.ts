/**
 * Ed25519 keys that sign attestations (node:crypto). The current private key signs; every public
 * key, current and retired, verifies and is published at /.well-known/sejour-keys.json, so a key
 * can be rotated while documents signed with the old one stay verifiable.
 *
 * Sources: `ATTESTATION_SIGNING_KEY` (PKCS#8 PEM, or its base64 DER) with `ATTESTATION_KEY_ID`;
 * without it (embedded mode), a key generated once into `DATA_DIR/keys/` (mode 0600). Retired
 * public keys: `ATTESTATION_RETIRED_PUBLIC_KEYS` (`kid=base64 SPKI DER`, comma-separated) and
 * the `*.pub.pem` files of `DATA_DIR/keys/retired/` (file name = key id). Private keys are never
 * logged nor serialised (`toJSON` hides them).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { isKeyId } from '../../../domain/attestations/payload';
import { ED25519_VERIFIER } from './ed25519-verify';

export interface PublishedKey {
  kid: string;
  kty: 'OKP';
  crv: 'Ed25519';
  /** base64url raw public key (JWK `x`). */
  x: string;
  status: 'current' | 'retired';
}

export interface Keyring {
  readonly currentKeyId: string;
  sign(text: string): Buffer;
  /** undefined when the key id is unknown. */
  verify(keyId: string, text: string, signature: Uint8Array): boolean | undefined;
  published(): PublishedKey[];
}

export interface KeyringConfig {
  signingKey: string | undefined;
  keyId: string | undefined;
  retiredPublicKeys: string | undefined;
  dataDir: string;
}

export class KeyConfigError extends Error {}

function parsePrivateKey(raw: string): KeyObject {
  const text = raw.trim();
  const key = text.startsWith('-----BEGIN')
    ? createPrivateKey({ key: text, format: 'pem' })
    : createPrivateKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new KeyConfigError('ATTESTATION_SIGNING_KEY must be an Ed25519 private key');
  return key;
}

function parsePublicKey(raw: string): KeyObject {
  const text = raw.trim();
  const key = text.startsWith('-----BEGIN')
    ? createPublicKey({ key: text, format: 'pem' })
    : createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ed25519') throw new KeyConfigError('retired attestation keys must be Ed25519 public keys');
  return key;
}

/** The embedded-mode key: created once (kid `local-<date>`), reused afterwards. */
function localKey(dataDir: string): { keyId: string; key: KeyObject } {
  const dir = path.join(dataDir, 'keys');
  const file = path.join(dir, 'attestation-signing.json');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ed25519');
    const keyId = `local-${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`;
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    try {
      fs.writeFileSync(file, JSON.stringify({ keyId, privateKey: pem }), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { keyId: string; privateKey: string };
  return { keyId: stored.keyId, key: parsePrivateKey(stored.privateKey) };
}

function retiredKeys(config: KeyringConfig): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  for (const entry of (config.retiredPublicKeys ?? '').split(',').map((e) => e.trim()).filter(Boolean)) {
    const at = entry.indexOf('=');
    const kid = entry.slice(0, at);
    if (at < 1 || !isKeyId(kid)) throw new KeyConfigError('ATTESTATION_RETIRED_PUBLIC_KEYS must be "kid=base64,kid=base64"');
    keys.set(kid, parsePublicKey(entry.slice(at + 1)));
  }
  const dir = path.join(config.dataDir, 'keys', 'retired');
  if (fs.existsSync(dir)) {
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.pub.pem'))) {
      const kid = name.slice(0, -'.pub.pem'.length);
      if (isKeyId(kid)) keys.set(kid, parsePublicKey(fs.readFileSync(path.join(dir, name), 'utf8')));
    }
  }
  return keys;
}

export function rawPublicKey(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' }) as { x?: string };
  if (!jwk.x) throw new Error('not an Ed25519 key');
  return jwk.x;
}

export function keyringFrom(current: { keyId: string; privateKey: KeyObject }, retired: Map<string, KeyObject> = new Map()): Keyring {
  const publicKey = createPublicKey(current.privateKey);
  const verifying = new Map(retired);
  verifying.set(current.keyId, publicKey);
  const raw = new Map([...verifying.entries()].map(([kid, key]) => [kid, Buffer.from(rawPublicKey(key), 'base64url')]));
  return {
    currentKeyId: current.keyId,
    sign: (text) => sign(null, Buffer.from(text, 'ascii'), current.privateKey),
    verify: (keyId, text, signature) => {
      const key = raw.get(keyId);
      return key === undefined ? undefined : ED25519_VERIFIER.verify(Buffer.from(text, 'ascii'), signature, key);
    },
    published: () =>
      [...verifying.entries()].map(([kid, key]) => ({ kid, kty: 'OKP', crv: 'Ed25519', x: rawPublicKey(key), status: kid === current.keyId ? 'current' : 'retired' })),
    // A keyring printed by mistake shows nothing secret.
    toJSON: () => ({ currentKeyId: current.keyId }),
  } as Keyring;
}

/** A keyring that only verifies, from published keys (the offline command). */
export function verifierFrom(keys: readonly { kid: string; x: string }[]): Pick<Keyring, 'verify'> {
  const map = new Map(keys.map((k) => [k.kid, Buffer.from(rawPublicKey(createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: k.x }, format: 'jwk' })), 'base64url')]));
  return {
    verify: (keyId, text, signature) => {
      const key = map.get(keyId);
      return key === undefined ? undefined : ED25519_VERIFIER.verify(Buffer.from(text, 'ascii'), signature, key);
    },
  };
}

export function loadKeyring(config: KeyringConfig): Keyring {
  let current: { keyId: string; privateKey: KeyObject };
  if (config.signingKey) {
    const keyId = config.keyId ?? 'k1';
    if (!isKeyId(keyId)) throw new KeyConfigError('ATTESTATION_KEY_ID must be 1–32 letters, digits, _ or -');
    current = { keyId, privateKey: parsePrivateKey(config.signingKey) };
  } else {
    const local = localKey(config.dataDir);
    current = { keyId: local.keyId, privateKey: local.key };
  }
  return keyringFrom(current, retiredKeys(config));
}

const cache = new Map<string, Keyring>();

/** Loads once per configuration (lazily: a process that never signs writes no key). */
export function keyringFor(config: KeyringConfig): Keyring {
  const cacheKey = JSON.stringify([config.dataDir, config.keyId, config.signingKey ? createHash('sha256').update(config.signingKey).digest('hex') : 'local', config.retiredPublicKeys]);
  let keyring = cache.get(cacheKey);
  if (!keyring) {
    keyring = loadKeyring(config);
    cache.set(cacheKey, keyring);
  }
  return keyring;
}
