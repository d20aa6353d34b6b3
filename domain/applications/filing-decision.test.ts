import { describe, expect, it } from 'vitest';
import { decideFiling } from './filing-decision';

// legal-rules.md worked example: a card valid until 2026-12-31 is filed in time from
// 2026-09-02 (E − 120) to 2026-11-01 (E − 60), a Sunday and Toussaint, not rolled (policy 1).
const E = '2026-12-31';
const card = (filedOn: string) => decideFiling({ validUntil: E, permitKind: 'temporary_card', filedOn });

describe(decideFiling.name, () => {
  it('refuses a filing the day before the window opens, giving the opening date [R-10, policy 2]', () => {
    expect(card('2026-09-01')).toEqual({
      kind: 'too_early',
      opensOn: '2026-09-02',
      closesOn: '2026-11-01',
      entryConditionsAgainFrom: '2027-07-01',
    });
  });

  it('accepts a filing on the opening day and on the closing day, both included, with no consequence [R-10]', () => {
    for (const day of ['2026-09-02', '2026-10-15', '2026-11-01']) {
      expect(card(day)).toMatchObject({ kind: 'in_time', late: false, consequences: [] });
    }
  });

  it('does not roll the last day forward over a Sunday and a holiday [R-65, policy 1]', () => {
    expect(card('2026-11-02')).toMatchObject({ kind: 'late', late: true });
  });

  it('accepts a late filing with the 180 € fee and no attestation de prolongation [R-15, R-76, R-16]', () => {
    const decision = card('2026-12-15');
    expect(decision).toMatchObject({ kind: 'late', late: true });
    if (decision.kind === 'too_early') throw new Error('unexpected');
    expect(decision.consequences).toEqual([
      { code: 'late_renewal_fee', ruleIds: ['R-76', 'R-15'], citation: 'CESEDA L.436-5', amountEur: 180 },
      { code: 'no_prolongation_attestation', ruleIds: ['R-16'], citation: 'CESEDA R.431-15-1 al. 2' },
    ]);
  });

  it('is still only late on addMonths(E, 6) and very late the next day, when the entry conditions apply again [R-17]', () => {
    expect(card('2027-06-30')).toMatchObject({ kind: 'late' });
    const veryLate = card('2027-07-01');
    expect(veryLate).toMatchObject({ kind: 'very_late', late: true });
    if (veryLate.kind === 'too_early') throw new Error('unexpected');
    expect(veryLate.consequences.map((c) => c.code)).toEqual(['late_renewal_fee', 'no_prolongation_attestation', 'entry_conditions_again']);
    expect(veryLate.consequences[2]).toMatchObject({ ruleIds: ['R-17'], citation: 'CESEDA R.431-8' });
  });

  it('cites R-18 for the late fee of a VLS-TS holder, whose application counts as a renewal', () => {
    const decision = decideFiling({ validUntil: E, permitKind: 'vls_ts', filedOn: '2026-11-20' });
    if (decision.kind === 'too_early') throw new Error('unexpected');
    expect(decision.consequences[0]).toMatchObject({ code: 'late_renewal_fee', ruleIds: ['R-76', 'R-15', 'R-18'], amountEur: 180 });
  });

  it('counts the window in days across a leap day (E − 120 from 2028-03-31 is 2027-12-02)', () => {
    expect(decideFiling({ validUntil: '2028-03-31', permitKind: 'temporary_card', filedOn: '2027-12-01' })).toMatchObject({
      kind: 'too_early',
      opensOn: '2027-12-02',
      closesOn: '2028-01-31',
    });
  });
});
