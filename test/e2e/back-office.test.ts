/**
 * The back office in a browser: the demo applicant files an application in the Rhône (through the
 * API, in their own browser context); the demo agent signs in, passes the second factor with the
 * code of the moment (otplib, from the secret in DATA_DIR/demo-accounts.json), finds the case in
 * the queue by its reference, opens it, views a document inline, assigns it to themself, requests
 * an extra document; the applicant (second browser context) sends it; the agent declares the file
 * complete (the applicant's page then offers the attestation de prolongation) and decides
 * favourably; both sides' histories are the same. The demo supervisor opens the dashboard.
 * axe on every page; screenshots saved. Skipped when TEST_DATABASE_URL is set (demo accounts exist
 * only with the embedded database).
 */
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCodeAt } from '../../server/adapters/totp';
import { TINY_PNG } from '../../server/usecases/applications/test-pdfs';
import { apiCall, dayFromToday, demoAccount, expectNoAxeViolations, launchBrowser, openPage, screenshot, startApp, type ApiCallOptions, type DemoAccount, type RunningApp } from './harness';

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

/** The demo applicant files a visiteur application in the Rhône, in their own browser context (left open). */
async function fileAsDemoApplicant(account: DemoAccount): Promise<{ reference: string; id: string; context: BrowserContext; page: Page }> {
  const { context, page } = await openPage(browser, { locale: 'fr-FR' });
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
  return { reference: String(filed.body.reference), id, context, page };
}

async function signInAgent(account: DemoAccount) {
  const opened = await openPage(browser, { locale: 'fr-FR' });
  const { page } = opened;
  await page.goto(`${app.url}/connexion`);
  await page.locator('#sign-in-email').fill(account.email);
  await page.locator('#sign-in-password').fill(account.password);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Vérification en deux étapes' }).waitFor();
  await page.locator('#second-factor-code').waitFor();
  return opened;
}

describe('the back office', () => {
  it.skipIf(!EMBEDDED)('takes a case from filing to favourable decision: TOTP, queue, inline document, assignment, request answered by the applicant, completeness with its prolongation, decision, one history', async () => {
    const applicant = demoAccount(app, 'demo.applicant');
    const agent = demoAccount(app, 'demo.agent');
    if (!applicant || !agent?.totpSecret) throw new Error('demo accounts missing');
    const filing = await fileAsDemoApplicant(applicant);
    const { reference } = filing;

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

    // Assign the case to myself.
    await page.getByRole('button', { name: "Me l'attribuer" }).click();
    await page.getByText('Le dossier est attribué.').waitFor();
    await page.getByText(/Attribué à /).waitFor();

    // Request an extra document, with a due date.
    await page.locator('fieldset .fr-checkbox-group label').first().click();
    await page.locator('#request-due-on').fill(dayFromToday(20));
    await page.getByRole('button', { name: 'Envoyer la demande' }).click();
    await page.getByText('La demande de pièces est envoyée au demandeur.').waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'back-office-4-requested');

    // The applicant, in their own browser context, sends the document and answers the request.
    const mine = await call(filing.context, 'GET', `/api/v1/applications/${filing.id}`);
    const request = (mine.body.documentRequests as Array<{ id: string; items: string[]; open: boolean }>).find((r) => r.open);
    if (!request) throw new Error('no open request');
    for (const item of request.items) {
      const sent = await call(filing.context, 'POST', `/api/v1/applications/${filing.id}/items/${item}/documents`, { multipart: { file: { name: `${item}.png`, mimeType: 'image/png', buffer: TINY_PNG } } });
      expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    }
    const answered = await call(filing.context, 'POST', `/api/v1/applications/${filing.id}/document-requests/${request.id}/answer`);
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);

    // Declare complete: the status changes, the history shows it.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: `Dossier ${reference}` }).waitFor();
    await page.getByRole('button', { name: 'Déclarer le dossier complet' }).click();
    await page.getByText('Le dossier est déclaré complet.').waitFor();
    await expect.poll(() => page.locator('main .fr-text--lead').textContent()).toContain('Complète');
    await expectNoAxeViolations(page);
    await screenshot(page, 'back-office-5-complete');

    // The applicant now holds an attestation de prolongation.
    const held = await call(filing.context, 'GET', '/api/v1/attestations');
    expect((held.body.attestations as Array<{ kind: string; applicationId: string }>).filter((a) => a.applicationId === filing.id).map((a) => a.kind)).toContain('prolongation');
    await filing.page.goto(`${app.url}/connexion`);
    await filing.page.locator('#sign-in-email').fill(applicant.email);
    await filing.page.locator('#sign-in-password').fill(applicant.password);
    await filing.page.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await filing.page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
    await filing.page.goto(`${app.url}/espace/demandes/${filing.id}`);
    await filing.page.getByRole('link', { name: /prolongation/i }).first().waitFor();
    await expectNoAxeViolations(filing.page);
    await screenshot(filing.page, 'back-office-6-applicant-prolongation');

    // Favourable decision.
    await page.getByRole('button', { name: 'Décider favorablement' }).click();
    await page.getByText("La décision favorable est enregistrée ; l'attestation est délivrée.").waitFor();
    await screenshot(page, 'back-office-7-decided');

    // Both sides see the same history.
    const staffSide = await call(page.context(), 'GET', `/api/v1/staff/applications/${filing.id}`);
    const applicantSide = await call(filing.context, 'GET', `/api/v1/applications/${filing.id}`);
    const events = (body: Record<string, unknown>) => (body.history as Array<{ event: string; statusTo: string }>).map((h) => `${h.event}:${h.statusTo}`);
    expect(events(applicantSide.body)).toEqual(events(staffSide.body));
    expect(events(staffSide.body)).toEqual(expect.arrayContaining(['assign:submitted', 'requestDocuments:documents_requested', 'declareComplete:complete', 'decideFavourably:decided_favourable']));
    await filing.context.close();
    expect(problems).toEqual([]);
  }, 150_000);

  it.skipIf(!EMBEDDED)('shows the demo supervisor the dashboard with its chart and table', async () => {
    const supervisor = demoAccount(app, 'demo.supervisor');
    if (!supervisor?.totpSecret) throw new Error('demo supervisor missing');
    const { page, problems } = await signInAgent(supervisor);
    await page.locator('#second-factor-code').fill(await totpCodeAt(supervisor.totpSecret, new Date()));
    await page.getByRole('button', { name: 'Valider' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dossiers à traiter' }).waitFor();
    await page.getByRole('link', { name: 'Tableau de bord' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
    await page.getByRole('img', { name: /Dossiers en cours par étape/ }).waitFor();
    await page.getByRole('table', { name: 'Dossiers en cours, par étape' }).waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'back-office-8-dashboard');
    expect(problems).toEqual([]);
  });
});
