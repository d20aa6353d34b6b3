import { describe, expect, it } from 'vitest';
import { formatIsoDate, toEpochDay } from './epoch-day';
import { courtDeadline, nextWorkingDayOnOrAfter, validityLastDay } from './legal-periods';

const iso = formatIsoDate;
const day = toEpochDay;

// R-62 (délai franc: addMonths(trigger, n) + 1 day) then R-63 (next working day of the
// département: Saturday, Sunday, the 11 national holidays, Alsace-Moselle, overseas days).
describe(courtDeadline.name, () => {
  it.each([
    // notified, months, département, franc last day, last day, rule
    ['2021-01-03', 2, '75', '2021-03-04', '2021-03-04', 'R-62 worked example: notified 3 Jan 2021 → 4 March'],
    ['2025-12-30', 2, '75', '2026-03-01', '2026-03-02', 'R-62/R-63 worked example: 28 Feb + 1 = Sunday 1 March → Monday 2 March'],
    ['2026-01-15', 2, '75', '2026-03-16', '2026-03-16', 'R-50: plain weekday, no roll'],
    ['2026-01-13', 2, '75', '2026-03-14', '2026-03-16', 'R-63: Saturday → Monday'],
    ['2026-01-14', 2, '75', '2026-03-15', '2026-03-16', 'R-63: Sunday → Monday'],
    ['2026-02-05', 2, '75', '2026-04-06', '2026-04-07', 'R-63: Easter Monday 2026 → Tuesday'],
    ['2026-02-02', 2, '75', '2026-04-03', '2026-04-03', 'R-63: Good Friday is a working day in Paris'],
    ['2026-02-02', 2, '57', '2026-04-03', '2026-04-07', 'R-63: Good Friday in Moselle, then the weekend and Easter Monday'],
    ['2026-02-02', 2, '67', '2026-04-03', '2026-04-07', 'R-63: Good Friday in Bas-Rhin'],
    ['2026-02-02', 2, '68', '2026-04-03', '2026-04-07', 'R-63: Good Friday in Haut-Rhin'],
    ['2026-10-25', 2, '75', '2026-12-26', '2026-12-28', 'R-63: 26 December is a Saturday anyway'],
    ['2025-10-25', 2, '75', '2025-12-26', '2025-12-26', 'R-63: 26 December 2025 (Friday) is worked in Paris'],
    ['2025-10-25', 2, '67', '2025-12-26', '2025-12-29', 'R-63: St Stephen in Alsace, then the weekend'],
    ['2026-03-13', 2, '75', '2026-05-14', '2026-05-15', 'R-63: Ascension 2026 (Easter + 39) → Friday'],
    ['2026-03-24', 2, '75', '2026-05-25', '2026-05-26', 'R-63: Whit Monday 2026 (Easter + 50) → Tuesday'],
    ['2026-03-21', 2, '972', '2026-05-22', '2026-05-26', 'R-63: Martinique 22 May, weekend, Whit Monday'],
    ['2026-03-21', 2, '75', '2026-05-22', '2026-05-22', 'R-63: 22 May is worked in metropolitan France'],
    ['2026-03-26', 2, '971', '2026-05-27', '2026-05-28', 'R-63: Guadeloupe 27 May'],
    ['2026-04-09', 2, '973', '2026-06-10', '2026-06-11', 'R-63: Guyane 10 June'],
    ['2026-10-19', 2, '974', '2026-12-20', '2026-12-21', 'R-63: La Réunion 20 December is a Sunday anyway'],
    ['2027-10-19', 2, '974', '2027-12-20', '2027-12-21', 'R-63: La Réunion 20 December 2027 (Monday)'],
    ['2027-02-26', 2, '976', '2027-04-27', '2027-04-28', 'R-63: Mayotte 27 April'],
    ['2026-03-31', 1, '75', '2026-05-01', '2026-05-04', 'R-53: 1 month, 1 May (holiday) then weekend'],
    ['2026-04-07', 1, '75', '2026-05-08', '2026-05-11', 'R-53: 8 May (Friday, holiday) then weekend'],
    ['2026-06-13', 1, '75', '2026-07-14', '2026-07-15', 'R-53: 14 July'],
    ['2026-09-30', 1, '75', '2026-10-31', '2026-11-02', 'R-53: Saturday 31 Oct, Sunday 1 Nov (Toussaint) → Monday'],
    ['2026-10-10', 1, '75', '2026-11-11', '2026-11-12', 'R-53: Armistice'],
    ['2026-06-14', 2, '75', '2026-08-15', '2026-08-17', 'R-56: Assumption on a Saturday'],
    ['2026-11-24', 1, '75', '2026-12-25', '2026-12-28', 'R-53: Christmas Friday → Monday in Paris'],
    ['2026-11-24', 1, '57', '2026-12-25', '2026-12-28', 'R-53: Christmas, Saturday 26 Dec, Sunday → Monday in Moselle'],
    ['2026-11-30', 1, '75', '2026-12-31', '2026-12-31', 'R-53: 31 December is worked'],
    ['2026-12-30', 2, '75', '2027-03-01', '2027-03-01', 'R-62: 30 Dec + 2 months = 28 Feb 2027 + 1 = Monday 1 March'],
    ['2027-12-31', 2, '75', '2028-03-01', '2028-03-01', 'R-62: leap year, 29 Feb 2028 + 1 = 1 March'],
    ['2026-12-31', 1, '75', '2027-02-01', '2027-02-01', 'R-62: 31 Dec + 1 month = 31 Jan + 1 = 1 Feb'],
    ['2026-01-31', 1, '75', '2026-03-01', '2026-03-02', 'R-62: 31 Jan + 1 month = 28 Feb + 1 = Sunday 1 March → 2 March'],
  ])('notified %s + %i months in %s: franc last day %s, last day %s (%s)', (trigger, months, department, franc, last) => {
    const deadline = courtDeadline(day(trigger), months, department);
    expect(iso(deadline.francLastDay)).toBe(franc);
    expect(iso(deadline.lastDay)).toBe(last);
  });

  // Legal-rules §6 edge case: when the trigger's day number does not exist in the final month,
  // counting "from the day after" can give an earlier day; it is shown as a safety margin.
  it.each<[string, number, string, string | undefined, string]>([
    ['2025-12-30', 2, '2026-03-02', undefined, 'worked example: both readings roll to Monday 2 March'],
    ['2026-12-30', 2, '2027-03-01', undefined, 'the other reading (Sunday 28 Feb) rolls to the same Monday'],
    ['2027-12-30', 2, '2028-03-01', '2028-02-29', 'leap year: the other reading gives Tuesday 29 Feb'],
    ['2027-10-30', 4, '2028-03-01', '2028-02-29', '4 months into a leap February'],
    ['2026-11-30', 3, '2027-03-01', undefined, 'the day after is 1 December: same result'],
    ['2027-03-31', 2, '2027-06-01', undefined, 'no clamping: no other reading'],
  ])('notified %s + %i months: last day %s, safer %s (%s)', (trigger, months, last, safer) => {
    const deadline = courtDeadline(day(trigger), months, '75');
    expect(iso(deadline.lastDay)).toBe(last);
    expect(deadline.saferLastDay === undefined ? undefined : iso(deadline.saferLastDay)).toBe(safer);
  });
});

describe(nextWorkingDayOnOrAfter.name, () => {
  it.each([
    ['2026-12-24', '75', '2026-12-24'],
    ['2026-12-25', '75', '2026-12-28'],
    ['2026-12-25', '67', '2026-12-28'],
    ['2026-04-03', '68', '2026-04-07'],
    ['2026-05-01', '75', '2026-05-04'],
  ])('%s in %s → %s', (from, department, expected) => {
    expect(iso(nextWorkingDayOnOrAfter(day(from), department))).toBe(expected);
  });
});

describe(validityLastDay.name, () => {
  it.each([
    ['2027-01-01', 3, '2027-03-31', 'R-31: an attestation from 1 January for 3 months'],
    ['2026-12-01', 3, '2027-02-28', 'R-31: into February'],
    ['2027-01-31', 3, '2027-04-29', 'R-31: from 31 January, 30 April − 1'],
    ['2026-09-15', 3, '2026-12-14', 'R-33: attestation de décision favorable'],
  ])('a document valid from %s for %i months ends on %s (%s)', (from, months, expected) => {
    expect(iso(validityLastDay(day(from), months))).toBe(expected);
  });
});
