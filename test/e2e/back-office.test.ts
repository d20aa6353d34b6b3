/**
 * The back office in a browser: the demo applicant files an application in the Rhône (through the
 * API, in their own browser context); the demo agent signs in, passes the second factor with the
 * code of the moment (otplib, from the secret in DATA_DIR/demo-accounts.json), finds the case in
 * the queue by its reference, opens it, views a document inline, and declares the file complete.
 * axe on every page; screenshots saved. Skipped when TEST_DATABASE_URL is set (demo accounts exist
 * only with the embedded database).
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCodeAt } from '../../server/adapters/totp';
import { TINY_PNG } from '../../server/usecases/applications/test-pdfs';
import { expectNoAxeViolations, launchBrowser, openPage, screenshot, startApp, type RunningApp } from './harness';

const EMBEDDED = !process.env.TEST_DATABASE_URL;
let app: RunningApp;
let browser: Browser;
beforeAll(async () => {
  if (!EMBEDDED) return;
  app = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function apiCall(context: BrowserContext, method: 'GET' | 'POST', url: string, options: { data?: unknown; headers?: Record<string, string>; multipart?: Record<string, { name: string; mimeType: string; buffer: Buffer }> } = {}) {
  const csrf = (await context.cookies(app.url)).find((cookie) => cookie.name === 'sejour_csrf')?.value ?? '';
  const response = await context.request.fetch(`${app.url}${url}`, {
    method,
    headers: { 'x-csrf-token': csrf, ...options.headers },
    ...(options.data === undefined ? {} : { data: options.data }),
    ...(options.multipart === undefined ? {} : { multipart: options.multipart }),
  });
  return { status: response.status(), body: (await response.json().catch(() => null)) as Record<string, unknown> };
}

interface DemoAccount {
  email: string;
  password: string;
  totpSecret?: string;
}

/** The demo applicant files a visiteur application in the Rhône; returns its reference. */
async function fileAsDemoApplicant(account: DemoAccount): Promise<string> {
  const { context } = await openPage(browser);
  await apiCall(context, 'GET', '/api/v1/auth/csrf');
  expect((await apiCall(context, 'POST', '/api/v1/auth/sign-in', { data: { email: account.email, password: account.password } })).status).toBe(200);
  const permit = await apiCall(context, 'POST', '/api/v1/permits', {
    data: { kind: 'temporary_card', cardType: 'visiteur', validFrom: dayFromToday(-265), validUntil: dayFromToday(100), foreignerNumber: '7509876543' },
  });
  expect(permit.status, JSON.stringify(permit.body)).toBe(201);
  const draft = await apiCall(context, 'POST', '/api/v1/applications', { data: { cardType: 'visiteur', departement: '69', answers: { marriedOrHasChildren: false } } });
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  const id = String(draft.body.id);
  for (const item of draft.body.missingDocuments as string[]) {
    const sent = await apiCall(context, 'POST', `/api/v1/applications/${id}/items/${item}/documents`, { multipart: { file: { name: `${item}.png`, mimeType: 'image/png', buffer: TINY_PNG } } });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
  }
  const filed = await apiCall(context, 'POST', `/api/v1/applications/${id}/submit`, { headers: { 'idempotency-key': randomUUID() } });
  expect(filed.status, JSON.stringify(filed.body)).toBe(200);
  await context.close();
  return String(filed.body.reference);
}

describe('the back office', () => {
  it.skipIf(!EMBEDDED)('lets the demo agent pass TOTP, find a case in the queue, view a document inline and declare the file complete', async () => {
    const accounts = JSON.parse(fs.readFileSync(path.join(app.dataDir, 'demo-accounts.json'), 'utf8')) as DemoAccount[];
    const applicant = accounts.find((a) => a.email.startsWith('demo.applicant'));
    const agent = accounts.find((a) => a.email.startsWith('demo.agent'));
    if (!applicant || !agent?.totpSecret) throw new Error('demo accounts missing');
    const reference = await fileAsDemoApplicant(applicant);

    const { page, problems } = await openPage(browser, { locale: 'fr-FR' });
    await page.goto(`${app.url}/connexion`);
    await page.locator('#sign-in-email').fill(agent.email);
    await page.locator('#sign-in-password').fill(agent.password);
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();

    // The second factor comes first.
    await page.getByRole('heading', { level: 1, name: 'Vérification en deux étapes' }).waitFor();
    await page.locator('#second-factor-code').waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'back-office-1-second-factor');
    await page.locator('#second-factor-code').fill(await totpCodeAt(agent.totpSecret, new Date()));
    await page.getByRole('button', { name: 'Valider' }).click();

    // The queue, then a search by reference.
    await page.getByRole('heading', { level: 1, name: 'Dossiers à traiter' }).waitFor();
    await page.getByRole('link', { name: reference }).waitFor();
    await page.locator('#queue-q').fill(reference);
    await page.getByRole('button', { name: 'Appliquer' }).click();
    await page.waitForURL(/q=SEJ-/);
    await page.getByRole('link', { name: reference }).waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'back-office-2-queue');

    // The case file, a document viewed in the page.
    await page.getByRole('link', { name: reference }).click();
    await page.getByRole('heading', { level: 1, name: `Dossier ${reference}` }).waitFor();
    await page.getByRole('button', { name: 'Afficher' }).first().click();
    const image = page.locator('figure img');
    await image.waitFor();
    await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
    await screenshot(page, 'back-office-3-case');

    // Declare complete: the status changes, the history shows it.
    await page.getByRole('button', { name: 'Déclarer le dossier complet' }).click();
    await page.getByText('Le dossier est déclaré complet.').waitFor();
    await expect.poll(() => page.locator('main .fr-text--lead').textContent()).toContain('Complète');
    await expectNoAxeViolations(page);
    await screenshot(page, 'back-office-4-complete');
    expect(problems).toEqual([]);
  });
});
