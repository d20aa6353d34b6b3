/**
 * The help desk in a browser (CE 3 June 2022 n° 452798; docs/adr/0020-help-desk-substitution.md):
 * the demo agent signs in with the second factor, opens the desk (/agent/guichet), registers a
 * person with no email address and a mobile number, records their residence card (expiring in 90
 * days, so a renewal is in its window, R-10), creates the renewal through the applicant's own pages
 * in help-desk mode, answers, sends the documents and files it; the attestation de dépôt is listed
 * on the person's page and its PDF opens; the postal-mail queue (/agent/courrier) holds a letter to
 * post for the person, whose PDF opens, and "mark as posted" moves it to the posted list; the text
 * message to the person's mobile is in the outbox. Last, on a 360 px phone, the desk finds the person
 * by name, and registering them again is refused with a link to their page. axe on the desk, the
 * person's page, the new application and the queue; screenshots saved. The app runs with
 * REMINDER_QUIET_HOURS=off: the letter and the text message go out with the next minute's sweep. Skipped when TEST_DATABASE_URL is set (the demo accounts and the dev
 * mailbox exist only with the embedded database).
 */
import { randomInt } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCodeAt } from '../../server/adapters/totp';
import { TINY_PNG } from '../../server/usecases/applications/test-pdfs';
import { apiCall, dayFromToday, demoAccount, expectNoAxeViolations, launchBrowser, openPage, screenshot, startApp, type RunningApp } from './harness';

const EMBEDDED = !process.env.TEST_DATABASE_URL;
const SKIPPED = EMBEDDED ? '' : ' — skipped: the demo accounts and the dev mailbox exist only with the embedded database (TEST_DATABASE_URL is set)';

