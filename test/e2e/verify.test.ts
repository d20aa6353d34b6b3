/**
 * A third party checks attestations on /verify by uploading their PDF, in the browser, against
 * the app started with `npm start`:
 *
 * 1. On 1 October 2026 (CLOCK_START) the demo applicant files a renewal of a card that ends on
 *    31 December 2026 (through the API with the browser's session); their attestation de dépôt
 *    is uploaded on /verify → genuine and current.
 * 2. The app is restarted on 31 March 2027: at start the worker issues the attestations de
 *    prolongation that fell due (1 January–31 March, then its renewal from 1 April), the first
 *    superseded by the renewal. Uploading the first → "superseded"; the renewal → current.
 *
 * Runs on the embedded database only (it signs in the demo applicant, and demo data exists only
 * there); skipped, named so, with TEST_DATABASE_URL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser, openPage, screenshot, startApp, type RunningApp } from './harness';
import { TINY_PNG } from '../../server/usecases/applications/test-pdfs';

const ON_POSTGRES = Boolean(process.env.TEST_DATABASE_URL);
const SKIP_NOTE = ON_POSTGRES ? ' — skipped: signs in the demo applicant, whose data exists only with the embedded database' : '';
const TIMEOUT = 300_000;

let browser: Browser;
let app: RunningApp | undefined;
let dataDir: string;
const files: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sejour-e2e-verify-'));
});

afterAll(async () => {
  await app?.stop();
  await browser?.close();
  for (const file of files) fs.rmSync(file, { force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

interface Attestation {
  id: string;
  kind: string;
  validUntilOn: string | null;
  superseded: boolean;
}

/** The demo applicant's session, as a browser's API client (cookies, CSRF header). */
async function signInDemoApplicant(request: APIRequestContext, origin: string) {
  const accounts = JSON.parse(fs.readFileSync(path.join(dataDir, 'demo-accounts.json'), 'utf8')) as Array<{ email: string; password: string }>;
  const applicant = accounts.find((account) => account.email.startsWith('demo.applicant@'))!;
  const csrf = async () => ((await (await request.get(`${origin}/api/v1/auth/csrf`)).json()) as { token: string }).token;
  const signIn = await request.post(`${origin}/api/v1/auth/sign-in`, { headers: { 'x-csrf-token': await csrf() }, data: { email: applicant.email, password: applicant.password } });
  expect(signIn.status(), await signIn.text()).toBe(200);
  const call = async (method: 'GET' | 'POST', url: string, options: { data?: unknown; multipart?: Record<string, { name: string; mimeType: string; buffer: Buffer }>; headers?: Record<string, string> } = {}) => {
    const response = await request.fetch(`${origin}${url}`, { method, headers: { 'x-csrf-token': await csrf(), ...options.headers }, ...(options.data === undefined ? {} : { data: options.data }), ...(options.multipart === undefined ? {} : { multipart: options.multipart }) });
    return { status: response.status(), body: (await response.json().catch(() => null)) as Record<string, unknown> };
  };
  return {
    call,
    attestations: async () => ((await call('GET', '/api/v1/attestations')).body as unknown as { attestations: Attestation[] }).attestations,
    async download(id: string): Promise<string> {
      const response = await request.get(`${origin}/api/v1/attestations/${id}/pdf?lang=fr`);
      expect(response.status()).toBe(200);
      const file = path.join(os.tmpdir(), `sejour-verify-${randomUUID()}.pdf`);
      fs.writeFileSync(file, await response.body());
      files.push(file);
      return file;
    },
  };
}

