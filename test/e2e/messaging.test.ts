/**
 * Messaging in two browsers: the demo applicant (address in the Rhône) writes from /contact
 * ("Le site (ANEF) et mon compte" → "Autre") and gets the acknowledgement; the demo agent of the
 * Rhône, in a second browser context, passes TOTP, finds the message in the inbox and answers
 * from a template; the applicant sees the answer in the same thread and in the personal space's
 * panel. axe on every page; screenshots saved. Skipped when TEST_DATABASE_URL is set (demo
 * accounts exist only with the embedded database).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCodeAt } from '../../server/adapters/totp';
import { TINY_PNG } from '../../server/usecases/applications/test-pdfs';
import { demoAccount, expectNoAxeViolations, launchBrowser, openPage, screenshot, startApp, type DemoAccount, type RunningApp } from './harness';

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

async function signIn(page: Page, account: DemoAccount): Promise<void> {
  await page.goto(`${app.url}/connexion`);
  await page.locator('#sign-in-email').fill(account.email);
  await page.locator('#sign-in-password').fill(account.password);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
}

describe('messaging', () => {
  it.skipIf(!EMBEDDED)('lets an applicant write to the préfecture and read the agent’s answer in the same thread', async () => {
    const applicant = demoAccount(app, 'demo.applicant');
    const agent = demoAccount(app, 'demo.agent');
    if (!applicant || !agent?.totpSecret) throw new Error('demo accounts missing');

    // The applicant writes from the contact page.
    const mine = await openPage(browser, { locale: 'fr-FR' });
    await signIn(mine.page, applicant);
    await mine.page.waitForURL(/\/espace/);
    await mine.page.goto(`${app.url}/contact`);
    await mine.page.getByRole('heading', { level: 1, name: 'Contact' }).waitFor();
    await mine.page.getByText('Centre de contact citoyen').waitFor();
    await mine.page.getByText('Votre préfecture (Préfecture du Rhône)', { exact: false }).waitFor();
    await mine.page.getByLabel('Votre demande concerne').selectOption('anef');
    await mine.page.getByLabel('Objet').selectOption({ label: 'Autre' });
    await mine.page.getByLabel('Votre message').fill('Bonjour, je ne reçois pas les courriels du site.');
    await mine.page.locator('#message-files').setInputFiles({ name: 'capture.png', mimeType: 'image/png', buffer: TINY_PNG });
    await expectNoAxeViolations(mine.page);
    await screenshot(mine.page, 'messaging-1-contact');
    await mine.page.getByRole('button', { name: 'Envoyer' }).click();
    const acknowledgement = mine.page.getByTestId('message-acknowledgement');
    await acknowledgement.waitFor();
    const reference = /MSG-\d{4}-[2-9A-Z]{6}/.exec((await acknowledgement.textContent()) ?? '')?.[0];
    expect(reference).toBeDefined();
    expect(await acknowledgement.textContent()).toMatch(/au plus tard le \d{1,2} \S+ \d{4}/);
    await expectNoAxeViolations(mine.page);
    await mine.page.getByRole('link', { name: 'Voir l’échange' }).click();
    await mine.page.getByRole('heading', { level: 1, name: `Message ${reference}` }).waitFor();
    await mine.page.getByText('En attente de réponse').first().waitFor();
    await mine.page.getByRole('link', { name: /capture\.png/ }).waitFor();

    // The agent, in another browser context: second factor, inbox, answer.
    const theirs = await openPage(browser, { locale: 'fr-FR' });
    await signIn(theirs.page, agent);
    await theirs.page.locator('#second-factor-code').waitFor();
    await theirs.page.locator('#second-factor-code').fill(await totpCodeAt(agent.totpSecret, new Date()));
    await theirs.page.getByRole('button', { name: 'Valider' }).click();
    await theirs.page.getByRole('heading', { level: 1, name: 'Dossiers à traiter' }).waitFor();
    await theirs.page.goto(`${app.url}/agent/messages`);
    await theirs.page.getByRole('heading', { level: 1, name: 'Messages des usagers' }).waitFor();
    await theirs.page.getByRole('link', { name: reference ?? '' }).waitFor();
    await expectNoAxeViolations(theirs.page);
    await screenshot(theirs.page, 'messaging-2-inbox');
    await theirs.page.getByRole('link', { name: reference ?? '' }).click();
    await theirs.page.getByRole('heading', { level: 1, name: `Message ${reference}` }).waitFor();
    await theirs.page.getByRole('link', { name: /capture\.png/ }).waitFor();
    await theirs.page.getByRole('button', { name: 'Me l’attribuer' }).click();
    await theirs.page.getByText('Attribution enregistrée.').waitFor();
    await theirs.page.getByLabel('Modèle de réponse').selectOption('redirect_anef');
    await expect.poll(() => theirs.page.locator('#reply-body').inputValue()).toContain('centre de contact citoyens');
    await theirs.page.locator('#reply-body').fill('Bonjour, vérifiez vos courriels indésirables ; votre adresse est bien enregistrée.');
    await expectNoAxeViolations(theirs.page);
    await theirs.page.getByRole('button', { name: 'Envoyer la réponse' }).click();
    await theirs.page.getByText('Réponse envoyée : l’usager est prévenu.').waitFor();
    await screenshot(theirs.page, 'messaging-3-agent-thread');

    // The applicant sees the answer in the same thread.
    await mine.page.reload();
    await mine.page.getByText('vérifiez vos courriels indésirables').waitFor();
    await mine.page.getByText('La préfecture', { exact: false }).first().waitFor();
    await mine.page.getByText('Répondu').first().waitFor();
    await expectNoAxeViolations(mine.page);
    await screenshot(mine.page, 'messaging-4-applicant-thread');
    expect(mine.problems).toEqual([]);
    expect(theirs.problems).toEqual([]);
    await mine.context.close();
    await theirs.context.close();
  });
});
