/**
 * The name a document keeps: what the person called it, made safe to show and to send back in a
 * `Content-Disposition` header, with the extension of the type found in its content (a PNG sent as
 * `scan.pdf` is kept as `scan.png`).
 */
import type { DocumentMediaType } from '../../../domain/applications/card-catalogue';

export const EXTENSION_OF: Readonly<Record<DocumentMediaType, string>> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

const MAX_STEM = 100;
// Control characters, bidirectional overrides and isolates (which can disguise an extension),
// characters reserved on common file systems, and path separators.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff<>:"/\\|?*]/g;

export function sanitizeFilename(original: string | undefined, mediaType: DocumentMediaType): string {
  const lastSegment = (original ?? '').split(/[/\\]/).pop() ?? '';
  let stem = lastSegment.normalize('NFC').replace(UNSAFE, '_').replace(/\s+/g, ' ').trim();
  stem = stem.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  stem = stem.replace(/^[.\s_]+|[.\s]+$/g, '');
  if ([...stem].length > MAX_STEM) stem = [...stem].slice(0, MAX_STEM).join('').trim();
  if (stem === '') stem = 'document';
  return `${stem}.${EXTENSION_OF[mediaType]}`;
}

/** `Content-Disposition: attachment` with an ASCII fallback and the UTF-8 name (RFC 6266, 8187). */
export function attachmentHeader(filename: string): string {
  const ascii = filename.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\%;]/g, '_') || 'document';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
