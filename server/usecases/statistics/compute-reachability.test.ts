/**
 * The two reachability measures of the daily statistics (issue 9): median days to a préfecture's
 * first answer — a thread still waiting counts with the days waited so far — and days to the next
 * free digital help desk slot.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db';
import { appointmentSlots, messageThreads, prefectureStatistics, prefectures, users } from '../../db/schema/index';
import { computeStatistics } from './compute-statistics';
import { NOW, TODAY, insertKnownSet } from './test-kit';

const database = await createTestDatabase();
const db = database.db;
afterAll(() => database.close());

const prefectureOf = async (dep: string) => (await db.select({ id: prefectures.id }).from(prefectures).where(eq(prefectures.departementCode, dep)).limit(1))[0]!.id;
const at = (day: string, time = '10:00:00') => new Date(`${day}T${time}+01:00`);
const day = (offset: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  await insertKnownSet(db);
  const [user] = await db.insert(users).values({ email: `reach-${randomUUID()}@example.test`, displayName: 'Reach', role: 'agent', locale: 'fr' }).returning({ id: users.id });
  const paris = await prefectureOf('75');
  const marseille = await prefectureOf('13');
  let n = 0;
  const thread = (prefectureId: string, answeredAfterDays: number | null) => {
    n += 1;
    const sent = at(day(-5));
    return {
      reference: `MSG-2026-T${String(n).padStart(5, '0')}`,
      userId: user!.id,
      prefectureId,
      categoryId: 'application',
      subjectId: 'other',
      status: answeredAfterDays === null ? ('awaiting_answer' as const) : ('answered' as const),
      createdAt: sent,
      lastMessageAt: sent,
      dueOn: day(5),
      escalateOn: day(3),
      ruleId: 'MSG-SLA',
      firstAnsweredAt: answeredAfterDays === null ? null : at(day(-5 + answeredAfterDays), '16:00:00'),
    };
  };
  // Paris: answered after 0, 1, 1, 2, 3, 4 days; four still waiting (5 days so far).
  // Sorted waits 0 1 1 2 3 4 5 5 5 5 → nearest-rank median 3 (1 if the silent ones were left out).
  await db.insert(messageThreads).values([...[0, 1, 1, 2, 3, 4].map((d) => thread(paris, d)), ...[1, 2, 3, 4].map(() => thread(paris, null))]);
  // Marseille: nine threads, a small cell.
  await db.insert(messageThreads).values(Array.from({ length: 9 }, () => thread(marseille, 1)));

  const slot = (offsetDays: number, options: { kind?: 'help_desk' | 'document_collection'; booked?: number; cancelled?: boolean } = {}) => ({
    prefectureId: paris,
    kind: options.kind ?? ('help_desk' as const),
    startsAt: at(day(offsetDays), '09:00:00'),
    endsAt: at(day(offsetDays), '09:30:00'),
    capacity: 2,
    booked: options.booked ?? 0,
    createdBy: user!.id,
    createdAt: NOW,
    cancelledAt: options.cancelled ? NOW : null,
  });
  // Tomorrow: full, or another kind; in two days: cancelled; in three days: a free place.
  await db.insert(appointmentSlots).values([slot(1, { booked: 2 }), slot(1, { kind: 'document_collection' }), slot(2, { cancelled: true }), slot(3, { booked: 1 }), slot(9)]);
  await computeStatistics({ db, now: () => NOW });
});

const cell = async (scope: string, windowDays: number) =>
  (
    await db
      .select({ answer: prefectureStatistics.messageAnswerMedianDays, nextSlot: prefectureStatistics.appointmentNextSlotDays })
      .from(prefectureStatistics)
      .where(and(eq(prefectureStatistics.computedOn, TODAY), eq(prefectureStatistics.scope, scope), eq(prefectureStatistics.windowDays, windowDays), eq(prefectureStatistics.cardType, 'all')))
  )[0];

describe('reachability in the daily statistics', () => {
  it('counts a thread still waiting with the days it has waited, and suppresses under 10 threads', async () => {
    expect((await cell('75', 30))?.answer).toBe(3);
    expect((await cell('75', 365))?.answer).toBe(3);
    expect((await cell('13', 30))?.answer).toBeNull();
    // Nationally 19 threads: waits 0 1 1 1…(10 ones) 2 3 4 5 5 5 5 → median 1.
    expect((await cell('FR', 30))?.answer).toBe(1);
  });

  it('gives the days to the first help desk slot with a free place, for every window', async () => {
    expect(await cell('75', 30)).toMatchObject({ nextSlot: 3 });
    expect(await cell('75', 365)).toMatchObject({ nextSlot: 3 });
    expect((await cell('13', 30))?.nextSlot).toBeNull();
    expect((await cell('FR', 90))?.nextSlot).toBe(3);
  });
});
