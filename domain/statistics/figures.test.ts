import { describe, expect, it } from 'vitest';
import { MIN_CELL_SIZE, median, nearestRankPercentile, percentile90, share, summariseDurations, suppress } from './figures';

// Hand-built: 1..20 days. Nearest rank: median = value at rank ⌈0.5·20⌉ = 10, p90 = rank 18 → 18.
const oneToTwenty = Array.from({ length: 20 }, (_, i) => i + 1);
// Ten values, shuffled: sorted 2 3 5 7 11 13 17 19 23 29; median rank 5 → 11, p90 rank 9 → 23.
const primes = [29, 2, 17, 5, 23, 3, 13, 7, 19, 11];

describe('nearest-rank percentiles', () => {
  it('gives the known median and 90th percentile of hand-built sets', () => {
    expect(median(oneToTwenty)).toBe(10);
    expect(percentile90(oneToTwenty)).toBe(18);
    expect(median(primes)).toBe(11);
    expect(percentile90(primes)).toBe(23);
  });

  it('always returns an observed value, the lower middle one for an even count', () => {
    expect(median([1, 100])).toBe(1);
    expect(median([4, 1, 3])).toBe(3);
    expect(nearestRankPercentile([7], 0.9)).toBe(7);
    expect(nearestRankPercentile([1, 2, 3], 1)).toBe(3);
  });

  it('has no percentile for no values and refuses a p outside (0, 1]', () => {
    expect(median([])).toBeNull();
    expect(() => nearestRankPercentile([1], 0)).toThrow(RangeError);
    expect(() => nearestRankPercentile([1], 1.5)).toThrow(RangeError);
  });
});

describe('small-cell suppression', () => {
  it('publishes a figure from 10 applications, not from 9', () => {
    expect(MIN_CELL_SIZE).toBe(10);
    expect(suppress(42, 10)).toBe(42);
    expect(suppress(42, 9)).toBeNull();
    expect(summariseDurations(primes)).toEqual({ count: 10, median: 11, p90: 23 });
    expect(summariseDurations(primes.slice(0, 9))).toEqual({ count: 9, median: null, p90: null });
  });

  it('gives a share only over a large enough group', () => {
    expect(share(1, 10)).toBe(0.1);
    expect(share(1, 3)).toBeNull();
    expect(share(2, 30)).toBe(0.0667);
  });
});
