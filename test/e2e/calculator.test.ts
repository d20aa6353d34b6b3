/**
 * "Calculer mes dates" (/calculer), as a person uses it: in French on a desktop and in English on
 * a 360 px phone. The temporary card (2026-01-01 → 2026-12-31, Paris) gives the window
 * 2 September → 1 November 2026 (CESEDA R.431-5); an application filed 2026-10-15, complete
 * 2026-10-20 and refused on 2027-01-20 gives a court deadline of 22 March 2027 (Sunday 21 March
 * rolled forward). Then impossible input: the server's message beside the field. Every state is
 * checked by axe, with no console error under the strict CSP, and photographed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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

interface Journey {
  name: string;
  locale: string;
  width: number;
  height: number;
  lang: 'fr' | 'en';
  title: string;
  labels: {
    department: string;
    permitKind: string;
    cardType: string;
    validFrom: string;
    validUntil: string;
    applied: string;
    filedOn: string;
    completeOn: string;
    refusal: string;
    notifiedOn: string;
    submit: string;
  };
  expected: {
    opens: string;
    closes: string;
    recourse: string;
    rolledFrom: string;
    covered: RegExp;
    endsBeforeStart: string;
    filedBeforePermit: string;
  };
}

const JOURNEYS: Journey[] = [
  {
    name: 'fr-desktop',
    locale: 'fr-FR',
    width: 1280,
    height: 900,
    lang: 'fr',
    title: 'Calculer mes dates',
    labels: {
      department: 'Département où vous habitez',
      permitKind: 'Type de titre',
      cardType: 'Mention inscrite sur le titre',
      validFrom: 'Valable à partir du',
      validUntil: "Valable jusqu'au",
      applied: "J'ai déjà déposé ma demande",
      filedOn: 'Date de dépôt de la demande',
      completeOn: 'Date où le dossier a été déclaré complet',
      refusal: 'Refus',
      notifiedOn: 'Date de notification de la décision',
      submit: 'Calculer mes dates',
    },
    expected: {
      opens: 'mercredi 2 septembre 2026',
      closes: 'dimanche 1er novembre 2026',
      recourse: 'lundi 22 mars 2027',
      rolledFrom: 'Reportée du dimanche 21 mars 2027',
      covered: /votre séjour est couvert par votre carte de séjour jusqu'au jeudi 31 décembre 2026/,
      endsBeforeStart: 'La fin de validité précède le début de validité.',
      filedBeforePermit: 'La demande ne peut pas précéder le début de validité du titre.',
    },
  },
  {
    name: 'en-phone',
    locale: 'en-GB',
    width: 360,
    height: 740,
    lang: 'en',
    title: 'Calculate my dates',
    labels: {
      department: 'Département where you live',
      permitKind: 'Kind of permit',
      cardType: 'Mention written on the permit',
      validFrom: 'Valid from',
      validUntil: 'Valid until',
      applied: 'I have already filed my application',
      filedOn: 'Date the application was filed',
      completeOn: 'Date the file was declared complete',
      refusal: 'Refusal',
      notifiedOn: 'Date the decision was notified',
      submit: 'Calculate my dates',
    },
    expected: {
      opens: 'Wednesday 2 September 2026',
      closes: 'Sunday 1 November 2026',
      recourse: 'Monday 22 March 2027',
      rolledFrom: 'Moved from Sunday 21 March 2027',
      covered: /you are legally covered by your residence card until Thursday 31 December 2026/,
      endsBeforeStart: 'The end of validity is before the start of validity.',
      filedBeforePermit: "The application cannot come before the permit's start of validity.",
    },
  },
];

/** Console errors other than the 400 answers a step provoked on purpose. */
function unexpected(problems: string[], expectedStatuses: number[] = []): string[] {
  return problems.filter((text) => !expectedStatuses.some((status) => text.includes(`the server responded with a status of ${status}`)));
}

async function activeElementId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The text of the timeline's day `iso` (its <time> element). */
function timelineDay(page: Page, iso: string) {
  return page.locator(`.sejour-timeline time[datetime="${iso}"]`);
}

/**
 * Ticks a DSFR checkbox or radio button as a person does, by its label (the DSFR draws the box
 * over the native input, which therefore takes no click).
 */
