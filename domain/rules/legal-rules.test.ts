import { describe, expect, it } from 'vitest';
import { toEpochDay } from '../calendar/epoch-day';
import { RULES } from './legal-rules';
import { defineRule, versionOn } from './rule';

describe('RULES', () => {
  it('keys every rule by its own id, with at least one version and a citation', () => {
    for (const [id, rule] of Object.entries(RULES)) {
      expect(rule.id).toBe(id);
      for (const version of rule.versions) expect(version.citation.length).toBeGreaterThan(0);
    }
  });

  it.each<['R-70' | 'R-71', string, number, boolean, string]>([
    ['R-70', '2026-04-30', 200, true, 'last day of the 2022 amounts'],
    ['R-70', '2026-05-01', 300, false, 'the 2026 finance law, unconfirmed (policy 8)'],
    ['R-71', '2026-05-01', 100, false, 'reduced first-issue rate in 2026, unconfirmed'],
    ['R-71', '2022-01-01', 50, true, 'first day of the 2022 amounts'],
  ])('%s on %s: first issue %i €, confirmed %s (%s)', (id, day, amount, confirmed) => {
    const { version, inForce } = versionOn(RULES[id], toEpochDay(day));
    expect(inForce).toBe(true);
    expect(version.params.firstIssueEur).toBe(amount);
    expect(version.confirmed).toBe(confirmed);
  });

  it('uses the nearest version outside the known range and says so', () => {
    expect(versionOn(RULES['R-73'], toEpochDay('2021-12-31'))).toMatchObject({ inForce: false, version: { params: { amountEur: 25 } } });
    expect(versionOn(RULES['R-53'], toEpochDay('2024-07-14')).inForce).toBe(false);
    expect(versionOn(RULES['R-53'], toEpochDay('2024-07-15')).inForce).toBe(true);
  });

  it('leaves the 90- and 60-day silence periods unmapped, as policy 6 says (R-41)', () => {
    expect(RULES['R-41'].versions[0].params.periodByCardType).toEqual({});
  });
});

describe(defineRule.name, () => {
  it('refuses overlapping versions', () => {
    const version = { citation: 'x', seenAt: 'y', confidence: 'high', confirmed: true, params: {} } as const;
    expect(() => defineRule('R-X', 'overlap', [{ ...version, effectiveFrom: '2022-01-01' }, { ...version, effectiveFrom: '2023-01-01' }])).toThrow(RangeError);
    expect(() =>
      defineRule('R-X', 'ordered', [
        { ...version, effectiveFrom: '2022-01-01', effectiveUntil: '2022-12-31' },
        { ...version, effectiveFrom: '2023-01-01' },
      ]),
    ).not.toThrow();
  });
});
