/**
 * "Trouver ma préfecture" (/prefectures): the map with the mouse and with the keyboard, the
 * search by postcode and by name, and a préfecture's page, unpublished and then published by the
 * demo supervisor of the Rhône through the API (password, then the authenticator code). axe on
 * every state, no console error under the CSP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCodeAt } from '../../server/adapters/totp';
import type { Browser } from 'playwright-core';
import { demoAccount, expectNoAxeViolations, launchBrowser, openPage, screenshot, startApp, type RunningApp } from './harness';

let app: RunningApp;
let browser: Browser;
beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** Signs in as the demo supervisor with fetch, passes the second factor, publishes the Rhône page. */
async function publishRhonePage(): Promise<void> {
  const supervisor = demoAccount(app, 'demo.supervisor');
  if (!supervisor?.totpSecret) throw new Error('no demo supervisor');
  const cookies = new Map<string, string>();
  const call = async (method: string, url: string, body?: unknown) => {
    const response = await fetch(`${app.url}${url}`, {
      method,
      headers: {
        'content-type': 'application/json',
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(cookies.has('sejour_csrf') ? { 'x-csrf-token': cookies.get('sejour_csrf') ?? '' } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (name) cookies.set(name, value.join('='));
    }
    return response;
  };
  await call('GET', '/api/v1/auth/csrf');
  expect((await call('POST', '/api/v1/auth/sign-in', { email: supervisor.email, password: supervisor.password })).status).toBe(200);
  expect((await call('POST', '/api/v1/auth/second-factor/verify', { code: await totpCodeAt(supervisor.totpSecret, new Date()) })).status).toBe(200);
  const published = await call('PUT', '/api/v1/prefectures/69/page', {
    address: 'Préfecture du Rhône\nService des étrangers\n106 rue Pierre Corneille\n69003 Lyon',
    phone: '04 72 61 60 60',
    receptionHours: [
      { day: 1, opens: '08:45', closes: '12:00' },
      { day: 1, opens: '13:30', closes: '16:00' },
      { day: 4, opens: '08:45', closes: '12:00' },
    ],
    helpDeskAddress: null,
    helpDeskHours: [{ day: 2, opens: '09:00', closes: '12:00' }],
    notesFr: 'Permanence sans rendez-vous le jeudi matin.',
    notesEn: 'Drop-in session on Thursday mornings.',
    appointmentUrl: 'https://www.rhone.gouv.fr/rendez-vous',
  });
  expect(published.status).toBe(200);
}

describe('finding one’s préfecture', () => {
  it('with the mouse on the map, in French', async () => {
    const { page, context, problems } = await openPage(browser, { locale: 'fr-FR' });
    await page.goto(`${app.url}/prefectures`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Trouver ma préfecture');
    await page.getByRole('link', { name: 'Rhône (69)' }).waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'directory-1-map-fr');

    await page.getByRole('link', { name: 'Rhône (69)' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Préfecture du Rhône');
    await page.getByText('Informations pas encore publiées').waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'directory-2-prefecture-fr');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('with the keyboard alone, and by postcode and name, in English on a phone', async () => {
    const { page, context, problems } = await openPage(browser, { locale: 'en-GB', width: 360, height: 780 });
    await page.goto(`${app.url}/prefectures`);
    await page.getByRole('link', { name: 'Ain (01)' }).waitFor();

    // Tab into the map: the first département of the drawing takes the focus, Enter follows it.
    await page.getByRole('link', { name: 'Ain (01)' }).focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(focused).toBe('Aisne (02)');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Préfecture de l\'Aisne');
    await page.getByText('Details not published yet').waitFor();
    await page.getByRole('link', { name: 'All préfectures' }).click();

    const search = page.getByRole('searchbox');
    await search.fill('33220');
    await page.getByRole('heading', { name: '2 results' }).waitFor();
    const results = page.getByRole('region', { name: '2 results' }).getByRole('link');
    expect(await results.allTextContents()).toEqual([
      'Dordogne (24) – Préfecture de la Dordogne',
      'Gironde (33) – Préfecture de la Gironde',
    ]);
    await expectNoAxeViolations(page);
    await screenshot(page, 'directory-3-postcode-en-phone');

    await search.fill('00000');
    await page.getByText('No commune has the postcode 00000').waitFor();
    await search.fill('cotes');
    await page.getByRole('link', { name: /Côtes-d'Armor \(22\)/ }).first().waitFor();
    expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
    await context.close();
  });

  // Demo accounts exist with the embedded database only.
  it.skipIf(Boolean(process.env.TEST_DATABASE_URL))('shows what the supervisor published: hours by day, phone, booking, in French', async () => {
    await publishRhonePage();
    const { page, context, problems } = await openPage(browser, { locale: 'fr-FR' });
    await page.goto(`${app.url}/prefectures/69`);
    await page.getByRole('heading', { name: 'Horaires et coordonnées' }).waitFor();
    const reception = page.getByRole('table', { name: 'Horaires d’accueil du service des étrangers' });
    expect(await reception.getByRole('row').allTextContents()).toEqual(['JourHoraires', 'lundide 8 h 45 à 12 h et de 13 h 30 à 16 h', 'jeudide 8 h 45 à 12 h']);
    expect(await page.getByRole('link', { name: '04 72 61 60 60' }).getAttribute('href')).toBe('tel:0472616060');
    await page.getByText('Permanence sans rendez-vous le jeudi matin.').waitFor();
    expect(await page.getByRole('link', { name: /Prendre un rendez-vous/ }).getAttribute('href')).toBe('https://www.rhone.gouv.fr/rendez-vous');
    await expectNoAxeViolations(page);
    await screenshot(page, 'directory-4-published-fr');
    expect(problems).toEqual([]);
    await context.close();
  });
});