async function tick(page: Page, label: string, exact = false): Promise<void> {
  const input = page.getByLabel(label, { exact });
  const id = await input.getAttribute('id');
  await page.locator(`label[for="${id}"]`).click();
  expect(await input.isChecked()).toBe(true);
}

/** Runs `action` and returns the API calls made meanwhile (method and path). */
async function apiCallsDuring(page: Page, action: () => Promise<void>): Promise<string[]> {
  const calls: string[] = [];
  const listener = (request: { method(): string; url(): string }) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) calls.push(`${request.method()} ${url.pathname}`);
  };
  page.on('request', listener);
  try {
    await action();
  } finally {
    page.off('request', listener);
  }
  return calls;
}

describe.each(JOURNEYS)('the calculator ($name)', (journey) => {
  it('computes the window, then the court deadline of a refusal, and shows the server’s messages beside the fields', async () => {
    const { page, context, problems } = await openPage(browser, { width: journey.width, height: journey.height, locale: journey.locale });
    const { labels, expected } = journey;
    await page.goto(`${app.url}/calculer`);
    await expect.poll(() => page.locator('main h1').textContent()).toBe(journey.title);
    expect(await page.locator('html').getAttribute('lang')).toBe(journey.lang);
    expect(await page.title()).toContain(journey.title);
    // The départements come from the API: 101, labelled "code – name".
    await expect.poll(() => page.locator('#calculator-department option:not([value=""])').count()).toBe(101);
    expect(await page.locator('#calculator-department option[value="75"]').textContent()).toBe('75 – Paris');

    // ——— Empty form ———
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
    await screenshot(page, `calculator-${journey.name}-empty`);

    // ——— A temporary card, no application; submitted with Enter ———
    await page.getByLabel(labels.department).selectOption('75');
    await page.getByLabel(labels.permitKind).selectOption('temporary_card');
    await page.getByLabel(labels.cardType).selectOption('salarie');
    await page.getByLabel(labels.validFrom).fill('2026-01-01');
    await page.getByLabel(labels.validUntil).fill('2026-12-31');
    const calls = await apiCallsDuring(page, async () => {
      await page.getByLabel(labels.validUntil).press('Enter');
      await page.locator('#calculator-result-title').waitFor();
    });
    // Nothing but the one POST: no anti-CSRF round trip, no cookie, nothing kept in the browser.
    expect(calls).toEqual(['POST /api/v1/deadlines']);
    expect(await context.cookies()).toEqual([]);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(stored).not.toContain('2026');

    await expect.poll(() => activeElementId(page)).toBe('calculator-result-title');
    expect(await timelineDay(page, '2026-09-02').textContent()).toBe(expected.opens);
    expect(await timelineDay(page, '2026-11-01').textContent()).toBe(expected.closes);
    expect(await page.getByText('R.431-5').first().isVisible()).toBe(true);
    expect(await page.locator('.sejour-calculator-result .fr-alert__title').first().textContent()).toMatch(expected.covered);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
    await screenshot(page, `calculator-${journey.name}-window`);

    // ——— Filed, complete, refused ———
    await tick(page, labels.applied);
    await page.getByLabel(labels.filedOn).fill('2026-10-15');
    await page.getByLabel(labels.completeOn).fill('2026-10-20');
    await tick(page, labels.refusal, true);
    await page.getByLabel(labels.notifiedOn).fill('2027-01-20');
    await page.getByRole('button', { name: labels.submit }).click();
    await expect.poll(() => timelineDay(page, '2027-03-22').count()).toBe(1);
    expect(await timelineDay(page, '2027-03-22').textContent()).toBe(expected.recourse);
    expect(await page.getByText(expected.rolledFrom).isVisible()).toBe(true);
    expect(await page.getByText('R.421-1').first().isVisible()).toBe(true);
    await expect.poll(() => activeElementId(page)).toBe('calculator-result-title');
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
    await screenshot(page, `calculator-${journey.name}-refusal`);

    // ——— Impossible: the permit ends before it starts ———
    await page.getByLabel(labels.validUntil).fill('2025-06-30');
    await page.getByRole('button', { name: labels.submit }).click();
    const untilError = page.locator('#calculator-permit-validUntil-desc-error');
    await expect.poll(() => untilError.textContent()).toBe(expected.endsBeforeStart);
    expect(await page.locator('#calculator-permit-validUntil').getAttribute('aria-describedby')).toContain('calculator-permit-validUntil-desc-error');
    expect(await page.locator('#calculator-permit-validUntil').getAttribute('aria-invalid')).toBe('true');
    // The summary takes the focus and links to the field; the stale result is gone.
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('sejour-calculator-summary'))).toBe(true);
    expect(await page.locator('.sejour-calculator-summary a[href="#calculator-permit-validUntil"]').textContent()).toContain(expected.endsBeforeStart);
    expect(await page.locator('#calculator-result-title').count()).toBe(0);
    await page.locator('.sejour-calculator-summary a[href="#calculator-permit-validUntil"]').click();
    expect(await activeElementId(page)).toBe('calculator-permit-validUntil');
    await expectNoAxeViolations(page);
    await screenshot(page, `calculator-${journey.name}-error`);

    // ——— Impossible: filed before the permit starts ———
    await page.getByLabel(labels.validUntil).fill('2026-12-31');
    await page.getByLabel(labels.filedOn).fill('2025-12-01');
    await page.getByRole('button', { name: labels.submit }).click();
    await expect.poll(() => page.locator('#calculator-application-filedOn-desc-error').textContent()).toBe(expected.filedBeforePermit);
    expect(await page.locator('#calculator-permit-validUntil-desc-error').count()).toBe(0);
    await expectNoAxeViolations(page);

    expect(unexpected(problems, [400])).toEqual([]);
    await context.close();
  });
});

