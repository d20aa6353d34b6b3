import { describe, expect, it } from 'vitest';
import { inspectPdf, parseDictionaryAt, type ReadRange } from './pdf-structure';
import { buildPdf } from './test-pdfs';

/** Reads from a buffer like the storage's byte ranges, counting the bytes read. */
function reader(file: Buffer) {
  const stats = { bytes: 0, calls: 0 };
  const read: ReadRange = async (start, end) => {
    stats.calls++;
    const slice = file.subarray(start, end + 1);
    stats.bytes += slice.length;
    return slice;
  };
  return { read, stats };
}

const inspect = (file: Buffer) => inspectPdf(reader(file).read, file.length);

describe(parseDictionaryAt.name, () => {
  it('lists the top-level keys and integers, not those of nested values', () => {
    const dictionary = parseDictionaryAt(
      Buffer.from('  << /Size 7 /Root 1 0 R /Info << /Encrypt 3 0 R >> /ID [<ab> (x)] /Prev 1234 /Title (a >> b) /Type /XRef >>'),
      0,
    );
    expect(dictionary && [...dictionary.keys]).toEqual(['Size', 'Root', 'Info', 'ID', 'Prev', 'Title', 'Type']);
    expect(dictionary && Object.fromEntries(dictionary.integers)).toEqual({ Size: 7, Prev: 1234 });
  });

  it('decodes #xx escapes in names', () => {
    expect(parseDictionaryAt(Buffer.from('<</Encr#79pt 5 0 R>>'), 0)?.keys.has('Encrypt')).toBe(true);
  });

  it('skips comments and strings with escaped parentheses', () => {
    const dictionary = parseDictionaryAt(Buffer.from('<< % a comment >> /Fake 1\n/A (x\\) /Encrypt 1 0 R) /B 2 >>'), 0);
    expect(dictionary && [...dictionary.keys]).toEqual(['A', 'B']);
  });

  it('gives nothing for a dictionary cut short or absent', () => {
    expect(parseDictionaryAt(Buffer.from('<< /Size 7 /Root 1 0'), 0)).toBeUndefined();
    expect(parseDictionaryAt(Buffer.from('xref'), 0)).toBeUndefined();
  });
});

describe(inspectPdf.name, () => {
  it('accepts a plain PDF with a classic trailer or a cross-reference stream', async () => {
    expect(await inspect(buildPdf())).toEqual({ ok: true });
    expect(await inspect(buildPdf({ xrefStream: true }))).toEqual({ ok: true });
  });

  it('refuses a PDF whose trailer or cross-reference stream dictionary has /Encrypt', async () => {
    expect(await inspect(buildPdf({ encrypt: 'trailer' }))).toEqual({ ok: false, problem: 'encrypted' });
    expect(await inspect(buildPdf({ encrypt: 'trailer', xrefStream: true }))).toEqual({ ok: false, problem: 'encrypted' });
    expect(await inspect(buildPdf({ encrypt: 'escaped_name' }))).toEqual({ ok: false, problem: 'encrypted' });
  });

  it('finds /Encrypt in the first-page trailer of a linearized file, where the last trailer has only /Size', async () => {
    expect(await inspect(buildPdf({ encrypt: 'linearized' }))).toEqual({ ok: false, problem: 'encrypted' });
  });

  it('does not take the word /Encrypt in page content for encryption', async () => {
    const file = buildPdf();
    const withText = Buffer.concat([file.subarray(0, 20), Buffer.from('% (/Encrypt 5 0 R)\n'), file.subarray(20)]);
    // Offsets moved by the insertion: still no /Encrypt in any trailer.
    expect(await inspect(withText)).toMatchObject({ ok: true });
  });

  it('refuses a file without the %PDF- header, or without %%EOF in its last 1024 bytes', async () => {
    expect(await inspect(Buffer.concat([Buffer.from('junk'), buildPdf()]))).toEqual({ ok: false, problem: 'malformed', reason: 'missing_header' });
    const file = buildPdf();
    expect(await inspect(file.subarray(0, file.length - 7))).toEqual({ ok: false, problem: 'malformed', reason: 'missing_eof' });
    expect(await inspect(buildPdf({ trailingBytes: 1000 }))).toEqual({ ok: true });
    expect(await inspect(buildPdf({ trailingBytes: 1100 }))).toEqual({ ok: false, problem: 'malformed', reason: 'missing_eof' });
    expect(await inspect(Buffer.from('%PDF-'))).toEqual({ ok: false, problem: 'malformed', reason: 'missing_eof' });
  });

  it('refuses a file with %%EOF but no trailer at all', async () => {
    expect(await inspect(Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n'))).toEqual({ ok: false, problem: 'malformed', reason: 'missing_trailer' });
  });

  it('reads a bounded number of bytes, whatever the size of the file', async () => {
    const file = buildPdf({ size: 5_000_000 });
    const { read, stats } = reader(file);
    expect(await inspectPdf(read, file.length)).toEqual({ ok: true });
    expect(stats.bytes).toBeLessThan(100 * 1024);
  });
});
