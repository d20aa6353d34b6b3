/**
 * Numéros d'étranger issued at VLS-TS validation (policy 9): 10 digits, the first not 0 (so that
 * no leading zero can be lost by someone copying it into a spreadsheet), drawn at random, never one
 * already known to Sejour (issued, or typed by anyone from a card).
 */
import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { permits, vlsTsValidations } from '../../db/schema/index';
import { ISSUED_FOREIGNER_NUMBER_LENGTH, isForeignerNumber } from '../../../domain/applications/index';

export function drawForeignerNumber(): string {
  let digits = String(randomInt(1, 10));
  while (digits.length < ISSUED_FOREIGNER_NUMBER_LENGTH) digits += String(randomInt(0, 10));
  if (!isForeignerNumber(digits)) throw new Error('drew an invalid foreigner number');
  return digits;
}

export async function isForeignerNumberKnown(db: Db, number: string): Promise<boolean> {
  const [onPermit] = await db.select({ id: permits.id }).from(permits).where(eq(permits.foreignerNumber, number)).limit(1);
  if (onPermit) return true;
  const [issued] = await db.select({ id: vlsTsValidations.id }).from(vlsTsValidations).where(eq(vlsTsValidations.foreignerNumber, number)).limit(1);
  return issued !== undefined;
}
