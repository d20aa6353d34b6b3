import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../test/accounts';
import { createTestDatabase } from '../../../test/db';
import { notifications, outboxMessages, reminders } from '../../db/schema/index';
import type { Delivery } from './delivery';
import { deliveryFor } from './delivery';
import { MAX_ATTEMPTS, sendReminder } from './send-reminder';
import { listFailedReminders, reclaimStaleReminders, takeDueReminders } from './sweep-due-reminders';

const database = await createTestDatabase();
const { db } = database;
afterAll(() => database.close());

const outbox = (now: () => Date) => deliveryFor({ smtpUrl: undefined, smtpFrom: 'x', sms: undefined }, now);
const broken: Delivery = {
  email: { external: true, send: () => Promise.reject(new Error('SMTP 451 try later')) },
  sms: { external: true, provider: { name: 'broken', send: () => Promise.reject(new Error('down')) } },
};

async function dueReminder(sendAt: string, channel: 'email' | 'in_app' = 'email') {
  const user = await createUser(db, { locale: 'en' });
  const [row] = await db
    .insert(reminders)
    .values({
      userId: user.id,
      kind: 'renewal_4_months',
      subjectId: crypto.randomUUID(),
      dueOn: sendAt.slice(0, 10),
      aboutOn: '2027-06-30',
      sendAt: new Date(sendAt),
      nextAttemptAt: new Date(sendAt),
      channel,
      idempotencyKey: `${user.id}:renewal_4_months:${sendAt.slice(0, 10)}:${channel}`,
      ruleId: 'R-90',
      citation: 'Pratique administrative (outil PERSée, DGEF)',
      sejourOwn: false,
      createdAt: new Date(sendAt),
    })
    .returning();
  return { user, reminder: row! };
}

const rowOf = async (id: string) => (await db.select().from(reminders).where(eq(reminders.id, id)))[0]!;

describe(sendReminder.name, () => {
  it('sends once when run twice at the same time', async () => {
    const now = new Date('2027-02-28T08:00:30Z');
    const { user, reminder } = await dueReminder('2027-02-28T08:00:00Z');
    const ctx = { db, now: () => now, publicUrl: 'https://s.example', delivery: outbox(() => now) };
    const outcomes = await Promise.all([sendReminder(ctx, reminder.id), sendReminder(ctx, reminder.id)]);
    expect(outcomes.sort()).toEqual(['sent', 'skipped']);
    expect(await db.select().from(outboxMessages).where(eq(outboxMessages.recipient, user.email))).toHaveLength(1);
    expect(await rowOf(reminder.id)).toMatchObject({ status: 'sent', attempts: 1, late: false });
  });

  it('holds a reminder that comes up at night until 09:00 Paris, then sends it marked late', async () => {
    const { reminder } = await dueReminder('2027-02-27T08:00:00Z');
    const night = new Date('2027-02-28T01:30:00Z'); // 02:30 in Paris: the service came back at night
    const ctx = { db, now: () => night, publicUrl: 'https://s.example', delivery: outbox(() => night) };
    expect(await sendReminder(ctx, reminder.id)).toBe('deferred');
    expect(await rowOf(reminder.id)).toMatchObject({ status: 'pending', nextAttemptAt: new Date('2027-02-28T08:00:00Z') });
    const morning = new Date('2027-02-28T08:00:10Z');
    expect(await sendReminder({ ...ctx, now: () => morning }, reminder.id)).toBe('sent');
    expect(await rowOf(reminder.id)).toMatchObject({ status: 'sent', late: true });
  });

  it('retries a failed delivery with growing delays, then records it failed where the person and the staff see it', async () => {
    const { user, reminder } = await dueReminder('2027-03-01T08:00:00Z');
    let now = new Date('2027-03-01T08:00:30Z');
    const ctx = { db, now: () => now, publicUrl: 'https://s.example', delivery: broken };
    const delays: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const outcome = await sendReminder(ctx, reminder.id);
      const row = await rowOf(reminder.id);
      if (attempt < MAX_ATTEMPTS) {
        expect(outcome).toBe('retry');
        delays.push((row.nextAttemptAt.getTime() - now.getTime()) / 60_000);
        now = row.nextAttemptAt;
      } else {
        expect(outcome).toBe('failed');
        expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, lastError: 'SMTP 451 try later' });
      }
    }
    expect(delays).toEqual([1, 4, 16, 64]);
    const [notice] = await db.select().from(notifications).where(and(eq(notifications.userId, user.id), eq(notifications.kind, 'delivery_failed')));
    expect(notice).toMatchObject({ reminderId: reminder.id, params: { channel: 'email', reminderKind: 'renewal_4_months' } });
    expect((await listFailedReminders(db)).map((r) => r.id)).toContain(reminder.id);
  });

  it('writes in-app notifications once, in the transaction that marks them sent', async () => {
    const { user, reminder } = await dueReminder('2027-03-02T08:00:00Z', 'in_app');
    const now = new Date('2027-03-02T08:00:30Z');
    const ctx = { db, now: () => now, publicUrl: 'https://s.example', delivery: broken };
    expect(await sendReminder(ctx, reminder.id)).toBe('sent');
    expect(await sendReminder(ctx, reminder.id)).toBe('skipped');
    expect(await db.select().from(notifications).where(eq(notifications.userId, user.id))).toHaveLength(1);
  });
});

describe(takeDueReminders.name, () => {
  it('hands a due reminder to one sweep at a time, again only after its lease, and takes back a dead sender’s claim', async () => {
    const { reminder } = await dueReminder('2027-04-01T07:00:00Z');
    const now = new Date('2027-04-01T07:00:30Z');
    const first = await db.transaction((tx) => takeDueReminders(tx, now, 60, 10_000));
    expect(first).toContain(reminder.id);
    expect(await db.transaction((tx) => takeDueReminders(tx, now, 60, 10_000))).not.toContain(reminder.id);
    const later = new Date(now.getTime() + 61_000);
    expect(await db.transaction((tx) => takeDueReminders(tx, later, 60, 10_000))).toContain(reminder.id);

    await db.update(reminders).set({ status: 'sending', claimedAt: later }).where(eq(reminders.id, reminder.id));
    expect(await reclaimStaleReminders(db, new Date(later.getTime() + 30_000), 60)).toBe(0);
    expect(await reclaimStaleReminders(db, new Date(later.getTime() + 61_000), 60)).toBeGreaterThanOrEqual(1);
    expect((await rowOf(reminder.id)).status).toBe('pending');
  });
});
