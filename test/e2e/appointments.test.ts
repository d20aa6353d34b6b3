/**
 * Appointments in a browser: the demo agent (TOTP second factor) publishes a digital help desk slot
 * with ONE place at the Rhône préfecture; two applicants, each in their own browser context, open
 * /espace/rendez-vous and book that last place at the same moment: exactly one gets it, the other
 * is told the slot was just taken. The agent's day list names the winner. axe on every page.
 * Skipped on PostgreSQL (the demo accounts and dev mailbox exist only with the embedded database).
 */
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCodeAt } from '../../server/adapters/totp';
import { apiCall, dayFromToday, demoAccount, expectNoAxeViolations, launchBrowser, openPage, screenshot, startApp, type RunningApp } from './harness';

const EMBEDDED = !process.env.TEST_DATABASE_URL;
const PASSWORD = 'violet-tramway-47-orage';
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
const api = (context: BrowserContext, method: 'GET' | 'POST', url: string, data?: unknown) => apiCall(context, app.url, method, url, data === undefined ? {} : { data });

/** A new applicant, confirmed and signed in within `context`, with a draft application in the Rhône. */
async function applicantWithDraft(context: BrowserContext, displayName: string): Promise<void> {
  const email = `rdv-${randomBytes(5).toString('hex')}@example.org`;
  await api(context, 'GET', '/api/v1/auth/csrf');
  expect((await api(context, 'POST', '/api/v1/auth/register', { email, password: PASSWORD, displayName, locale: 'fr' })).status).toBe(202);
  const mailbox = (await api(context, 'GET', '/api/v1/dev/mailbox')).body as unknown as { items: Array<{ recipient: string; text: string }> };
  const token = /\/compte\/confirmer\?token=([A-Za-z0-9_-]{43})/.exec(mailbox.items.find((m) => m.recipient === email)?.text ?? '')?.[1];
  expect((await api(context, 'POST', '/api/v1/auth/confirm-email', { token })).status).toBe(200);
  expect((await api(context, 'POST', '/api/v1/auth/sign-in', { email, password: PASSWORD })).status).toBe(200);
  // What the sign-in page records in the browser: the pages then ask the server who is signed in.
  await context.addInitScript(() => window.localStorage.setItem('sejour.signedIn', '1'));
  const permit = await api(context, 'POST', '/api/v1/permits', {
    kind: 'temporary_card',
    cardType: 'visiteur',
    validFrom: dayFromToday(-265),
    validUntil: dayFromToday(100),
    foreignerNumber: String(7_000_000_000 + Math.floor(Math.random() * 999_999_999)),
  });
  expect(permit.status, JSON.stringify(permit.body)).toBe(201);
  const draft = await api(context, 'POST', '/api/v1/applications', { cardType: 'visiteur', departement: '69', answers: { marriedOrHasChildren: false } });
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
}

describe('appointments', () => {
  it.skipIf(!EMBEDDED)('two people book the last place at once: one gets it, the other is told it was just taken', async () => {
    const agent = demoAccount(app, 'demo.agent');
    if (!agent?.totpSecret) throw new Error('demo agent missing');
    const day = dayFromToday(3);

    // The agent publishes one slot with one place.
    const staff = await openPage(browser, { locale: 'fr-FR' });
    await staff.page.goto(`${app.url}/connexion`);
    await staff.page.locator('#sign-in-email').fill(agent.email);
    await staff.page.locator('#sign-in-password').fill(agent.password);
    await staff.page.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await staff.page.locator('#second-factor-code').fill(await totpCodeAt(agent.totpSecret, new Date()));
    await staff.page.getByRole('button', { name: 'Valider' }).click();
    await staff.page.getByRole('heading', { level: 1, name: 'Dossiers à traiter' }).waitFor();
    await staff.page.goto(`${app.url}/agent/rendez-vous`);
    await staff.page.getByRole('heading', { level: 1, name: 'Rendez-vous de la préfecture' }).waitFor();
    await staff.page.locator('#publish-from').fill(day);
    await staff.page.locator('#publish-times').fill('10:00');
    await staff.page.locator('#publish-capacity').fill('1');
    await staff.page.getByRole('button', { name: 'Publier' }).click();
    await staff.page.getByText('1 créneau publié.').waitFor();
    await expectNoAxeViolations(staff.page);
    await screenshot(staff.page, 'appointments-1-agent-published');

    // Two applicants, each in their own browser, see the slot.
    const first = await openPage(browser, { locale: 'fr-FR' });
    const second = await openPage(browser, { locale: 'fr-FR' });
    await applicantWithDraft(first.context, 'Nadia Premier');
    await applicantWithDraft(second.context, 'Karim Second');
    for (const person of [first, second]) {
      await person.page.goto(`${app.url}/espace`);
      await person.page.getByRole('link', { name: 'Mes rendez-vous à la préfecture' }).click();
      await person.page.getByRole('heading', { level: 1, name: 'Mes rendez-vous' }).waitFor();
      await person.page.getByRole('button', { name: 'Réserver 10:00' }).waitFor();
    }
    await expectNoAxeViolations(first.page);
    await screenshot(first.page, 'appointments-2-free-slot');

    // Both click at the same moment.
    await Promise.all([first.page.getByRole('button', { name: 'Réserver 10:00' }).click(), second.page.getByRole('button', { name: 'Réserver 10:00' }).click()]);
    const outcome = async (page: typeof first.page) => {
      const won = page.getByText(/^Rendez-vous réservé :/);
      const lost = page.getByText("Ce créneau vient d'être pris par quelqu'un d'autre. Choisissez un autre créneau.");
      await won.or(lost).waitFor();
      return (await won.count()) > 0 ? 'won' : 'lost';
    };
    const results = [await outcome(first.page), await outcome(second.page)];
    expect([...results].sort()).toEqual(['lost', 'won']);
    const winner = results[0] === 'won' ? first : second;
    const loser = winner === first ? second : first;
    // The winner sees the booking in their list; the loser has none, and (once the page has asked
    // again) the slot is no longer offered.
    await winner.page.getByText('Confirmé').waitFor();
    await loser.page.getByText("Vous n'avez aucun rendez-vous.").waitFor();
    await loser.page.getByText('Aucun créneau libre pour le moment. Revenez plus tard.').waitFor();
    await expectNoAxeViolations(winner.page);
    await expectNoAxeViolations(loser.page);
    await screenshot(winner.page, 'appointments-3-won');
    await screenshot(loser.page, 'appointments-4-taken');

    // The agent's day list names the person booked.
    await staff.page.locator('#day-date').fill(day);
    await staff.page.getByRole('button', { name: 'Afficher' }).click();
    await staff.page.getByText(/Nadia Premier|Karim Second/).waitFor();
    await expectNoAxeViolations(staff.page);
    await screenshot(staff.page, 'appointments-5-day-list');

    // The loser's browser logs the 409 answer as a failed resource; nothing else may go wrong.
    expect([...staff.problems, ...first.problems, ...second.problems].filter((p) => !p.includes('409'))).toEqual([]);
    for (const person of [staff, first, second]) await person.context.close();
  });
});
