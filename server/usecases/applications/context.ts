/** What the application and permit use cases receive: the database, the clock, the file storage, the upload limits. */
import type { Db } from '../../db/client';
import type { FileStorage } from '../../adapters/storage/file-storage';
import type { Viewer } from '../../policies/applications';
import type { Keyring } from '../../adapters/signing/keyring';
import { todayInParis } from '../../../domain/deadlines/index';

export interface UploadLimits {
  /** Largest accepted file, in bytes. */
  maxFileBytes: number;
  /** Most the active documents of one application may weigh together, in bytes. */
  maxApplicationBytes: number;
}

export const MIB = 1024 * 1024;
export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { maxFileBytes: 10 * MIB, maxApplicationBytes: 50 * MIB };

export interface ApplicationsContext {
  db: Db;
  now: () => Date;
  storage: FileStorage;
  limits: UploadLimits;
  /** Attestation signing keys (server/usecases/attestations/context.ts `keysOf`); needed to submit. */
  keys?: () => Keyring;
}

/** The signed-in caller (`request.user`). */
export type Caller = Viewer;

/** Today's legal date, in Europe/Paris. */
export function todayOf(ctx: Pick<ApplicationsContext, 'now'>): string {
  return todayInParis(ctx.now());
}
