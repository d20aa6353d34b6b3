/**
 * A letter from the préfecture's help desk to a person without an email address (ADR 0020): A4,
 * the person's name and address on the right where a window envelope shows it, in the person's
 * language, from locales/{fr,en}/notices.json. The attestation it announces is appended by the
 * caller. Deterministic for the same input.
 */
import { hasTranslation, translate, type Locale } from '../../i18n/index';
import { Writer, documentWithFonts, formatLegalDate, withLentFonts, type ParsedFont } from './pdf-kit';

export interface PostalLetterInput {
  kind: 'document_issued' | 'documents_requested' | 'reminder' | 'tacit_refusal';
  /** The notice or reminder kind (`renewal_4_months`…) for `reminder` letters. */
  noticeKind: string;
  title: string;
  writtenOn: string;
  reference: string | null;
  aboutOn: string;
  /** Attestation kind, for `document_issued`. */
  document: string | null;
  /** Checklist item ids (named from applications.json), for `documents_requested`. */
  items: readonly string[];
  citation: string;
  person: { name: string; addressLines: readonly string[] };
  prefecture: { name: string; city: string; phone: string | null; address: string | null };
  verifyUrl: string;
}

const A4: [number, number] = [595.28, 841.89];
const LEFT = 62;
const TOP = 790;
const BOTTOM = 60;

export async function renderPostalLetterPdf(input: PostalLetterInput, locale: Locale): Promise<Uint8Array> {
  return withLentFonts((fonts) => renderWith(fonts, input, locale));
}

async function renderWith(fonts: { regular: ParsedFont; bold: ParsedFont }, input: PostalLetterInput, locale: Locale): Promise<Uint8Array> {
  const { doc, regular, bold } = await documentWithFonts(fonts);
  doc.setTitle(input.title);
  doc.setAuthor(input.prefecture.name);
  doc.setProducer('Sejour');
  doc.setCreator('Sejour');
  doc.setLanguage(locale === 'fr' ? 'fr-FR' : 'en-GB');
  const at = new Date(`${input.writtenOn}T12:00:00Z`);
  doc.setCreationDate(at);
  doc.setModificationDate(at);

  const width = A4[0] - 2 * LEFT;
  const w = new Writer(doc.addPage(A4), { regular, bold }, LEFT, width, TOP, { bottom: BOTTOM, newPage: () => doc.addPage(A4) });
  const t = (key: string, params?: Record<string, string>) => translate(locale, `notices:${key}`, params);
  const date = (iso: string) => formatLegalDate(iso, locale);
  const documentName = input.document ? translate(locale, `attestations:list.kinds.${input.document}`) : '';

  // The sender, top left: the préfecture's desk.
  w.text(input.prefecture.name, { size: 10, bold: true, gap: 1 });
  for (const line of (input.prefecture.address ?? input.prefecture.city).split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) w.text(line, { size: 9, gap: 1 });
  if (input.prefecture.phone) w.text(input.prefecture.phone, { size: 9, gap: 1 });
  w.y -= 24;
  // The recipient, right half (window envelope).
  const indent = width / 2;
  w.text(input.person.name, { size: 11, bold: true, gap: 1, indent });
  for (const line of input.person.addressLines) w.text(line, { size: 11, gap: 1, indent });
  w.y -= 30;

  w.text(`${input.prefecture.city}, ${date(input.writtenOn)}`, { size: 10, gap: 10 });
  w.text(t('letter.subject', { title: input.title }), { size: 11, bold: true, gap: 4 });
  if (input.reference) w.text(t('letter.reference', { reference: input.reference }), { size: 10, gap: 12 });
  w.text(t('letter.greeting'), { size: 10, gap: 8 });

  const params = { aboutOn: date(input.aboutOn), document: documentName, verifyUrl: input.verifyUrl };
  if (input.kind === 'reminder') {
    // The reminder's own words, unless they send the reader to a space they cannot open: then the desk's.
    const deskKey = `notices:letter.reminders.${input.noticeKind}`;
    const key = hasTranslation(locale, deskKey) ? deskKey : `reminders:kinds.${input.noticeKind}.body`;
    w.text(translate(locale, key, { aboutOn: date(input.aboutOn) }), { size: 10, gap: 8 });
  } else {
    w.text(t(`letter.bodies.${input.kind}`, params), { size: 10, gap: 6 });
  }
  if (input.kind === 'documents_requested') {
    for (const item of input.items) w.text(`– ${translate(locale, `applications:documents.${item}.name`)}`, { size: 10, gap: 2, indent: 12 });
    w.y -= 6;
    w.text(t('letter.bodies.documents_requested_after'), { size: 10, gap: 8 });
  }
  w.text(input.prefecture.phone ? t('letter.help', { phone: input.prefecture.phone }) : t('letter.helpNoPhone'), { size: 10, gap: 14 });
  w.text(t('letter.signature', { prefecture: input.prefecture.name }), { size: 10, gap: 24 });
  if (documentName) w.text(t('letter.enclosed', { document: documentName }), { size: 9, gap: 8 });
  w.text(t('letter.why', { citation: input.citation }), { size: 8, color: [0.3, 0.3, 0.3] });
  return doc.save({ useObjectStreams: false });
}
