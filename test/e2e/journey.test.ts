/**
 * The applicant's journey in the browser, on a 360 px phone, in French and again in English,
 * against the app started with `npm start`: create an account, confirm it from the dev mailbox,
 * sign in, fill in the profile (a client-side error first, with the server's message), record and
 * validate a VLS-TS, apply for a "visiteur" card in its window, send documents (one refused: a
 * text file named .pdf), file it, and see in the personal space the coverage line, the next
 * deadline and the application with its reference. axe and a screenshot on every page visited.
 *
 * The VLS-TS, application, upload and filing steps go through their pages (/espace/visa,
 * /espace/demandes/nouvelle, /espace/demandes/:id): a stamp number refused in the browser, an
 * executable renamed .pdf refused by the server (its reason beside the item), a file over the
 * size limit refused in the browser with the server's message, a replaced file, and filing with a
 * double click that files once; then, after the attestation de dépôt, a correction of an answer
 * (the history says so) and the withdrawal, confirmed first. The API is only read, to check what
 * the pages did. Last, the representatives page refuses an address without an account.
 *
 * Dates are relative to the real today (the app runs with the real clock): entry into France 20
 * days ago, a VLS-TS valid until 100 days from now, so that the VLS-TS can still be validated
 * (3 months after entry, R-01) and the card application is in its window (from 120 to 60 days
 * before expiry, R-10).
 *
 * The dev mailbox exists only with the embedded database: on PostgreSQL (TEST_DATABASE_URL) the
 * journey is skipped (named so).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Download, Page } from 'playwright-core';
import { apiCall, dayFromToday, expectNoAxeViolations, launchBrowser, openPage, screenshot, startApp, type RunningApp } from './harness';
import { EXE_HEAD, TINY_PNG } from '../../server/usecases/applications/test-pdfs';

const ON_POSTGRES = Boolean(process.env.TEST_DATABASE_URL);
const NEEDS_MAILBOX = ON_POSTGRES
  ? ' — skipped: reads emails in the dev mailbox, which exists only with the embedded database (TEST_DATABASE_URL is set)'
  : '';
const PASSWORD = 'violet-tramway-47-orage';
const JOURNEY_TIMEOUT = 240_000;

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

interface Texts {
  locale: string;
  register: string;
  registerSubmit: string;
  checkEmail: string;
  confirmed: string;
  signIn: string;
  greeting: (name: string) => string;
  noPermit: string;
  profileTitle: string;
  save: string;
  saved: string;
  postalCodeError: string;
  coverageStart: string;
  nextDeadline: string;
  reference: string;
  attestations: string;
  visaTitle: string;
  recordVisa: string;
  validationPossible: string;
  validateVisa: string;
  stampError: string;
  validationAttestation: string;
  newApplication: string;
  startApplication: string;
  applicationTitle: string;
  refusedReason: string;
  tooLarge: string;
  replace: string;
  filedEvent: string;
  filingReceipt: RegExp;
  visitorCard: string;
  correctOpen: string;
  correctNote: string;
  correctSend: string;
  correctDone: string;
  correctedEvent: string;
  withdraw: string;
  withdrawConfirmText: string;
  withdrawConfirm: string;
  withdrawn: string;
  representatives: string;
  authorise: string;
  noSuchAccount: string;
  tooLate: string;
  findPrefecture: string;
  tooEarly: string;
}

const TEXTS: Record<'fr' | 'en', Texts> = {
  fr: {
    locale: 'fr-FR',
    register: 'Créer un compte',
    registerSubmit: 'Créer mon compte',
    checkEmail: 'Vérifiez votre boîte e-mail',
    confirmed: 'Votre adresse e-mail est confirmée',
    signIn: 'Se connecter',
    greeting: (name) => `Bonjour ${name}`,
    noPermit: "Vous n'avez encore enregistré aucun titre de séjour ni visa.",
    profileTitle: 'Mon identité et mon adresse',
    save: 'Enregistrer',
    saved: 'Vos informations sont enregistrées.',
    postalCodeError: "Ce code postal n'est pas dans le département 69.",
    coverageStart: "Vous êtes en séjour régulier jusqu'au",
    nextDeadline: 'Prochaine échéance',
    reference: 'Référence SEJ-',
    attestations: 'Attestations',
    visaTitle: 'Valider mon visa long séjour (VLS-TS)',
    recordVisa: 'Enregistrer mon visa',
    validationPossible: 'la validation en ligne est possible jusqu',
    validateVisa: 'Valider mon visa',
    stampError: 'Le numéro de timbre fiscal électronique compte 16 chiffres.',
    validationAttestation: "Télécharger l'attestation de validation (PDF)",
    newApplication: 'Demander une carte de séjour',
    startApplication: 'Commencer ma demande',
    applicationTitle: 'Ma demande : carte « Visiteur »',
    refusedReason: "Ce fichier n'est ni un PDF, ni une image JPEG ou PNG",
    tooLarge: 'Le fichier dépasse',
    replace: 'Remplacer',
    filedEvent: 'Demande déposée',
    filingReceipt: /^Télécharger : Attestation de dépôt/,
    visitorCard: 'Visiteur',
    correctOpen: 'Corriger mes informations',
    correctNote: "J'ai un enfant depuis le dépôt.",
    correctSend: 'Envoyer la correction',
    correctDone: 'Votre correction est enregistrée.',
    correctedEvent: 'Informations corrigées après le dépôt',
    withdraw: 'Retirer ma demande',
    withdrawConfirmText: 'Retirer la demande met fin à son examen.',
    withdrawConfirm: 'Oui, retirer ma demande',
    withdrawn: 'Retirée',
    representatives: 'Mes représentants',
    authorise: 'Autoriser',
    noSuchAccount: "Aucun compte de demandeur n'utilise cette adresse e-mail.",
    tooLate: "La validation en ligne n'est plus possible",
    findPrefecture: 'Trouver ma préfecture',
    tooEarly: 'Trop tôt pour déposer',
  },
  en: {
    locale: 'en-GB',
    register: 'Create an account',
    registerSubmit: 'Create my account',
    checkEmail: 'Check your email',
    confirmed: 'Your email address is confirmed',
    signIn: 'Sign in',
    greeting: (name) => `Hello ${name}`,
    noPermit: 'You have not recorded any residence permit or visa yet.',
    profileTitle: 'My identity and address',
    save: 'Save',
    saved: 'Your details are saved.',
    postalCodeError: 'This postal code is not in département 69.',
    coverageStart: 'You are legally resident until',
    nextDeadline: 'Next deadline',
    reference: 'Reference SEJ-',
    attestations: 'Attestations',
    visaTitle: 'Validate my long-stay visa (VLS-TS)',
    recordVisa: 'Record my visa',
    validationPossible: 'online validation is possible until',
    validateVisa: 'Validate my visa',
    stampError: 'The electronic tax stamp number has 16 digits.',
    validationAttestation: 'Download the validation attestation (PDF)',
    newApplication: 'Apply for a residence card',
    startApplication: 'Start my application',
    applicationTitle: 'My application: “Visitor” card',
    refusedReason: 'This file is neither a PDF nor a JPEG or PNG image',
    tooLarge: 'The file is larger than',
    replace: 'Replace',
    filedEvent: 'Application filed',
    filingReceipt: /^Download: Certificate of filing/,
    visitorCard: 'Visitor',
    correctOpen: 'Correct my details',
    correctNote: 'I have had a child since filing.',
    correctSend: 'Send the correction',
    correctDone: 'Your correction is recorded.',
    correctedEvent: 'Details corrected after filing',
    withdraw: 'Withdraw my application',
    withdrawConfirmText: 'Withdrawing ends the examination of the application.',
    withdrawConfirm: 'Yes, withdraw my application',
    withdrawn: 'Withdrawn',
    representatives: 'My representatives',
    authorise: 'Authorise',
    noSuchAccount: 'No applicant account uses this email address.',
    tooLate: 'Online validation is no longer possible',
    findPrefecture: 'Find my préfecture',
    tooEarly: 'Too early to file',
  },
};

function uniqueEmail(prefix: string): string {
  return `${prefix}.${randomUUID().slice(0, 8)}@example.org`;
}

async function heading(page: Page): Promise<string> {
  await page.locator('main h1').first().waitFor();
  return (await page.locator('main h1').first().textContent()) ?? '';
}

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

/** The text of a downloaded PDF (poppler's pdftotext). */
async function pdfTextOf(download: Download): Promise<string> {
  const file = path.join(os.tmpdir(), `sejour-journey-${randomUUID()}.pdf`);
  await download.saveAs(file);
  try {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(file, { force: true });
  }
}

