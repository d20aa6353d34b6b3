/**
 * The 101 French départements by INSEE code: 01–95 (Corsica as 2A and 2B, no 20) and the five
 * overseas départements 971 Guadeloupe, 972 Martinique, 973 Guyane, 974 La Réunion, 976 Mayotte.
 * The person's département selects the public holidays used to roll court deadlines forward.
 */

function metropolitanCodes(): string[] {
  const codes: string[] = [];
  for (let n = 1; n <= 95; n++) {
    if (n === 20) codes.push('2A', '2B');
    else codes.push(n < 10 ? `0${n}` : `${n}`);
  }
  return codes;
}

const OVERSEAS_DEPARTMENTS = ['971', '972', '973', '974', '976'] as const;

export const DEPARTMENTS: readonly string[] = [...metropolitanCodes(), ...OVERSEAS_DEPARTMENTS];

/** A département's INSEE code, one of `DEPARTMENTS` (checked by `isDepartment`). */
export type DepartmentCode = string;

const DEPARTMENT_SET: ReadonlySet<string> = new Set(DEPARTMENTS);

export function isDepartment(code: string): boolean {
  return DEPARTMENT_SET.has(code);
}

/** Matches exactly the codes of `DEPARTMENTS` (used by the HTTP contract). */
export const DEPARTMENT_PATTERN = '^(0[1-9]|1[0-9]|2[1-9AB]|[3-8][0-9]|9[0-5]|97[1-46])$';
