/**
 * Renders a registered letter to the préfecture (domain/letters) as an A4 PDF, ready to print,
 * sign and post. The letter is always in French, the préfecture's language; a reader in English
 * also gets, after it, a translation page marked "do not send" (docs/adr/0018-letters-and-help.md).
 * Every sentence comes from locales/{fr,en}/letters.json; the legal grounds carry the citation of
 * the rule version in force (domain/rules). Deterministic for the same input.
 */
import type { LetterGround, LetterKind } from '../../../domain/letters/letters';
import { translate, type Locale } from '../../i18n/index';
import { Writer, documentWithFonts, formatLegalDate, withLentFonts, type ParsedFont } from './pdf-kit';

export interface LetterInput {
  kind: LetterKind;
  /** The letter's date (today, Europe/Paris). */
  writtenOn: string;
  reference: string;
  filedOn: string;
  cardType: string;
  applicant: {
    surname: string;
    givenNames: string;
    birthDate: string;
    addressLines: readonly string[];
    city: string | null;
    foreignerNumber: string | null;
  };
  prefecture: { name: string; city: string; /** The foreigners' service's postal address, when the préfecture published it. */ address: string | null };
  /** Checklist item ids of the documents sent (named from applications.json). */
  documents: readonly string[];
  grounds: readonly LetterGround[];
  tacitRefusalOn: string | null;
  reasonsDueOn: string;
}

const A4: [number, number] = [595.28, 841.89];
const LEFT = 62;
const TOP = 790;
const BOTTOM = 60;

export async function renderLetterPdf(input: LetterInput, locale: Locale): Promise<Uint8Array> {
  return withLentFonts((fonts) => renderWith(fonts, input, locale));
}

async function renderWith(fonts: { regular: ParsedFont; bold: ParsedFont }, input: LetterInput, locale: Locale): Promise<Uint8Array> {
  const { doc, regular, bold } = await documentWithFonts(fonts);
  const title = translate('fr', `letters:kinds.${input.kind}.title`);
  doc.setTitle(title);
  doc.setAuthor(`${input.applicant.givenNames} ${input.applicant.surname}`);
  doc.setSubject(input.reference);
  doc.setProducer('Sejour');
  doc.setCreator('Sejour');
  doc.setLanguage('fr-FR');
  const at = new Date(`${input.writtenOn}T12:00:00Z`);
  doc.setCreationDate(at);
  doc.setModificationDate(at);

  const width = A4[0] - 2 * LEFT;
  const w = new Writer(doc.addPage(A4), { regular, bold }, LEFT, width, TOP, { bottom: BOTTOM, newPage: () => doc.addPage(A4) });
  writeLetter(w, input, 'fr', width);
  if (locale !== 'fr') {
    w.breakPage();
    w.text(translate(locale, 'letters:translation.title'), { size: 13, bold: true, gap: 4 });
    w.text(translate(locale, 'letters:translation.explain'), { size: 9, gap: 14 });
    writeLetter(w, input, locale, width);
  }
  w.y -= 10;
  w.text(translate(locale, 'letters:howToSend'), { size: 8, color: [0.3, 0.3, 0.3] });
  return doc.save({ useObjectStreams: false });
}

function writeLetter(w: Writer, input: LetterInput, locale: Locale, width: number): void {
  const t = (key: string, params?: Record<string, string>) => translate(locale, `letters:${key}`, params);
  const date = (iso: string) => formatLegalDate(iso, locale);
  const { applicant, prefecture } = input;
  const cardType = translate(locale, `applications:cardTypes.${input.cardType}.name`);
  const params = {
    reference: input.reference,
    filedOn: date(input.filedOn),
    cardType,
    tacitRefusalOn: input.tacitRefusalOn ? date(input.tacitRefusalOn) : '',
    reasonsDueOn: date(input.reasonsDueOn),
  };

  // The sender, top left.
  w.text(`${applicant.givenNames} ${applicant.surname.toUpperCase()}`, { size: 10, bold: true, gap: 1 });
  for (const line of applicant.addressLines) w.text(line, { size: 10, gap: 1 });
  w.text(t('birth', { date: date(applicant.birthDate) }), { size: 9, gap: 1 });
  if (applicant.foreignerNumber) w.text(t('foreignerNumber', { number: applicant.foreignerNumber }), { size: 9, gap: 1 });
  w.y -= 14;

  // The recipient, on the right half (where a window envelope shows it).
  const right = new RightColumn(w, width);
  right.text(prefecture.name, true);
  const lines = (prefecture.address ?? prefecture.city).split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  // A published address usually names the service itself ("Service des étrangers"): not twice.
  if (!/étrangers/i.test(lines[0] ?? '')) right.text(t('recipientService'));
  for (const line of lines) right.text(line);
  w.y -= 18;

  w.text(applicant.city ? t('placeDate', { city: applicant.city, date: date(input.writtenOn) }) : t('dateOnly', { date: date(input.writtenOn) }), { size: 10, gap: 10 });
  w.text(t('registered'), { size: 10, bold: true, gap: 4 });
  w.text(t(`kinds.${input.kind}.subject`, params), { size: 10, bold: true, gap: 4 });
  w.text(t('references', params), { size: 10, gap: 14 });

  w.text(t('salutation'), { size: 10, gap: 8 });
  w.text(t(`kinds.${input.kind}.body`, params), { size: 10, gap: 8 });
  if (input.documents.length > 0) {
    w.text(t('documentsIntro'), { size: 10, gap: 2 });
    for (const item of input.documents) w.text(`– ${translate(locale, `applications:documents.${item}.name`)}`, { size: 10, gap: 1 });
    w.y -= 7;
  }
  w.text(t(`kinds.${input.kind}.request`, params), { size: 10, gap: 10 });

  w.text(t('groundsTitle'), { size: 10, bold: true, gap: 2 });
  for (const ground of input.grounds) w.text(t(`grounds.${ground.ruleId}`, { citation: ground.citation }), { size: 9, gap: 4 });
  w.y -= 8;

  w.text(t('closing'), { size: 10, gap: 16 });
  w.text(`${applicant.givenNames} ${applicant.surname.toUpperCase()}`, { size: 10, gap: 2 });
  w.text(t('signature'), { size: 10, gap: 30 });
  w.text(t('enclosures'), { size: 8, gap: 4 });
}

/** Lines written on the right half of the page, moving the main writer down with them. */
class RightColumn {
  constructor(
    private readonly w: Writer,
    private readonly width: number,
  ) {}
  text(line: string, bold = false): void {
    this.w.text(line, { size: 10, bold, gap: 1, indent: this.width / 2 });
  }
}
