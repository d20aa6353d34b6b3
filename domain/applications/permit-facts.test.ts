import { describe, expect, it } from 'vitest';
import { checkPermitFacts, decideVlsTsValidation } from './permit-facts';

const vlsTs = { kind: 'vls_ts' as const, cardType: 'etudiant' as const, validFrom: '2026-09-01', validUntil: '2027-08-31', enteredFranceOn: '2026-09-10' };

describe(checkPermitFacts.name, () => {
  it('accepts a VLS-TS of one year entered during its validity', () => {
    expect(checkPermitFacts(vlsTs, '2026-09-20')).toEqual([]);
  });

  it('passes on the engine issues: a VLS-TS longer than a year, an entry outside it, an end before the start [R-02]', () => {
    expect(checkPermitFacts({ ...vlsTs, validUntil: '2027-10-31' }, '2026-09-20')).toContainEqual(expect.objectContaining({ code: 'vls_ts_longer_than_one_year' }));
    expect(checkPermitFacts({ ...vlsTs, enteredFranceOn: '2026-08-01' }, '2026-09-20')).toContainEqual(
      expect.objectContaining({ field: 'enteredFranceOn', code: 'entered_outside_permit' }),
    );
    expect(checkPermitFacts({ kind: 'temporary_card', cardType: 'salarie', validFrom: '2026-02-01', validUntil: '2026-01-01' }, '2026-09-20')).toContainEqual(
      expect.objectContaining({ code: 'permit_ends_before_start' }),
    );
  });
});

describe(decideVlsTsValidation.name, () => {
  it('allows validation until entry + 3 months by the month rule, included [R-01, R-60]', () => {
    expect(decideVlsTsValidation(vlsTs, '2026-09-10')).toEqual({ kind: 'possible', deadline: '2026-12-10' });
    expect(decideVlsTsValidation(vlsTs, '2026-12-10')).toEqual({ kind: 'possible', deadline: '2026-12-10' });
  });

  it('refuses the day after the deadline', () => {
    expect(decideVlsTsValidation(vlsTs, '2026-12-11')).toEqual({ kind: 'too_late', deadline: '2026-12-10' });
  });

  it('clamps the month at its end: entered 30 November, deadline 28 February [R-60]', () => {
    const entry = { ...vlsTs, validFrom: '2026-11-01', validUntil: '2027-10-31', enteredFranceOn: '2026-11-30' };
    expect(decideVlsTsValidation(entry, '2026-12-01')).toEqual({ kind: 'possible', deadline: '2027-02-28' });
  });

  it('never gives a deadline after the visa itself ends', () => {
    const short = { ...vlsTs, validUntil: '2026-11-30' };
    expect(decideVlsTsValidation(short, '2026-11-01')).toEqual({ kind: 'possible', deadline: '2026-11-30' });
    expect(decideVlsTsValidation(short, '2026-12-01')).toEqual({ kind: 'too_late', deadline: '2026-11-30' });
  });

  it('waits for the person to enter France', () => {
    expect(decideVlsTsValidation(vlsTs, '2026-09-05')).toEqual({ kind: 'not_entered_yet', deadline: '2026-12-10', enteredFranceOn: '2026-09-10' });
  });
});
