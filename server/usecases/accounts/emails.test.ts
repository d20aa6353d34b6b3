import { describe, expect, it } from 'vitest';
import { hasTranslation, LOCALES } from '../../i18n/index';
import { type AccountEmailKind, composeAccountEmail, formatInstant } from './emails';

const KINDS: AccountEmailKind[] = [
  'confirm_email',
  'account_exists',
  'reset_password',
  'reset_unknown',
  'change_email',
  'email_changed',
  'password_changed',
];

describe(composeAccountEmail.name, () => {
  it.each(LOCALES.flatMap((locale) => KINDS.map((kind) => [locale, kind] as const)))('has every text of %s %s', (locale, kind) => {
    for (const part of ['subject', 'intro', 'outro']) expect(hasTranslation(locale, `accounts:emails.${kind}.${part}`), part).toBe(true);
  });

  it('writes the same content as text and as HTML, escaping what the reader typed', () => {
    const mail = composeAccountEmail({
      kind: 'reset_password',
      to: 'a@example.org',
      locale: 'fr',
      name: 'Awa <b>Traoré</b>',
      actions: [{ label: 'action', url: 'https://sejour.example.org/compte/mot-de-passe/reinitialiser?token=abc&x=1' }],
    });
    expect(mail.subject).toBe('Choisissez un nouveau mot de passe – Sejour');
    expect(mail.text).toContain('Bonjour Awa <b>Traoré</b>,');
    expect(mail.text).toContain('Choisir un nouveau mot de passe\nhttps://sejour.example.org/compte/mot-de-passe/reinitialiser?token=abc&x=1');
    expect(mail.html).toContain('Bonjour Awa &lt;b&gt;Traoré&lt;/b&gt;,');
    expect(mail.html).toContain('href="https://sejour.example.org/compte/mot-de-passe/reinitialiser?token=abc&amp;x=1"');
    expect(mail.html).toContain('<html lang="fr">');
    expect(mail.text).toContain('valable 1 heure');
  });

  it('greets without a name when none is given', () => {
    expect(composeAccountEmail({ kind: 'confirm_email', to: 'a@example.org', locale: 'en' }).text).toMatch(/^Hello,\n/);
  });
});

describe(formatInstant.name, () => {
  it('writes instants in Paris time, in the reader language', () => {
    const instant = new Date('2027-03-15T13:03:00Z');
    expect(formatInstant(instant, 'fr')).toBe('15 mars 2027 à 14:03');
    expect(formatInstant(instant, 'en')).toBe('15 March 2027 at 14:03');
  });
});
