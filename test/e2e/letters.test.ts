/**
 * "When nothing works" in a browser (issue 8): the demo applicant files an application (through the
 * API, in their own browser context), opens it in the personal space, downloads the registered
 * letter to the préfecture and reads it back with pdftotext (reference, filing date, documents,
 * legal citations); then follows the link to the help page in context, and reads it again in
 * English on a phone. axe on every page; screenshots saved. Skipped when TEST_DATABASE_URL is set
 * (demo accounts exist only with the embedded database).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY_PNG } from '../../server/usecases/applications/test-pdfs';
import { apiCall, dayFromToday, demoAccount, expectNoAxeViolations, launchBrowser, openPage, screenshot, startApp, type ApiCallOptions, type RunningApp } from './harness';

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

/** The API as this browser context, on the test app. */
const call = (context: BrowserContext, method: 'GET' | 'POST', url: string, options?: ApiCallOptions) => apiCall(context, app.url, method, url, options);

/** The demo applicant signs in in `context` (API only) and files a visiteur application in the Rhône. */
async function fileApplication(context: BrowserContext, account: { email: string; password: string }): Promise<{ id: string; reference: string }> {
  await call(context, 'GET', '/api/v1/auth/csrf');
  expect((await call(context, 'POST', '/api/v1/auth/sign-in', { data: { email: account.email, password: account.password } })).status).toBe(200);
  const permit = await call(context, 'POST', '/api/v1/permits', {
    data: { kind: 'temporary_card', cardType: 'visiteur', validFrom: dayFromToday(-265), validUntil: dayFromToday(100), foreignerNumber: '7509876543' },
  });
  expect(permit.status, JSON.stringify(permit.body)).toBe(201);
  const draft = await call(context, 'POST', '/api/v1/applications', { data: { cardType: 'visiteur', departement: '69', answers: { marriedOrHasChildren: false } } });
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  const id = String(draft.body.id);
  for (const item of draft.body.missingDocuments as string[]) {
    const sent = await call(context, 'POST', `/api/v1/applications/${id}/items/${item}/documents`, { multipart: { file: { name: `${item}.png`, mimeType: 'image/png', buffer: TINY_PNG } } });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
  }
  const filed = await call(context, 'POST', `/api/v1/applications/${id}/submit`, { headers: { 'idempotency-key': randomUUID() } });
  expect(filed.status, JSON.stringify(filed.body)).toBe(200);
  return { id, reference: String(filed.body.reference) };
}

describe('when nothing works', () => {
  it.skipIf(!EMBEDDED)('downloads the registered letter of a pending application and reads it, then opens the help page in context', async () => {
    const applicant = demoAccount(app, 'demo.applicant');
    if (!applicant) throw new Error('demo applicant missing');
    const api = await openPage(browser);
    const { id, reference } = await fileApplication(api.context, applicant);
    await api.context.close();

    const { page, context, problems } = await openPage(browser, { locale: 'fr-FR' });
    await page.goto(`${app.url}/connexion`);
    await page.locator('#sign-in-email').fill(applicant.email);
    await page.locator('#sign-in-password').fill(applicant.password);
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await page.waitForURL(/\/espace/);

    // The application page offers the letter and the help for its situation (pending, no answer).
    await page.goto(`${app.url}/espace/demandes/${id}`);
    await page.getByTestId('application-reference').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Si rien n’avance' }).waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'letters-1-application');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Télécharger la lettre de relance (recommandé avec AR)' }).click();
    const file = path.join(os.tmpdir(), `sejour-letter-${randomUUID()}.pdf`);
    await (await download).saveAs(file);
    let text: string;
    try {
      text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    } finally {
      fs.rmSync(file, { force: true });
    }
    const filedOn = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }).format(new Date());
    expect(text).toContain('Lettre recommandée avec demande d');
    expect(text).toContain(reference);
    expect(text).toContain(`déposée le ${filedOn}`);
    expect(text).toContain('DIALLO');
    expect(text).toContain('Passeport');
    expect(text).toContain('CESEDA R.432-1, R.432-2 ; CRPA L.231-4, L.231-6');
    expect(text).toContain('CRPA L.114-3, L.114-5');
    expect(text).toContain('CESEDA R.431-15-1');

    // The help page, opened on the "no answer" situation, with the Défenseur des droits first.
    await page.getByRole('link', { name: 'Qui peut vous aider, et comment' }).click();
    await page.waitForURL(/\/aide\?situation=no_answer$/);
    await page.getByRole('heading', { level: 1, name: 'Quand rien ne fonctionne' }).waitFor();
    await page.getByRole('heading', { name: 'La préfecture ne répond pas' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Refus écrit de la préfecture' }).count()).toBe(0);
    expect(await page.getByTestId('help-actor-defender').textContent()).toContain('09 69 39 00 00');
    expect(await page.getByRole('link', { name: 'Appeler le Défenseur des droits au 09 69 39 00 00' }).getAttribute('href')).toBe('tel:+33969390000');
    await expectNoAxeViolations(page);
    await screenshot(page, 'letters-2-help-no-answer');
    expect(problems).toEqual([]);
    await context.close();
  });

  it.skipIf(!EMBEDDED)('explains an implicit refusal in English on a phone, with a lawyer first and no sideways scrolling', async () => {
    const { page, problems, context } = await openPage(browser, { width: 360, height: 740, locale: 'en-GB' });
    await page.goto(`${app.url}/aide?situation=tacit_refusal`);
    await page.getByRole('heading', { level: 1, name: 'When nothing works' }).waitFor();
    await page.getByRole('heading', { name: 'Implicit refusal: the préfecture did not answer in time' }).waitFor();
    const actors = await page.locator('[data-testid^="help-actor-"]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid')));
    expect(actors[0]).toBe('help-actor-lawyer');
    expect(actors).toHaveLength(4);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page);
    await screenshot(page, 'letters-3-help-tacit-refusal-en');
    expect(problems).toEqual([]);
    await context.close();
  });
});
