/**
 * Account pages in the browser, against the app started with `npm start`: create an account on a
 * phone in English, confirm it from the dev mailbox, sign in, change the profile, see the sessions,
 * sign out; a wrong password; a forgotten password; a demo account. axe on every page visited.
 *
 * The dev mailbox exists only with the embedded database: on PostgreSQL (TEST_DATABASE_URL) the
 * journeys that read emails, and the one that uses the demo accounts, are skipped (named so).
 */
import net from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser, openPage, screenshot, startApp, type RunningApp } from './harness';

const ON_POSTGRES = Boolean(process.env.TEST_DATABASE_URL);
const NEEDS_MAILBOX = ON_POSTGRES
  ? ' — skipped: reads emails in the dev mailbox, which exists only with the embedded database (TEST_DATABASE_URL is set)'
  : '';
const NEEDS_DEMO = ON_POSTGRES
  ? ' — skipped: uses a demo account, which exists only with the embedded database (TEST_DATABASE_URL is set)'
  : '';
const PASSWORD = 'violet-tramway-47-orage';
const NEW_PASSWORD = 'quatre chats sur le toit rouge';
const JOURNEY_TIMEOUT = 180_000;

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

function uniqueEmail(prefix: string): string {
  return `${prefix}.${randomUUID().slice(0, 8)}@example.org`;
}

async function heading(page: Page): Promise<string> {
  await page.locator('main h1').first().waitFor();
  return (await page.locator('main h1').first().textContent()) ?? '';
}

/** Waits for the page whose title is `text` (pages load their code when first visited). */
async function expectHeading(page: Page, text: string): Promise<void> {
  await expect.poll(() => heading(page), { timeout: 15_000 }).toBe(text);
}

/** axe, no sideways scrolling, a screenshot. */
async function check(page: Page, name: string): Promise<void> {
  await expectNoAxeViolations(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
  await screenshot(page, name);
}

/** A local port nothing listens on (an identity provider that is down). */
async function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Console errors other than the failed API answers a step provoked on purpose. */
function unexpected(problems: string[], expectedStatuses: number[] = []): string[] {
  return problems.filter(
    (text) => !expectedStatuses.some((status) => text.includes(`the server responded with a status of ${status}`)),
  );
}

async function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.textContent ?? '');
}

/** The header's items on a phone are in the menu: open it. */
async function openPhoneMenu(page: Page): Promise<void> {
  // The DSFR script starts after the page renders: a click that comes first opens nothing.
  await expect
    .poll(
      async () => {
        if (!(await page.locator('.fr-header__menu.fr-modal--opened').count())) {
          await page.locator('.fr-header__navbar button.fr-btn--menu').click();
        }
        return page.locator('.fr-header__menu.fr-modal--opened').count();
      },
      { timeout: 15_000, interval: 500 },
    )
    .toBe(1);
}

/** The newest email to `recipient` with a link to `path`, from the /dev/mailbox page: that link. */
async function mailboxLink(page: Page, recipient: string, path: string) {
  await page.goto(`${app.url}/dev/mailbox`);
  const link = page.locator('main article', { hasText: recipient }).locator(`a[href*="${path}?token="]`).first();
  await link.waitFor();
  return link;
}

/** An account created and confirmed through the API (the set-up of journeys about something else). */
async function confirmedAccount(context: BrowserContext, displayName: string): Promise<string> {
  const email = uniqueEmail('ready');
  const request = context.request;
  await request.get(`${app.url}/api/v1/auth/csrf`);
  const csrf = (await context.cookies(app.url)).find((cookie) => cookie.name === 'sejour_csrf')?.value ?? '';
  const registered = await request.post(`${app.url}/api/v1/auth/register`, {
    data: { email, password: PASSWORD, displayName, locale: 'fr' },
    headers: { 'x-csrf-token': csrf },
  });
  expect(registered.status()).toBe(202);
  const mailbox = (await (await request.get(`${app.url}/api/v1/dev/mailbox`)).json()) as { items: Array<{ recipient: string; text: string }> };
  const token = /\/compte\/confirmer\?token=([A-Za-z0-9_-]{43})/.exec(mailbox.items.find((m) => m.recipient === email)?.text ?? '')?.[1];
  expect(token).toBeDefined();
  const confirmed = await request.post(`${app.url}/api/v1/auth/confirm-email`, { data: { token } });
  expect(confirmed.status()).toBe(200);
  return email;
}

