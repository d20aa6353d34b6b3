/**
 * The sweep (ADR 0012): takes back reminders whose sender died (`sending` past the lease), then
 * hands out due ones in batches. It reads only what is due through the partial index
 * `reminders_due_idx (next_attempt_at) WHERE status = 'pending'`, locks the batch with
 * `FOR UPDATE SKIP LOCKED` (two sweeps never take the same row) and pushes `next_attempt_at` one
 * lease ahead, so a row is handed out again only if its send never happened.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';

export async function reclaimStaleReminders(db: Db, now: Date, leaseSeconds: number): Promise<number> {
  const result = (await db.execute(sql`
    UPDATE reminders SET status = 'pending', claimed_at = NULL, next_attempt_at = ${now}
    WHERE status = 'sending' AND claimed_at < ${new Date(now.getTime() - leaseSeconds * 1000)}
    RETURNING id`)) as unknown as { rows: unknown[] };
  return result.rows.length;
}

/** Up to `limit` due reminder ids, leased for `leaseSeconds`. Call inside the transaction that enqueues their sends. */
export async function takeDueReminders(tx: Db, now: Date, leaseSeconds: number, limit: number): Promise<string[]> {
  const result = (await tx.execute(sql`
    UPDATE reminders SET next_attempt_at = ${new Date(now.getTime() + leaseSeconds * 1000)}
    WHERE id IN (
      SELECT id FROM reminders
      WHERE status = 'pending' AND next_attempt_at <= ${now}
      ORDER BY next_attempt_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id`)) as unknown as { rows: Array<{ id: string }> };
  return result.rows.map((row) => row.id);
}

/** For staff: reminders that could not be delivered, newest first. */
export async function listFailedReminders(db: Db, limit = 100): Promise<Array<{ id: string; userId: string; kind: string; channel: string; dueOn: string; attempts: number; lastError: string | null }>> {
  const result = (await db.execute(sql`
    SELECT id, user_id AS "userId", kind, channel, due_on::text AS "dueOn", attempts, last_error AS "lastError"
    FROM reminders WHERE status = 'failed' ORDER BY due_on DESC LIMIT ${limit}`)) as unknown as {
    rows: Array<{ id: string; userId: string; kind: string; channel: string; dueOn: string; attempts: number; lastError: string | null }>;
  };
  return result.rows;
}
