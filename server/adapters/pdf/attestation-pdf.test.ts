import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyringFrom } from '../signing/keyring';
import { assemblePayload, signingInput } from '../../../domain/attestations/payload';
import type { AttestationFacts } from '../../../domain/attestations/kinds';
import { pdfText, qrFromPdf } from '../../usecases/attestations/test-support';
import { renderAttestationPdf, type RenderInput } from './attestation-pdf';

const keyring = keyringFrom({ keyId: 't1', privateKey: generateKeyPairSync('ed25519').privateKey });

function input(surname: string, givenNames: string, n: number): RenderInput {
  const facts: AttestationFacts = {
    holder: { surname, givenNames, birthDate: '1990-01-02', nationality: 'COL' },
    foreignerNumber: '6912345678',
    prefecture: { name: 'Préfecture du Rhône', city: 'Lyon', departementCode: '69' },
    reference: 'SEJ-2026-7KQ2XD',
    cardType: 'visiteur',
    dates: [{ id: 'filed_on', on: '2026-11-02', ruleId: 'R-10', citation: 'CESEDA R.431-5' }],
  };
  const id = `0b6c3f52-5d0e-4d39-9a57-${String(n).padStart(12, '0')}`;
  const text = signingInput(
    { documentId: id, kind: 'filing_receipt', holderName: `${surname}, ${givenNames}`, birthDate: '1990-01-02', foreignerNumber: '6912345678', validUntil: null, issuer: facts.prefecture.name, issuedOn: '2026-11-02' },
    keyring.currentKeyId,
  );
  return {
    id,
    kind: 'filing_receipt',
    facts,
    issuedOn: '2026-11-02',
    issuedAt: new Date('2026-11-02T09:00:00Z'),
    validUntilOn: null,
    keyId: keyring.currentKeyId,
    payload: assemblePayload(text, keyring.sign(text)),
    supersededAt: null,
    verifyUrl: 'https://sejour.example/verify',
  };
}

describe(renderAttestationPdf.name, () => {
  it('prints names letter for letter, ligature candidates and decomposed accents included, when documents render at once', async () => {
    // Fonts are parsed once and lent to one document at a time: rendering these together must not
    // give one document the other's glyph-to-letter map.
    const people = [
      ['Offiné-Flückiger', 'Éléonore Zoë'],
      ['Ruffié', 'Ffion Noël'],
      // "Ñ" and "é" typed as letter + combining accent (NFD), as some keyboards and scanners send them.
      ['Nu\u0303n\u0303ez', 'Rene\u0301'],
      ['Đặng', 'Thị Hương'],
    ] as const;
    const pdfs = await Promise.all(people.map(([surname, given], i) => renderAttestationPdf(input(surname, given, i), i % 2 ? 'en' : 'fr')));
    pdfs.forEach((pdf, i) => {
      const [surname, given] = people[i]!;
      const text = pdfText(pdf).normalize('NFC');
      expect(text).toContain(surname.normalize('NFC'));
      expect(text).toContain(given.normalize('NFC'));
    });
    // The page renders (the embedded font draws) and its QR code still reads back as the payload.
    expect(qrFromPdf(pdfs[0]!)).toBe(input(people[0][0], people[0][1], 0).payload);
  });
});
