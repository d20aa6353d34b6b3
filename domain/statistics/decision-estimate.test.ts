import { describe, expect, it } from 'vitest';
import { estimateDecision } from './decision-estimate';

describe(estimateDecision.name, () => {
  it('divides the place in the backlog by the 90-day rate, with the 30/90-day rates as the interval', () => {
    // 90 decisions in 90 days = 1/day; 60 in 30 days = 2/day; 20th in line.
    const estimate = estimateDecision({ today: '2026-03-01', position: 20, decided30: 60, decided90: 90, tacitRefusalOn: '2026-06-15' });
    expect(estimate).toEqual({
      kind: 'estimated',
      position: 20,
      rate90: 1,
      rate30: 2,
      earliestOn: '2026-03-11', // 20 ÷ 2 = 10 days
      likelyOn: '2026-03-21', // 20 ÷ 1 = 20 days
      latestOn: '2026-03-21', // the slower rate is the 90-day one
      tacitRefusalOn: '2026-06-15',
      beyondTacitRefusal: false,
    });
  });

  it('rounds partial days up and widens the interval when the prefecture slowed down', () => {
    // 45 in 90 days = 0.5/day; 5 in 30 days ≈ 0.167/day; 3rd in line.
    const estimate = estimateDecision({ today: '2026-01-30', position: 3, decided30: 5, decided90: 45, tacitRefusalOn: '2026-05-30' });
    expect(estimate).toMatchObject({ earliestOn: '2026-02-05', likelyOn: '2026-02-05', latestOn: '2026-02-17', beyondTacitRefusal: false });
  });

  it('gives no estimate under 10 decisions in 90 days', () => {
    expect(estimateDecision({ today: '2026-03-01', position: 1, decided30: 9, decided90: 9, tacitRefusalOn: '2026-06-15' })).toEqual({
      kind: 'not_enough_data',
      decided90: 9,
      tacitRefusalOn: '2026-06-15',
    });
    expect(estimateDecision({ today: '2026-03-01', position: 1, decided30: 0, decided90: 10, tacitRefusalOn: '2026-06-15' }).kind).toBe('estimated');
  });

  it('flags an interval reaching past the tacit-refusal date, and an unbounded one when nothing was decided for 30 days', () => {
    const late = estimateDecision({ today: '2026-03-01', position: 200, decided30: 30, decided90: 90, tacitRefusalOn: '2026-06-15' });
    expect(late).toMatchObject({ likelyOn: '2026-09-17', beyondTacitRefusal: true });
    const stalled = estimateDecision({ today: '2026-03-01', position: 5, decided30: 0, decided90: 12, tacitRefusalOn: '2026-06-15' });
    expect(stalled).toMatchObject({ latestOn: null, beyondTacitRefusal: true });
  });

  it('refuses a position that is not a place in line', () => {
    expect(() => estimateDecision({ today: '2026-03-01', position: 0, decided30: 10, decided90: 10, tacitRefusalOn: '2026-06-15' })).toThrow(RangeError);
  });
});
