/**
 * The text message of a person without email (ADR 0020): the notice's or reminder's title in their
 * language, and that a letter follows — one GSM-7 segment for every kind, document and language,
 * with the longest dates, so the person gets one whole message that any phone shows.
 */
import { describe, expect, it } from 'vitest';
import { ATTESTATION_KINDS } from '../../../domain/attestations/kinds';
import { REMINDER_KINDS } from '../../../domain/reminders/compute-reminders';
import { NOTICE_KINDS } from '../../../domain/reminders/notices';
import { fitsOneSms, toGsm7 } from '../../adapters/sms/gsm7';
import { LOCALES } from '../../i18n/index';
import { renderPostalLetterPdf } from '../../adapters/pdf/postal-letter-pdf';
import { pdfText } from '../attestations/test-support';
import { composeDeskSms, titleOf } from './postal-mail';

const LONG_DATES = ['2027-09-30', '2027-12-31', '2027-02-28'];

describe(composeDeskSms.name, () => {
  const cases: { kind: string; params: Record<string, string> }[] = [];
  for (const aboutOn of LONG_DATES) {
    for (const kind of REMINDER_KINDS) cases.push({ kind, params: { aboutOn } });
    for (const kind of NOTICE_KINDS) {
      if (kind === 'document_issued') for (const document of ATTESTATION_KINDS) cases.push({ kind, params: { aboutOn, document } });
      else cases.push({ kind, params: { aboutOn } });
    }
  }

  it.each([...LOCALES])('fits one GSM-7 segment for every kind in %s', (locale) => {
    for (const { kind, params } of cases) {
      const sms = composeDeskSms(titleOf(kind, params, locale), locale);
      expect(fitsOneSms(sms), `${kind} ${JSON.stringify(params)}: ${sms} (${sms.length})`).toBe(true);
      expect(sms).not.toMatch(/\{\{|undefined/);
    }
  });

  it('names the document and the date, and says a letter follows', () => {
    expect(composeDeskSms(titleOf('document_issued', { aboutOn: '2027-03-31', document: 'prolongation' }, 'fr'), 'fr')).toBe(
      "Sejour : Attestation de prolongation de l'instruction délivrée le 31 mars 2027. Un courrier suit par la poste. Guichet de votre préfecture.",
    );
    expect(composeDeskSms(titleOf('renewal_4_months', { aboutOn: '2027-06-30' }, 'en'), 'en')).toMatch(/^Sejour: .*30 June 2027.*\. A letter follows by post\./);
  });
});

describe(toGsm7.name, () => {
  it('keeps the accents GSM-7 has, drops the others, and plain-quotes typography', () => {
    expect(toGsm7('Dépôt à la préfecture — l’hôtel « Noël » Œuvre…')).toBe('Dépot à la préfecture - l\'hotel " Noel " OEuvre...');
    expect(toGsm7('Ω漢')).toBe('Ω?');
  });
});

describe(renderPostalLetterPdf.name, () => {
  const base = {
    kind: 'reminder' as const,
    title: '',
    writtenOn: '2027-02-01',
    reference: 'SEJ-2026-ABCDEF',
    aboutOn: '2027-02-08',
    document: null,
    items: [],
    citation: 'CESEDA R.431-11',
    person: { name: 'Aïssatou DIALLO', addressLines: ['4 rue Paul Bert', '69003 LYON'] },
    prefecture: { name: 'Préfecture du Rhône', city: 'Lyon', phone: '04 72 61 60 60', address: null },
    verifyUrl: 'https://sejour.example/verify',
  };

  it('sends a reminder by letter to the desk, never to a space the person cannot open', async () => {
    for (const noticeKind of REMINDER_KINDS) {
      for (const locale of LOCALES) {
        const text = pdfText(await renderPostalLetterPdf({ ...base, noticeKind, title: titleOf(noticeKind, { aboutOn: base.aboutOn }, locale) }, locale));
        expect(text, `${noticeKind} ${locale}`).not.toMatch(/espace|your space|personal space|\{\{/i);
        expect(text).toContain('Aïssatou DIALLO');
        expect(text).toContain(locale === 'fr' ? '8 février 2027' : '8 February 2027');
      }
    }
  });
});
