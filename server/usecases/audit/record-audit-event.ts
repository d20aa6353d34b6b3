/**
 * Writes one entry of the staff audit log (server/db/schema/audit.ts). Called inside the same
 * transaction as the action it records, so an action without its entry cannot exist; for a read,
 * before the data is returned.
 */
import type { Db } from '../../db/client';
import { auditEvents, type UserRole } from '../../db/schema/index';

export interface AuditEntry {
  actor: { id: string; role: UserRole };
  action: string;
  object: { type: string; id: string };
  prefectureId: string | null;
  /** Where from: the client address (after TRUST_PROXY) and the request id of the logs. */
  origin: { clientAddress: string | null; requestId: string | null };
  details?: Record<string, unknown>;
  at: Date;
}

export async function recordAuditEvent(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    at: entry.at,
    actorUserId: entry.actor.id,
    actorRole: entry.actor.role,
    action: entry.action,
    objectType: entry.object.type,
    objectId: entry.object.id,
    prefectureId: entry.prefectureId,
    clientAddress: entry.origin.clientAddress?.slice(0, 45) ?? null,
    requestId: entry.origin.requestId?.slice(0, 64) ?? null,
    details: entry.details ?? {},
  });
}
