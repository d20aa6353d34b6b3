/**
 * Ed25519 signature checks for the public verification endpoint. Signing always uses node:crypto
 * (the private key is a node KeyObject). Checking uses libsodium (`sodium-native`, an optional
 * dependency) when it loads: OpenSSL's Ed25519 verify runs at about 8,500 checks per second on a
 * core of our machines, libsodium's at about 19,500 (bench/attestations.ts), and /verify is the
 * one public route anyone may call at volume. Both implement RFC 8032 verification (libsodium also
 * rejects non-canonical encodings, which OpenSSL rejects too); a property test checks they agree on
 * valid, tampered and garbage signatures. Without the addon, node:crypto checks.
 */
import { createPublicKey, verify as nodeVerify, type KeyObject } from 'node:crypto';
import { createRequire } from 'node:module';

export interface Ed25519Verifier {
  readonly implementation: 'libsodium' | 'node:crypto';
  /** `publicKey`: the raw 32-byte key. */
  verify(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean;
}

interface Sodium {
  crypto_sign_verify_detached(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean;
}

const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const nodeKeys = new Map<string, KeyObject>();

export const NODE_VERIFIER: Ed25519Verifier = {
  implementation: 'node:crypto',
  verify(message, signature, publicKey) {
    if (signature.length !== 64 || publicKey.length !== 32) return false;
    const id = Buffer.from(publicKey).toString('base64');
    let key = nodeKeys.get(id);
    if (key === undefined) {
      key = createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, publicKey]), format: 'der', type: 'spki' });
      nodeKeys.set(id, key);
    }
    return nodeVerify(null, message, key, signature);
  },
};

function loadSodium(): Sodium | undefined {
  try {
    return createRequire(import.meta.url)('sodium-native') as Sodium;
  } catch {
    return undefined;
  }
}

const sodium = loadSodium();

export const SODIUM_VERIFIER: Ed25519Verifier | undefined =
  sodium === undefined
    ? undefined
    : {
        implementation: 'libsodium',
        verify(message, signature, publicKey) {
          if (signature.length !== 64 || publicKey.length !== 32) return false;
          return sodium.crypto_sign_verify_detached(signature, message, publicKey);
        },
      };

/** The fastest implementation available in this process. */
export const ED25519_VERIFIER: Ed25519Verifier = SODIUM_VERIFIER ?? NODE_VERIFIER;
