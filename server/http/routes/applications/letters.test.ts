/**
 * GET /api/v1/applications/:id/letters/:kind.pdf — the registered letters of issue 8, read back
 * with pdftotext as the préfecture would read them: the references, the filing date, the
 * documents sent, the legal grounds with their citations, the préfecture's published address.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applications, prefecturePages } from '../../../db/schema/index';
import { TINY_PNG } from '../../../usecases/applications/test-pdfs';
import { createApplicationsTestApp, expectProblem, fillChecklist, ok, recordCard, signedIn, startDraft, type Applicant } from './test-kit';

const START = '2026-10-01T10:00:00Z';
const ctx = await createApplicationsTestApp(START);
const { clock, db } = ctx;
const PNG = { data: TINY_PNG, filename: 'scan.png', contentType: 'image/png' };

async function draft(): Promise<Applicant & { id: string }> {
  clock.now = new Date(START);
  const applicant = await signedIn(ctx);
  await recordCard(applicant.browser, { validUntil: '2026-12-31', cardType: 'visiteur' });
  const created = await startDraft(applicant.browser, { answers: { marriedOrHasChildren: false } });
  await fillChecklist(applicant.browser, created.id, PNG);
  return { ...applicant, id: created.id };
}

async function filed(): Promise<Applicant & { id: string; reference: string }> {
  const applicant = await draft();
  const body = ok<{ reference: string }>(await applicant.browser.post(`/api/v1/applications/${applicant.id}/submit`, undefined, { headers: { 'idempotency-key': `key-${applicant.id}` } }));
  return { ...applicant, reference: body.reference };
}

const letter = (applicant: Applicant, id: string, kind: string, lang = 'fr') =>
  applicant.browser.request({ method: 'GET', url: `/api/v1/applications/${id}/letters/${kind}.pdf`, headers: { 'accept-language': lang } });

function textOf(pdf: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sejour-letter-')), 'letter.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

describe('the registered letter to the préfecture', () => {
  it('drafts the "no answer" letter of a pending application in French, with its references, documents and legal grounds', async () => {
    const applicant = await filed();
    const response = await letter(applicant, applicant.id, 'no_answer');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(String(response.headers['content-disposition'])).toContain(`${applicant.reference}-lettre-relance.pdf`);
    const text = textOf(response.rawPayload);
    expect(text).toContain('Lettre recommandée avec demande d');
    expect(text).toContain(applicant.reference);
    expect(text).toContain('déposée le 1 octobre 2026');
    expect(text).toContain('Zoë Anaïs LEFÈVRE-NÚÑEZ');
    expect(text).toContain('N° d');
    expect(text).toContain('7501234567');
    expect(text).toContain('Passeport');
    expect(text).toContain('CESEDA R.432-1, R.432-2 ; CRPA L.231-4, L.231-6');
    expect(text).toContain('CRPA L.114-3, L.114-5');
    expect(text).toContain('CESEDA R.431-15-1 al. 2');
    expect(text).toContain('attestation de prolongation');
    expect(text).not.toContain('Translation for you');
  });

  it('adds an English translation page, marked not to be sent, for a reader in English', async () => {
    const applicant = await filed();
    const text = textOf((await letter(applicant, applicant.id, 'no_answer', 'en')).rawPayload);
    expect(text).toContain('Madame, Monsieur le Préfet');
    expect(text).toContain('Translation for you (do not send this page)');
    expect(text).toContain('filed on 1 October 2026');
  });

  it('prints the foreigners’ service address once the préfecture published it', async () => {
    const applicant = await filed();
    const [row] = await db.select({ prefectureId: applications.prefectureId }).from(applications).where(eq(applications.id, applicant.id));
    await db
      .insert(prefecturePages)
      .values({ prefectureId: row!.prefectureId, address: 'Service des étrangers\n18 rue de Bonnel\n69003 Lyon', updatedAt: new Date(START) })
      .onConflictDoNothing();
    const text = textOf((await letter(applicant, applicant.id, 'no_answer')).rawPayload);
    expect(text).toContain('18 rue de Bonnel');
    expect(text).toContain('69003 Lyon');
  });

  it('offers the request for reasons only once the implicit rejection has arisen, citing CRPA L.232-4 and the reasons due in one month', async () => {
    const applicant = await filed();
    expectProblem(await letter(applicant, applicant.id, 'reasons_request'), 409, 'letter_not_available');
    // Filed 2026-10-01: silence for 4 months → implicit rejection on 2027-02-01, arisen the day after.
    clock.now = new Date('2027-02-01T10:00:00Z');
    expectProblem(await letter(applicant, applicant.id, 'reasons_request'), 409, 'letter_not_available');
    clock.now = new Date('2027-02-10T10:00:00Z');
    const response = await letter(applicant, applicant.id, 'reasons_request');
    expect(response.statusCode, response.body).toBe(200);
    const text = textOf(response.rawPayload);
    expect(text).toContain('décision implicite de rejet née le 1 février 2027');
    expect(text).toContain('CRPA L.232-4');
    expect(text).toContain('CJA R.421-2');
    expect(text).toContain('au plus tard le 10 mars 2027');
  });

  it('refuses a letter for a draft (409) and answers 404 for another person’s application or an unknown kind', async () => {
    const applicant = await draft();
    expectProblem(await letter(applicant, applicant.id, 'no_answer'), 409, 'letter_not_available');
    const stranger = await signedIn(ctx);
    expectProblem(await letter(stranger, applicant.id, 'no_answer'), 404, 'application_not_found');
    expect((await letter(applicant, applicant.id, 'love_letter')).statusCode).toBe(400);
  });
});
