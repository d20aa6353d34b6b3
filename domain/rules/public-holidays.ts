/**
 * Public holidays used to roll court deadlines forward to the next working day, as data.
 * Policy 7 of legal-rules.md: the 11 national days, plus Good Friday and 26 December in
 * Alsace-Moselle, plus the abolition-of-slavery day in each overseas département. Nothing else
 * (in particular not the Good Friday that Guadeloupe and Martinique observe by custom, which the
 * date-holidays package lists; see docs/legal-rules-in-code.md).
 */

export type HolidayId =
  | 'new_year'
  | 'easter_monday'
  | 'labour_day'
  | 'victory_1945'
  | 'ascension'
  | 'whit_monday'
  | 'bastille_day'
  | 'assumption'
  | 'all_saints'
  | 'armistice_1918'
  | 'christmas'
  | 'good_friday'
  | 'st_stephen'
  | 'abolition_of_slavery';

export interface FixedHoliday {
  readonly id: HolidayId;
  readonly month: number;
  readonly day: number;
  /** First year the day was a holiday, when it matters for the years we compute. */
  readonly fromYear?: number;
}

export interface EasterHoliday {
  readonly id: HolidayId;
  /** Days after Easter Sunday (negative: before). */
  readonly easterOffset: number;
}

export interface HolidayList {
  readonly citation: string;
  readonly confidence: 'high' | 'medium';
  readonly fixed: readonly FixedHoliday[];
  readonly easterBased: readonly EasterHoliday[];
}

/** Code du travail L.3133-1: the 11 holidays of the whole country. */
export const NATIONAL_HOLIDAYS: HolidayList = {
  citation: 'Code du travail L.3133-1',
  confidence: 'high',
  fixed: [
    { id: 'new_year', month: 1, day: 1 },
    { id: 'labour_day', month: 5, day: 1 },
    { id: 'victory_1945', month: 5, day: 8 },
    { id: 'bastille_day', month: 7, day: 14 },
    { id: 'assumption', month: 8, day: 15 },
    { id: 'all_saints', month: 11, day: 1 },
    { id: 'armistice_1918', month: 11, day: 11 },
    { id: 'christmas', month: 12, day: 25 },
  ],
  easterBased: [
    { id: 'easter_monday', easterOffset: 1 },
    { id: 'ascension', easterOffset: 39 },
    // Whit Monday stays a holiday in law although it is also the "journée de solidarité".
    { id: 'whit_monday', easterOffset: 50 },
  ],
};

/**
 * Code du travail L.3134-13, départements 57, 67, 68. Good Friday is a holiday only in communes
 * with a Protestant temple or a mixed church; the commune is unknown, so it counts département-wide.
 */
export const ALSACE_MOSELLE_HOLIDAYS: HolidayList = {
  citation: 'Code du travail L.3134-13',
  confidence: 'high',
  fixed: [{ id: 'st_stephen', month: 12, day: 26 }],
  easterBased: [{ id: 'good_friday', easterOffset: -2 }],
};

export const ALSACE_MOSELLE_DEPARTMENTS: readonly string[] = ['57', '67', '68'];

/** Loi 83-550 of 30 June 1983; décret 83-1003 as amended by décret 2012-553 (Mayotte). */
export const ABOLITION_OF_SLAVERY_DAYS: Readonly<Record<string, HolidayList>> = {
  '971': abolitionDay(5, 27, 1983),
  '972': abolitionDay(5, 22, 1983),
  '973': abolitionDay(6, 10, 1983),
  '974': abolitionDay(12, 20, 1983),
  '976': abolitionDay(4, 27, 2012),
};

function abolitionDay(month: number, day: number, fromYear: number): HolidayList {
  return {
    citation: 'Loi 83-550 du 30 juin 1983 ; décret 83-1003 modifié par le décret 2012-553',
    confidence: 'medium',
    fixed: [{ id: 'abolition_of_slavery', month, day, fromYear }],
    easterBased: [],
  };
}
