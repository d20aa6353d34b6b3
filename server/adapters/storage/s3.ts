/**
 * Files in an S3-compatible bucket (AWS S3, OVHcloud, Scaleway, MinIO, Garage…) through
 * `@aws-sdk/client-s3`, for several web processes sharing one store (issue 10).
 *
 * `put` streams: the source is cut into parts of `partSize` bytes; a file that fits in one part is
 * sent with one PutObject, a larger one as a multipart upload whose parts leave as soon as they are
 * full — at most one part is held in memory. S3 makes an object visible only once PutObject or
 * CompleteMultipartUpload succeeds (atomic); when the source fails or passes `maxBytes`, the
 * multipart upload is aborted, so nothing partial stays (nor is billed).
 *
 * Keys are prefixed (`S3_PREFIX`) so that one bucket can hold several installations.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { FileNotFoundError, FileTooLargeError, assertStorageKey, type ByteRange, type FileStorage, type PutResult } from './file-storage';

export interface S3StorageOptions {
  bucket: string;
  /** Folder inside the bucket, without slashes at either end; '' for the root. */
  prefix?: string;
  /** Bytes per multipart part: at least 5 MiB on real S3 (the last part may be smaller). */
  partSize?: number;
  client: S3Client | S3ClientConfig;
}

export const DEFAULT_PART_SIZE = 8 * 1024 * 1024;

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
}

export function createS3FileStorage(options: S3StorageOptions): FileStorage & { client: S3Client } {
  const client = options.client instanceof S3Client ? options.client : new S3Client(options.client);
  const bucket = options.bucket;
  const prefix = options.prefix ? `${options.prefix.replace(/^\/+|\/+$/g, '')}/` : '';
  const partSize = options.partSize ?? DEFAULT_PART_SIZE;
  const objectKey = (key: string) => {
    assertStorageKey(key);
    return `${prefix}${key}`;
  };

  return {
    client,

    async put(key: string, source: AsyncIterable<Uint8Array>, putOptions: { maxBytes: number }): Promise<PutResult> {
      const Key = objectKey(key);
      const hash = createHash('sha256');
      let bytes = 0;
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      let uploadId: string | undefined;
      const parts: Array<{ PartNumber: number; ETag: string }> = [];

      const sendPart = async (body: Buffer) => {
        if (uploadId === undefined) {
          const created = await client.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key, ContentType: 'application/octet-stream' }));
          if (!created.UploadId) throw new Error('S3 gave no UploadId');
          uploadId = created.UploadId;
        }
        const PartNumber = parts.length + 1;
        const sent = await client.send(new UploadPartCommand({ Bucket: bucket, Key, UploadId: uploadId, PartNumber, Body: body, ContentLength: body.length }));
        parts.push({ PartNumber, ETag: sent.ETag ?? '' });
      };

      try {
        for await (const chunk of source) {
          bytes += chunk.byteLength;
          if (bytes > putOptions.maxBytes) throw new FileTooLargeError(putOptions.maxBytes);
          hash.update(chunk);
          pending.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          pendingBytes += chunk.byteLength;
          while (pendingBytes >= partSize) {
            const all = Buffer.concat(pending, pendingBytes);
            const part = Buffer.from(all.subarray(0, partSize));
            pending = pendingBytes > partSize ? [Buffer.from(all.subarray(partSize))] : [];
            pendingBytes -= partSize;
            await sendPart(part);
          }
        }
        const rest = Buffer.concat(pending, pendingBytes);
        pending = [];
        if (uploadId === undefined) {
          await client.send(new PutObjectCommand({ Bucket: bucket, Key, Body: rest, ContentLength: rest.length, ContentType: 'application/octet-stream' }));
        } else {
          if (rest.length > 0) await sendPart(rest);
          await client.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key, UploadId: uploadId, MultipartUpload: { Parts: parts } }));
        }
        return { bytes, sha256: hash.digest('hex') };
      } catch (error) {
        if (uploadId !== undefined) {
          await client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key, UploadId: uploadId })).catch(() => {});
        }
        throw error;
      }
    },

    async get(key: string, range?: ByteRange): Promise<Readable> {
      const Key = objectKey(key);
      try {
        const result = await client.send(
          new GetObjectCommand({ Bucket: bucket, Key, ...(range ? { Range: `bytes=${range.start}-${range.end ?? ''}` } : {}) }),
        );
        const body = result.Body;
        if (body instanceof Readable) return body;
        if (body && typeof (body as { transformToWebStream?: unknown }).transformToWebStream === 'function') {
          return Readable.fromWeb((body as { transformToWebStream: () => ReadableStream }).transformToWebStream() as never);
        }
        return Readable.from([]);
      } catch (error) {
        if (isNotFound(error)) throw new FileNotFoundError(key);
        throw error;
      }
    },

    async delete(key: string): Promise<void> {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
    },
  };
}