describe('account pages', () => {
  it.skipIf(ON_POSTGRES)(
    `on a 360 px phone in English: create an account, confirm it from the dev mailbox, sign in, change the name, see the sessions, sign out${NEEDS_MAILBOX}`,
    async () => {
      const { page, context, problems } = await openPage(browser, { width: 360, height: 740, locale: 'en-GB' });
      const email = uniqueEmail('amina');

      // Signed out: the header's menu offers "Sign in".
      await page.goto(app.url);
      await heading(page);
      await openPhoneMenu(page);
      await page.locator('.fr-header__menu').getByRole('link', { name: 'Sign in' }).click();
      await expectHeading(page, 'Sign in');
      expect(new URL(page.url()).pathname).toBe('/connexion');
      await page.getByRole('link', { name: 'Create an account' }).click();

      // Create the account.
      await expectHeading(page, 'Create an account');
      await page.getByText('have between 12 and 128 characters').waitFor();
      expect(await page.getByLabel('Email address').getAttribute('autocomplete')).toBe('email');
      expect(await page.getByLabel(/^Password/).getAttribute('autocomplete')).toBe('new-password');
      await check(page, 'account-register-en-phone');
      await page.getByLabel('Your name').fill('Amina Diallo');
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel(/^Password/).fill(PASSWORD);
      await page.getByRole('button', { name: 'Create my account' }).click();
      await page.getByRole('heading', { name: 'Check your email' }).waitFor();
      expect(await focusedText(page)).toContain(email);
      await check(page, 'account-register-sent-en-phone');

      // The email, in the dev mailbox; its link confirms the address.
      const link = await mailboxLink(page, email, '/compte/confirmer');
      expect(await page.locator('main article', { hasText: email }).first().textContent()).toContain('Confirm your email address');
      await check(page, 'dev-mailbox-en-phone');
      await link.click();
      await page.getByRole('heading', { name: 'Your email address is confirmed' }).waitFor();
      await check(page, 'account-confirmed-en-phone');
      await page.getByRole('link', { name: 'Sign in' }).last().click();

      // Sign in (the address is filled in already).
      await expectHeading(page, 'Sign in');
      expect(await page.getByLabel('Email address').inputValue()).toBe(email);
      expect(await page.getByLabel('Password', { exact: true }).getAttribute('autocomplete')).toBe('current-password');
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expectHeading(page, 'Hello Amina Diallo');
      expect(new URL(page.url()).pathname).toBe('/espace');
      await check(page, 'account-space-en-phone');

      // The header knows: "My space" and "Sign out" in the menu.
      await openPhoneMenu(page);
      const menu = page.locator('.fr-header__menu');
      expect(await menu.getByRole('link', { name: 'My space' }).isVisible()).toBe(true);
      expect(await menu.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
      await expectNoAxeViolations(page);
      await screenshot(page, 'account-menu-signed-in-en-phone');
      await page.locator('.fr-header__menu .fr-btn--close').click();

      // Change the name; the sessions list shows this device.
      await page.getByRole('link', { name: /My account/ }).click();
      await expectHeading(page, 'My account');
      await page.getByRole('heading', { name: 'Where you are signed in' }).waitFor();
      await page.getByText('This device', { exact: true }).waitFor();
      expect(await page.locator('main .fr-card').count()).toBe(1);
      await page.getByLabel('Your name').fill('Amina D.');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Your details are saved.').waitFor();
      await check(page, 'account-settings-en-phone');
      await page.getByRole('link', { name: 'Back to my space' }).click();
      await expectHeading(page, 'Hello Amina D.');

      // Sign out from the menu.
      await openPhoneMenu(page);
      await page.locator('.fr-header__menu').getByRole('button', { name: 'Sign out' }).click();
      await page.getByText('You are signed out.').waitFor();
      expect(new URL(page.url()).pathname).toBe('/connexion');
      await check(page, 'account-signed-out-en-phone');
      await openPhoneMenu(page);
      expect(await page.locator('.fr-header__menu').getByRole('link', { name: 'Sign in' }).isVisible()).toBe(true);

      // The personal space is closed again.
      await page.goto(`${new URL(page.url()).origin}/espace`);
      await expect.poll(() => new URL(page.url()).pathname, { timeout: 15_000 }).toBe('/connexion');
      expect(new URL(page.url()).searchParams.get('retour')).toBe('/espace');

      expect(unexpected(problems)).toEqual([]);
      await context.close();
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'says clearly when the password is wrong, beside the fields and in a summary that takes the focus',
    async () => {
      const { page, context, problems } = await openPage(browser);
      await page.goto(`${app.url}/connexion`);
      await expectHeading(page, 'Se connecter');
      // No identity provider configured: no button for it.
      await page.getByRole('button', { name: 'Se connecter', exact: true }).waitFor();
      expect(await page.getByText("Se connecter avec le fournisseur d'identité").count()).toBe(0);
      await check(page, 'account-sign-in-fr-desktop');

      // Nothing typed: the browser says what is missing, without asking the server.
      await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
      await page.getByRole('heading', { name: 'Le formulaire contient des erreurs' }).waitFor();
      expect(await focusedText(page)).toContain('Saisissez votre adresse e-mail.');
      expect(await page.locator('#sign-in-email').getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('.fr-input-group', { has: page.locator('#sign-in-email') }).textContent()).toContain(
        'Saisissez votre adresse e-mail.',
      );
      expect(await page.locator('.fr-password').textContent()).toContain('Saisissez votre mot de passe.');
      await check(page, 'account-sign-in-empty-fr-desktop');

      // A wrong password: the server's explanation, focused.
      await page.getByLabel('Adresse e-mail').fill(uniqueEmail('nobody'));
      await page.getByLabel('Mot de passe', { exact: true }).fill('not-the-right-password');
      await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
      await page.getByRole('heading', { name: 'Connexion impossible' }).waitFor();
      expect(await focusedText(page)).toContain("L'adresse e-mail ou le mot de passe est incorrect.");
      expect(await page.locator('.fr-input-group--error').count()).toBe(0);
      await check(page, 'account-sign-in-wrong-fr-desktop');

      expect(unexpected(problems, [401])).toEqual([]);
      await context.close();
    },
    JOURNEY_TIMEOUT,
  );

  it('shows why signing in with the identity provider failed (/connexion?erreur=…)', async () => {
    const { page, context, problems } = await openPage(browser, { locale: 'en-GB' });
    await page.goto(`${app.url}/connexion?erreur=oidc_cancelled`);
    await page.getByRole('heading', { name: 'Signing in did not work' }).waitFor();
    expect(await page.locator('main .fr-alert--error').textContent()).toContain('You cancelled signing in with the identity provider.');
    await check(page, 'account-sign-in-oidc-error-en-desktop');
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it(
    'offers the identity provider when one is configured, and explains when it cannot be reached',
    async () => {
      const withProvider = await startApp({
        env: {
          OIDC_ISSUER: `http://127.0.0.1:${await closedPort()}`,
          OIDC_CLIENT_ID: 'sejour',
          OIDC_CLIENT_SECRET: 'not-a-real-secret',
        },
      });
      try {
        const { page, context, problems } = await openPage(browser, { width: 360, height: 740 });
        await page.goto(`${withProvider.url}/connexion`);
        const button = page.getByRole('link', { name: "Se connecter avec le fournisseur d'identité" });
        await button.waitFor();
        await check(page, 'account-sign-in-oidc-fr-phone');
        await button.click();
        await page.getByRole('heading', { name: "La connexion n'a pas abouti" }).waitFor();
        expect(new URL(page.url()).searchParams.get('erreur')).toBe('oidc_failed');
        // Nothing was opened: the header offers to sign in, without asking the server.
        await openPhoneMenu(page);
        await page.locator('.fr-header__menu').getByRole('link', { name: 'Se connecter' }).waitFor();
        expect(unexpected(problems)).toEqual([]);
        await context.close();
      } finally {
        await withProvider.stop();
      }
    },
    JOURNEY_TIMEOUT,
  );

  it.skipIf(ON_POSTGRES)(
    `resets a forgotten password through the emailed link, in French${NEEDS_MAILBOX}`,
    async () => {
      const { page, context, problems } = await openPage(browser);
      const email = await confirmedAccount(context, 'Karim Benali');

      await page.goto(`${app.url}/connexion`);
      await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
      await expectHeading(page, 'Mot de passe oublié');
      await check(page, 'account-forgot-fr-desktop');
      await page.getByLabel('Adresse e-mail').fill(email);
      await page.getByRole('button', { name: 'Recevoir le lien' }).click();
      await page.getByRole('heading', { name: 'Vérifiez votre boîte e-mail' }).waitFor();
      await check(page, 'account-forgot-sent-fr-desktop');

      const link = await mailboxLink(page, email, '/compte/mot-de-passe/reinitialiser');
      expect(await page.locator('main article', { hasText: email }).first().textContent()).toContain('Choisissez un nouveau mot de passe');
      await check(page, 'dev-mailbox-fr-desktop');
      await link.click();
      await expectHeading(page, 'Choisir un nouveau mot de passe');
      await page.getByText('contenir entre 12 et 128 caractères').waitFor();

      // Too short: said beside the field before anything is sent.
      await page.getByLabel('Nouveau mot de passe').fill('court');
      await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
      await page.getByRole('heading', { name: 'Le formulaire contient des erreurs' }).waitFor();
      expect(await page.locator('.fr-password').textContent()).toContain('au moins 12 caractères');
      await check(page, 'account-reset-error-fr-desktop');

      await page.getByLabel('Nouveau mot de passe').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
      await page.getByText('Votre mot de passe a été changé.').waitFor();
      expect(new URL(page.url()).pathname).toBe('/connexion');

      await page.getByLabel('Adresse e-mail').fill(email);
      await page.getByLabel('Mot de passe', { exact: true }).fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
      await expectHeading(page, 'Bonjour Karim Benali');

      expect(unexpected(problems)).toEqual([]);
      await context.close();
    },
    JOURNEY_TIMEOUT,
  );

  it.skipIf(ON_POSTGRES)(
    `signs in with the demo applicant printed by npm start, comes back to the page asked for, and signs out from the header${NEEDS_DEMO}`,
    async () => {
      const password = /demo\.applicant@sejour\.test\s+(\S+)/.exec(app.output())?.[1];
      expect(password, 'npm start prints the demo applicant').toBeDefined();
      const { page, context, problems } = await openPage(browser);

      await page.goto(`${app.url}/compte`);
      await expect.poll(() => new URL(page.url()).pathname, { timeout: 15_000 }).toBe('/connexion');
      await page.getByLabel('Adresse e-mail').fill('demo.applicant@sejour.test');
      await page.getByLabel('Mot de passe', { exact: true }).fill(password ?? '');
      await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
      await expectHeading(page, 'Mon compte');
      expect(new URL(page.url()).pathname).toBe('/compte');
      await page.getByText('Cet appareil', { exact: true }).waitFor();
      expect(await page.getByText('Adresse actuelle : demo.applicant@sejour.test').isVisible()).toBe(true);
      await check(page, 'account-settings-fr-desktop');

      const tools = page.locator('.fr-header__tools-links');
      await tools.getByRole('link', { name: 'Mon espace' }).click();
      await expectHeading(page, 'Bonjour Amina Diallo');
      await check(page, 'account-space-fr-desktop');

      // The header still knows after a reload.
      await page.reload();
      await tools.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      await tools.getByRole('button', { name: 'Se déconnecter' }).click();
      await page.getByText('Vous êtes déconnecté.').waitFor();
      await tools.getByRole('link', { name: 'Se connecter' }).waitFor();

      expect(unexpected(problems)).toEqual([]);
      await context.close();
    },
    JOURNEY_TIMEOUT,
  );

  it.skipIf(!ON_POSTGRES)('says on PostgreSQL that the dev mailbox is not available', async () => {
    const { page, context, problems } = await openPage(browser, { locale: 'en-GB' });
    await page.goto(`${app.url}/dev/mailbox`);
    await page.getByRole('heading', { name: 'Mailbox not available' }).waitFor();
    await check(page, 'dev-mailbox-unavailable-en-desktop');
    expect(unexpected(problems, [404])).toEqual([]);
    await context.close();
  });
});
