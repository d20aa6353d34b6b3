/**
 * Checks of the journey's forms in the browser, with the server's own messages (errors.json
 * `fields.*`, the codes its schemas and use cases answer with) so that both say the same thing.
 * The server checks again. Codes starting with `journey_` are the page's own (journey.json `fields`).
 */
import { departementOfPostalCode } from '../../../contract/postal-codes';

export interface FieldMessage {
  code: string;
  params?: Record<string, string | number>;
}
export type Messages<F extends string> = Partial<Record<F, FieldMessage>>;

export interface AddressDraft {
  line1: string;
  line2: string;
  postalCode: string;
  city: string;
  departement: string;
}

/** The same as contract/applications.ts (TAX_STAMP_INPUT_PATTERN, then 16 digits once spaces are removed). */
const TAX_STAMP_INPUT = /^[0-9 ]{16,31}$/;
const DEPARTEMENT = /^(0[1-9]|1[0-9]|2[1-9AB]|[3-8][0-9]|9[0-5]|97[1-46])$/;

export function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function validateTaxStamp(input: string): Messages<'taxStampNumber'> {
  const value = input.trim();
  if (value === '') return { taxStampNumber: { code: 'required' } };
  if (!TAX_STAMP_INPUT.test(value) || !/^\d{16}$/.test(value.replace(/ /g, ''))) return { taxStampNumber: { code: 'tax_stamp_number' } };
  return {};
}

export function validateAddress(draft: AddressDraft): Messages<`address.${keyof AddressDraft}`> {
  const errors: Messages<`address.${keyof AddressDraft}`> = {};
  if (draft.line1.trim() === '') errors['address.line1'] = { code: 'required' };
  else if (draft.line1.length > 200) errors['address.line1'] = { code: 'max_length', params: { limit: 200 } };
  if (draft.line2.length > 200) errors['address.line2'] = { code: 'max_length', params: { limit: 200 } };
  if (draft.city.trim() === '') errors['address.city'] = { code: 'required' };
  else if (draft.city.length > 100) errors['address.city'] = { code: 'max_length', params: { limit: 100 } };
  if (draft.postalCode === '') errors['address.postalCode'] = { code: 'required' };
  else if (!/^\d{5}$/.test(draft.postalCode)) errors['address.postalCode'] = { code: 'pattern' };
  if (draft.departement === '') errors['address.departement'] = { code: 'required' };
  else if (!DEPARTEMENT.test(draft.departement)) errors['address.departement'] = { code: 'pattern' };
  else if (errors['address.postalCode'] === undefined && !departementOfPostalCode(draft.postalCode).includes(draft.departement)) {
    errors['address.postalCode'] = { code: 'postal_code_departement', params: { departement: draft.departement } };
  }
  return errors;
}
