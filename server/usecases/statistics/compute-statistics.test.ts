import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db';
import { prefectureStatistics } from '../../db/schema/index';
import { computeStatistics } from './compute-statistics';
import { CARD, NOW, TODAY, insertKnownSet } from './test-kit';

const database = await createTestDatabase();
const db = database.db;
afterAll(() => database.close());
beforeAll(() => insertKnownSet(db));

const cell = async (scope: string, windowDays: number, cardType = 'all') => {
  const [row] = await db
    .select()
    .from(prefectureStatistics)
    .where(and(eq(prefectureStatistics.computedOn, TODAY), eq(prefectureStatistics.scope, scope), eq(prefectureStatistics.windowDays, windowDays), eq(prefectureStatistics.cardType, cardType)));
  return row;
};

const figures = (row: Awaited<ReturnType<typeof cell>>) => row && {
  applicationsFiled: row.applicationsFiled,
  prolongationMedianDays: row.prolongationMedianDays,
  prolongationP90Days: row.prolongationP90Days,
  decisionMedianDays: row.decisionMedianDays,
  decisionP90Days: row.decisionP90Days,
  gapCount: row.gapCount,
  gapShare: row.gapShare === null ? null : Number(row.gapShare),
  tacitRefusals: row.tacitRefusals,
  messageAnswerMedianDays: row.messageAnswerMedianDays,
  appointmentNextSlotDays: row.appointmentNextSlotDays,
};

describe(computeStatistics.name, () => {
  it('computes the known medians, 90th percentiles, gaps and tacit refusals of a hand-built set', async () => {
    expect(await computeStatistics({ db, now: () => NOW })).toMatchObject({ computedOn: TODAY });
    const paris30 = { applicationsFiled: 20, prolongationMedianDays: 10, prolongationP90Days: 18, decisionMedianDays: 7, decisionP90Days: 19, gapCount: 3, gapShare: 0.3, tacitRefusals: 0, messageAnswerMedianDays: null, appointmentNextSlotDays: null };
    expect(figures(await cell('75', 30))).toEqual(paris30);
    expect(figures(await cell('75', 30, CARD))).toEqual(paris30);
    expect(figures(await cell('75', 365))).toMatchObject({ applicationsFiled: 30, prolongationMedianDays: 10, gapCount: 3, gapShare: 0.15, tacitRefusals: 10 });
    expect(figures(await cell('FR', 30))).toEqual({ ...paris30, applicationsFiled: 29, gapShare: 0.1579 });
  });

  it('suppresses a prefecture with fewer than 10 applications, every figure null', async () => {
    expect(figures(await cell('13', 30))).toEqual({
      applicationsFiled: null, prolongationMedianDays: null, prolongationP90Days: null, decisionMedianDays: null, decisionP90Days: null,
      gapCount: null, gapShare: null, tacitRefusals: null, messageAnswerMedianDays: null, appointmentNextSlotDays: null,
    });
  });

  it('replaces the day\'s rows when run again (idempotent)', async () => {
    const before = await db.select().from(prefectureStatistics);
    await computeStatistics({ db, now: () => NOW });
    const after = await db.select().from(prefectureStatistics);
    expect(after.length).toBe(before.length);
    expect(figures(await cell('75', 30))?.prolongationMedianDays).toBe(10);
  });
});
