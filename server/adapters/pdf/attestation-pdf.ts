/**
 * Renders an attestation as a one-page A4 PDF (pdf-lib, DejaVu Sans embedded and subset — the
 * standard fonts cannot print every accented or typographic character), from its stored facts,
 * in French or English. Deterministic: the same row gives the same bytes (fixed dates and ids).
 *
 * The signed payload is drawn as a QR code (vector squares) and also stored in the PDF's
 * `Keywords`, so a verifier can read it from the file without rendering the page.
 */
import { concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState, rgb, setFillingRgbColor, PDFDocument, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import type { AttestationFacts, AttestationKind } from '../../../domain/attestations/kinds';
import { translate, type Locale } from '../../i18n/index';
import { Writer, documentWithFonts, formatLegalDate, withLentFonts, type ParsedFont } from './pdf-kit';

export { formatLegalDate } from './pdf-kit';

export const PAYLOAD_KEYWORD_PREFIX = 'sejour-payload:';

export interface RenderInput {
  id: string;
  kind: AttestationKind;
  facts: AttestationFacts;
  issuedOn: string;
  issuedAt: Date;
  validUntilOn: string | null;
  keyId: string;
  payload: string;
  supersededAt: Date | null;
  /** Where a verifier checks the document (`$PUBLIC_URL/verify`). */
  verifyUrl: string;
}

/** The QR code as one filled path of rectangles (one per run of dark modules), on a white quiet zone. */
/**
 * The QR code as a 1-bit image mask (one sample per module, painted black, drawn scaled without
 * interpolation): one small object instead of hundreds of rectangles in the page's content, which
 * halves the cost of drawing it and keeps the edges sharp at any zoom.
 */
function drawQr(doc: PDFDocument, page: PDFPage, payload: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const quiet = 4;
  const cell = size / (count + 2 * quiet);
  page.drawRectangle({ x, y, width: size, height: size, color: rgb(1, 1, 1) });
  const rowBytes = Math.ceil(count / 8);
  // Image mask samples: 0 is painted, 1 is left alone (Decode [0 1]); rows from the top.
  const samples = new Uint8Array(rowBytes * count).fill(0xff);
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (qr.modules.get(row, col) === 1) samples[row * rowBytes + (col >> 3)]! &= ~(0x80 >> (col & 7));
    }
  }
  const image = doc.context.flateStream(samples, {
    Type: 'XObject',
    Subtype: 'Image',
    Width: count,
    Height: count,
    ImageMask: true,
    BitsPerComponent: 1,
    Interpolate: false,
  });
  const name = page.node.newXObject('Qr', doc.context.register(image));
  const side = cell * count;
  page.pushOperators(
    pushGraphicsState(),
    setFillingRgbColor(0, 0, 0),
    concatTransformationMatrix(side, 0, 0, side, x + quiet * cell, y + quiet * cell),
    drawObject(name),
    popGraphicsState(),
  );
}

export async function renderAttestationPdf(input: RenderInput, locale: Locale): Promise<Uint8Array> {
  return withLentFonts((fonts) => renderWith(fonts, input, locale));
}

async function renderWith(fonts: { regular: ParsedFont; bold: ParsedFont }, input: RenderInput, locale: Locale): Promise<Uint8Array> {
  const t = (key: string, params?: Record<string, string>) => translate(locale, `attestations:${key}`, params);
  const date = (iso: string) => formatLegalDate(iso, locale);
  const { facts } = input;

  const { doc, regular, bold } = await documentWithFonts(fonts);
  const title = t(`kinds.${input.kind}.title`);
  doc.setTitle(title);
  doc.setAuthor(facts.prefecture.name);
  doc.setSubject(`${input.id}`);
  doc.setKeywords([`${PAYLOAD_KEYWORD_PREFIX}${input.payload}`]);
  doc.setProducer('Sejour');
  doc.setCreator('Sejour');
  doc.setLanguage(locale === 'fr' ? 'fr-FR' : 'en-GB');
  doc.setCreationDate(input.issuedAt);
  doc.setModificationDate(input.issuedAt);

  const page = doc.addPage([595.28, 841.89]);
  const left = 56;
  const width = 595.28 - 2 * left;
  const w = new Writer(page, { regular, bold }, left, width, 800);

  w.text(t('republic').toUpperCase(), { size: 9, bold: true, gap: 2 });
  w.text(facts.prefecture.name, { size: 11, bold: true, gap: 2 });
  w.text(facts.prefecture.city, { size: 9, gap: 16 });

  if (input.supersededAt) {
    w.text(t('superseded', { date: date(input.supersededAt.toISOString().slice(0, 10)) }), { size: 11, bold: true, color: [0.75, 0.05, 0.05], gap: 10 });
  }
  w.text(title, { size: 15, bold: true, gap: 10 });
  w.text(t('issuedOn', { date: date(input.issuedOn) }), { size: 10, gap: 2 });
  w.text(t('documentId', { id: input.id }), { size: 8, gap: 14 });

  w.text(t(`kinds.${input.kind}.body`), { size: 10, gap: 12 });
  if (input.kind === 'refusal_letter' && facts.reasons) {
    for (const reason of facts.reasons) w.text(`– ${reason}`, { size: 10, gap: 4 });
    w.y -= 8;
  }

  w.text(t('holder'), { size: 11, bold: true, gap: 2 });
  w.text(t('name', { surname: facts.holder.surname, givenNames: facts.holder.givenNames }));
  w.text(t('birthDate', { date: date(facts.holder.birthDate) }));
  w.text(t('nationality', { nationality: facts.holder.nationality }));
  if (facts.foreignerNumber) w.text(t('foreignerNumber', { number: facts.foreignerNumber }));
  if (facts.reference) w.text(t('reference', { reference: facts.reference }));
  if (facts.cardType) w.text(t('cardType', { cardType: facts.cardType }));
  w.y -= 8;

  for (const fact of facts.dates) {
    w.text(t(`dates.${fact.id}`, { date: date(fact.on) }), { size: 10, bold: true, gap: 1 });
    w.text(t('legalBasis', { citation: fact.citation, ruleId: fact.ruleId }), { size: 8, gap: 6 });
  }
  if (input.validUntilOn) w.text(t('validUntil', { date: date(input.validUntilOn) }), { size: 11, bold: true, gap: 8 });
  if (input.kind === 'filing_receipt' || input.kind === 'refusal_letter') {
    w.y -= 4;
    w.text(t(`kinds.${input.kind}.recourse`), { size: 9, gap: 8 });
  }

  const qrSize = 150;
  drawQr(doc, page, input.payload, left, 48, qrSize);
  const side = new Writer(page, { regular, bold }, left + qrSize + 16, width - qrSize - 16, 48 + qrSize - 10);
  side.text(t('verify', { url: input.verifyUrl }), { size: 9, gap: 6 });
  side.text(t('signature', { keyId: input.keyId }), { size: 8, gap: 6 });
  side.text(t('documentId', { id: input.id }), { size: 8 });

  return doc.save({ useObjectStreams: false, objectsPerTick: Number.POSITIVE_INFINITY });
}

/** The payload stored in a PDF's keywords, if any (never throws). */
export async function payloadFromPdf(bytes: Uint8Array): Promise<string | undefined> {
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: false });
    const keywords = doc.getKeywords() ?? '';
    const at = keywords.indexOf(PAYLOAD_KEYWORD_PREFIX);
    if (at < 0) return undefined;
    return keywords.slice(at + PAYLOAD_KEYWORD_PREFIX.length).split(/\s/)[0];
  } catch {
    return undefined;
  }
}
