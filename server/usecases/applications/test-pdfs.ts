/**
 * Small, structurally valid PDFs built by hand for tests and the upload benchmark: one page whose
 * content stream is padded to the size asked for, a classic cross-reference table or a
 * cross-reference stream, and, on demand, an encryption dictionary referenced from the trailer
 * (the shape an encrypted file has; the content itself is not encrypted, which the check does not
 * look at).
 */
import { randomBytes } from 'node:crypto';

export interface TestPdfOptions {
  /** Approximate total size in bytes (the page's content stream is padded). */
  size?: number;
  /** Cross-reference stream (PDF 1.5) instead of a classic table and trailer. */
  xrefStream?: boolean;
  /**
   * Where the `/Encrypt` entry goes: the trailer (or cross-reference stream dictionary), a trailer
   * written with a hex-escaped name (`/Encr#79pt`), or only the first-page trailer of a
   * linearized-like file whose final trailer holds just `/Size`.
   */
  encrypt?: 'trailer' | 'escaped_name' | 'linearized';
  /** Text after `%%EOF` (some producers add a few bytes; more than 1024 makes the file malformed). */
  trailingBytes?: number;
}

const DRAW = Buffer.from('0.5 g 10 10 100 100 re f\n');

export function buildPdf(options: TestPdfOptions = {}): Buffer {
  const parts: Buffer[] = [];
  let length = 0;
  const offsets: number[] = [];
  const push = (part: Buffer | string) => {
    const buf = typeof part === 'string' ? Buffer.from(part, 'latin1') : part;
    parts.push(buf);
    length += buf.length;
  };
  const object = (id: number, body: Buffer | string) => {
    offsets[id] = length;
    push(`${id} 0 obj\n`);
    push(body);
    push('\nendobj\n');
  };

  push('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  const encrypted = options.encrypt !== undefined;
  const id = randomBytes(16).toString('hex');
  const encryptKey = options.encrypt === 'escaped_name' ? '/Encr#79pt' : '/Encrypt';
  let firstPageXref = -1;
  if (options.encrypt === 'linearized') {
    // A first-page section near the start: its trailer carries the full entries, /Encrypt included.
    object(6, '<< /Linearized 1 /L 0 /O 3 /E 0 /N 1 /T 0 /H [0 0] >>');
    firstPageXref = length;
    push(`xref\n6 1\n${String(offsets[6]).padStart(10, '0')} 00000 n \n`);
    push(`trailer\n<< /Size 7 /Root 1 0 R /Encrypt 5 0 R /ID [<${id}><${id}>] /Prev 0 >>\nstartxref\n0\n%%EOF\n`);
  }
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  object(3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>');
  const padding = Math.max(DRAW.length, (options.size ?? 2000) - 900);
  const repeats = Math.ceil(padding / DRAW.length);
  offsets[4] = length;
  push(`4 0 obj\n<< /Length ${repeats * DRAW.length} >>\nstream\n`);
  const chunk = Buffer.concat(Array.from({ length: Math.min(repeats, 4096) }, () => DRAW));
  for (let left = repeats; left > 0; left -= 4096) push(left >= 4096 ? chunk : chunk.subarray(0, left * DRAW.length));
  push('\nendstream\nendobj\n');
  if (encrypted) {
    object(5, `<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <${'a1'.repeat(32)}> /U <${'b2'.repeat(32)}> >>`);
  }
  const count = options.encrypt === 'linearized' ? 7 : encrypted ? 6 : 5;
  const encryptEntry = encrypted && options.encrypt !== 'linearized' ? ` ${encryptKey} 5 0 R` : '';

  if (options.xrefStream) {
    const streamId = count;
    const rows: Buffer[] = [];
    for (let n = 0; n <= streamId; n++) {
      const row = Buffer.alloc(7);
      if (n === 0 || offsets[n] === undefined) {
        row.writeUInt8(0, 0);
        row.writeUInt16BE(n === 0 ? 65535 : 0, 5);
      } else {
        row.writeUInt8(1, 0);
        row.writeUInt32BE(offsets[n] as number, 1);
      }
      rows.push(row);
    }
    const xrefOffset = length;
    offsets[streamId] = xrefOffset;
    rows[streamId]?.writeUInt8(1, 0);
    rows[streamId]?.writeUInt32BE(xrefOffset, 1);
    const data = Buffer.concat(rows);
    push(`${streamId} 0 obj\n<< /Type /XRef /Size ${streamId + 1} /W [1 4 2] /Root 1 0 R${encryptEntry} /ID [<${id}><${id}>] /Length ${data.length} >>\nstream\n`);
    push(data);
    push(`\nendstream\nendobj\nstartxref\n${xrefOffset}\n%%EOF\n`);
  } else {
    const xrefOffset = length;
    const lines = ['xref', `0 ${count}`, '0000000000 65535 f '];
    for (let n = 1; n < count; n++) lines.push(offsets[n] === undefined ? '0000000000 00000 f ' : `${String(offsets[n]).padStart(10, '0')} 00000 n `);
    push(`${lines.join('\n')}\n`);
    if (options.encrypt === 'linearized') {
      // The main trailer of a linearized file holds only /Size; startxref points to the first page's.
      push(`trailer\n<< /Size ${count} >>\nstartxref\n${firstPageXref}\n%%EOF\n`);
    } else {
      push(`trailer\n<< /Size ${count} /Root 1 0 R${encryptEntry} /ID [<${id}><${id}>] >>\nstartxref\n${xrefOffset}\n%%EOF\n`);
    }
  }
  if (options.trailingBytes) push(Buffer.alloc(options.trailingBytes, 0x0a));
  return Buffer.concat(parts);
}

/** A 1×1 PNG and a tiny JPEG (valid headers, enough for content sniffing). */
export const TINY_PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);
export const TINY_JPEG = Buffer.from(
  'ffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c140d0c0b0b0c1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e333432ffc0000b080001000101011100ffc4001f0000010501010101010100000000000000000102030405060708090a0bffda0008010100003f00d2cf20ffd9',
  'hex',
);
/** The start of a Windows executable ("MZ" header), renamed `.pdf` in the tests. */
export const EXE_HEAD = Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000b800000000000000400000000000000000000000', 'hex'), Buffer.alloc(4000, 0)]);