async function journey(language: 'fr' | 'en'): Promise<void> {
  const text = TEXTS[language];
  const { page, context, problems } = await openPage(browser, { width: 360, height: 740, locale: text.locale });
  const email = uniqueEmail(`journey-${language}`);
  const name = language === 'fr' ? 'Amina Benali' : 'John Carter';
  const shot = (step: string) => check(page, `journey-${step}-${language}-phone`);

  // 1. Sign up.
  await page.goto(`${app.url}/compte/creer`);
  await expectHeading(page, text.register);
  await page.locator('#register-name').fill(name);
  await page.locator('#register-email').fill(email);
  await page.locator('#register-password').fill(PASSWORD);
  await shot('01-register');
  await page.getByRole('button', { name: text.registerSubmit }).click();
  await page.getByRole('heading', { name: text.checkEmail }).waitFor();
  await shot('02-check-email');

  // 2. Confirm the email from the dev mailbox.
  await page.goto(`${app.url}/dev/mailbox`);
  const link = page.locator('main article', { hasText: email }).locator('a[href*="/compte/confirmer?token="]').first();
  await link.waitFor();
  await shot('03-mailbox');
  await link.click();
  await page.getByRole('heading', { name: text.confirmed }).waitFor();
  await shot('04-confirmed');

  // 3. Sign in: the personal space has nothing yet.
  await page.getByRole('link', { name: text.signIn }).last().click();
  await page.locator('#sign-in-password').fill(PASSWORD);
  await page.getByRole('button', { name: text.signIn, exact: true }).click();
  await expectHeading(page, text.greeting(name));
  await page.getByText(text.noPermit).waitFor();
  await page.getByRole('heading', { name: text.attestations }).waitFor();
  await shot('05-space-empty');
  // The mail's link uses the app's public address, which may name the host differently from
  // app.url: the session's cookies belong to that origin.
  const origin = new URL(page.url()).origin;

  // 4. The profile: a postal code outside the département is refused in the browser with the
  //    server's own message, what was typed stays, then it is saved.
  await page.goto(`${origin}/espace/profil`);
  await expectHeading(page, text.profileTitle);
  await page.locator('#profile-surname').fill(language === 'fr' ? 'Benali' : 'Carter');
  await page.locator('#profile-givenNames').fill(language === 'fr' ? 'Amina' : 'John');
  await page.locator('#profile-birthDate').fill('1994-03-12');
  await page.locator('#profile-nationality').fill(language === 'fr' ? 'mar' : 'usa');
  await page.locator('#profile-line1').fill('12 rue des Lilas');
  await page.locator('#profile-postalCode').fill('75001');
  await page.locator('#profile-city').fill('Lyon');
  await page.locator('#profile-departement').fill('69');
  await page.getByRole('button', { name: text.save }).click();
  await expect.poll(() => page.locator('main .fr-alert--error').count(), { timeout: 10_000 }).toBeGreaterThan(0);
  expect(await page.locator('#profile-postalCode-desc-error, .fr-error-text').allTextContents()).toContain(text.postalCodeError);
  expect(await page.locator('#profile-surname').inputValue()).toBe(language === 'fr' ? 'Benali' : 'Carter');
  expect(await page.locator('#profile-nationality').inputValue()).toBe(language === 'fr' ? 'MAR' : 'USA');
  await shot('06-profile-error');
  await page.locator('#profile-postalCode').fill('69003');
  await page.getByRole('button', { name: text.save }).click();
  await page.getByText(text.saved).waitFor();
  await shot('07-profile-saved');

  // 5. The VLS-TS page: record the visa, read the engine's answer (validation possible until a
  //    date, with its rule), a wrong tax stamp refused in the browser with the server's message,
  //    then validated: the numéro d'étranger and the validation attestation.
  await page.goto(`${origin}/espace/visa`);
  await expectHeading(page, text.visaTitle);
  await page.locator('#visa-number').fill('AB1234567');
  await page.locator('#visa-cardType').selectOption('visiteur');
  await page.locator('#visa-validFrom').fill(dayFromToday(-20));
  await page.locator('#visa-validUntil').fill(dayFromToday(100));
  await page.locator('#visa-enteredFranceOn').fill(dayFromToday(-20));
  await shot('08-visa-form');
  await page.getByRole('button', { name: text.recordVisa }).click();
  const answer = page.getByTestId('visa-answer');
  await answer.waitFor();
  expect(await answer.textContent()).toContain(text.validationPossible);
  expect(await answer.textContent()).toContain('R.431-17');
  // The address comes from the profile; a stamp number too short is refused before sending.
  await expect.poll(() => page.locator('#validate-postalCode').inputValue(), { timeout: 10_000 }).toBe('69003');
  await page.locator('#validate-taxStampNumber').fill('1234 5678');
  await page.getByRole('button', { name: text.validateVisa }).click();
  await expect.poll(() => page.locator('#validate-taxStampNumber-desc-error').allTextContents(), { timeout: 10_000 }).toContain(text.stampError);
  await shot('09-visa-answer');
  const stamp = String(10n ** 15n + BigInt(`0x${randomBytes(6).toString('hex')}`) % (9n * 10n ** 15n));
  await page.locator('#validate-taxStampNumber').fill(stamp.replace(/(\d{4})(?=\d)/g, '$1 '));
  await page.getByRole('button', { name: text.validateVisa }).click();
  const number = page.getByTestId('foreigner-number');
  await number.waitFor();
  expect(await number.textContent()).toMatch(/^\d{10}$/);
  expect(await page.getByRole('button', { name: text.validateVisa }).count()).toBe(0);
  await shot('10-visa-validated');
  // The validation attestation names the number just issued.
  const validationPdf = page.waitForEvent('download');
  await page.getByRole('link', { name: text.validationAttestation }).click();
  expect(await pdfTextOf(await validationPdf)).toContain((await number.textContent()) ?? '');

  // 6. A new application from the personal space: the catalogue with the visiteur card's
  //    documents and fees, the window from the engine (in time), then the draft.
  await page.goto(`${origin}/espace`);
  await page.getByRole('link', { name: text.newApplication }).first().click();
  await expectHeading(page, text.newApplication);
  await expect.poll(() => page.getByTestId('filing-window').getAttribute('data-status'), { timeout: 15_000 }).toBe('in_time');
  expect(await page.locator('input[name="cardType"][value="visiteur"]').isChecked()).toBe(true);
  await page.getByTestId('card-details').waitFor();
  await shot('11-new-application');
  await page.getByRole('button', { name: text.startApplication }).click();
  await expectHeading(page, text.applicationTitle);
  const id = new URL(page.url()).pathname.split('/').pop() ?? '';
  // The situation question, saved as it is answered.
  const saved = page.waitForResponse((response) => response.request().method() === 'PATCH' && response.url().includes(id));
  await page.locator('input[name="question-marriedOrHasChildren"][value="false"]').check({ force: true });
  expect((await saved).status()).toBe(200);
  const draft = await apiCall(context, origin, 'GET', `/api/v1/applications/${id}`);
  const missing = draft.body.missingDocuments as string[];
  expect(missing.length).toBeGreaterThan(0);
  // An executable renamed .pdf passes the browser's check (its name says PDF) and is refused by
  // the server, whose reason shows beside the item; nothing else changes.
  const first = page.getByTestId(`item-${missing[0]}`);
  await page.getByTestId(`upload-${missing[0]}`).setInputFiles({ name: 'passeport.pdf', mimeType: 'application/pdf', buffer: EXE_HEAD });
  const refusal = first.getByTestId('upload-error');
  await refusal.waitFor();
  expect(await refusal.textContent()).toContain(text.refusedReason);
  // A file over the size limit is refused in the browser, with the server's message.
  await page.getByTestId(`upload-${missing[1] ?? missing[0]}`).setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(11 * 1024 * 1024, 0x25) });
  await page.getByTestId(`item-${missing[1] ?? missing[0]}`).getByText(text.tooLarge).waitFor();
  await shot('12-upload-refused');
  for (const item of missing) {
    await page.getByTestId(`upload-${item}`).setInputFiles({ name: `${item}.png`, mimeType: 'image/png', buffer: TINY_PNG });
    await page.getByTestId(`item-${item}`).getByTestId('document').first().waitFor();
  }
  // Replace the first file: still one file for that item, under its new name.
  await first.getByLabel(text.replace).setInputFiles({ name: 'passeport-2.png', mimeType: 'image/png', buffer: TINY_PNG });
  await first.getByText('passeport-2.png').waitFor();
  expect(await first.getByTestId('document').count()).toBe(1);
  expect(await page.getByTestId('upload-error').count()).toBe(0);
  await shot('13-documents-sent');

  // 7. File it with a double click: one filing, one reference.
  await page.getByTestId('submit-application').dblclick();
  const referenceOnPage = page.getByTestId('application-reference');
  await referenceOnPage.waitFor();
  const reference = (await referenceOnPage.textContent()) ?? '';
  expect(reference).toMatch(/^SEJ-/);
  const listed = await apiCall(context, origin, 'GET', '/api/v1/applications');
  expect((listed.body.items as unknown[]).length).toBe(1);
  const history = await page.getByTestId('application-history').locator('li').allTextContents();
  expect(history.filter((entry) => entry.startsWith(text.filedEvent))).toHaveLength(1);
  await page.getByRole('link', { name: text.filingReceipt }).waitFor();
  await shot('14-filed');

  // 8. The personal space: covered until the VLS-TS's last day, the next deadline, the application.
  await page.goto(`${origin}/espace`);
  await expectHeading(page, text.greeting(name));
  const coverage = page.getByTestId('coverage-line');
  await coverage.waitFor();
  expect(await coverage.textContent()).toContain(text.coverageStart);
  await page.getByRole('heading', { name: text.nextDeadline }).waitFor();
  await page.getByText(`${text.reference}`.replace('SEJ-', '') + reference).waitFor();
  await shot('15-space-filed');

  // 9. Download the attestation de dépôt from the "Attestations" section, and read it back: it is
  //    the acknowledgement of receipt of this very application.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: language === 'fr' ? /^Télécharger/ : /^Download/ }).first().click();
  const pdfText = await pdfTextOf(await download);
  expect(pdfText).toContain(reference);
  expect(pdfText).toMatch(/L\.\s?112-11/);

  // 10. After filing, from the application page: correct an answer (the history says so), then
  //     withdraw the application, which asks for a confirmation first.
  await page.getByRole('link', { name: text.visitorCard }).first().click();
  await expectHeading(page, text.applicationTitle);
  await page.getByRole('button', { name: text.correctOpen }).click();
  await page.locator('input[name="correct-marriedOrHasChildren"][value="true"]').check({ force: true });
  await page.locator('#correct-note').fill(text.correctNote);
  await page.getByRole('button', { name: text.correctSend }).click();
  await page.getByText(text.correctDone).waitFor();
  expect(await page.getByTestId('application-history').locator('li').first().textContent()).toContain(text.correctedEvent);
  await shot('16-corrected');
  await page.getByRole('button', { name: text.withdraw }).click();
  await page.getByText(text.withdrawConfirmText).waitFor();
  await shot('17-withdraw-confirm');
  await page.getByRole('button', { name: text.withdrawConfirm }).click();
  await expect.poll(() => page.getByTestId('application-status').textContent(), { timeout: 10_000 }).toBe(text.withdrawn);
  expect(await page.getByRole('button', { name: text.withdraw }).count()).toBe(0);
  await shot('18-withdrawn');

  // 11. The representatives page, from the personal space: an address without an account is
  //     refused by the server, its message beside the field, and what was typed stays.
  await page.goto(`${origin}/espace`);
  await page.getByRole('link', { name: text.representatives }).click();
  await expectHeading(page, text.representatives);
  await page.locator('#representative-email').fill('nobody-here@example.org');
  await page.locator('#representative-kind').selectOption('lawyer');
  await page.getByRole('button', { name: text.authorise }).click();
  await expect.poll(() => page.locator('#representative-email-desc-error').allTextContents(), { timeout: 10_000 }).toContain(text.noSuchAccount);
  expect(await page.locator('#representative-email').inputValue()).toBe('nobody-here@example.org');
  await shot('19-representatives');

  expect(problems.filter((message) => !/status of (400|404|415|422)/.test(message))).toEqual([]);
  await context.close();
}

