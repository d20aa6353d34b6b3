/**
 * Rewrites a TrueType font without some of its tables. Attestations drop the OpenType layout tables
 * (GSUB, GPOS, GDEF) so that fontkit lays text out from the character map, advance widths and the
 * legacy `kern` table only: three times faster, and every glyph stands for exactly one character
 * (no ligature), which keeps the PDF's ToUnicode map — what text extraction and screen readers
 * read — exact. Text is NFC-normalised before drawing, so accented letters are single glyphs and
 * need no mark positioning.
 *
 * Format: an offset table (12 bytes), one 16-byte record per table (tag, checksum, offset,
 * length), then the tables, each starting on a 4-byte boundary (OpenType spec, "Organization of an
 * OpenType Font"). Checksums are copied: they cover each table's own bytes, which do not change.
 */
export function withoutTables(font: Uint8Array, dropped: readonly string[]): Uint8Array {
  const source = Buffer.from(font.buffer, font.byteOffset, font.byteLength);
  const count = source.readUInt16BE(4);
  const kept: { tag: string; checksum: number; offset: number; length: number }[] = [];
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const tag = source.toString('latin1', at, at + 4);
    if (dropped.includes(tag)) continue;
    kept.push({ tag, checksum: source.readUInt32BE(at + 4), offset: source.readUInt32BE(at + 8), length: source.readUInt32BE(at + 12) });
  }
  const headerLength = 12 + 16 * kept.length;
  const padded = (length: number) => (length + 3) & ~3;
  const total = kept.reduce((sum, table) => sum + padded(table.length), headerLength);
  const out = Buffer.alloc(total);
  source.copy(out, 0, 0, 4); // sfnt version
  const entrySelector = Math.floor(Math.log2(kept.length));
  const searchRange = 2 ** entrySelector * 16;
  out.writeUInt16BE(kept.length, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(kept.length * 16 - searchRange, 10);
  let offset = headerLength;
  kept.forEach((table, i) => {
    const at = 12 + 16 * i;
    out.write(table.tag, at, 'latin1');
    out.writeUInt32BE(table.checksum, at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(table.length, at + 12);
    source.copy(out, offset, table.offset, table.offset + table.length);
    offset += padded(table.length);
  });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
