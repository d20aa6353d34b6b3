/**
 * Formats of the identifiers an applicant types or receives. Each is a string: leading zeros are
 * significant and none of them is a quantity.
 */

/**
 * Numéro d'étranger (AGDREF number) [R-07], policy 9: 10 digits, and 9 digits are also accepted
 * (some older numbers have 9). Never stored as a number. Sejour issues 10-digit numbers.
 */
export const FOREIGNER_NUMBER_PATTERN = '^\\d{9,10}$';
const FOREIGNER_NUMBER = new RegExp(FOREIGNER_NUMBER_PATTERN);
export const ISSUED_FOREIGNER_NUMBER_LENGTH = 10;

export function isForeignerNumber(value: string): boolean {
  return FOREIGNER_NUMBER.test(value);
}

/**
 * Timbre fiscal électronique (the electronic tax stamp bought on timbres.impots.gouv.fr to pay the
 * residence tax and stamp duty).
 *
 * Policy: the stamp's number is **exactly 16 digits**. People copy it from a PDF or an SMS with
 * spaces between groups ("1234 5678 9012 3456"), so spaces are removed before the check and the
 * digits alone are stored, as a string. No check digit is verified (its algorithm is not public)
 * and the stamp is not checked with the DGFiP (no access to its service): a number can be used
 * only once in Sejour, which the database enforces.
 */
export const TAX_STAMP_NUMBER_PATTERN = '^\\d{16}$';
const TAX_STAMP_NUMBER = new RegExp(TAX_STAMP_NUMBER_PATTERN);
/** What the HTTP contract accepts before normalisation: 16 digits, optionally grouped by spaces. */
export const TAX_STAMP_INPUT_PATTERN = '^[0-9 ]{16,31}$';

/** The 16 digits, or undefined when the input is not a stamp number. */
export function normaliseTaxStampNumber(input: string): string | undefined {
  const digits = input.replace(/ /g, '');
  return TAX_STAMP_NUMBER.test(digits) ? digits : undefined;
}

/**
 * An application's human reference, given when it is filed: `SEJ-<filing year>-<6 characters>`,
 * e.g. `SEJ-2026-7KQ2XD`. The characters come from an alphabet without look-alikes (no 0/O, 1/I/L,
 * U) so that it can be read over the phone; they are random (not a counter), so a reference
 * reveals nothing about how many applications exist.
 */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const REFERENCE_CODE_LENGTH = 6;
export const REFERENCE_PATTERN = `^SEJ-\\d{4}-[${REFERENCE_ALPHABET}]{${REFERENCE_CODE_LENGTH}}$`;
const REFERENCE = new RegExp(REFERENCE_PATTERN);

/** Builds a reference from the filing year and random indexes into `REFERENCE_ALPHABET`. */
export function formatReference(filingYear: number, randomIndexes: readonly number[]): string {
  if (randomIndexes.length !== REFERENCE_CODE_LENGTH) throw new RangeError(`a reference needs ${REFERENCE_CODE_LENGTH} characters`);
  const code = randomIndexes
    .map((index) => {
      const char = REFERENCE_ALPHABET[index];
      if (char === undefined) throw new RangeError(`index ${index} outside the reference alphabet`);
      return char;
    })
    .join('');
  return `SEJ-${String(filingYear).padStart(4, '0')}-${code}`;
}

export function isApplicationReference(value: string): boolean {
  return REFERENCE.test(value);
}
