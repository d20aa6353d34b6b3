import { generateKeyPairSync, sign } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ED25519_VERIFIER, NODE_VERIFIER, SODIUM_VERIFIER } from './ed25519-verify';

const pairs = Array.from({ length: 4 }, () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from((publicKey.export({ format: 'jwk' }) as { x: string }).x, 'base64url');
  return { privateKey, raw };
});

describe('Ed25519 verification', () => {
  it('uses libsodium on this platform (the optional dependency is installed and loads)', () => {
    expect(SODIUM_VERIFIER).toBeDefined();
    expect(ED25519_VERIFIER.implementation).toBe('libsodium');
  });

  it('libsodium and node:crypto agree on valid, tampered, wrong-key and garbage signatures', () => {
    const sodium = SODIUM_VERIFIER!;
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 0, maxLength: 600 }),
        fc.nat({ max: 3 }),
        fc.nat({ max: 3 }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        fc.uint8Array({ minLength: 0, maxLength: 80 }),
        (message, signer, checker, position, flip, garbage) => {
          const signature = sign(null, message, pairs[signer]!.privateKey);
          const key = pairs[checker]!.raw;
          const cases: Array<[Uint8Array, Uint8Array, boolean | undefined]> = [
            [message, signature, signer === checker],
            [message, withFlip(signature, position % 64, flip), false],
            [garbage, garbage, undefined],
          ];
          if (message.length > 0) cases.push([withFlip(message, position % message.length, flip), signature, false]);
          for (const [text, sig, expected] of cases) {
            const node = NODE_VERIFIER.verify(text, sig, key);
            expect(sodium.verify(text, sig, key)).toBe(node);
            if (expected !== undefined) expect(node).toBe(expected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

function withFlip(bytes: Uint8Array, at: number, flip: number): Uint8Array {
  const copy = Uint8Array.from(bytes);
  copy[at] = copy[at]! ^ flip;
  return copy;
}
