/**
 * The offline verification command, run as a third party would (`npm run verify`'s script through
 * tsx), on a real attestation PDF and the published keys only.
 */
import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { keyringFrom } from '../server/adapters/signing/keyring';
import { renderAttestationPdf, type RenderInput } from '../server/adapters/pdf/attestation-pdf';
import { assemblePayload, signingInput, type AttestationClaims } from '../domain/attestations/payload';

const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sejour-verify-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const keyring = keyringFrom({ keyId: 'k7', privateKey: generateKeyPairSync('ed25519').privateKey });
fs.writeFileSync(path.join(dir, 'keys.json'), JSON.stringify({ format: 'SJ1', algorithm: 'Ed25519', keys: keyring.published() }));

async function attestation(validUntil: string | null, name: string): Promise<string> {
  const claims: AttestationClaims = {
    documentId: '0b6c3f52-5d0e-4d39-9a57-000000000042',
    kind: 'prolongation',
    holderName: 'DIALLO, Amina',
    birthDate: '1996-04-12',
    foreignerNumber: '6912345678',
    validUntil,
    issuer: 'Préfecture du Rhône',
    issuedOn: '2026-10-01',
  };
  const text = signingInput(claims, keyring.currentKeyId);
  const input: RenderInput = {
    id: claims.documentId,
    kind: 'prolongation',
    facts: {
      holder: { surname: 'Diallo', givenNames: 'Amina', birthDate: '1996-04-12', nationality: 'SEN' },
      foreignerNumber: '6912345678',
      prefecture: { name: 'Préfecture du Rhône', city: 'Lyon', departementCode: '69' },
      reference: 'SEJ-2026-ABCDEF',
      cardType: 'visiteur',
      dates: [],
    },
    issuedOn: '2026-10-01',
    issuedAt: new Date('2026-10-01T09:00:00Z'),
    validUntilOn: validUntil,
    keyId: keyring.currentKeyId,
    payload: assemblePayload(text, keyring.sign(text)),
    supersededAt: null,
    verifyUrl: 'https://sejour.example/verify',
  };
  const file = path.join(dir, name);
  fs.writeFileSync(file, await renderAttestationPdf(input, 'fr'));
  return file;
}

async function verify(...args: string[]): Promise<{ code: number; out: Record<string, unknown> }> {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/sejour-verify.ts', ...args, '--keys', path.join(dir, 'keys.json'), '--json']);
    return { code: 0, out: JSON.parse(stdout) as Record<string, unknown> };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, out: JSON.parse(failed.stdout) as Record<string, unknown> };
  }
}

describe('npm run verify (offline)', () => {
  it('accepts a current attestation from its PDF, and refuses an expired one and a tampered payload, each with its own answer', async () => {
    const current = await verify(await attestation('2099-03-31', 'current.pdf'));
    expect(current.code).toBe(0);
    expect(current.out).toMatchObject({ result: 'valid' });

    const expired = await verify(await attestation('2020-03-31', 'expired.pdf'));
    expect(expired.code).toBe(1);
    expect(JSON.stringify(expired.out)).toContain('expired');

    const { payloadFromPdf } = await import('../server/adapters/pdf/attestation-pdf');
    const payload = (await payloadFromPdf(fs.readFileSync(path.join(dir, 'current.pdf'))))!;
    const [prefix, kid, body, signature] = payload.split('.');
    const tampered = `${prefix}.${kid}.${body!.slice(0, 20)}${body![20] === 'A' ? 'B' : 'A'}${body!.slice(21)}.${signature}`;
    const refused = await verify('--payload', tampered);
    expect(refused.code).toBe(1);
    expect(refused.out.result).toMatch(/bad_signature|malformed/);
  }, 60_000);
});
