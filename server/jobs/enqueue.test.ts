import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db';
import { installJobQueues, jobRows, runnersForEachTest, sleep, waitFor } from '../../test/jobs';
import { outboxMessages } from '../db/schema/index';
import { JobPayloadError, defineJob } from './define';
import { enqueue, enqueueMany } from './enqueue';

const database = await createTestDatabase();
const db = database.db;
afterAll(() => database.close());
const startRunner = runnersForEachTest();

const handled: string[] = [];
const noteMessage = defineJob({
  name: 'test.note-message',
  payload: Type.Object({ messageId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
  retry: { limit: 0, delaySeconds: 0, backoff: false },
  timeoutSeconds: 30,
  async handle({ messageId }) {
    handled.push(messageId);
  },
});

async function insertMessage(executor: typeof db, label: string): Promise<string> {
  const [row] = await executor
    .insert(outboxMessages)
    .values({ channel: 'email', kind: 'test', recipient: `${label}@example.org`, locale: 'fr', text: label, createdAt: new Date() })
    .returning({ id: outboxMessages.id });
  return row!.id;
}

describe(enqueue.name, () => {
  it('runs a job once when its transaction commits, and never when it rolls back', async () => {
    await startRunner(database, { jobs: [noteMessage] });

    let rolledBackId = '';
    await expect(
      db.transaction(async (tx) => {
        rolledBackId = await insertMessage(tx, 'rolled-back');
        await enqueue(tx, noteMessage, { messageId: rolledBackId });
        throw new Error('the use case fails after enqueueing');
      }),
    ).rejects.toThrow('the use case fails');

    const committedId = await db.transaction(async (tx) => {
      const id = await insertMessage(tx, 'committed');
      await enqueue(tx, noteMessage, { messageId: id });
      return id;
    });

    await waitFor(async () => (await jobRows(db, noteMessage.name)).some((job) => job.state === 'completed'), 'the committed job');
    await sleep(1_200); // more than two polling intervals: nothing else turns up
    expect(handled).toEqual([committedId]);
    const jobs = await jobRows(db, noteMessage.name);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ state: 'completed', data: { messageId: committedId } });
    expect(await db.select().from(outboxMessages).where(eq(outboxMessages.id, rolledBackId))).toEqual([]);
  });

  it('refuses a payload that does not match the schema, writing nothing', async () => {
    await installJobQueues(database, { jobs: [noteMessage] });
    const before = (await jobRows(db, noteMessage.name)).length;
    await expect(enqueue(db, noteMessage, { messageId: 'not-a-uuid' })).rejects.toThrow(JobPayloadError);
    await expect(enqueue(db, noteMessage, { messageId: 'not-a-uuid' })).rejects.toThrow('/messageId');
    expect(await jobRows(db, noteMessage.name)).toHaveLength(before);
  });

  it('refuses a job whose queue the runner never created', async () => {
    await installJobQueues(database, { jobs: [noteMessage] });
    const unknown = defineJob({ ...noteMessage, name: 'test.never-registered' });
    await expect(enqueue(db, unknown, { messageId: crypto.randomUUID() })).rejects.toThrow(/queue test\.never-registered does not exist/);
  });

  it('waits for the start time it is given', async () => {
    await startRunner(database, { jobs: [noteMessage] });
    const later = new Date(Date.now() + 60_000);
    const id = await enqueue(db, noteMessage, { messageId: crypto.randomUUID() }, { startAfter: later });
    await sleep(1_200);
    const job = (await jobRows(db, noteMessage.name)).find((row) => row.id === id);
    expect(job?.state).toBe('created');
  });
});

describe(enqueueMany.name, () => {
  it('writes every job of a fan-out in the caller’s transaction, and none when it rolls back', async () => {
    await installJobQueues(database, { jobs: [noteMessage] });
    const before = (await jobRows(db, noteMessage.name)).length;
    const ids = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    await expect(
      db.transaction(async (tx) => {
        await enqueueMany(tx, noteMessage, ids.map((messageId) => ({ messageId })));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await jobRows(db, noteMessage.name)).toHaveLength(before);
    await db.transaction((tx) => enqueueMany(tx, noteMessage, ids.map((messageId) => ({ messageId }))));
    const jobs = await jobRows(db, noteMessage.name);
    expect(jobs.slice(before).map((job) => (job.data as { messageId: string }).messageId).sort()).toEqual([...ids].sort());
    await expect(enqueueMany(db, noteMessage, [{ messageId: 'nope' }])).rejects.toThrow(JobPayloadError);
  });
});
