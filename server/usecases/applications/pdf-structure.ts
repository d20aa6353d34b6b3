/**
 * Just enough of the PDF file structure (ISO 32000-1 §7.5) to refuse files the préfecture could
 * not open: no `%PDF-` header, no `%%EOF` marker in the last 1024 bytes, no trailer, or an
 * encryption dictionary (`/Encrypt`) in the trailer or cross-reference stream dictionary.
 *
 * It reads a bounded number of bytes through `read(start, end)` (a byte range of the stored file),
 * never the whole file: the end of the file, then each cross-reference section the `startxref`
 * and `/Prev` / `/XRefStm` offsets point to (at most `MAX_SECTIONS`, `SECTION_BYTES` each). Every
 * trailer met is checked: in a linearized file the full trailer (with `/Encrypt`) is the
 * first-page one near the start, and the one at the end may hold only `/Size`.
 */

export type PdfVerdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly problem: 'malformed'; readonly reason: 'missing_header' | 'missing_eof' | 'missing_trailer' }
  | { readonly ok: false; readonly problem: 'encrypted' };

export type ReadRange = (start: number, end: number) => Promise<Buffer>;

export const PDF_HEADER = Buffer.from('%PDF-');
/** §7.5.5: the last line of the file holds `%%EOF`; readers look for it in the last 1024 bytes. */
export const EOF_WINDOW = 1024;
const TAIL_BYTES = 16 * 1024;
const SECTION_BYTES = 64 * 1024;
const MAX_SECTIONS = 16;

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

function isRegular(byte: number): boolean {
  return !WHITESPACE.has(byte) && !DELIMITERS.has(byte);
}

export function hasPdfHeader(head: Uint8Array): boolean {
  return Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, PDF_HEADER.length)).equals(PDF_HEADER);
}

export interface PdfDictionary {
  /** Top-level keys (names decoded: `/Encr#79pt` is `Encrypt`). */
  readonly keys: ReadonlySet<string>;
  /** Top-level integer values (`/Prev 1234`). */
  readonly integers: ReadonlyMap<string, number>;
}

function skipWhitespaceAndComments(buf: Buffer, pos: number): number {
  let i = pos;
  while (i < buf.length) {
    const byte = buf[i] as number;
    if (WHITESPACE.has(byte)) i++;
    else if (byte === 0x25) {
      while (i < buf.length && buf[i] !== 0x0a && buf[i] !== 0x0d) i++;
    } else break;
  }
  return i;
}

function readName(buf: Buffer, pos: number): { name: string; end: number } {
  // pos is just after '/'
  let i = pos;
  const bytes: number[] = [];
  while (i < buf.length && isRegular(buf[i] as number)) {
    const byte = buf[i] as number;
    if (byte === 0x23 && i + 2 < buf.length) {
      const hex = Number.parseInt(String.fromCharCode(buf[i + 1] as number, buf[i + 2] as number), 16);
      if (!Number.isNaN(hex)) {
        bytes.push(hex);
        i += 3;
        continue;
      }
    }
    bytes.push(byte);
    i++;
  }
  return { name: Buffer.from(bytes).toString('latin1'), end: i };
}

function skipLiteralString(buf: Buffer, pos: number): number {
  // pos is just after '('
  let depth = 1;
  let i = pos;
  while (i < buf.length && depth > 0) {
    const byte = buf[i] as number;
    if (byte === 0x5c) i += 2;
    else {
      if (byte === 0x28) depth++;
      else if (byte === 0x29) depth--;
      i++;
    }
  }
  return i;
}

type Token =
  | { readonly kind: 'name'; readonly value: string }
  | { readonly kind: 'integer'; readonly value: number }
  | { readonly kind: 'other'; readonly value: string }
  /** A string, array or dictionary value, skipped whole. */
  | { readonly kind: 'composite' };

/**
 * Skips the array or dictionary opening at `pos` (`[` or `<<`), nested values, strings and comments
 * included; returns the index after its end, or -1 when it does not end inside `buf`.
 */
function skipComposite(buf: Buffer, pos: number): number {
  let depth = 0;
  let i = pos;
  while (i < buf.length) {
    const byte = buf[i] as number;
    if (byte === 0x25) {
      i = skipWhitespaceAndComments(buf, i);
    } else if (byte === 0x28) {
      i = skipLiteralString(buf, i + 1);
    } else if (byte === 0x3c && buf[i + 1] === 0x3c) {
      depth++;
      i += 2;
    } else if (byte === 0x3e && buf[i + 1] === 0x3e) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else if (byte === 0x3c) {
      const close = buf.indexOf(0x3e, i + 1);
      if (close < 0) return -1;
      i = close + 1;
    } else if (byte === 0x5b) {
      depth++;
      i++;
    } else if (byte === 0x5d) {
      depth--;
      i++;
      if (depth === 0) return i;
    } else {
      i++;
    }
  }
  return -1;
}

