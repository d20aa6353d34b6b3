/** Application references (`SEJ-2026-7KQ2XD`, domain/applications/identifiers.ts), drawn at random. */
import { randomInt } from 'node:crypto';
import { formatReference, REFERENCE_ALPHABET, REFERENCE_CODE_LENGTH } from '../../../domain/applications/index';

export function drawReference(filingYear: number): string {
  return formatReference(
    filingYear,
    Array.from({ length: REFERENCE_CODE_LENGTH }, () => randomInt(REFERENCE_ALPHABET.length)),
  );
}
