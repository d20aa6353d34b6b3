/** Postal codes and départements, without schema code (the web bundle imports it). */

/** The département a French postal code belongs to (Corsica: 200xx–201xx 2A, 202xx–206xx 2B; overseas: 3 digits). */
export function departementOfPostalCode(postalCode: string): string[] {
  if (!/^\d{5}$/.test(postalCode)) return [];
  const two = postalCode.slice(0, 2);
  if (two === '20') return Number(postalCode.slice(2, 3)) <= 1 ? ['2A'] : ['2B'];
  if (two === '97' || two === '98') return [postalCode.slice(0, 3)];
  // Known limitation: a few communes near a border use a neighbour's postal code (05110 in the
  // Alpes-de-Haute-Provence); they are refused today and need a list of exceptions.
  return [two];
}

/** ISO 3166-1 alpha-3, in capitals (checked by the server, field error `nationality_code`). */
export const NATIONALITY_PATTERN = '^[A-Z]{3}$';