/** The tokens directly inside the dictionary opening at `pos`, or undefined when it does not end in `buf`. */
function topLevelTokens(buf: Buffer, pos: number): Token[] | undefined {
  const tokens: Token[] = [];
  let i = pos + 2;
  for (;;) {
    i = skipWhitespaceAndComments(buf, i);
    if (i >= buf.length) return undefined;
    const byte = buf[i] as number;
    if (byte === 0x3e && buf[i + 1] === 0x3e) return tokens;
    if (byte === 0x2f) {
      const { name, end } = readName(buf, i + 1);
      tokens.push({ kind: 'name', value: name });
      i = end;
    } else if (byte === 0x28) {
      i = skipLiteralString(buf, i + 1);
      tokens.push({ kind: 'composite' });
    } else if (byte === 0x5b || (byte === 0x3c && buf[i + 1] === 0x3c)) {
      i = skipComposite(buf, i);
      if (i < 0) return undefined;
      tokens.push({ kind: 'composite' });
    } else if (byte === 0x3c) {
      const close = buf.indexOf(0x3e, i + 1);
      if (close < 0) return undefined;
      i = close + 1;
      tokens.push({ kind: 'composite' });
    } else {
      let end = i;
      while (end < buf.length && isRegular(buf[end] as number)) end++;
      if (end === i) end = i + 1; // a stray delimiter such as ']' or ')'
      const text = buf.toString('latin1', i, end);
      tokens.push(/^\d+$/.test(text) ? { kind: 'integer', value: Number(text) } : { kind: 'other', value: text });
      i = end;
    }
  }
}

/**
 * The dictionary starting at the first `<<` at or after `pos` (after whitespace and comments), or
 * undefined when there is none or it does not end inside `buf`.
 */
export function parseDictionaryAt(buf: Buffer, pos: number): PdfDictionary | undefined {
  const start = skipWhitespaceAndComments(buf, pos);
  if (buf[start] !== 0x3c || buf[start + 1] !== 0x3c) return undefined;
  const tokens = topLevelTokens(buf, start);
  if (!tokens) return undefined;
  const keys = new Set<string>();
  const integers = new Map<string, number>();
  let i = 0;
  while (i < tokens.length) {
    const key = tokens[i];
    if (key?.kind !== 'name') {
      i++; // not a key: skip it (a damaged dictionary is still searched)
      continue;
    }
    keys.add(key.value);
    const value = tokens[i + 1];
    const generation = tokens[i + 2];
    const r = tokens[i + 3];
    if (value?.kind === 'integer' && generation?.kind === 'integer' && r?.kind === 'other' && r.value === 'R') {
      i += 4; // an indirect reference `n g R`
    } else {
      if (value?.kind === 'integer') integers.set(key.value, value.value);
      i += value === undefined ? 1 : 2;
    }
  }
  return { keys, integers };
}

/** The dictionary of the cross-reference section at the start of `section`. */
function sectionDictionary(section: Buffer): PdfDictionary | undefined {
  const start = skipWhitespaceAndComments(section, 0);
  if (section.toString('latin1', start, start + 4) === 'xref') {
    const trailer = section.indexOf('trailer', start + 4, 'latin1');
    return trailer < 0 ? undefined : parseDictionaryAt(section, trailer + 'trailer'.length);
  }
  const object = /^(\d+)\s+(\d+)\s+obj/.exec(section.toString('latin1', start, start + 40));
  return object ? parseDictionaryAt(section, start + object[0].length) : undefined;
}

function startxrefOffset(tail: Buffer, before: number): number | undefined {
  const at = tail.lastIndexOf('startxref', before, 'latin1');
  if (at < 0) return undefined;
  const match = /^\s*(\d{1,15})/.exec(tail.toString('latin1', at + 'startxref'.length, at + 'startxref'.length + 32));
  return match ? Number(match[1]) : undefined;
}

export async function inspectPdf(read: ReadRange, size: number): Promise<PdfVerdict> {
  if (size < PDF_HEADER.length || !hasPdfHeader(await read(0, PDF_HEADER.length - 1))) {
    return { ok: false, problem: 'malformed', reason: 'missing_header' };
  }
  const tailStart = Math.max(0, size - TAIL_BYTES);
  const tail = await read(tailStart, size - 1);
  const eof = tail.lastIndexOf('%%EOF', undefined, 'latin1');
  if (eof < 0 || tailStart + eof < size - EOF_WINDOW) return { ok: false, problem: 'malformed', reason: 'missing_eof' };

  const dictionaries: PdfDictionary[] = [];
  const lastTrailer = tail.lastIndexOf('trailer', eof, 'latin1');
  if (lastTrailer >= 0) {
    const dictionary = parseDictionaryAt(tail, lastTrailer + 'trailer'.length);
    if (dictionary) dictionaries.push(dictionary);
  }

  const queue: number[] = [];
  const first = startxrefOffset(tail, eof);
  if (first !== undefined) queue.push(first);
  const visited = new Set<number>();
  while (queue.length > 0 && visited.size < MAX_SECTIONS) {
    const offset = queue.shift() as number;
    if (visited.has(offset) || offset < 0 || offset >= size) continue;
    visited.add(offset);
    const section = await read(offset, Math.min(size - 1, offset + SECTION_BYTES - 1));
    const dictionary = sectionDictionary(section);
    if (!dictionary) continue;
    dictionaries.push(dictionary);
    for (const key of ['Prev', 'XRefStm']) {
      const next = dictionary.integers.get(key);
      if (next !== undefined) queue.push(next);
    }
  }

  if (dictionaries.length === 0) return { ok: false, problem: 'malformed', reason: 'missing_trailer' };
  if (dictionaries.some((dictionary) => dictionary.keys.has('Encrypt'))) return { ok: false, problem: 'encrypted' };
  return { ok: true };
}
