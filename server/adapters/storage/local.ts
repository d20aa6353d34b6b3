/**
 * Files in a local folder (`DATA_DIR/files`). A file is written under `.tmp/` with a random name,
 * flushed to disk (fsync), then renamed to its key's path (rename is atomic on one file system) and
 * the folder entry flushed: a reader sees the whole file or nothing, even after a crash. A write
 * that fails or goes over the size limit deletes its temporary file.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { FileNotFoundError, FileTooLargeError, assertStorageKey, type ByteRange, type FileStorage, type PutResult } from './file-storage';

const TEMP_DIR = '.tmp';

async function fsyncDirectory(dir: string): Promise<void> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(dir, fs.constants.O_RDONLY);
    await handle.sync();
  } catch {
    // Some file systems cannot fsync a directory; the rename itself is still atomic.
  } finally {
    await handle?.close();
  }
}

export function createLocalFileStorage(root: string): FileStorage & { root: string } {
  const pathOf = (key: string) => {
    assertStorageKey(key);
    return path.join(root, ...key.split('/'));
  };

  return {
    root,

    async put(key: string, source: AsyncIterable<Uint8Array>, options: { maxBytes: number }): Promise<PutResult> {
      const finalPath = pathOf(key);
      const tempDir = path.join(root, TEMP_DIR);
      await fsp.mkdir(tempDir, { recursive: true });
      const tempPath = path.join(tempDir, `${randomBytes(12).toString('hex')}.part`);
      const handle = await fsp.open(tempPath, 'wx', 0o600);
      const hash = createHash('sha256');
      let bytes = 0;
      let closed = false;
      try {
        // One chunk at a time: the next is read only once this one is on its way to the disk.
        for await (const chunk of source) {
          bytes += chunk.byteLength;
          if (bytes > options.maxBytes) throw new FileTooLargeError(options.maxBytes);
          hash.update(chunk);
          let offset = 0;
          while (offset < chunk.byteLength) {
            const { bytesWritten } = await handle.write(chunk, offset, chunk.byteLength - offset);
            offset += bytesWritten;
          }
        }
        await handle.sync();
        await handle.close();
        closed = true;
        await fsp.mkdir(path.dirname(finalPath), { recursive: true });
        await fsp.rename(tempPath, finalPath);
        await fsyncDirectory(path.dirname(finalPath));
        return { bytes, sha256: hash.digest('hex') };
      } catch (error) {
        if (!closed) await handle.close().catch(() => {});
        await fsp.rm(tempPath, { force: true });
        throw error;
      }
    },

    async get(key: string, range?: ByteRange): Promise<Readable> {
      let handle: fsp.FileHandle;
      try {
        handle = await fsp.open(pathOf(key), 'r');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new FileNotFoundError(key);
        throw error;
      }
      return handle.createReadStream(range ? { start: range.start, ...(range.end === undefined ? {} : { end: range.end }) } : {});
    },

    async delete(key: string): Promise<void> {
      await fsp.rm(pathOf(key), { force: true });
    },
  };
}