let app: RunningApp;
let browser: Browser;
beforeAll(async () => {
  if (!EMBEDDED) return;
  // Notices to people without email go out with the reminder sweep (every minute), at any hour here.
  app = await startApp({ env: { REMINDER_QUIET_HOURS: 'off' } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function heading(page: Page, name: string | RegExp) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** A PDF the page links to, fetched with the page's own session: its type and first bytes. */
async function fetchPdf(context: BrowserContext, href: string | null) {
  if (href === null) throw new Error('no link');
  const response = await context.request.get(new URL(href, app.url).toString());
  return { status: response.status(), type: response.headers()['content-type'] ?? '', head: (await response.body()).subarray(0, 5).toString('latin1') };
}

describe('the help desk', () => {
  it.skipIf(!EMBEDDED)(
    `registers a person without email, records their card, files a renewal for them, prints the attestation and the letter, marks it posted; the person gets a text message${SKIPPED}`,
    async () => {
      const agent = demoAccount(app, 'demo.agent');
      if (!agent.totpSecret) throw new Error('demo agent has no second factor');
      const { page, context, problems } = await openPage(browser, { locale: 'fr-FR' });

      // Sign in with the second factor: the queue, then the desk from its links.
      await page.goto(`${app.url}/connexion`);
      await page.locator('#sign-in-email').fill(agent.email);
      await page.locator('#sign-in-password').fill(agent.password);
      await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
      await heading(page, 'Vérification en deux étapes');
      await page.locator('#second-factor-code').fill(await totpCodeAt(agent.totpSecret, new Date()));
      await page.getByRole('button', { name: 'Valider' }).click();
      await heading(page, 'Dossiers à traiter');
      await page.getByRole('link', { name: 'Guichet : démarches pour une personne' }).click();
      await heading(page, 'Guichet : démarches pour une personne');
      await expectNoAxeViolations(page);
      await screenshot(page, 'help-desk-1-desk');

      // Register a person: no email, a mobile typed as people say it.
      const surname = `Haddad${randomInt(100_000, 999_999)}`;
      await page.locator('#register-surname').fill(surname);
      await page.locator('#register-givenNames').fill('Fatima');
      await page.locator('#register-birthDate').fill('1961-04-17');
      await page.locator('#register-birthPlace').fill('Oran, Algérie');
      await page.locator('#register-nationality').fill('dza');
      await page.locator('#register-line1').fill('8 rue Juliette Récamier');
      await page.locator('#register-postalCode').fill('69006');
      await page.locator('#register-city').fill('Lyon');
      await page.locator('#register-departement').fill('69');
      await page.locator('#register-phone').fill('06 12 34 56 78');
      await page.locator('#register-locale').selectOption('fr');
      // The reason is required: the browser says so first.
      await page.getByRole('button', { name: 'Enregistrer la personne' }).click();
      await page.getByText('Le formulaire contient des erreurs').waitFor();
      await page.locator('.fr-select-group--error #register-helpReason').waitFor();
      await page.locator('#register-helpReason').selectOption('no_email');
      await page.getByRole('button', { name: 'Enregistrer la personne' }).click();

      // The person's page: identity, SMS and post, reason.
      await page.waitForURL(/\/agent\/guichet\/[0-9a-f-]{36}$/);
      const personId = new URL(page.url()).pathname.split('/').pop() ?? '';
      await heading(page, `${surname.toUpperCase()} Fatima`);
      const details = page.getByTestId('person-details');
      await expect.poll(() => details.textContent()).toMatch(/Prévenue parSMS, courrier/);
      expect(await details.textContent()).toContain('+33612345678');
      const person = await apiCall(context, app.url, 'GET', `/api/v1/staff/help-desk/people/${personId}`);
      expect(person.status).toBe(200);
      expect(person.body).toMatchObject({ email: null, phone: '+33612345678', reason: 'no_email' });

      // Record the residence card: a visiteur card expiring in 90 days.
      await page.locator('#card-kind').selectOption('temporary_card');
      await page.locator('#card-cardType').selectOption('visiteur');
      await page.locator('#card-validFrom').fill(dayFromToday(-275));
      await page.locator('#card-validUntil').fill(dayFromToday(90));
      await page.locator('#card-foreignerNumber').fill(`69${randomInt(10_000_000, 99_999_999)}`);
      await page.getByRole('button', { name: 'Enregistrer la carte' }).click();
      await page.getByText('La carte de séjour est enregistrée.').waitFor();
      await page.getByTestId('person-permits').waitFor();
      await expectNoAxeViolations(page);
      await screenshot(page, 'help-desk-2-person');
      // The VLS-TS page opens in help-desk mode too (this person has a card: the form to record a visa).
      await page.getByRole('link', { name: 'Enregistrer ou valider un visa long séjour (VLS-TS)' }).click();
      await page.waitForURL(`${app.url}/agent/guichet/${personId}/visa`);
      await heading(page, 'Valider mon visa long séjour (VLS-TS)');
      await page.getByText(`Vous agissez au guichet pour ${surname.toUpperCase()} Fatima`).waitFor();
      await page.locator('#visa-cardType').waitFor();
      await page.getByRole('link', { name: 'Retour à la fiche de la personne' }).click();
      await heading(page, `${surname.toUpperCase()} Fatima`);

      // A new application, through the applicant's page in help-desk mode: in its window.
      await page.getByRole('link', { name: 'Nouvelle demande' }).click();
      await page.waitForURL(`${app.url}/agent/guichet/${personId}/demandes/nouvelle`);
      await heading(page, 'Demander une carte de séjour');
      await page.getByText(`Vous agissez au guichet pour ${surname.toUpperCase()} Fatima`).waitFor();
      await expect.poll(() => page.getByTestId('filing-window').getAttribute('data-status'), { timeout: 15_000 }).toBe('in_time');
      expect(await page.locator('input[name="cardType"][value="visiteur"]').isChecked()).toBe(true);
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'Commencer ma demande' }).click();
      await page.waitForURL(new RegExp(`/agent/guichet/${personId}/demandes/[0-9a-f-]{36}$`));
      await heading(page, 'Ma demande : carte « Visiteur »');
      const applicationId = new URL(page.url()).pathname.split('/').pop() ?? '';

      // Answer, send the documents, file.
      const saved = page.waitForResponse((response) => response.request().method() === 'PATCH' && response.url().includes(applicationId));
      await page.locator('input[name="question-marriedOrHasChildren"][value="false"]').check({ force: true });
      expect((await saved).status()).toBe(200);
      const draft = await apiCall(context, app.url, 'GET', `/api/v1/staff/help-desk/people/${personId}/applications/${applicationId}`);
      expect(draft.status).toBe(200);
      const missing = draft.body.missingDocuments as string[];
      expect(missing.length).toBeGreaterThan(0);
      for (const item of missing) {
        await page.getByTestId(`upload-${item}`).setInputFiles({ name: `${item}.png`, mimeType: 'image/png', buffer: TINY_PNG });
        await page.getByTestId(`item-${item}`).getByTestId('document').first().waitFor();
      }
      await expectNoAxeViolations(page);
      await screenshot(page, 'help-desk-3-application');
      await page.getByTestId('submit-application').click();
      const referenceOnPage = page.getByTestId('application-reference');
      await referenceOnPage.waitFor();
      const reference = (await referenceOnPage.textContent()) ?? '';
      expect(reference).toMatch(/^SEJ-/);
      await page.getByRole('link', { name: /^Télécharger : Attestation de dépôt/ }).waitFor();
      await screenshot(page, 'help-desk-4-filed');

      // The person's page lists the application and the attestation de dépôt, whose PDF opens.
      await page.getByRole('link', { name: 'Fiche de la personne', exact: true }).click();
      await heading(page, `${surname.toUpperCase()} Fatima`);
      await page.getByTestId('person-applications').getByText(reference).waitFor();
      const attestations = page.getByTestId('person-attestations');
      await attestations.getByText('Attestation de dépôt').first().waitFor();
      const print = attestations.getByRole('link', { name: 'Imprimer', exact: true }).first();
      expect(await print.getAttribute('target')).toBe('_blank');
      const attestationPdf = await fetchPdf(context, await print.getAttribute('href'));
      expect(attestationPdf).toMatchObject({ status: 200, head: '%PDF-' });
      expect(attestationPdf.type).toContain('application/pdf');
      await expectNoAxeViolations(page);
      await screenshot(page, 'help-desk-5-person-filed');

      // The postal-mail queue: a letter to post for the person; print it; mark it posted.
      await page.getByRole('link', { name: 'Courrier à envoyer' }).first().click();
      await heading(page, 'Courrier à envoyer');
      const row = page.getByTestId('postal-mail-item').filter({ hasText: surname }).first();
      // The letter is queued by the reminder sweep, which runs every minute: reload until it is listed.
      await expect
        .poll(
          async () => {
            if ((await row.count()) > 0) return 1;
            await page.reload();
            await page.getByTestId('postal-mail').or(page.getByText('Aucune lettre à envoyer.')).first().waitFor();
            return row.count();
          },
          { timeout: 150_000, interval: 3_000 },
        )
        .toBeGreaterThan(0);
      await expectNoAxeViolations(page);
      await screenshot(page, 'help-desk-6-postal-mail');
      const letter = await fetchPdf(context, await row.getByRole('link', { name: 'Imprimer la lettre' }).getAttribute('href'));
      expect(letter).toMatchObject({ status: 200, head: '%PDF-' });
      expect(letter.type).toContain('application/pdf');
      await row.getByRole('button', { name: 'Marquer comme envoyée' }).click();
      await page.getByText(/est marquée comme envoyée\.$/).waitFor();
      await page.getByText('Envoyées', { exact: true }).click();
      await page.waitForURL(/statut=envoye/);
      await page.getByTestId('postal-mail-item').filter({ hasText: surname }).first().waitFor();
      await expectNoAxeViolations(page);
      await screenshot(page, 'help-desk-7-posted');
      const posted = await apiCall(context, app.url, 'GET', '/api/v1/staff/postal-mail?status=posted');
      expect((posted.body.items as Array<{ personId: string; postedAt: string | null }>).filter((item) => item.personId === personId).every((item) => item.postedAt !== null)).toBe(true);

      // The person was told by text message, on the number given at the desk.
      await expect
        .poll(async () => {
          const mailbox = await apiCall(context, app.url, 'GET', '/api/v1/dev/mailbox?limit=200');
          return (mailbox.body.items as Array<{ channel: string; recipient: string }>).filter((message) => message.channel === 'sms' && message.recipient === '+33612345678').length;
        }, { timeout: 90_000, interval: 3_000 })
        .toBeGreaterThan(0);

      // On a 360 px phone, the desk still fits; a search and a second registration of the same person.
      await page.setViewportSize({ width: 360, height: 800 });
      await page.goto(`${app.url}/agent/guichet`);
      await heading(page, 'Guichet : démarches pour une personne');
      await expectNoAxeViolations(page);
      await screenshot(page, 'help-desk-8-desk-phone');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

      // The person is found by name, with their application's reference; registering them again
      // is refused, with a link to their page.
      await page.locator('#desk-q').fill(surname);
      await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
      await page.waitForURL(/\?q=/);
      const found = page.getByTestId('desk-people').getByRole('row').filter({ hasText: reference });
      await found.getByRole('link', { name: `${surname.toUpperCase()} Fatima` }).waitFor();
      expect(problems).toEqual([]);
      await page.locator('#register-surname').fill(surname);
      await page.locator('#register-givenNames').fill('Fatima');
      await page.locator('#register-birthDate').fill('1961-04-17');
      await page.locator('#register-nationality').fill('DZA');
      await page.locator('#register-line1').fill('8 rue Juliette Récamier');
      await page.locator('#register-postalCode').fill('69006');
      await page.locator('#register-city').fill('Lyon');
      await page.locator('#register-departement').fill('69');
      await page.locator('#register-helpReason').selectOption('no_device');
      await page.getByRole('button', { name: 'Enregistrer la personne' }).click();
      await page.getByText('Personne déjà inscrite').waitFor();
      await page.getByRole('link', { name: `Ouvrir la fiche de ${surname.toUpperCase()} Fatima` }).click();
      await page.waitForURL(`${app.url}/agent/guichet/${personId}`);
      // The browser logs the refusal; nothing else went wrong.
      expect(problems).toEqual([expect.stringContaining('409')]);

      // Later the person has an email address: the desk records it and a link to choose a password goes out.
      const address = `${surname.toLowerCase()}@example.org`;
      await page.locator('#invite-email').fill(address);
      await page.getByRole('button', { name: 'Envoyer le lien' }).click();
      await page.getByText(`Lien envoyé à ${address}`).waitFor();
      await page.getByTestId('person-details').getByText(address).waitFor();
      await expectNoAxeViolations(page);
      const invitation = await apiCall(context, app.url, 'GET', '/api/v1/dev/mailbox?limit=200');
      expect((invitation.body.items as Array<{ kind: string; recipient: string }>).some((message) => message.kind === 'help_desk_invitation' && message.recipient === address)).toBe(true);
    },
    360_000,
  );
});
