import path from 'node:path';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applicationDocuments } from '../../../db/schema/index';
import { EXE_HEAD, TINY_JPEG, TINY_PNG, buildPdf } from '../../../usecases/applications/test-pdfs';
import { createApplicationsTestApp, expectProblem, filesUnder, multipart, ok, recordCard, signedIn, startDraft, upload } from './test-kit';

const ctx = await createApplicationsTestApp('2026-10-01T10:00:00Z');
const FILES = path.join(ctx.dataDir, 'files');
const MIB = 1024 * 1024;

interface DocumentBody {
  id: string;
  checklistItemId: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

async function draft() {
  const applicant = await signedIn(ctx);
  await recordCard(applicant.browser, { validUntil: '2026-12-31', cardType: 'visiteur' });
  const application = await startDraft(applicant.browser);
  const url = (item: string) => `/api/v1/applications/${application.id}/items/${item}/documents`;
  return { ...applicant, application, url };
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Stored files (not counting temporary ones, which must not exist either). */
function storedFiles(): string[] {
  return filesUnder(FILES);
}

describe('uploading a document', () => {
  it('accepts a PDF, a JPEG and a PNG, typed from their content, and gives them back byte for byte', async () => {
    const { browser, application, url } = await draft();
    const pdf = buildPdf();
    for (const [file, mediaType, filename] of [
      [{ data: pdf, filename: 'Passeport.pdf' }, 'application/pdf', 'Passeport.pdf'],
      [{ data: TINY_JPEG, filename: 'page 2.JPG', contentType: 'image/jpeg' }, 'image/jpeg', 'page 2.jpg'],
      [{ data: TINY_PNG, filename: 'page 3.png', contentType: 'image/png' }, 'image/png', 'page 3.png'],
    ] as const) {
      const document = ok<DocumentBody>(await upload(browser, url('passport'), file), 201);
      expect(document).toMatchObject({ checklistItemId: 'passport', mediaType, filename, sizeBytes: file.data.length, sha256: sha256(file.data) });
      const content = await browser.get(`/api/v1/applications/${application.id}/documents/${document.id}/content`);
      expect(content.statusCode).toBe(200);
      expect(content.headers['content-type']).toBe(mediaType);
      expect(content.headers['content-disposition']).toContain(`filename="${filename}"`);
      expect(content.headers['x-content-type-options']).toBe('nosniff');
      expect(content.rawPayload.equals(file.data)).toBe(true);
    }
  });

  it('keeps a “.pdf” that is really a PNG as a PNG, renamed .png (the content decides)', async () => {
    const { browser, url } = await draft();
    const document = ok<DocumentBody>(await upload(browser, url('passport'), { data: TINY_PNG, filename: 'scan.pdf', contentType: 'application/pdf' }), 201);
    expect(document).toMatchObject({ mediaType: 'image/png', filename: 'scan.png' });
  });

  it('refuses an executable renamed .pdf, and keeps nothing of it', async () => {
    const { browser, url } = await draft();
    const before = storedFiles();
    const problem = expectProblem(await upload(browser, url('passport'), { data: EXE_HEAD, filename: 'facture.pdf' }), 415, 'document_type_not_supported');
    expect(problem.detail).toContain('exe');
    expect(storedFiles()).toEqual(before);
  });

  it('refuses a type the item does not accept (a PDF for the e-photo sheet)', async () => {
    const { browser, url } = await draft();
    const problem = expectProblem(await upload(browser, url('e_photo_receipt'), { data: buildPdf() }, { headers: { 'accept-language': 'en' } }), 415, 'document_type_not_accepted');
    expect(problem.detail).toBe('For this document, only these types are accepted: JPEG, PNG.');
  });

  it('refuses an empty file', async () => {
    const { browser, url } = await draft();
    expectProblem(await upload(browser, url('passport'), { data: Buffer.alloc(0) }), 400, 'document_empty');
  });

  it('refuses a file over 10 MiB, stopping at the limit and leaving nothing on disk, not even a partial file', async () => {
    const { browser, application, url } = await draft();
    const before = storedFiles();
    const big = buildPdf({ size: 10 * MIB + 1024 });
    expect(big.length).toBeGreaterThan(10 * MIB);
    const problem = expectProblem(await upload(browser, url('passport'), { data: big }, { headers: { 'accept-language': 'en' } }), 413, 'document_too_large');
    expect(problem.detail).toContain('10 MiB');
    expect(storedFiles()).toEqual(before);
    expect(await ctx.db.select().from(applicationDocuments).where(eq(applicationDocuments.applicationId, application.id))).toEqual([]);
  });

  it('accepts a file of exactly 10 MiB', async () => {
    const { browser, url } = await draft();
    const pdf = buildPdf({ size: 10 * MIB });
    const exact = Buffer.concat([pdf, Buffer.alloc(10 * MIB - pdf.length, 0x0a)]);
    expect(exact.length).toBe(10 * MIB);
    expect(ok<DocumentBody>(await upload(browser, url('passport'), { data: exact }), 201).sizeBytes).toBe(10 * MIB);
  });

  it('refuses a password-protected PDF and a malformed one, deleting what was stored', async () => {
    const { browser, url } = await draft();
    const before = storedFiles();
    expectProblem(await upload(browser, url('passport'), { data: buildPdf({ encrypt: 'trailer' }) }), 400, 'document_pdf_encrypted');
    expectProblem(await upload(browser, url('passport'), { data: buildPdf({ encrypt: 'trailer', xrefStream: true }) }), 400, 'document_pdf_encrypted');
    expectProblem(await upload(browser, url('passport'), { data: buildPdf({ encrypt: 'linearized' }) }), 400, 'document_pdf_encrypted');
    const truncated = buildPdf();
    expectProblem(await upload(browser, url('passport'), { data: truncated.subarray(0, truncated.length - 20) }), 400, 'document_pdf_malformed');
    expect(storedFiles()).toEqual(before);
  });

  it('keeps to the item’s number of files', async () => {
    const { browser, url } = await draft();
    const png = { data: TINY_PNG, filename: 'photo.png', contentType: 'image/png' };
    ok(await upload(browser, url('e_photo_receipt'), png), 201);
    expectProblem(await upload(browser, url('e_photo_receipt'), png), 409, 'document_item_full');
  });

  it('refuses an item the card type does not have, a body that is not multipart, a form without a file', async () => {
    const { browser, url } = await draft();
    expectProblem(await upload(browser, url('payslips'), { data: TINY_PNG }), 404, 'document_item_unknown');
    expectProblem(await browser.post(url('passport'), { file: 'not a file' }), 415, 'document_multipart_required');
    const fieldsOnly = multipart([{ name: 'note', data: 'hello' }]);
    expectProblem(await browser.request({ method: 'POST', url: url('passport'), payload: fieldsOnly.payload, headers: fieldsOnly.headers }), 400, 'document_file_missing');
  });

  it('keeps an application’s documents within 50 MiB in all', async () => {
    const { browser, application, url } = await draft();
    const tenMiB = Buffer.concat([TINY_PNG, Buffer.alloc(10 * MIB - TINY_PNG.length, 0)]);
    for (let i = 0; i < 5; i++) ok(await upload(browser, url('resources_proof'), { data: tenMiB, filename: `releve-${i}.png`, contentType: 'image/png' }), 201);
    const before = storedFiles();
    const problem = expectProblem(await upload(browser, url('passport'), { data: TINY_PNG, contentType: 'image/png' }, { headers: { 'accept-language': 'en' } }), 413, 'application_documents_too_large');
    expect(problem.detail).toContain('50 MiB');
    expect(storedFiles()).toEqual(before);
    const detail = ok<{ storage: { usedBytes: number; limitBytes: number; maxFileBytes: number } }>(await browser.get(`/api/v1/applications/${application.id}`));
    expect(detail.storage).toEqual({ usedBytes: 50 * MIB, limitBytes: 50 * MIB, maxFileBytes: 10 * MIB });
  });
});

describe('replacing and removing before filing', () => {
  it('replaces a document: the new file counts, the old one is marked replaced and its file deleted', async () => {
    const { browser, application, url } = await draft();
    const first = ok<DocumentBody>(await upload(browser, url('passport'), { data: buildPdf(), filename: 'v1.pdf' }), 201);
    const files = storedFiles();
    const second = ok<DocumentBody>(await upload(browser, `/api/v1/applications/${application.id}/documents/${first.id}`, { data: TINY_JPEG, filename: 'v2.jpg' }, { method: 'PUT' }));
    expect(second).toMatchObject({ checklistItemId: 'passport', filename: 'v2.jpg', mediaType: 'image/jpeg' });
    const rows = await ctx.db.select().from(applicationDocuments).where(eq(applicationDocuments.applicationId, application.id));
    expect(rows.map((row) => [row.id, row.state, row.replacesId])).toEqual(expect.arrayContaining([[first.id, 'replaced', null], [second.id, 'active', first.id]]));
    expect(storedFiles()).toHaveLength(files.length);
    expectProblem(await browser.get(`/api/v1/applications/${application.id}/documents/${first.id}/content`), 404, 'document_not_found');
  });

  it('removes a document and its file', async () => {
    const { browser, application, url } = await draft();
    const document = ok<DocumentBody>(await upload(browser, url('passport'), { data: TINY_PNG }), 201);
    const files = storedFiles();
    const response = await browser.delete(`/api/v1/applications/${application.id}/documents/${document.id}`);
    expect(response.statusCode).toBe(204);
    expect(storedFiles()).toHaveLength(files.length - 1);
    expectProblem(await browser.delete(`/api/v1/applications/${application.id}/documents/${document.id}`), 404, 'document_not_found');
    const detail = ok<{ missingDocuments: string[] }>(await browser.get(`/api/v1/applications/${application.id}`));
    expect(detail.missingDocuments).toContain('passport');
  });

  it('refuses a replacement that would not fit, keeping the old document', async () => {
    const { browser, application, url } = await draft();
    const document = ok<DocumentBody>(await upload(browser, url('passport'), { data: TINY_PNG }), 201);
    expectProblem(
      await upload(browser, `/api/v1/applications/${application.id}/documents/${document.id}`, { data: EXE_HEAD, filename: 'x.pdf' }, { method: 'PUT' }),
      415,
      'document_type_not_supported',
    );
    expect((await browser.get(`/api/v1/applications/${application.id}/documents/${document.id}/content`)).statusCode).toBe(200);
  });
});
