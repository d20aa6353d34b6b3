/**
 * /statistiques (issue 9): the page opens, the measure switches, the table (the map's accessible
 * alternative) sorts, the CSV downloads with its licence line; axe on each state. The demo
 * database has too few filed applications: every cell shows "not enough data".
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser, openPage, screenshot, startApp, type RunningApp } from './harness';

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

describe('the statistics page', () => {
  it('switches the measure, sorts the table and downloads the CSV, in French', async () => {
    const { page, context, problems } = await openPage(browser, { locale: 'fr-FR' });
    await page.goto(`${app.url}/statistiques`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Statistiques des préfectures');
    await page.getByRole('cell', { name: 'Ain (01)' }).waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'statistics-1-fr');

    await page.getByLabel('Indicateur').selectOption('tacit_refusals');
    await page.getByRole('columnheader', { name: 'Refus implicites' }).first().waitFor();
    await page.getByRole('button', { name: 'Département' }).click();
    await expect.poll(() => page.getByRole('columnheader', { name: 'Département' }).getAttribute('aria-sort')).toBe('descending');
    expect(await page.getByRole('cell', { name: 'Données insuffisantes' }).count()).toBeGreaterThan(90);
    await expectNoAxeViolations(page);
    await screenshot(page, 'statistics-2-tacit-refusals-sorted');

    await page.getByLabel('Département', { exact: true }).selectOption('69');
    await page.getByRole('table', { name: /Rhône, jour après jour/ }).waitFor();
    await expectNoAxeViolations(page);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Télécharger le fichier CSV' }).click()]);
    const file = await download.path();
    const text = fs.readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toContain('Licence Ouverte');
    expect(text).toContain('computed_on,scope,window_days,card_type');
    expect(problems).toEqual([]);
    await context.close();
  });
});
