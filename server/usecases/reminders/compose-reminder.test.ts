import { describe, expect, it } from 'vitest';
import { REMINDER_KINDS } from '../../../domain/reminders/compute-reminders';
import { fitsOneSms, gsm7Length } from '../../adapters/sms/gsm7';
import { LOCALES } from '../../i18n/index';
import { composeReminderEmail, composeReminderSms, reminderTitle } from './compose-reminder';

// A realistic production address: the link is part of every SMS.
const publicUrl = 'https://sejour.interieur.gouv.fr';
const rows = LOCALES.flatMap((locale) => REMINDER_KINDS.map((kind) => [locale, kind] as const));

describe(composeReminderSms.name, () => {
  it.each(rows)('%s %s fits one GSM-7 SMS of 160 characters, with the date and the link', (locale, kind) => {
    const text = composeReminderSms({ kind, locale, aboutOn: '2027-12-31', publicUrl });
    expect(gsm7Length(text), text).toBeDefined();
    expect(fitsOneSms(text), `${gsm7Length(text)}: ${text}`).toBe(true);
    expect(text).toContain('31/12/2027');
    expect(text).toContain(`${publicUrl}/espace`);
    expect(text).not.toMatch(/\{\{/);
  });
});

describe(composeReminderEmail.name, () => {
  it.each(rows)('%s %s has a subject, the reason, the date and the link in text and HTML', (locale, kind) => {
    const mail = composeReminderEmail({ kind, locale, aboutOn: '2027-06-30', citation: 'CESEDA R.431-5', sejourOwn: kind !== 'renewal_4_months', late: false, publicUrl }, 'a@example.org');
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain(`${publicUrl}/espace`);
      expect(part).toContain('CESEDA R.431-5');
      expect(part).not.toMatch(/\{\{/);
    }
    expect(mail.subject).not.toMatch(/reminders:/);
    expect(reminderTitle(kind, locale, '2027-06-30')).not.toMatch(/reminders:/);
  });

  it('writes in the person’s language and says when it is late', () => {
    const base = { kind: 'renewal_4_months' as const, aboutOn: '2027-06-30', citation: 'x', sejourOwn: false, publicUrl };
    expect(composeReminderEmail({ ...base, locale: 'fr', late: false }, 'a@b.fr').subject).toBe('Votre titre de séjour expire le 30 juin 2027');
    expect(composeReminderEmail({ ...base, locale: 'en', late: true }, 'a@b.fr').text).toContain('This reminder is late');
  });
});
