/**
 * Receiving one file for a checklist item, streamed from the request to the file storage:
 *
 * 1. the first bytes are read (at most one chunk more than `SNIFF_BYTES`) and the type is found
 *    from the content with `file-type`: PDF, JPEG or PNG, and one the item accepts — anything else
 *    is refused before a byte is stored; a PDF must start with `%PDF-`;
 * 2. the rest streams to the storage under a new random key, with a hard cap (the file limit, or
 *    what is left of the application's allowance if less): past it, the storage stops and deletes
 *    the partial file;
 * 3. a PDF is then checked where it was stored, by byte ranges: `%%EOF` in its last 1024 bytes, a
 *    trailer, and no `/Encrypt` (pdf-structure.ts); a refused file is deleted.
 *
 * Memory stays at a few chunks whatever the file's size (bench/upload.ts measures it).
 */
import { fileTypeFromBuffer } from 'file-type';
import { FileTooLargeError, newStorageKey, type FileStorage } from '../../adapters/storage/file-storage';
import { AppError } from '../../http/problem';
import { isDocumentMediaType, type ChecklistItem, type DocumentMediaType } from '../../../domain/applications/index';
import { sanitizeFilename } from './filenames';
import { hasPdfHeader, inspectPdf } from './pdf-structure';
import { MIB } from './context';

/** What file-type needs to recognise PDF, JPEG and PNG (its own sample size). */
export const SNIFF_BYTES = 4100;

export interface IncomingFile {
  /** The name the client gave, if any. */
  filename: string | undefined;
  /** The file's bytes as they arrive. */
  content: AsyncIterable<Uint8Array>;
}

export interface ReceivedFile {
  storageKey: string;
  bytes: number;
  sha256: string;
  mediaType: DocumentMediaType;
  filename: string;
}

interface Peeked {
  head: Buffer;
  /** The whole content again: the head's chunks, then the rest. */
  all: AsyncIterable<Uint8Array>;
  /** Stops reading the source (and lets it release the request). */
  close: () => Promise<void>;
}

async function peek(source: AsyncIterable<Uint8Array>, wanted: number): Promise<Peeked> {
  const iterator = source[Symbol.asyncIterator]();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  while (size < wanted) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    chunks.push(next.value);
    size += next.value.byteLength;
  }
  const close = async () => {
    if (!ended) {
      ended = true;
      await iterator.return?.();
    }
  };
  async function* all(): AsyncGenerator<Uint8Array> {
    try {
      while (chunks.length > 0) yield chunks.shift() as Uint8Array;
      while (!ended) {
        const next = await iterator.next();
        if (next.done) {
          ended = true;
          break;
        }
        yield next.value;
      }
    } finally {
      await close();
    }
  }
  // A copy of exactly the sniffed bytes: a view would keep a whole network chunk alive for the upload.
  const head = Buffer.alloc(Math.min(size, wanted));
  let offset = 0;
  for (const chunk of chunks) {
    if (offset >= head.length) break;
    const part = chunk.subarray(0, head.length - offset);
    head.set(part, offset);
    offset += part.byteLength;
  }
  return { head, all: all(), close };
}

async function readRange(storage: FileStorage, key: string, start: number, end: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of await storage.get(key, { start, end })) parts.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(parts);
}

const mebibytes = (bytes: number) => Math.floor((bytes / MIB) * 10) / 10;

export async function receiveFile(
  storage: FileStorage,
  file: IncomingFile,
  item: ChecklistItem,
  limits: { maxFileBytes: number; remainingApplicationBytes: number; maxApplicationBytes: number },
): Promise<ReceivedFile> {
  const peeked = await peek(file.content, SNIFF_BYTES);
  let stored: string | undefined;
  try {
    if (peeked.head.length === 0) throw new AppError(400, 'document_empty');
    const detected = await fileTypeFromBuffer(peeked.head);
    if (!detected || !isDocumentMediaType(detected.mime)) {
      throw new AppError(415, 'document_type_not_supported', { detected: detected?.ext ?? 'unknown' });
    }
    const mediaType = detected.mime;
    if (!item.accepts.includes(mediaType)) {
      throw new AppError(415, 'document_type_not_accepted', { accepted: item.accepts.map((type) => type.split('/')[1]?.toUpperCase() ?? type).join(', ') });
    }
    if (mediaType === 'application/pdf' && !hasPdfHeader(peeked.head)) {
      throw new AppError(400, 'document_pdf_malformed', { reason: 'missing_header' });
    }

    const boundByApplication = limits.remainingApplicationBytes < limits.maxFileBytes;
    const maxBytes = Math.min(limits.maxFileBytes, limits.remainingApplicationBytes);
    const key = newStorageKey();
    let put;
    try {
      put = await storage.put(key, peeked.all, { maxBytes });
    } catch (error) {
      if (!(error instanceof FileTooLargeError)) throw storageUnavailable(error);
      throw boundByApplication
        ? new AppError(413, 'application_documents_too_large', { limitMiB: mebibytes(limits.maxApplicationBytes) })
        : new AppError(413, 'document_too_large', { limitMiB: mebibytes(limits.maxFileBytes) });
    }
    stored = key;

    if (mediaType === 'application/pdf') {
      const verdict = await inspectPdf((start, end) => readRange(storage, key, start, end), put.bytes);
      if (!verdict.ok) {
        throw verdict.problem === 'encrypted'
          ? new AppError(400, 'document_pdf_encrypted')
          : new AppError(400, 'document_pdf_malformed', { reason: verdict.reason });
      }
    }
    return { storageKey: key, bytes: put.bytes, sha256: put.sha256, mediaType, filename: sanitizeFilename(file.filename, mediaType) };
  } catch (error) {
    await peeked.close();
    if (stored) await storage.delete(stored);
    throw error;
  }
}

/**
 * The disk or the object store refused the file (full, read-only, unreachable): a 503 the person
 * can act on ("try again in a few minutes"), the cause kept for the log. The storage left nothing
 * behind (its contract), and nothing else of the application was touched.
 */
function storageUnavailable(cause: unknown): AppError {
  const error = new AppError(503, 'storage_unavailable', {}, [], { 'retry-after': '120' });
  error.cause = cause;
  return error;
}
