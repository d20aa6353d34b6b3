import { generateKeyPairSync, sign, verify } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPayload } from './check';
import { assemblePayload, parsePayload, signingInput, validityOn, type AttestationClaims } from './payload';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const verifier = (kid: string, text: string, signature: Uint8Array) => (kid === 'k1' ? verify(null, Buffer.from(text, 'ascii'), publicKey, signature) : undefined);

const claims: AttestationClaims = {
  documentId: '0b6c3f52-5d0e-4d39-9a57-0f6f3cbd2f11',
  kind: 'prolongation',
  holderName: 'LEFÈVRE-NÚÑEZ, Zoë Anaïs',
  birthDate: '1994-03-15',
  foreignerNumber: '7501234567',
  validUntil: '2027-01-31',
  issuer: 'Préfecture du Rhône',
  issuedOn: '2026-11-01',
};

function signed(c: AttestationClaims = claims, kid = 'k1'): string {
  const text = signingInput(c, kid);
  return assemblePayload(text, sign(null, Buffer.from(text, 'ascii'), privateKey));
}

describe(checkPayload.name, () => {
  it('accepts a signed payload and gives back exactly the signed data', () => {
    const payload = signed();
    expect(payload.length).toBeLessThan(400);
    expect(checkPayload(payload, verifier)).toEqual({ result: 'valid', keyId: 'k1', claims });
  });

  it('rejects every single changed character of the body or the signature as a bad signature (or malformed)', () => {
    const payload = signed();
    const start = payload.indexOf('.', 4) + 1;
    for (let i = start; i < payload.length; i++) {
      const replacement = payload[i] === 'A' ? 'B' : 'A';
      const tampered = payload.slice(0, i) + replacement + payload.slice(i + 1);
      expect(['bad_signature', 'malformed']).toContain(checkPayload(tampered, verifier).result);
    }
  });

  it('tells a changed name apart from garbage: the signature no longer matches', () => {
    const forged = signingInput({ ...claims, holderName: 'SOMEONE, Else' }, 'k1');
    const original = signed();
    const withOldSignature = `${forged}.${original.split('.')[3]}`;
    expect(checkPayload(withOldSignature, verifier).result).toBe('bad_signature');
  });

  it('answers unknown_key for a key id that is not published', () => {
    expect(checkPayload(signed(claims, 'k9'), verifier)).toEqual({ result: 'unknown_key', keyId: 'k9' });
  });

  it('answers malformed for garbage', () => {
    for (const garbage of ['', 'hello', 'SJ1.k1.e30.AAAA', 'SJ1..x.y', `SJ1.k1.${'A'.repeat(5000)}.x`, 42, null, {}]) {
      expect(checkPayload(garbage, verifier).result).toBe('malformed');
    }
  });

  it('never throws on arbitrary input (fuzzed), and only a real signature is valid', () => {
    const base = signed();
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary', maxLength: 3000 }),
          fc.tuple(fc.nat(base.length - 1), fc.string({ minLength: 1, maxLength: 3 })).map(([at, s]) => base.slice(0, at) + s + base.slice(at + 1)),
          fc.tuple(fc.json(), fc.base64String()).map(([json, sig]) => `SJ1.k1.${Buffer.from(json).toString('base64url')}.${sig.replace(/=/g, '')}`),
        ),
        (input) => {
          const result = checkPayload(input, verifier);
          expect(['valid', 'bad_signature', 'unknown_key', 'malformed']).toContain(result.result);
          if (result.result === 'valid') expect(input.trim()).toBe(base);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe(validityOn.name, () => {
  it('is current up to and including the last day, expired the day after', () => {
    expect(validityOn(claims, '2027-01-31')).toBe('current');
    expect(validityOn(claims, '2027-02-01')).toBe('expired');
    expect(validityOn({ ...claims, validUntil: null }, '2040-01-01')).toBe('current');
    expect(validityOn(claims, '2026-10-31')).toBe('not_yet_valid');
  });

  it('parses what it signed', () => {
    const parsed = parsePayload(signed());
    expect(parsed.ok && parsed.claims).toEqual(claims);
  });
});