describe('the calculator’s form', () => {
  it('asks for the required fields before calling the server, and adds and removes requests for documents', async () => {
    const { page, context, problems } = await openPage(browser, { locale: 'en-GB' });
    await page.goto(`${app.url}/calculer`);
    await page.locator('#calculator-department option[value="75"]').waitFor({ state: 'attached' });
    const calls = await apiCallsDuring(page, async () => {
      await page.getByRole('button', { name: 'Calculate my dates' }).click();
      await page.locator('.sejour-calculator-summary').waitFor();
    });
    expect(calls).toEqual([]);
    expect(await page.locator('#calculator-permit-validFrom-desc-error').textContent()).toBe('This field is required.');
    expect(await page.locator('.sejour-calculator-summary li').count()).toBe(5);

    await tick(page, 'I have already filed my application');
    await page.getByRole('button', { name: 'Add a request for documents' }).click();
    // The new row's first date takes the focus.
    expect(await activeElementId(page)).toBe('calculator-application-documentRequests-0-requestedOn');
    await page.getByRole('button', { name: 'Add a request for documents' }).click();
    expect(await page.getByRole('group', { name: 'Request for documents no. 2' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Remove request no. 1' }).click();
    expect(await page.getByRole('group', { name: /Request for documents no\. \d/ }).count()).toBe(1);
    expect(await activeElementId(page)).toBe('calculator-add-document-request');
    await expectNoAxeViolations(page);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('computes as of another day from the advanced option', async () => {
    const { page, context, problems } = await openPage(browser, { locale: 'fr-FR' });
    await page.goto(`${app.url}/calculer`);
    await page.locator('#calculator-department option[value="75"]').waitFor({ state: 'attached' });
    await page.getByLabel('Département où vous habitez').selectOption('75');
    await page.getByLabel('Type de titre').selectOption('temporary_card');
    await page.getByLabel('Mention inscrite sur le titre').selectOption('etudiant');
    await page.getByLabel('Valable à partir du').fill('2026-01-01');
    await page.getByLabel("Valable jusqu'au").fill('2026-12-31');
    await page.getByRole('button', { name: 'Option avancée : calculer pour un autre jour' }).click();
    await page.getByLabel('Jour du calcul').fill('2027-02-01');
    await page.getByRole('button', { name: 'Calculer mes dates' }).click();
    await page.locator('#calculator-result-title').waitFor();
    // Nothing filed in time: after 31 December 2026 nothing covers the stay.
    expect(await page.locator('.sejour-calculator-result .fr-alert__title').first().textContent()).toBe(
      "Aujourd'hui, lundi 1er février 2027, votre séjour n'est PAS couvert.",
    );
    await expectNoAxeViolations(page);
    await screenshot(page, 'calculator-fr-desktop-not-covered');
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });
});
