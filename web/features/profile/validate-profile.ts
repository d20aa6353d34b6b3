/**
 * The profile form's checks in the browser, with the server's own messages (errors.json
 * `fields.*`, the codes of PUT /api/v1/me/profile) so that both say the same thing. The server
 * checks again (and alone knows the list of départements).
 */
import { PROFILE_LIMITS_WEB } from './limits';
import { NATIONALITY_PATTERN, departementOfPostalCode } from '../../../contract/postal-codes';

export interface ProfileDraft {
  surname: string;
  givenNames: string;
  birthDate: string;
  birthPlace: string;
  nationality: string;
  line1: string;
  line2: string;
  postalCode: string;
  city: string;
  departement: string;
  reason: string;
}

/** Field paths as the server names them in `errors[].field`. */
export const PROFILE_FIELD_PATHS = {
  surname: 'surname',
  givenNames: 'givenNames',
  birthDate: 'birthDate',
  birthPlace: 'birthPlace',
  nationality: 'nationality',
  line1: 'address.line1',
  line2: 'address.line2',
  postalCode: 'address.postalCode',
  city: 'address.city',
  departement: 'address.departement',
  reason: 'reason',
} as const satisfies Record<keyof ProfileDraft, string>;

export type ProfileFieldPath = (typeof PROFILE_FIELD_PATHS)[keyof ProfileDraft];

/** A message to translate: `errors:fields.<code>` with its values. */
export interface FieldMessage {
  code: string;
  params?: Record<string, string | number>;
}

const DEPARTEMENT = /^(0[1-9]|1[0-9]|2[1-9AB]|[3-8][0-9]|9[0-5]|97[1-46])$/;

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function hasAddress(draft: ProfileDraft): boolean {
  return [draft.line1, draft.line2, draft.postalCode, draft.city, draft.departement].some((value) => value.trim() !== '');
}

export function validateProfile(draft: ProfileDraft, today: string): Partial<Record<ProfileFieldPath, FieldMessage>> {
  const errors: Partial<Record<ProfileFieldPath, FieldMessage>> = {};
  const required = (field: keyof ProfileDraft, max: number) => {
    const value = draft[field].trim();
    if (value === '') errors[PROFILE_FIELD_PATHS[field]] = { code: 'required' };
    else if (draft[field].length > max) errors[PROFILE_FIELD_PATHS[field]] = { code: 'max_length', params: { limit: max } };
  };
  required('surname', PROFILE_LIMITS_WEB.surname);
  required('givenNames', PROFILE_LIMITS_WEB.givenNames);
  if (draft.birthDate === '') errors.birthDate = { code: 'required' };
  else if (!isRealDate(draft.birthDate)) errors.birthDate = { code: 'birth_date_invalid' };
  else if (draft.birthDate > today) errors.birthDate = { code: 'birth_date_in_future' };
  if (draft.birthPlace.length > PROFILE_LIMITS_WEB.birthPlace) errors.birthPlace = { code: 'max_length', params: { limit: PROFILE_LIMITS_WEB.birthPlace } };
  if (draft.nationality.trim() === '') errors.nationality = { code: 'required' };
  else if (!new RegExp(NATIONALITY_PATTERN).test(draft.nationality)) errors.nationality = { code: 'nationality_code' };
  if (hasAddress(draft)) {
    required('line1', PROFILE_LIMITS_WEB.addressLine);
    required('city', PROFILE_LIMITS_WEB.city);
    if (draft.line2.length > PROFILE_LIMITS_WEB.addressLine) errors['address.line2'] = { code: 'max_length', params: { limit: PROFILE_LIMITS_WEB.addressLine } };
    if (draft.postalCode === '') errors['address.postalCode'] = { code: 'required' };
    else if (!/^\d{5}$/.test(draft.postalCode)) errors['address.postalCode'] = { code: 'pattern' };
    if (draft.departement === '') errors['address.departement'] = { code: 'required' };
    else if (!DEPARTEMENT.test(draft.departement)) errors['address.departement'] = { code: 'pattern' };
    else if (errors['address.postalCode'] === undefined && !departementOfPostalCode(draft.postalCode).includes(draft.departement)) {
      errors['address.postalCode'] = { code: 'postal_code_departement', params: { departement: draft.departement } };
    }
  }
  if (draft.reason.length > PROFILE_LIMITS_WEB.reason) errors.reason = { code: 'max_length', params: { limit: PROFILE_LIMITS_WEB.reason } };
  return errors;
}

/** The PUT body (trimmed by the server). */
export function toProfileBody(draft: ProfileDraft): Record<string, unknown> {
  return {
    surname: draft.surname,
    givenNames: draft.givenNames,
    birthDate: draft.birthDate,
    birthPlace: draft.birthPlace.trim() === '' ? null : draft.birthPlace,
    nationality: draft.nationality,
    address: hasAddress(draft)
      ? { line1: draft.line1, line2: draft.line2.trim() === '' ? null : draft.line2, postalCode: draft.postalCode, city: draft.city, departement: draft.departement }
      : null,
    ...(draft.reason.trim() === '' ? {} : { reason: draft.reason }),
  };
}

/** Today's date on the device (YYYY-MM-DD), the reference for birth dates typed into a form. */
export function todayHere(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
