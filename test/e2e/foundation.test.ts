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

describe('the home page', () => {
  it('explains the service in French, under the strict CSP, without an accessibility violation', async () => {
    const { page, context, problems } = await openPage(browser);
    const response = await page.goto(app.url);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await expect.poll(() => page.locator('main h1').textContent()).toContain('titre de séjour');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.getByText('République').first().isVisible()).toBe(true);
    expect(await page.title()).toContain('Sejour');
    await expectNoAxeViolations(page);
    await screenshot(page, 'home-fr-desktop');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('switches to English and remembers it after a reload', async () => {
    const { page, context, problems } = await openPage(browser);
    await page.goto(app.url);
    // The DSFR script opens the language menu once it has started: on a loaded machine the first
    // click may come before that, so open it again until the English choice can be clicked.
    for (let attempt = 1; ; attempt++) {
      await page.getByTitle('Sélectionner une langue').locator('visible=true').first().click();
      try {
        await page.getByRole('button', { name: /EN - English/ }).locator('visible=true').first().click({ timeout: 3000 });
        break;
      } catch (error) {
        if (attempt === 8) throw error;
      }
    }
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.locator('main h1').textContent()).toContain('residence permit');
    await page.reload();
    await expect.poll(() => page.locator('main h1').textContent()).toContain('residence permit');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('fits a 360 px phone screen with no sideways scrolling, in both languages', async () => {
    for (const locale of ['fr-FR', 'en-GB']) {
      const { page, context, problems } = await openPage(browser, { width: 360, height: 740, locale });
      await page.goto(app.url);
      await page.locator('main h1').waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page);
      await screenshot(page, `home-${locale}-phone`);
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it('offers skip links to the content and the footer', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(app.url);
    await page.locator('main h1').waitFor();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(focused).toMatch(/^#/);
    const target = focused!.slice(1);
    expect(await page.locator(`[id="${target}"]`).count()).toBe(1);
    await context.close();
  });
});

describe('other pages', () => {
  it('shows a page-not-found page for an unknown address, accessible', async () => {
    const { page, context, problems } = await openPage(browser, { locale: 'en-GB' });
    await page.goto(`${app.url}/no/such/page`);
    await expect.poll(() => page.locator('main h1').textContent()).toContain('Page not found');
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('serves the API reference page', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${app.url}/api/v1/docs`);
    await expect.poll(() => page.getByText('Sejour API').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await screenshot(page, 'api-docs');
    await context.close();
  });
});