/** Sign up, confirm from the dev mailbox and sign in, without screenshots; returns the session's origin. */
async function signedUp(page: Page, language: 'fr' | 'en'): Promise<string> {
  const text = TEXTS[language];
  const email = uniqueEmail(`edge-${language}`);
  await page.goto(`${app.url}/compte/creer`);
  await page.locator('#register-name').fill('Lina Haddad');
  await page.locator('#register-email').fill(email);
  await page.locator('#register-password').fill(PASSWORD);
  await page.getByRole('button', { name: text.registerSubmit }).click();
  await page.getByRole('heading', { name: text.checkEmail }).waitFor();
  await page.goto(`${app.url}/dev/mailbox`);
  await page.locator('main article', { hasText: email }).locator('a[href*="/compte/confirmer?token="]').first().click();
  await page.getByRole('heading', { name: text.confirmed }).waitFor();
  await page.getByRole('link', { name: text.signIn }).last().click();
  await page.locator('#sign-in-password').fill(PASSWORD);
  await page.getByRole('button', { name: text.signIn, exact: true }).click();
  await expectHeading(page, text.greeting('Lina Haddad'));
  return new URL(page.url()).origin;
}

/**
 * The answers the journey does not meet: a VLS-TS entered more than three months ago (online
 * validation no longer possible, what to do instead, no validate button) and a card
 * application before its window opens (the opening date, no button to start ).
 */
