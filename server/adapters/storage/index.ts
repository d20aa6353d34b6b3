/** The file storage the configuration asks for: an S3-compatible bucket, or the local folder. */
import path from 'node:path';
import type { Env } from '../../env';
import type { FileStorage } from './file-storage';
import { createLocalFileStorage } from './local';
import { createS3FileStorage } from './s3';

export function createFileStorage(env: Pick<Env, 's3' | 'dataDir'>): FileStorage {
  if (!env.s3) return createLocalFileStorage(path.join(env.dataDir, 'files'));
  return createS3FileStorage({
    bucket: env.s3.bucket,
    prefix: env.s3.prefix,
    client: {
      region: env.s3.region,
      ...(env.s3.endpoint ? { endpoint: env.s3.endpoint } : {}),
      forcePathStyle: env.s3.forcePathStyle,
      credentials: { accessKeyId: env.s3.accessKeyId, secretAccessKey: env.s3.secretAccessKey },
    },
  });
}
