import { describe, expect, it } from 'vitest';
import { formatReference, isApplicationReference, isForeignerNumber, normaliseTaxStampNumber, REFERENCE_ALPHABET } from './identifiers';

describe(isForeignerNumber.name, () => {
  it('accepts 10 digits and 9 digits, leading zeros included [R-07, policy 9]', () => {
    expect(isForeignerNumber('7501234567')).toBe(true);
    expect(isForeignerNumber('012345678')).toBe(true);
    expect(isForeignerNumber('0000000001')).toBe(true);
  });

  it('refuses 8 or 11 digits, letters, spaces and signs', () => {
    for (const value of ['12345678', '12345678901', '75012345A7', '750 123 456', '-123456789', '', '１２３４５６７８９０']) {
      expect(isForeignerNumber(value), value).toBe(false);
    }
  });
});

describe(normaliseTaxStampNumber.name, () => {
  it('keeps 16 digits, with the spaces people copy removed', () => {
    expect(normaliseTaxStampNumber('1234567890123456')).toBe('1234567890123456');
    expect(normaliseTaxStampNumber('1234 5678 9012 3456')).toBe('1234567890123456');
  });

  it('refuses 15 or 17 digits, letters and other separators', () => {
    for (const value of ['123456789012345', '12345678901234567', '1234-5678-9012-3456', '123456789012345A', '']) {
      expect(normaliseTaxStampNumber(value), value).toBeUndefined();
    }
  });
});

describe(formatReference.name, () => {
  it('builds SEJ-<year>-<6 characters> that the pattern recognises', () => {
    const reference = formatReference(2026, [0, 1, 2, 3, 4, 29]);
    expect(reference).toBe('SEJ-2026-234567'.slice(0, 14) + REFERENCE_ALPHABET[29]);
    expect(isApplicationReference(reference)).toBe(true);
  });

  it('uses no look-alike characters', () => {
    for (const char of '01ILOU') expect(REFERENCE_ALPHABET).not.toContain(char);
    expect(isApplicationReference('SEJ-2026-0OIL1U')).toBe(false);
  });

  it('refuses indexes outside the alphabet or the wrong length', () => {
    expect(() => formatReference(2026, [0, 1, 2])).toThrow(RangeError);
    expect(() => formatReference(2026, [0, 1, 2, 3, 4, 30])).toThrow(RangeError);
  });
});
