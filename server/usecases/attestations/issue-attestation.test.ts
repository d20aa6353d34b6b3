import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db';
import { createUser } from '../../../test/accounts';
import { applicantProfiles, attestations, prefectures } from '../../db/schema/index';
import { keyringFor, type Keyring } from '../../adapters/signing/keyring';
import { ATTESTATION_KINDS, type AttestationKind } from '../../../domain/attestations/kinds';
import { issueAttestation, type IssueInput } from './issue-attestation';
import { renderRow } from './render-attestation';
import { verifyPayload, verifyPdf } from './verify-attestation';
import { pdfText, qrFromPdf } from './test-support';

let database: TestDatabase;
let dataDir: string;
let keys: () => Keyring;
let userId: string;
let prefectureId: string;
let clock = new Date('2026-11-02T09:00:00Z');
const now = () => clock;

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sejour-attest-'));
  keys = () => keyringFor({ signingKey: undefined, keyId: undefined, retiredPublicKeys: undefined, dataDir });
  const user = await createUser(database.db, { role: 'applicant' });
  userId = user.id;
  await database.db.insert(applicantProfiles).values({
    userId,
    surname: 'Lefèvre-Núñez',
    givenNames: 'Zoë Anaïs',
    birthDate: '1994-03-15',
    nationality: 'COL',
    createdAt: clock,
    updatedAt: clock,
  });
  const [prefecture] = await database.db.select().from(prefectures).where(eq(prefectures.departementCode, '69'));
  prefectureId = prefecture!.id;
});

