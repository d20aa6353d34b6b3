import { describe, expect, it } from 'vitest';
import { TAX_STAMP_INPUT_PATTERN, normaliseTaxStampNumber } from '../../../domain/applications/identifiers';
import { validateAddress, validateTaxStamp } from './validate';

const ADDRESS = { line1: '12 rue des Lilas', line2: '', postalCode: '69003', city: 'Lyon', departement: '69' };

describe(validateTaxStamp.name, () => {
  it('accepts 16 digits, grouped by spaces or not, as the server does', () => {
    for (const input of ['1234567890123456', '1234 5678 9012 3456', ' 1234 5678 9012 3456 ']) {
      expect(validateTaxStamp(input)).toEqual({});
      expect(new RegExp(TAX_STAMP_INPUT_PATTERN).test(input.trim()) && normaliseTaxStampNumber(input.trim()) !== undefined).toBe(true);
    }
  });

  it('refuses what the server refuses, with its message code', () => {
    expect(validateTaxStamp('')).toEqual({ taxStampNumber: { code: 'required' } });
    for (const input of ['1234 5678', '12345678901234567', '1234-5678-9012-3456', 'abcd efgh ijkl mnop']) {
      expect(validateTaxStamp(input)).toEqual({ taxStampNumber: { code: 'tax_stamp_number' } });
      expect(new RegExp(TAX_STAMP_INPUT_PATTERN).test(input) && normaliseTaxStampNumber(input) !== undefined).toBe(false);
    }
  });
});

describe(validateAddress.name, () => {
  it('accepts a full address in France', () => {
    expect(validateAddress(ADDRESS)).toEqual({});
  });

  it('names each missing or wrong field', () => {
    expect(validateAddress({ ...ADDRESS, line1: ' ', city: '', postalCode: '6900', departement: '20' })).toEqual({
      'address.line1': { code: 'required' },
      'address.city': { code: 'required' },
      'address.postalCode': { code: 'pattern' },
      'address.departement': { code: 'pattern' },
    });
  });

  it('says when the postal code is not in the département', () => {
    expect(validateAddress({ ...ADDRESS, postalCode: '75001' })).toEqual({ 'address.postalCode': { code: 'postal_code_departement', params: { departement: '69' } } });
  });
});