async function edgeStates(language: 'fr' | 'en'): Promise<void> {
  const text = TEXTS[language];
  const { page, context, problems } = await openPage(browser, { width: 360, height: 740, locale: text.locale });
  const origin = await signedUp(page, language);

  await page.goto(`${origin}/espace/visa`);
  await expectHeading(page, text.visaTitle);
  await page.locator('#visa-cardType').selectOption('etudiant');
  await page.locator('#visa-validFrom').fill(dayFromToday(-100));
  await page.locator('#visa-validUntil').fill(dayFromToday(200));
  await page.locator('#visa-enteredFranceOn').fill(dayFromToday(-100));
  await page.getByRole('button', { name: text.recordVisa }).click();
  await page.getByRole('heading', { name: text.tooLate }).waitFor();
  await page.getByRole('link', { name: text.findPrefecture }).waitFor();
  expect(await page.getByRole('button', { name: text.validateVisa }).count()).toBe(0);
  expect(await page.locator('#validate-taxStampNumber').count()).toBe(0);
  await check(page, `journey-edge-01-visa-too-late-${language}-phone`);

  // A card expiring in 300 days: the window opens 120 days before, so it is too early today.
  const card = await apiCall(context, origin, 'POST', '/api/v1/permits', {
    data: { kind: 'temporary_card', cardType: 'etudiant', validFrom: dayFromToday(-65), validUntil: dayFromToday(300), foreignerNumber: '7501234567' },
  });
  expect(card.status, JSON.stringify(card.body)).toBe(201);
  await page.goto(`${origin}/espace/demandes/nouvelle`);
  await expectHeading(page, text.newApplication);
  await expect.poll(() => page.getByTestId('filing-window').getAttribute('data-status'), { timeout: 15_000 }).toBe('too_early');
  await page.getByRole('heading', { name: text.tooEarly }).waitFor();
  expect(await page.getByRole('button', { name: text.startApplication }).count()).toBe(0);
  await check(page, `journey-edge-02-too-early-${language}-phone`);

  expect(problems.filter((message) => !/status of (400|404)/.test(message))).toEqual([]);
  await context.close();
}

describe('applicant journey', () => {
  it.skipIf(ON_POSTGRES)(`in French, on a phone: sign up → confirm → profile → VLS-TS → visiteur application → documents → filed → covered${NEEDS_MAILBOX}`, () => journey('fr'), JOURNEY_TIMEOUT);
  it.skipIf(ON_POSTGRES)(`in English, on a phone: the same journey${NEEDS_MAILBOX}`, () => journey('en'), JOURNEY_TIMEOUT);
  it.skipIf(ON_POSTGRES)(`in French, on a phone: a VLS-TS too late to validate online, and an application too early${NEEDS_MAILBOX}`, () => edgeStates('fr'), JOURNEY_TIMEOUT);
  it.skipIf(ON_POSTGRES)(`in English, on a phone: the same two refusals${NEEDS_MAILBOX}`, () => edgeStates('en'), JOURNEY_TIMEOUT);
});