afterAll(async () => {
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const DATES: Record<AttestationKind, IssueInput['dates']> = {
  vls_ts_validation: [
    { id: 'validated_on', on: '2026-11-02', ruleId: 'R-01', citation: 'CESEDA R.431-17' },
    { id: 'valid_until', on: '2027-08-31', ruleId: 'R-00', citation: 'CESEDA L.411-1' },
  ],
  filing_receipt: [
    { id: 'filed_on', on: '2026-11-02', ruleId: 'R-10', citation: 'CESEDA R.431-5 1° ; CRPA L.112-11, R.112-11-1' },
    { id: 'tacit_refusal_on', on: '2027-03-02', ruleId: 'R-41', citation: 'CESEDA R.432-1, R.432-2 ; CRPA L.231-4, L.231-6' },
    { id: 'recourse_deadline', on: '2027-05-03', ruleId: 'R-56', citation: 'CJA R.421-2' },
  ],
  prolongation: [{ id: 'filed_on', on: '2026-11-02', ruleId: 'R-10', citation: 'CESEDA R.431-5 1°' }],
  favourable_decision: [{ id: 'decided_on', on: '2026-11-02', ruleId: 'R-50', citation: 'CESEDA R.431-15-1' }],
  favourable_decision_letter: [{ id: 'decided_on', on: '2026-11-02', ruleId: 'R-50', citation: 'CESEDA R.431-15-1' }],
  refusal_letter: [
    { id: 'decided_on', on: '2026-11-02', ruleId: 'R-50', citation: 'CESEDA R.431-15-1' },
    { id: 'recourse_deadline_decision', on: '2027-01-04', ruleId: 'R-56', citation: 'CJA R.421-1' },
  ],
};
const VALID_UNTIL: Partial<Record<AttestationKind, string>> = {
  vls_ts_validation: '2027-08-31',
  prolongation: '2027-02-01',
  favourable_decision: '2027-02-01',
};
const TITLES: Record<AttestationKind, [string, string]> = {
  vls_ts_validation: ['Attestation de validation du visa long séjour', 'Certificate of validation of the long-stay visa'],
  filing_receipt: ['Attestation de dépôt et accusé de réception', 'Certificate of filing and acknowledgement of receipt'],
  prolongation: ["Attestation de prolongation de l'instruction", 'Certificate of extended examination'],
  favourable_decision: ['Attestation de décision favorable', 'Certificate of favourable decision'],
  favourable_decision_letter: ["Décision : délivrance d'un titre de séjour", 'Decision: residence permit granted'],
  refusal_letter: ['Décision : refus de titre de séjour', 'Decision: residence permit refused'],
};

function issue(kind: AttestationKind, extra: Partial<IssueInput> = {}) {
  return database.db.transaction((tx) =>
    issueAttestation(tx, { keys, now }, {
      kind,
      userId,
      prefectureId,
      reference: 'SEJ-2026-7KQ2XD',
      cardType: 'salarie',
      foreignerNumber: '6912345678',
      dates: DATES[kind],
      validUntilOn: VALID_UNTIL[kind] ?? null,
      issuedOn: '2026-11-02',
      ...(kind === 'refusal_letter' ? { reasons: ['Les ressources déclarées ne sont pas stables ni suffisantes (« art. L.426-17 »).'] } : {}),
      ...extra,
    }),
  );
}

const squash = (text: string) => text.replace(/\s+/g, ' ');

describe(issueAttestation.name, () => {
  for (const kind of ATTESTATION_KINDS) {
    it(`issues a ${kind} whose PDF reads back in French and English with its dates, and whose QR code verifies`, async () => {
      const row = await issue(kind);
      for (const [index, locale] of (['fr', 'en'] as const).entries()) {
        const bytes = await renderRow(row, locale, 'https://sejour.example');
        const text = squash(pdfText(bytes));
        expect(text).toContain(TITLES[kind][index]);
        expect(text).toContain('Lefèvre-Núñez, Zoë Anaïs');
        expect(text).toContain(locale === 'fr' ? '15 mars 1994' : '15 March 1994');
        expect(text).toContain('6912345678');
        expect(text).toContain('Rhône');
        expect(text).toContain(row.id);
        for (const date of DATES[kind]) expect(text).toContain(`[${date.ruleId}]`);
        if (kind === 'filing_receipt') {
          expect(text).toContain(locale === 'fr' ? 'implicitement rejetée le 2 mars 2027' : 'implicitly rejected on 2 March 2027');
          expect(text).toContain('L.112-11');
          expect(text).toContain(locale === 'fr' ? 'Voies et délais de recours' : 'Appeals and their deadlines');
          expect(text).toContain('3 ' + (locale === 'fr' ? 'mai' : 'May') + ' 2027');
        }
        if (kind === 'prolongation') expect(text).toContain(locale === 'fr' ? "Valable jusqu'au 1 février 2027 inclus" : 'Valid until 1 February 2027 inclusive');
        if (kind === 'refusal_letter') expect(text).toContain('« art. L.426-17 »');

        const qr = qrFromPdf(bytes);
        expect(qr).toBe(row.payload);
        const verdict = await verifyPayload({ db: database.db, now, keys }, qr!, locale);
        expect(verdict).toMatchObject({ result: 'valid', signatureValid: true, status: 'current' });
        expect(verdict.document).toMatchObject({ kind, holderName: 'LEFÈVRE-NÚÑEZ, Zoë Anaïs', birthDate: '1994-03-15', documentId: row.id });
        expect(JSON.stringify(verdict)).not.toContain('SEJ-2026');
        expect((await verifyPdf({ db: database.db, now, keys }, Buffer.from(bytes), locale)).status).toBe('current');
      }
    });
  }

  it('renders the same bytes twice (deterministic)', async () => {
    const row = await issue('vls_ts_validation');
    expect(Buffer.from(await renderRow(row, 'fr', 'https://x')).equals(Buffer.from(await renderRow(row, 'fr', 'https://x')))).toBe(true);
  });

  it('rejects a tampered payload and marks an expired document', async () => {
    const row = await issue('prolongation', { applicationId: null });
    const ctx = { db: database.db, now, keys };
    const parts = row.payload.split('.');
    const body = JSON.parse(Buffer.from(parts[2]!, 'base64url').toString('utf8')) as Record<string, unknown>;
    body.u = '2030-01-01';
    const tampered = [parts[0], parts[1], Buffer.from(JSON.stringify(body)).toString('base64url'), parts[3]].join('.');
    expect((await verifyPayload(ctx, tampered, 'en')).result).toBe('bad_signature');
    expect((await verifyPayload(ctx, `${parts[0]}.other.${parts[2]}.${parts[3]}`, 'en')).result).toBe('unknown_key');
    expect((await verifyPayload(ctx, 'not a code', 'en')).result).toBe('malformed');
    expect((await verifyPdf(ctx, Buffer.from('%PDF-1.7 nothing'), 'en')).result).toBe('no_payload');
    clock = new Date('2027-02-02T09:00:00Z');
    try {
      const expired = await verifyPayload(ctx, row.payload, 'en');
      expect(expired).toMatchObject({ result: 'valid', status: 'expired' });
      expect(expired.message).toContain('1 February 2027');
    } finally {
      clock = new Date('2026-11-02T09:00:00Z');
    }
  });

  it('refuses without an identity: identity_missing', async () => {
    const other = await createUser(database.db, { role: 'applicant' });
    await expect(issue('prolongation', { userId: other.id })).rejects.toMatchObject({ status: 422, code: 'identity_missing' });
    expect(await database.db.select().from(attestations).where(eq(attestations.userId, other.id))).toEqual([]);
  });
});
