import { describe, expect, it } from 'vitest';
import { E164_PATTERN } from '../../../contract/help-desk';
import { normalisePhone, PHONE_PATTERN } from './phone';

describe(normalisePhone.name, () => {
  it('drops spaces, dots and dashes', () => {
    expect(normalisePhone('+33 6 12.34-56 78')).toBe('+33612345678');
  });
  it('writes a French 06/07 number in the international form', () => {
    expect(normalisePhone('06 12 34 56 78')).toBe('+33612345678');
    expect(normalisePhone('0712345678')).toBe('+33712345678');
  });
  it('turns a 00 prefix into +', () => {
    expect(normalisePhone('0044 7700 900123')).toBe('+447700900123');
  });
  it('leaves anything else for the check to refuse', () => {
    expect(PHONE_PATTERN.test(normalisePhone('612'))).toBe(false);
  });
});

describe('PHONE_PATTERN', () => {
  it('is the contract’s E.164 pattern', () => {
    expect(PHONE_PATTERN.source).toBe(E164_PATTERN);
  });
});
