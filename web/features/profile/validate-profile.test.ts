import { describe, expect, it } from 'vitest';
import { PROFILE_LIMITS } from '../../../contract/profile';
import { PROFILE_LIMITS_WEB } from './limits';
import { toProfileBody, validateProfile, type ProfileDraft } from './validate-profile';

const DRAFT: ProfileDraft = {
  surname: 'Benali',
  givenNames: 'Amina',
  birthDate: '1994-03-12',
  birthPlace: '',
  nationality: 'MAR',
  line1: '12 rue des Lilas',
  line2: '',
  postalCode: '69003',
  city: 'Lyon',
  departement: '69',
  reason: '',
};

describe(validateProfile.name, () => {
  it('accepts a complete profile, and one without any address', () => {
    expect(validateProfile(DRAFT, '2026-10-01')).toEqual({});
    expect(validateProfile({ ...DRAFT, line1: '', postalCode: '', city: '', departement: '' }, '2026-10-01')).toEqual({});
  });

  it('uses the server’s codes for the same mistakes', () => {
    expect(validateProfile({ ...DRAFT, surname: ' ', nationality: 'ma', birthDate: '2030-01-01', postalCode: '75001' }, '2026-10-01')).toEqual({
      surname: { code: 'required' },
      nationality: { code: 'nationality_code' },
      birthDate: { code: 'birth_date_in_future' },
      'address.postalCode': { code: 'postal_code_departement', params: { departement: '69' } },
    });
    expect(validateProfile({ ...DRAFT, birthDate: '1994-02-30' }, '2026-10-01')).toEqual({ birthDate: { code: 'birth_date_invalid' } });
    expect(validateProfile({ ...DRAFT, city: '' }, '2026-10-01')).toEqual({ 'address.city': { code: 'required' } });
  });

  it('sends no address when every address field is empty', () => {
    expect(toProfileBody({ ...DRAFT, line1: '', postalCode: '', city: '', departement: '' })).toMatchObject({ address: null, birthPlace: null });
  });

  it('has the contract’s limits', () => {
    expect(PROFILE_LIMITS_WEB).toEqual(PROFILE_LIMITS);
  });
});
