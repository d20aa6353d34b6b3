/**
 * The disk or the object store refusing writes during an upload (issue 10): the person gets a
 * clear 503 in their language, nothing of the refused file stays, and the draft with its other
 * documents is intact; once the store accepts writes again, the same file goes through.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLocalFileStorage } from '../../../adapters/storage/local';
import type { FileStorage } from '../../../adapters/storage/file-storage';
import { TINY_PNG } from '../../../usecases/applications/test-pdfs';
import { createApplicationsTestApp, expectProblem, filesUnder, ok, recordCard, signedIn, startDraft, upload } from './test-kit';

/** The local store, with a switch that makes it fail the way a full disk does, mid-stream. */
let refusing = false;
function flakyStorage(dataDir: string): FileStorage {
  const inner = createLocalFileStorage(path.join(dataDir, 'files'));
  return {
    get: (key, range) => inner.get(key, range),
    delete: (key) => inner.delete(key),
    put: (key, source, options) => {
      if (!refusing) return inner.put(key, source, options);
      async function* breaksAfterFirstChunk(): AsyncIterable<Uint8Array> {
        for await (const chunk of source) {
          yield chunk;
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28 });
        }
      }
      return inner.put(key, breaksAfterFirstChunk(), options);
    },
  };
}

const ctx = await createApplicationsTestApp('2026-10-01T10:00:00Z', { storage: flakyStorage });
const PNG = { data: TINY_PNG, filename: 'scan.png', contentType: 'image/png' };

interface Detail {
  id: string;
  status: string;
  answers: Record<string, unknown>;
  checklist: Array<{ itemId: string; documents: Array<{ id: string }> }>;
  missingDocuments: string[];
}

describe('an upload while the storage refuses writes', () => {
  it('answers 503 storage_unavailable in the person’s language, keeps the draft and its documents, and takes the file once writes work again', async () => {
    refusing = false;
    const applicant = await signedIn(ctx);
    await recordCard(applicant.browser, { validUntil: '2026-12-31', cardType: 'visiteur' });
    const draft = await startDraft(applicant.browser, { answers: { marriedOrHasChildren: false } });
    const before = ok<Detail>(await applicant.browser.get(`/api/v1/applications/${draft.id}`));
    const [first, second] = before.missingDocuments;
    const kept = ok<{ id: string }>(await upload(applicant.browser, `/api/v1/applications/${draft.id}/items/${first}/documents`, PNG), 201);
    const filesBefore = filesUnder(path.join(ctx.dataDir, 'files'));

    refusing = true;
    const refused = await upload(applicant.browser, `/api/v1/applications/${draft.id}/items/${second}/documents`, PNG, { headers: { 'accept-language': 'fr' } });
    const problem = expectProblem(refused, 503, 'storage_unavailable');
    expect(refused.headers['retry-after']).toBe('120');
    expect(String(problem.detail)).toContain("Rien de ce qui était déjà enregistré n'est perdu");

    // Nothing of the refused file; the draft, its answers and the first document as they were.
    expect(filesUnder(path.join(ctx.dataDir, 'files'))).toEqual(filesBefore);
    const after = ok<Detail>(await applicant.browser.get(`/api/v1/applications/${draft.id}`));
    expect(after.status).toBe('draft');
    expect(after.answers).toEqual(before.answers);
    expect(after.missingDocuments).toEqual(before.missingDocuments.filter((item) => item !== first));
    const content = await applicant.browser.get(`/api/v1/applications/${draft.id}/documents/${kept.id}/content`);
    expect(content.statusCode).toBe(200);
    expect(Buffer.compare(content.rawPayload, TINY_PNG)).toBe(0);

    refusing = false;
    ok(await upload(applicant.browser, `/api/v1/applications/${draft.id}/items/${second}/documents`, PNG), 201);
  });
});
