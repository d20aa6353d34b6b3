/**
 * Turns what a verifier gives the page into what POST /api/v1/verify takes: a PDF is sent whole
 * (the server reads the signed code from it); a photo or screenshot of the QR code is decoded here
 * (jsqr, loaded only when needed) and its text sent as the payload; any other file is refused
 * before anything is sent.
 */
import type { VerifyBody } from '../../../contract/verify';

/** The server's limit for a PDF (server/http/routes/verify). */
export const MAX_PDF_BYTES = 2 * 1024 * 1024;
export const MAX_IMAGE_BYTES = 15 * 1024 * 1024;

export type ReadOutcome = { ok: true; body: VerifyBody } | { ok: false; reason: 'too_large' | 'unsupported' | 'no_code' };

export async function bodyFromFile(file: File): Promise<ReadOutcome> {
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) {
    // %PDF-
    if (file.size > MAX_PDF_BYTES) return { ok: false, reason: 'too_large' };
    return { ok: true, body: { pdf: await base64Of(file) } };
  }
  const isImage = startsWith(head, [0x89, 0x50, 0x4e, 0x47]) || startsWith(head, [0xff, 0xd8, 0xff]) || startsWith(head, [0x52, 0x49, 0x46, 0x46]);
  if (!isImage) return { ok: false, reason: 'unsupported' };
  if (file.size > MAX_IMAGE_BYTES) return { ok: false, reason: 'too_large' };
  const payload = await qrFromImage(file);
  return payload === undefined ? { ok: false, reason: 'no_code' } : { ok: true, body: { payload } };
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((value, i) => bytes[i] === value);
}

async function base64Of(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Decodes the first QR code found in an image (scaled down to at most 1600 px wide). */
export async function qrFromImage(file: Blob): Promise<string | undefined> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, 1600 / bitmap.width);
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (context === null) return undefined;
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  return decodeQr(context.getImageData(0, 0, width, height));
}

export async function decodeQr(image: ImageData): Promise<string | undefined> {
  const { default: jsQR } = await import('jsqr');
  return jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' })?.data || undefined;
}
