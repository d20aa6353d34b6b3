import { createHash, randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { startLocalS3 } from '../../../test/s3-server';
import { describeFileStorage } from './describe-file-storage';
import { FileNotFoundError, FileTooLargeError, newStorageKey } from './file-storage';
import { createS3FileStorage } from './s3';

const s3 = await startLocalS3();
afterAll(() => s3.close());

function storageWith(partSize?: number) {
  return createS3FileStorage({
    bucket: s3.bucket,
    prefix: 'sejour/',
    ...(partSize ? { partSize } : {}),
    client: { endpoint: s3.endpoint, region: 'eu-west-3', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } },
  });
}

describeFileStorage('S3-compatible bucket', async () => ({ storage: storageWith(), leftovers: s3.unfinishedUploads }));

async function* chunksOf(data: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < data.length; offset += size) yield data.subarray(offset, offset + size);
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

describe('S3 storage in parts', () => {
  const storage = storageWith(64 * 1024);

  it('sends a file larger than a part as a multipart upload and reads it back whole', async () => {
    const data = randomBytes(300_000);
    const key = newStorageKey('test');
    const result = await storage.put(key, chunksOf(data, 10_000), { maxBytes: 1_000_000 });
    expect(result).toEqual({ bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') });
    expect((await readAll(await storage.get(key))).equals(data)).toBe(true);
    expect((await readAll(await storage.get(key, { start: 70_000, end: 70_099 }))).equals(data.subarray(70_000, 70_100))).toBe(true);
    expect(await s3.unfinishedUploads()).toEqual([]);
  });

  it('aborts the multipart upload when the file passes the limit after some parts were sent', async () => {
    const key = newStorageKey('test');
    await expect(storage.put(key, chunksOf(randomBytes(400_000), 16_384), { maxBytes: 200_000 })).rejects.toBeInstanceOf(FileTooLargeError);
    await expect(storage.get(key)).rejects.toBeInstanceOf(FileNotFoundError);
    expect(await s3.unfinishedUploads()).toEqual([]);
  });
});

describe('createFileStorage', () => {
  it('uses the bucket named by S3_* variables, and the local folder without them', async () => {
    const { loadEnv } = await import('../../env');
    const { createFileStorage } = await import('./index');
    const env = loadEnv({
      S3_BUCKET: s3.bucket,
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_PREFIX: 'configured',
      DATA_DIR: '/nonexistent/sejour',
    });
    const storage = createFileStorage(env);
    const key = newStorageKey('test');
    await storage.put(key, chunksOf(Buffer.from('dans le seau'), 4), { maxBytes: 100 });
    expect((await readAll(await storage.get(key))).toString()).toBe('dans le seau');
    const fs = await import('node:fs');
    const path = await import('node:path');
    expect(fs.existsSync(path.join(s3.directory, s3.bucket, 'configured'))).toBe(true);
    expect('root' in createFileStorage(loadEnv({ DATA_DIR: '/tmp/sejour-x' }))).toBe(true);
  });
});
