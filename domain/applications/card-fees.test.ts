import { describe, expect, it } from 'vitest';
import { cardTypeFees } from './card-fees';

const amounts = (fees: ReturnType<typeof cardTypeFees>) => Object.fromEntries(fees.map((fee) => [fee.id, fee.amountEur]));

describe(cardTypeFees.name, () => {
  it('prices a standard-rate card in 2025: 200 € tax, 25 € stamp, 180 € if late [R-70, R-73, R-76]', () => {
    const fees = cardTypeFees('salarie', '2025-06-01');
    expect(amounts(fees)).toEqual({ residence_tax_first_issue: 200, residence_tax_renewal: 200, stamp_duty: 25, late_renewal_fee: 180 });
    expect(fees.every((fee) => fee.confirmed)).toBe(true);
    expect(fees[0]).toMatchObject({ ruleId: 'R-70', effectiveFrom: '2022-01-01', confidence: 'medium' });
  });

  it('prices a student card at the reduced rate [R-71]', () => {
    expect(amounts(cardTypeFees('etudiant', '2025-06-01'))).toMatchObject({ residence_tax_first_issue: 50, residence_tax_renewal: 50 });
  });

  it('uses the unconfirmed 2026 finance-law amounts from May 2026, flagged as such (policy 8)', () => {
    const fees = cardTypeFees('visiteur', '2026-06-01');
    expect(amounts(fees)).toEqual({ residence_tax_first_issue: 300, residence_tax_renewal: 200, stamp_duty: 50, late_renewal_fee: 180 });
    expect(fees.find((fee) => fee.id === 'stamp_duty')).toMatchObject({ confirmed: false, effectiveFrom: '2026-05-01' });
    expect(fees.find((fee) => fee.id === 'late_renewal_fee')).toMatchObject({ confirmed: true });
  });
});
