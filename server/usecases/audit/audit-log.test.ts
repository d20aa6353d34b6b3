import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db';
import { createUser } from '../../../test/accounts';
import { auditEvents, prefectures, userPrefectures } from '../../db/schema/index';
import { recordAuditEvent } from './record-audit-event';
import { listAuditEvents } from './list-audit-events';

const database = await createTestDatabase();
const db = database.db;
const origin = { clientAddress: '192.0.2.10', requestId: 'req-1' };

async function prefectureOf(code: string): Promise<string> {
  const [row] = await db.select({ id: prefectures.id }).from(prefectures).where(eq(prefectures.departementCode, code));
  if (!row) throw new Error(`no préfecture ${code}`);
  return row.id;
}

describe('the staff audit log', () => {
  it('refuses to change or remove an entry, even through SQL', async () => {
    const agent = await createUser(db, { role: 'agent' });
    await recordAuditEvent(db, {
      actor: { id: agent.id, role: 'agent' },
      action: 'case.read',
      object: { type: 'application', id: 'a-1' },
      prefectureId: await prefectureOf('13'),
      origin,
      at: new Date('2026-11-26T09:00:00Z'),
    });
    const refused = (error: unknown) => /append-only/.test(String((error as { cause?: Error }).cause?.message ?? error));
    await expect(db.execute(sql`update audit_events set action = 'nothing' where actor_user_id = ${agent.id}`)).rejects.toSatisfy(refused);
    await expect(db.execute(sql`delete from audit_events where actor_user_id = ${agent.id}`)).rejects.toSatisfy(refused);
    await expect(db.execute(sql`truncate audit_events`)).rejects.toSatisfy(refused);
    const rows = await db.select().from(auditEvents).where(eq(auditEvents.actorUserId, agent.id));
    expect(rows.map((r) => r.action)).toEqual(['case.read']);
  });

  it("shows a supervisor their préfectures' entries only, newest first, page by page", async () => {
    const rhone = await prefectureOf('69');
    const paris = await prefectureOf('75');
    const supervisor = await createUser(db, { role: 'supervisor' });
    await db.insert(userPrefectures).values({ userId: supervisor.id, prefectureId: rhone });
    const agent = await createUser(db, { role: 'agent', displayName: 'Agent Lyon' });
    for (let i = 0; i < 5; i++) {
      await recordAuditEvent(db, {
        actor: { id: agent.id, role: 'agent' },
        action: 'case.read',
        object: { type: 'application', id: `rhone-${i}` },
        prefectureId: rhone,
        origin,
        at: new Date(),
      });
    }
    await recordAuditEvent(db, {
      actor: { id: agent.id, role: 'agent' },
      action: 'case.read',
      object: { type: 'application', id: 'paris-1' },
      prefectureId: paris,
      origin,
      at: new Date(),
    });

    const first = await listAuditEvents(db, { reader: { id: supervisor.id, role: 'supervisor' }, limit: 3 });
    expect(first.events.map((e) => e.objectId)).toEqual(['rhone-4', 'rhone-3', 'rhone-2']);
    expect(first.events[0]).toMatchObject({ actorName: 'Agent Lyon', clientAddress: '192.0.2.10', action: 'case.read' });
    const second = await listAuditEvents(db, { reader: { id: supervisor.id, role: 'supervisor' }, limit: 3, before: first.nextBefore ?? undefined });
    expect(second.events.map((e) => e.objectId)).toEqual(['rhone-1', 'rhone-0']);
    expect(second.nextBefore).toBeNull();

    await expect(listAuditEvents(db, { reader: { id: supervisor.id, role: 'supervisor' }, prefectureId: paris, limit: 10 })).rejects.toMatchObject({ status: 404 });
    const admin = await createUser(db, { role: 'admin' });
    const all = await listAuditEvents(db, { reader: { id: admin.id, role: 'admin' }, objectId: 'paris-1', limit: 10 });
    expect(all.events).toHaveLength(1);
  });
});
