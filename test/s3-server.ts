/**
 * A local S3-compatible server for tests (s3rver, files in a temporary folder), on a free port.
 *
 * s3rver does not implement AbortMultipartUpload (DELETE …?uploadId=…); a middleware placed first
 * does what S3 does — forgets the upload's parts — so the storage's clean-up path is exercised.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import S3rver from 's3rver';

export interface LocalS3 {
  endpoint: string;
  bucket: string;
  directory: string;
  /** Multipart uploads begun and neither completed nor aborted. */
  unfinishedUploads: () => Promise<string[]>;
  close: () => Promise<void>;
}

/** s3rver's folders of unfinished multipart uploads (`…._S3rver_uploads`), anywhere under `root`. */
async function uploadFolders(root: string): Promise<string[]> {
  const found: string[] = [];
  async function walk(dir: string): Promise<void> {
    for (const entry of await fsp.readdir(dir, { withFileTypes: true }).catch(() => [])) {
      if (!entry.isDirectory()) continue;
      const full = path.join(dir, entry.name);
      if (entry.name.endsWith('._S3rver_uploads')) found.push(full);
      else await walk(full);
    }
  }
  await walk(root);
  return found;
}

async function findUploadDirs(root: string): Promise<string[]> {
  const uploads = await Promise.all((await uploadFolders(root)).map((folder) => fsp.readdir(folder)));
  return uploads.flat();
}

export async function startLocalS3(bucket = 'sejour-test'): Promise<LocalS3> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'sejour-s3-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: bucket }] });
  const middleware = (server as unknown as { middleware: Array<(ctx: unknown, next: () => Promise<void>) => Promise<void>> }).middleware;
  middleware.unshift(async (ctx, next) => {
    const c = ctx as { method: string; query: Record<string, string>; status: number; body: unknown };
    if (c.method === 'DELETE' && typeof c.query.uploadId === 'string' && /^[A-Za-z0-9-]+$/.test(c.query.uploadId)) {
      for (const dir of await uploadFolders(directory)) await fsp.rm(path.join(dir, c.query.uploadId), { recursive: true, force: true });
      c.status = 204;
      c.body = '';
      return;
    }
    await next();
  });
  const address = (await server.run()) as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    bucket,
    directory,
    unfinishedUploads: () => findUploadDirs(directory),
    close: async () => {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
