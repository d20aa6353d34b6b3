/**
 * Renders an attestation as a one-page A4 PDF (pdf-lib, DejaVu Sans embedded and subset — the
 * standard fonts cannot print every accented or typographic character), from its stored facts,
 * in French or English. Deterministic: the same row gives the same bytes (fixed dates and ids).
 *
 * The signed payload is drawn as a QR code (vector squares) and also stored in the PDF's
 * `Keywords`, so a verifier can read it from the file without rendering the page.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { PDFDocument, concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState, rgb, setFillingRgbColor, type PDFFont, type PDFPage } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import QRCode from 'qrcode';
import type { AttestationFacts, AttestationKind } from '../../../domain/attestations/kinds';
import { translate, type Locale } from '../../i18n/index';
import { withoutTables } from './font-tables';

const require = createRequire(import.meta.url);
const LAYOUT_TABLES = ['GSUB', 'GPOS', 'GDEF'];
const FONT = withoutTables(fs.readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')), LAYOUT_TABLES);
const FONT_BOLD = withoutTables(fs.readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')), LAYOUT_TABLES);

/**
 * fontkit parses a font in tens of milliseconds, most of a document's rendering time: parsed fonts
 * are kept in a pool and lent to one document at a time. A parsed font caches its glyph objects
 * with the code points of their first use, and pdf-lib builds the ToUnicode map (what text
 * extraction and screen readers read) from them — so a font lent to a document starts with an
 * empty glyph cache, and no two documents rendering at once share one (they interleave at awaits).
 */
type ParsedFont = Awaited<ReturnType<typeof fontkit.create>>;

class ParsedFontPool {
  private readonly free: ParsedFont[] = [];
  constructor(private readonly bytes: Uint8Array) {}
  acquire(): ParsedFont {
    const font = this.free.pop() ?? fontkit.create(this.bytes);
    (font as unknown as { _glyphs: Record<number, unknown> })._glyphs = {};
    return font;
  }
  release(font: ParsedFont): void {
    if (this.free.length < 8) this.free.push(font);
  }
}

const REGULAR_FONTS = new ParsedFontPool(FONT);
const BOLD_FONTS = new ParsedFontPool(FONT_BOLD);
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

const DATE_FORMATS: Record<Locale, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** A legal calendar date in words: "2 mars 2027", "2 March 2027". */
export function formatLegalDate(iso: string, locale: Locale): string {
  return DATE_FORMATS[locale].format(new Date(`${iso}T00:00:00Z`));
}

/** Greedy line breaking on word widths (each word measured once; kerning across spaces ignored). */
/**
 * Word widths at size 1, by font name: measuring shapes the text with fontkit, the most expensive
 * step of rendering, and the same words come back in every document (widths are plain numbers, so
 * sharing them across documents is safe, unlike glyph objects). Bounded: cleared when full.
 */
const WORD_WIDTHS = new Map<string, number>();
const WORD_WIDTHS_MAX = 50_000;

function widthOf(font: PDFFont, word: string, size: number): number {
  const key = `${font.name}\u0000${word}`;
  let width = WORD_WIDTHS.get(key);
  if (width === undefined) {
    width = font.widthOfTextAtSize(word, 1);
    if (WORD_WIDTHS.size >= WORD_WIDTHS_MAX) WORD_WIDTHS.clear();
    WORD_WIDTHS.set(key, width);
  }
  return width * size;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  const space = widthOf(font, ' ', size);
  let line = '';
  let lineWidth = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const wordWidth = widthOf(font, word, size);
    if (!line) {
      line = word;
      lineWidth = wordWidth;
    } else if (lineWidth + space + wordWidth <= width) {
      line = `${line} ${word}`;
      lineWidth += space + wordWidth;
    } else {
      lines.push(line);
      line = word;
      lineWidth = wordWidth;
    }
  }
  if (line) lines.push(line);
  return lines;
}

class Writer {
  y: number;
  constructor(
    private readonly page: PDFPage,
    private readonly fonts: { regular: PDFFont; bold: PDFFont },
    private readonly left: number,
    private readonly width: number,
    top: number,
  ) {
    this.y = top;
  }
  text(text: string, options: { size?: number; bold?: boolean; gap?: number; width?: number; color?: [number, number, number] } = {}): void {
    const size = options.size ?? 10;
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    for (const line of wrap(text.normalize('NFC'), font, size, options.width ?? this.width)) {
      this.y -= size * 1.35;
      this.page.drawText(line, { x: this.left, y: this.y, size, font, color: options.color ? rgb(...options.color) : rgb(0.1, 0.1, 0.1) });
    }
    this.y -= options.gap ?? 4;
  }
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
  const fonts = { regular: REGULAR_FONTS.acquire(), bold: BOLD_FONTS.acquire() };
  try {
    return await renderWith(fonts, input, locale);
  } finally {
    REGULAR_FONTS.release(fonts.regular);
    BOLD_FONTS.release(fonts.bold);
  }
}

async function renderWith(fonts: { regular: ParsedFont; bold: ParsedFont }, input: RenderInput, locale: Locale): Promise<Uint8Array> {
  const t = (key: string, params?: Record<string, string>) => translate(locale, `attestations:${key}`, params);
  const date = (iso: string) => formatLegalDate(iso, locale);
  const { facts } = input;

  const doc = await PDFDocument.create({ updateMetadata: false });
  // pdf-lib asks its fontkit to parse the bytes it is given: hand it this document's lent fonts.
  doc.registerFontkit({ create: (bytes: Uint8Array) => (bytes === FONT ? fonts.regular : fonts.bold) } as unknown as typeof fontkit);
  const regular = await doc.embedFont(FONT, { subset: true });
  const bold = await doc.embedFont(FONT_BOLD, { subset: true });
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
