/**
 * /statistiques (issue 9): the page opens, the measure switches, the table (the map's accessible
 * alternative) sorts, a département's trend opens as a chart and a table, the CSV downloads with its
 * licence line, a prefecture's page shows its figures; axe on each state. The demo
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

    // The demo database has no published day: serve Rhône's trend from hand-built figures to see
    // the chart (the API itself is tested in server/http/routes/statistics/index.test.ts).
    const days = ['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24'];
    const empty = { applications_filed: null, prolongation_median_days: null, prolongation_p90_days: null, decision_median_days: null, decision_p90_days: null, gap_count: null, gap_share: null, message_answer_median_days: null, appointment_next_slot_days: null };
    await page.route('**/api/v1/statistics/69?*', (route) =>
      route.fulfill({
        json: { scope: '69', window: 90, cardType: 'all', points: days.map((computedOn, i) => ({ computedOn, figures: { ...empty, tacit_refusals: i === 1 ? null : 10 + i * 3 } })) },
      }),
    );
    await page.getByLabel('Département', { exact: true }).selectOption('69');
    await page.getByRole('table', { name: /Rhône, jour après jour/ }).waitFor();
    await page.getByRole('img', { name: 'Refus implicites dans le temps : Rhône' }).waitFor();
    expect(await page.locator('[data-testid="trend-chart"] svg circle').count()).toBe(4); // the suppressed day is left out
    expect(await page.getByRole('row', { name: /2026-11-21 Données insuffisantes/ }).count()).toBe(1);
    await expectNoAxeViolations(page);
    await screenshot(page, 'statistics-3-trend-chart');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Télécharger le fichier CSV' }).click()]);
    const file = await download.path();
    const text = fs.readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toContain('Licence Ouverte');
    expect(text).toContain('computed_on,scope,window_days,card_type');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows a prefecture its own figures on its page', async () => {
    const { page, context, problems } = await openPage(browser, { locale: 'fr-FR' });
    await page.goto(`${app.url}/prefectures/69`);
    await page.getByRole('heading', { name: 'Les chiffres de cette préfecture' }).waitFor();
    await page.getByRole('link', { name: 'Toutes les statistiques' }).click();
    await page.getByRole('heading', { level: 1, name: 'Statistiques des préfectures' }).waitFor();
    await expect.poll(() => page.getByLabel('Département', { exact: true }).inputValue()).toBe('69');
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
    await context.close();
  });
});