/** Uploads a PDF on /verify and returns the verdict's result and status. */
async function verifyOnPage(page: Page, origin: string, file: string, shot: string): Promise<{ result: string; status: string; text: string }> {
  await page.goto(`${origin}/verify`);
  await page.locator('main h1').waitFor();
  await page.locator('#verify-file').setInputFiles(file);
  await page.locator('main form button[type="submit"]').click();
  const result = page.getByTestId('verify-result');
  await result.waitFor({ timeout: 15_000 });
  await expectNoAxeViolations(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${shot} scrolls sideways`).toBeLessThanOrEqual(0);
  await screenshot(page, shot);
  return { result: (await result.getAttribute('data-result')) ?? '', status: (await result.getAttribute('data-status')) ?? '', text: (await result.textContent()) ?? '' };
}

describe('verification of attestations on /verify', () => {
  it.skipIf(ON_POSTGRES)(`a filing receipt is genuine and current; after the prolongation is renewed, the first prolongation shows as superseded${SKIP_NOTE}`, async () => {
    // 1 October 2026: file a renewal in its window.
    app = await startApp({ dataDir, env: { CLOCK_START: '2026-10-01T08:00:00Z' } });
    const { page, context, problems } = await openPage(browser, { width: 360, height: 740, locale: 'fr-FR' });
    let session = await signInDemoApplicant(context.request, app.url);
    // The mark a sign-in through the page leaves (web/features/account/use-session.ts).
    await context.addInitScript(() => window.localStorage.setItem('sejour.signedIn', '1'));
    const card = await session.call('POST', '/api/v1/permits', {
      data: { kind: 'temporary_card', cardType: 'visiteur', validFrom: '2026-01-01', validUntil: '2026-12-31', foreignerNumber: '6912345678' },
    });
    expect(card.status, JSON.stringify(card.body)).toBe(201);
    const draft = await session.call('POST', '/api/v1/applications', { data: { cardType: 'visiteur', departement: '69', answers: { marriedOrHasChildren: false } } });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const id = String(draft.body.id);
    for (const item of draft.body.missingDocuments as string[]) {
      const sent = await session.call('POST', `/api/v1/applications/${id}/items/${item}/documents`, { multipart: { file: { name: `${item}.png`, mimeType: 'image/png', buffer: TINY_PNG } } });
      expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    }
    const filed = await session.call('POST', `/api/v1/applications/${id}/submit`, { headers: { 'idempotency-key': randomUUID() } });
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    const receipt = (await session.attestations()).find((a) => a.kind === 'filing_receipt')!;
    const receiptCheck = await verifyOnPage(page, app.url, await session.download(receipt.id), 'verify-01-receipt-current-fr-phone');
    expect(receiptCheck).toMatchObject({ result: 'valid', status: 'current' });
    expect(receiptCheck.text).toContain('Attestation authentique et à jour');
    expect(receiptCheck.text).toContain(receipt.id);

    // The holder shares their status for a job: a share code from the personal space, checked on
    // /verify with their birth date; the check then shows in their space.
    const birthDate = String(((await session.call('GET', '/api/v1/me/profile')).body as { profile: { birthDate: string } }).profile.birthDate);
    await page.goto(`${app.url}/espace`);
    await page.locator('#share-purpose').selectOption('work');
    await page.getByRole('button', { name: 'Créer un code de partage' }).click();
    const code = (await page.getByTestId('new-share-code').textContent())!.trim();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await expectNoAxeViolations(page);
    await screenshot(page, 'verify-02-share-code-fr-phone');
    await page.goto(`${app.url}/verify`);
    await page.getByRole('tab', { name: 'Code de partage' }).click();
    await page.locator('#verify-share-code').fill(code.toLowerCase());
    await page.locator('#verify-birth-date').fill(birthDate);
    await page.locator('main form button[type="submit"]').click();
    const shared = page.getByTestId('verify-result');
    await shared.waitFor();
    const sharedText = (await shared.textContent()) ?? '';
    expect(sharedText).toContain('Situation actuelle du titulaire');
    expect(sharedText).toContain('déposée dans les délais le jeudi 1er octobre 2026');
    expect(sharedText).toContain("Carte de séjour temporaire, valable jusqu'au jeudi 31 décembre 2026 selon le titulaire");
    await expectNoAxeViolations(page);
    await screenshot(page, 'verify-03-share-code-checked-fr-phone');
    await page.goto(`${app.url}/espace`);
    await page.getByText('1 consultation').waitFor();
    expect(problems).toEqual([]);
    await context.close();

    // 31 March 2027, 10:00 in Paris: the worker catches up at start.
    await app.stop();
    app = await startApp({ dataDir, env: { CLOCK_START: '2027-03-31T08:00:00Z' } });
    expect(app.output()).toContain('CLOCK_START is set');
    const later = await openPage(browser, { width: 360, height: 740, locale: 'en-GB' });
    session = await signInDemoApplicant(later.context.request, app.url);
    await expect
      .poll(async () => (await session.attestations()).filter((a) => a.kind === 'prolongation').length, { timeout: 60_000, interval: 1000 })
      .toBe(2);
    const prolongations = (await session.attestations()).filter((a) => a.kind === 'prolongation').sort((a, b) => String(a.validUntilOn).localeCompare(String(b.validUntilOn)));
    expect(prolongations.map((a) => [a.validUntilOn, a.superseded])).toEqual([
      ['2027-03-31', true],
      ['2027-06-30', false],
    ]);

    const first = await verifyOnPage(later.page, app.url, await session.download(prolongations[0]!.id), 'verify-04-prolongation-superseded-en-phone');
    expect(first).toMatchObject({ result: 'valid', status: 'superseded' });
    expect(first.text).toContain('Genuine attestation, but no longer current');
    expect(first.text).toContain('Superseded on');
    const renewal = await verifyOnPage(later.page, app.url, await session.download(prolongations[1]!.id), 'verify-05-prolongation-current-en-phone');
    expect(renewal).toMatchObject({ result: 'valid', status: 'current' });
    expect(renewal.text).toContain('30 June 2027');

    // A file that is not an attestation gets its own answer, before anything is sent.
    const notPdf = path.join(os.tmpdir(), `sejour-verify-${randomUUID()}.txt`);
    fs.writeFileSync(notPdf, 'not an attestation');
    files.push(notPdf);
    await later.page.locator('#verify-file').setInputFiles(notPdf);
    await later.page.locator('main form button[type="submit"]').click();
    await later.page.getByText('This file is neither a PDF nor an image').waitFor();
    expect(later.problems).toEqual([]);
    await later.context.close();
  }, TIMEOUT);
});
