import { describe, expect, it } from 'vitest';
import type { DeadlineResponse } from '../../../contract/deadlines';
import { windowOf } from './engine';

function answer(today: string, late: boolean, lateFee?: number): DeadlineResponse {
  const date = (id: 'application_window_opens' | 'application_window_closes', on: string) => ({
    id,
    on,
    kind: 'legal' as const,
    ruleId: 'R-10' as const,
    citation: 'CESEDA R.431-5',
    confidence: 'high' as const,
    explanation: { fr: '', en: '' },
  });
  return {
    dates: [date('application_window_opens', '2026-09-02'), date('application_window_closes', '2026-11-01')],
    coverage: [],
    today: { on: today, covered: true, document: 'none', ruleId: 'R-00' },
    filing: { status: 'not_filed', assessedOn: today },
    late,
    fees: lateFee === undefined ? [] : [{ id: 'late_renewal_fee', amountEur: lateFee, ruleId: 'R-76', citation: 'CESEDA L.436-1', effectiveFrom: '2022-01-01', confirmed: true, confidence: 'high', label: { fr: '', en: '' } }],
    feesTotalEur: lateFee ?? 0,
    warnings: [],
  } as unknown as DeadlineResponse;
}

describe(windowOf.name, () => {
  it('is too early before the opening day, with that day [R-10]', () => {
    expect(windowOf(answer('2026-09-01', false))).toEqual({ status: 'too_early', opensOn: '2026-09-02', closesOn: '2026-11-01' });
  });

  it('is in time from the opening day to the closing day', () => {
    expect(windowOf(answer('2026-09-02', false)).status).toBe('in_time');
    expect(windowOf(answer('2026-11-01', false)).status).toBe('in_time');
  });

  it('is late afterwards, with the regularisation fee the engine priced [R-76]', () => {
    expect(windowOf(answer('2026-11-02', true, 180))).toMatchObject({ status: 'late', lateFee: 180 });
  });
});
