/**
 * The test suite every `FileStorage` must pass (file-storage.ts states the contract). Run it
 * against an implementation from a test file:
 *
 *   describeFileStorage('local folder', async () => ({ storage, leftovers, cleanup }));
 *
 * `leftovers` lists whatever the implementation holds besides complete files (temporary files,
 * unfinished multipart uploads…): after a failed or refused `put`, there must be none.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { FileNotFoundError, FileTooLargeError, InvalidStorageKeyError, newStorageKey, type FileStorage } from './file-storage';

export interface FileStorageUnderTest {
  storage: FileStorage;
  /** Partial or temporary objects left behind (must be empty after a failed put). */
  leftovers: () => Promise<string[]>;
  cleanup?: () => Promise<void>;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

async function* chunksOf(data: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < data.length; offset += size) yield data.subarray(offset, offset + size);
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

export function describeFileStorage(name: string, make: () => Promise<FileStorageUnderTest>): void {
  describe(`FileStorage: ${name}`, async () => {
    const { storage, leftovers, cleanup } = await make();
    if (cleanup) afterAll(cleanup);

    it('stores a streamed file and gives back the same bytes, with their count and SHA-256', async () => {
      const data = randomBytes(300_000);
      const key = newStorageKey('test');
      expect(await storage.put(key, chunksOf(data, 65_536), { maxBytes: 1_000_000 })).toEqual({ bytes: data.length, sha256: sha256(data) });
      expect((await readAll(await storage.get(key))).equals(data)).toBe(true);
    });

    it('takes a Node readable stream as the source', async () => {
      const data = randomBytes(10_000);
      const key = newStorageKey('test');
      await storage.put(key, Readable.from([data.subarray(0, 4000), data.subarray(4000)]), { maxBytes: 10_000 });
      expect((await readAll(await storage.get(key))).equals(data)).toBe(true);
    });

    it('stores an empty file (refusing empty documents is the caller’s rule)', async () => {
      const key = newStorageKey('test');
      expect(await storage.put(key, chunksOf(Buffer.alloc(0), 1), { maxBytes: 10 })).toEqual({ bytes: 0, sha256: sha256(Buffer.alloc(0)) });
      expect((await readAll(await storage.get(key))).length).toBe(0);
    });

    it('accepts a file of exactly maxBytes', async () => {
      const data = randomBytes(4096);
      const key = newStorageKey('test');
      expect((await storage.put(key, chunksOf(data, 1000), { maxBytes: 4096 })).bytes).toBe(4096);
    });

    it('refuses one byte more than maxBytes and keeps nothing, not even a partial file', async () => {
      const key = newStorageKey('test');
      await expect(storage.put(key, chunksOf(randomBytes(4097), 1000), { maxBytes: 4096 })).rejects.toBeInstanceOf(FileTooLargeError);
      await expect(storage.get(key)).rejects.toBeInstanceOf(FileNotFoundError);
      expect(await leftovers()).toEqual([]);
    });

    it('stops reading the source as soon as the limit is passed (a hard cap, not a check at the end)', async () => {
      let produced = 0;
      async function* endless(): AsyncGenerator<Uint8Array> {
        for (;;) {
          produced += 1024;
          yield Buffer.alloc(1024, 1);
        }
      }
      const key = newStorageKey('test');
      const error = await storage.put(key, endless(), { maxBytes: 64 * 1024 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FileTooLargeError);
      expect((error as FileTooLargeError).maxBytes).toBe(64 * 1024);
      expect(produced).toBeLessThanOrEqual(66 * 1024);
      expect(await leftovers()).toEqual([]);
    });

    it('keeps nothing when the source fails half-way', async () => {
      async function* failing(): AsyncGenerator<Uint8Array> {
        yield Buffer.alloc(5000, 2);
        throw new Error('connection reset');
      }
      const key = newStorageKey('test');
      await expect(storage.put(key, failing(), { maxBytes: 100_000 })).rejects.toThrow('connection reset');
      await expect(storage.get(key)).rejects.toBeInstanceOf(FileNotFoundError);
      expect(await leftovers()).toEqual([]);
    });

    it('does not show a file before it is complete', async () => {
      const key = newStorageKey('test');
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      async function* slow(): AsyncGenerator<Uint8Array> {
        yield Buffer.alloc(1000, 3);
        await gate;
        yield Buffer.alloc(1000, 4);
      }
      const writing = storage.put(key, slow(), { maxBytes: 10_000 });
      await new Promise((resolve) => setTimeout(resolve, 20));
      await expect(storage.get(key)).rejects.toBeInstanceOf(FileNotFoundError);
      release();
      expect((await writing).bytes).toBe(2000);
      expect((await readAll(await storage.get(key))).length).toBe(2000);
    });

    it('reads a byte range, both ends included', async () => {
      const data = randomBytes(10_000);
      const key = newStorageKey('test');
      await storage.put(key, chunksOf(data, 3000), { maxBytes: 10_000 });
      expect((await readAll(await storage.get(key, { start: 100, end: 199 }))).equals(data.subarray(100, 200))).toBe(true);
      expect((await readAll(await storage.get(key, { start: 9_990 }))).equals(data.subarray(9_990))).toBe(true);
    });

    it('replaces the content of an existing key', async () => {
      const key = newStorageKey('test');
      await storage.put(key, chunksOf(Buffer.from('first'), 10), { maxBytes: 100 });
      await storage.put(key, chunksOf(Buffer.from('second'), 10), { maxBytes: 100 });
      expect((await readAll(await storage.get(key))).toString()).toBe('second');
    });

    it('tells an unknown key apart with FileNotFoundError', async () => {
      await expect(storage.get(newStorageKey('test'))).rejects.toBeInstanceOf(FileNotFoundError);
    });

    it('deletes a file, and deleting it again is not an error', async () => {
      const key = newStorageKey('test');
      await storage.put(key, chunksOf(Buffer.from('bye'), 10), { maxBytes: 100 });
      await storage.delete(key);
      await expect(storage.get(key)).rejects.toBeInstanceOf(FileNotFoundError);
      await expect(storage.delete(key)).resolves.toBeUndefined();
    });

    it('refuses keys that could leave the storage or are not of the key alphabet', async () => {
      for (const key of ['../etc/passwd', 'a/../../b', '/absolute', 'UPPER', 'dot.ted', 'a//b', '', 'a/b/', `${'a'.repeat(81)}`]) {
        await expect(storage.put(key, chunksOf(Buffer.from('x'), 1), { maxBytes: 10 }), key).rejects.toBeInstanceOf(InvalidStorageKeyError);
        await expect(storage.get(key), key).rejects.toBeInstanceOf(InvalidStorageKeyError);
        await expect(storage.delete(key), key).rejects.toBeInstanceOf(InvalidStorageKeyError);
      }
    });

    it('gives a different random key each time', () => {
      const keys = new Set(Array.from({ length: 1000 }, () => newStorageKey()));
      expect(keys.size).toBe(1000);
      for (const key of keys) expect(key).toMatch(/^documents\/[0-9a-f]{2}\/[0-9a-f]{32}$/);
    });
  });
}
