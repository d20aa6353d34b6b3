/**
 * The audit log as a supervisor reads it: their préfectures' entries only (an administrator reads
 * every entry), newest first, by pages of at most 200, continuing before a given entry id.
 */
import { and, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditEvents, userPrefectures, users, type UserRole } from '../../db/schema/index';
import { AppError } from '../../http/problem';

export interface AuditQuery {
  reader: { id: string; role: UserRole };
  prefectureId?: string | undefined;
  objectId?: string | undefined;
  actorUserId?: string | undefined;
  before?: number | undefined;
  limit: number;
}

export async function listAuditEvents(db: Db, query: AuditQuery) {
  const conditions: SQL[] = [];
  if (query.reader.role !== 'admin') {
    const rows = await db.select({ id: userPrefectures.prefectureId }).from(userPrefectures).where(eq(userPrefectures.userId, query.reader.id));
    const allowed = rows.map((r) => r.id);
    if (query.prefectureId !== undefined && !allowed.includes(query.prefectureId)) throw new AppError(404, 'not_found');
    if (allowed.length === 0) return { events: [], nextBefore: null };
    conditions.push(inArray(auditEvents.prefectureId, query.prefectureId !== undefined ? [query.prefectureId] : allowed));
  } else if (query.prefectureId !== undefined) {
    conditions.push(eq(auditEvents.prefectureId, query.prefectureId));
  }
  if (query.objectId !== undefined) conditions.push(eq(auditEvents.objectId, query.objectId));
  if (query.actorUserId !== undefined) conditions.push(eq(auditEvents.actorUserId, query.actorUserId));
  if (query.before !== undefined) conditions.push(lt(auditEvents.id, query.before));
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      actorUserId: auditEvents.actorUserId,
      actorName: users.displayName,
      actorRole: auditEvents.actorRole,
      action: auditEvents.action,
      objectType: auditEvents.objectType,
      objectId: auditEvents.objectId,
      prefectureId: auditEvents.prefectureId,
      clientAddress: auditEvents.clientAddress,
      requestId: auditEvents.requestId,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .innerJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(...conditions))
    .orderBy(desc(auditEvents.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    events: page.map((r) => ({ ...r, at: r.at.toISOString() })),
    nextBefore: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
