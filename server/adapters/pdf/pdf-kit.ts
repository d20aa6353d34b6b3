/**
 * What every PDF Sejour renders shares (attestations, registered letters): DejaVu Sans embedded
 * and subset, a pool of parsed fonts lent to one document at a time, legal dates in words, and a
 * writer that wraps text on word widths. Extracted from attestation-pdf.ts when letters came.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import type { Locale } from '../../i18n/index';
import { withoutTables } from './font-tables';

const require = createRequire(import.meta.url);
const LAYOUT_TABLES = ['GSUB', 'GPOS', 'GDEF'];
export const FONT = withoutTables(fs.readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')), LAYOUT_TABLES);
export const FONT_BOLD = withoutTables(fs.readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')), LAYOUT_TABLES);

/**
 * fontkit parses a font in tens of milliseconds, most of a document's rendering time: parsed fonts
 * are kept in a pool and lent to one document at a time. A parsed font caches its glyph objects
 * with the code points of their first use, and pdf-lib builds the ToUnicode map (what text
 * extraction and screen readers read) from them — so a font lent to a document starts with an
 * empty glyph cache, and no two documents rendering at once share one (they interleave at awaits).
 */
export type ParsedFont = Awaited<ReturnType<typeof fontkit.create>>;

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

export const REGULAR_FONTS = new ParsedFontPool(FONT);
export const BOLD_FONTS = new ParsedFontPool(FONT_BOLD);
const DATE_FORMATS: Record<Locale, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** A legal calendar date in words: "2 mars 2027", "2 March 2027". */
export function formatLegalDate(iso: string, locale: Locale): string {
  return DATE_FORMATS[locale].format(new Date(`${iso}T00:00:00Z`));
}

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

export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
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

export class Writer {
  y: number;
  constructor(
    private page: PDFPage,
    private readonly fonts: { regular: PDFFont; bold: PDFFont },
    private readonly left: number,
    private readonly width: number,
    private readonly top: number,
    /** With it, a line that would go below `bottom` starts a new page from `top` (letters run on). */
    private readonly overflow?: { bottom: number; newPage: () => PDFPage },
  ) {
    this.y = top;
  }
  text(text: string, options: { size?: number; bold?: boolean; gap?: number; width?: number; indent?: number; color?: [number, number, number] } = {}): void {
    const size = options.size ?? 10;
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    const indent = options.indent ?? 0;
    for (const line of wrap(text.normalize('NFC'), font, size, options.width ?? this.width - indent)) {
      if (this.overflow && this.y - size * 1.35 < this.overflow.bottom) {
        this.page = this.overflow.newPage();
        this.y = this.top;
      }
      this.y -= size * 1.35;
      this.page.drawText(line, { x: this.left + indent, y: this.y, size, font, color: options.color ? rgb(...options.color) : rgb(0.1, 0.1, 0.1) });
    }
    this.y -= options.gap ?? 4;
  }
  /** Continues on a new page (from `top`); only with `overflow`. */
  breakPage(): void {
    if (!this.overflow) return;
    this.page = this.overflow.newPage();
    this.y = this.top;
  }
}

/** A new document with this pair of lent fonts embedded (subset). */
export async function documentWithFonts(fonts: { regular: ParsedFont; bold: ParsedFont }): Promise<{ doc: PDFDocument; regular: PDFFont; bold: PDFFont }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  // pdf-lib asks its fontkit to parse the bytes it is given: hand it this document's lent fonts.
  doc.registerFontkit({ create: (bytes: Uint8Array) => (bytes === FONT ? fonts.regular : fonts.bold) } as unknown as typeof fontkit);
  const regular = await doc.embedFont(FONT, { subset: true });
  const bold = await doc.embedFont(FONT_BOLD, { subset: true });
  return { doc, regular, bold };
}

/** Runs `render` with a regular and a bold font lent from the pools, returned afterwards. */
export async function withLentFonts<T>(render: (fonts: { regular: ParsedFont; bold: ParsedFont }) => Promise<T>): Promise<T> {
  const fonts = { regular: REGULAR_FONTS.acquire(), bold: BOLD_FONTS.acquire() };
  try {
    return await render(fonts);
  } finally {
    REGULAR_FONTS.release(fonts.regular);
    BOLD_FONTS.release(fonts.bold);
  }
}
