/**
 * Test helpers for attestations (imported by tests and the benchmark only): read a rendered PDF
 * back with poppler (`pdftotext`, `pdftoppm`) and decode its QR code from the page image (jsqr).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

export function pdfText(bytes: Uint8Array): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: Buffer.from(bytes) }).toString('utf8');
}

/** Renders page 1 at 150 dpi and decodes the QR code on it (undefined if none is readable). */
export function qrFromPdf(bytes: Uint8Array): string | undefined {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sejour-qr-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    fs.writeFileSync(file, bytes);
    execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', '-singlefile', file, path.join(dir, 'page')]);
    const png = PNG.sync.read(fs.readFileSync(path.join(dir, 'page.png')));
    return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
