import { describe, expect, it } from 'vitest';
import { buildTimeline, containsDay, coverageRows, currentPeriod, type CoveragePeriodView } from './timeline';

const date = (id: string, on: string) => ({ id, on });

describe(buildTimeline.name, () => {
  it('orders the dates by day and groups those of the same day, keeping their order within the day', () => {
    const entries = buildTimeline(
      [date('closes', '2026-11-01'), date('opens', '2026-09-02'), date('a', '2027-03-22'), date('b', '2027-03-22')],
      '2026-10-01',
    );
    expect(entries).toEqual([
      { type: 'day', on: '2026-09-02', relation: 'past', dates: [date('opens', '2026-09-02')] },
      { type: 'today', on: '2026-10-01' },
      { type: 'day', on: '2026-11-01', relation: 'future', dates: [date('closes', '2026-11-01')] },
      { type: 'day', on: '2027-03-22', relation: 'future', dates: [date('a', '2027-03-22'), date('b', '2027-03-22')] },
    ]);
  });

  it('marks a day that is today instead of adding a marker', () => {
    const entries = buildTimeline([date('opens', '2026-09-02'), date('closes', '2026-11-01')], '2026-11-01');
    expect(entries.map((entry) => entry.type)).toEqual(['day', 'day']);
    expect(entries[1]).toMatchObject({ on: '2026-11-01', relation: 'today' });
  });

  it('puts today first when every date is ahead, last when every date has passed', () => {
    expect(buildTimeline([date('x', '2027-01-01')], '2026-01-01')[0]).toEqual({ type: 'today', on: '2026-01-01' });
    expect(buildTimeline([date('x', '2025-01-01')], '2026-01-01').at(-1)).toEqual({ type: 'today', on: '2026-01-01' });
  });

  it('shows only today when there is no date', () => {
    expect(buildTimeline([], '2026-01-01')).toEqual([{ type: 'today', on: '2026-01-01' }]);
  });

  it('does not change the dates it was given', () => {
    const dates = [date('b', '2027-01-01'), date('a', '2026-01-01')];
    buildTimeline(dates, '2026-06-01');
    expect(dates.map((d) => d.id)).toEqual(['b', 'a']);
  });
});

/** The example: a card to 2026-12-31, an attestation, then a refusal notified 2027-01-20. */
const PERIODS: CoveragePeriodView[] = [
  { from: '2027-01-20', document: 'none', ruleId: 'R-50' },
  { from: '2026-01-01', until: '2026-12-31', document: 'permit', ruleId: 'R-00' },
  { from: '2027-01-01', until: '2027-01-19', document: 'prolongation_attestation', ruleId: 'R-31' },
];

describe(coverageRows.name, () => {
  it('orders the periods and marks each covered or not, and the one containing today', () => {
    const rows = coverageRows(PERIODS, '2027-01-10');
    expect(rows.map((row) => [row.period.from, row.covered, row.current, row.relation])).toEqual([
      ['2026-01-01', true, false, 'past'],
      ['2027-01-01', true, true, 'today'],
      ['2027-01-20', false, false, 'future'],
    ]);
  });

  it('treats a period without an end as running on', () => {
    expect(coverageRows(PERIODS, '2030-01-01').at(-1)).toMatchObject({ current: true, relation: 'today' });
  });
});

describe(currentPeriod.name, () => {
  it('finds the period containing today, both ends included', () => {
    expect(currentPeriod(PERIODS, '2026-12-31')?.document).toBe('permit');
    expect(currentPeriod(PERIODS, '2027-01-19')?.document).toBe('prolongation_attestation');
  });

  it('finds none before the permit starts', () => {
    expect(currentPeriod(PERIODS, '2025-12-31')).toBeUndefined();
    expect(containsDay({ from: '2026-01-01' }, '2025-12-31')).toBe(false);
  });
});
