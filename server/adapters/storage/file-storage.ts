/**
 * Where the files people send are kept. One interface, several places: the local folder
 * (`local.ts`, `DATA_DIR/files`) today, an S3-compatible bucket in a later issue. Every
 * implementation passes the same test suite (`describe-file-storage.ts`).
 *
 * Contract:
 * - `put` streams the source to the key, never holding the whole file in memory, and counts and
 *   hashes (SHA-256) on the way. When the source goes over `maxBytes` it stops reading at once,
 *   rejects with `FileTooLargeError` and leaves nothing behind; any other failure of the source or
 *   the storage also leaves nothing behind. A key becomes visible only complete (atomic); putting
 *   to an existing key replaces it.
 * - `get` resolves to a stream of the whole file or of a byte range (both ends included, like HTTP
 *   ranges), or rejects with `FileNotFoundError`.
 * - `delete` removes the key; deleting a key that does not exist is not an error.
 * - Keys are `segment(/segment)*` of `[a-z0-9_-]`: no dots, so no way out of the storage's root.
 */
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';

export interface PutResult {
  /** Bytes stored. */
  bytes: number;
  /** Lower-case hex SHA-256 of the content. */
  sha256: string;
}

export interface ByteRange {
  /** First byte, from 0. */
  start: number;
  /** Last byte, included; the end of the file when absent. */
  end?: number;
}

export interface FileStorage {
  put(key: string, source: AsyncIterable<Uint8Array>, options: { maxBytes: number }): Promise<PutResult>;
  get(key: string, range?: ByteRange): Promise<Readable>;
  delete(key: string): Promise<void>;
}

export class FileTooLargeError extends Error {
  readonly code = 'FILE_TOO_LARGE';
  constructor(readonly maxBytes: number) {
    super(`the file is larger than ${maxBytes} bytes`);
    this.name = 'FileTooLargeError';
  }
}

export class FileNotFoundError extends Error {
  readonly code = 'FILE_NOT_FOUND';
  constructor(readonly key: string) {
    super(`no file under key ${key}`);
    this.name = 'FileNotFoundError';
  }
}

export class InvalidStorageKeyError extends Error {
  readonly code = 'INVALID_STORAGE_KEY';
  constructor(readonly key: string) {
    super(`invalid storage key ${JSON.stringify(key)}`);
    this.name = 'InvalidStorageKeyError';
  }
}

const KEY = /^[a-z0-9][a-z0-9_-]{0,63}(\/[a-z0-9][a-z0-9_-]{0,63}){0,4}$/;
export const MAX_KEY_LENGTH = 80;

export function assertStorageKey(key: string): void {
  if (key.length > MAX_KEY_LENGTH || !KEY.test(key)) throw new InvalidStorageKeyError(key);
}

/**
 * A new random key: `<area>/<2 hex>/<32 hex>` (128 random bits; the first two hex digits spread
 * files over 256 folders). It says nothing about the person, the application or the file.
 */
export function newStorageKey(area = 'documents'): string {
  const id = randomBytes(16).toString('hex');
  const key = `${area}/${id.slice(0, 2)}/${id}`;
  assertStorageKey(key);
  return key;
}
