/**
 * Benchmark of attestations on one core: PDFs rendered per second (pdf-lib, DejaVu subset, vector
 * QR code) and payload verifications per second (parse + Ed25519 signature check).
 * Run: `npx tsx bench/attestations.ts [pdfCount] [verifyCount]`. Targets: ≥ 50 PDFs/s, ≥ 10,000 verifications/s.
 */
import { generateKeyPairSync } from 'node:crypto';
import { keyringFrom } from '../server/adapters/signing/keyring';
import { renderAttestationPdf } from '../server/adapters/pdf/attestation-pdf';
import { assemblePayload, signingInput, type AttestationClaims } from '../domain/attestations/payload';
import { checkPayload } from '../domain/attestations/check';
import type { AttestationFacts } from '../domain/attestations/kinds';

const PDFS = Number(process.argv[2] ?? 300);
const VERIFICATIONS = Number(process.argv[3] ?? 50_000);

const keyring = keyringFrom({ keyId: 'bench', privateKey: generateKeyPairSync('ed25519').privateKey });
const facts: AttestationFacts = {
  holder: { surname: 'Lefèvre-Núñez', givenNames: 'Zoë Anaïs', birthDate: '1994-03-15', nationality: 'COL' },
  foreignerNumber: '6912345678',
  prefecture: { name: 'Préfecture du Rhône', city: 'Lyon', departementCode: '69' },
  reference: 'SEJ-2026-7KQ2XD',
  cardType: 'salarie',
  dates: [
    { id: 'filed_on', on: '2026-11-02', ruleId: 'R-10', citation: 'CESEDA R.431-5 1° ; CRPA L.112-11, R.112-11-1' },
    { id: 'tacit_refusal_on', on: '2027-03-02', ruleId: 'R-41', citation: 'CESEDA R.432-1, R.432-2 ; CRPA L.231-4, L.231-6' },
    { id: 'recourse_deadline', on: '2027-05-03', ruleId: 'R-56', citation: 'CJA R.421-2' },
  ],
};

function payloadFor(i: number): string {
  const claims: AttestationClaims = {
    documentId: `0b6c3f52-5d0e-4d39-9a57-${String(i).padStart(12, '0')}`,
    kind: 'filing_receipt',
    holderName: 'LEFÈVRE-NÚÑEZ, Zoë Anaïs',
    birthDate: '1994-03-15',
    foreignerNumber: '6912345678',
    validUntil: null,
    issuer: 'Préfecture du Rhône',
    issuedOn: '2026-11-02',
  };
  const text = signingInput(claims, keyring.currentKeyId);
  return assemblePayload(text, keyring.sign(text));
}

async function main(): Promise<void> {
  // Warm-up (JIT, font parsing).
  for (let i = 0; i < 5; i++) await render(i);
  let clock = startClock();
  for (let i = 0; i < PDFS; i++) await render(i);
  report('PDFs (sign + render)', PDFS, clock(), 50);

  const payloads = Array.from({ length: 1000 }, (_, i) => payloadFor(i));
  const verify = (kid: string, text: string, signature: Uint8Array) => keyring.verify(kid, text, signature);
  for (let i = 0; i < 2000; i++) checkPayload(payloads[i % payloads.length], verify);
  let valid = 0;
  clock = startClock();
  for (let i = 0; i < VERIFICATIONS; i++) if (checkPayload(payloads[i % payloads.length], verify).result === 'valid') valid++;
  const elapsed = clock();
  if (valid !== VERIFICATIONS) throw new Error(`only ${valid} of ${VERIFICATIONS} verified`);
  report('Verifications (parse + Ed25519)', VERIFICATIONS, elapsed, 10_000);
}

/**
 * Wall time and the process's CPU time. The rate per CPU-second is the figure "on one core": it
 * does not drop when other processes share the machine's cores, as wall time does.
 */
function startClock(): () => { wall: number; cpu: number } {
  const wall = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { wall: Number(process.hrtime.bigint() - wall) / 1e9, cpu: (used.user + used.system) / 1e6 };
  };
}

function report(what: string, count: number, { wall, cpu }: { wall: number; cpu: number }, target: number): void {
  const perCpu = count / cpu;
  console.log(
    `${what}: ${count} in ${wall.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU → ${(count / wall).toFixed(0)}/s wall, ` +
      `${perCpu.toFixed(0)}/s per CPU-second (target ≥ ${target.toLocaleString('en')}: ${perCpu >= target ? 'met' : 'NOT met'})`,
  );
}

async function render(i: number): Promise<Uint8Array> {
  return renderAttestationPdf(
    {
      id: `0b6c3f52-5d0e-4d39-9a57-${String(i).padStart(12, '0')}`,
      kind: 'filing_receipt',
      facts,
      issuedOn: '2026-11-02',
      issuedAt: new Date('2026-11-02T09:00:00Z'),
      validUntilOn: null,
      keyId: keyring.currentKeyId,
      payload: payloadFor(i),
      supersededAt: null,
      verifyUrl: 'https://sejour.example/verify',
    },
    i % 2 === 0 ? 'fr' : 'en',
  );
}

await main();
