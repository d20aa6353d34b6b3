import { describe, expect, it } from 'vitest';
import { addDays, formatIsoDate, toEpochDay } from '../calendar/epoch-day';
import { computeDeadlines } from './compute-deadlines';
import { dateOn, deadlineInput } from './deadline-input.fixtures';
import type { Application, CoveragePeriod, DeadlineInput, DeadlineResult, DocumentRequest, WarningCode } from './types';
import { validateDeadlineInput } from './validate-deadline-input';

/** Every row's input must be one the validator accepts: the engine is only called on those. */
function compute(input: DeadlineInput): DeadlineResult {
  expect(validateDeadlineInput(input)).toEqual([]);
  return computeDeadlines(input);
}

const plusDays = (text: string, days: number): string => formatIsoDate(addDays(toEpochDay(text), days));

/** An application filed in time for a temporary card expiring 100 days after filing. */
function filedInTime(application: Application, overrides: Partial<DeadlineInput> = {}): DeadlineInput {
  return deadlineInput({
    permit: { validFrom: plusDays(application.filedOn, -265), validUntil: plusDays(application.filedOn, 100) },
    application,
    today: '2028-12-31',
    ...overrides,
  });
}

const codes = (result: DeadlineResult): WarningCode[] => result.warnings.map((warning) => warning.code);
const period = (from: string, until: string | undefined, document: CoveragePeriod['document'], ruleId: string): CoveragePeriod =>
  until === undefined ? { from, document, ruleId: ruleId as CoveragePeriod['ruleId'] } : { from, until, document, ruleId: ruleId as CoveragePeriod['ruleId'] };

describe(computeDeadlines.name, () => {
  // ——— R-10 window, R-15 late fee, R-17 entry conditions: days back from E, no roll-forward ———
  describe('application window (R-10, R-15, R-17)', () => {
    it.each([
      ['2026-12-31', '2026-09-02', '2026-11-01', '2026-11-02', '2027-07-01', 'R-10 worked example; 1 Nov is a Sunday and Toussaint, not moved'],
      ['2026-03-01', '2025-11-01', '2025-12-31', '2026-01-01', '2026-09-02', 'R-10 across the year end'],
      ['2028-03-01', '2027-11-02', '2028-01-01', '2028-01-02', '2028-09-02', 'R-10 with 29 February inside the window'],
      ['2026-08-31', '2026-05-03', '2026-07-02', '2026-07-03', '2027-03-01', 'R-17: 31 Aug + 6 months clamps to 28 Feb (R-60)'],
      ['2027-08-31', '2027-05-03', '2027-07-02', '2027-07-03', '2028-03-01', 'R-17: clamps to 29 Feb 2028 (R-60)'],
      ['2026-06-30', '2026-03-02', '2026-05-01', '2026-05-02', '2026-12-31', 'R-10: closes on 1 May, a holiday, not moved (policy 1)'],
      ['2027-02-28', '2026-10-31', '2026-12-30', '2026-12-31', '2027-08-29', 'R-10: expiry at the end of February'],
      ['2028-02-29', '2027-11-01', '2027-12-31', '2028-01-01', '2028-08-30', 'R-10: expiry on 29 February'],
      ['2026-01-15', '2025-09-17', '2025-11-16', '2025-11-17', '2026-07-16', 'R-10: mid-month'],
      ['2029-05-31', '2029-01-31', '2029-04-01', '2029-04-02', '2029-12-01', 'R-17: 31 May + 6 months = 30 Nov, + 1 day'],
    ])('E = %s: opens %s, closes %s, late from %s, entry conditions from %s (%s)', (expiry, opens, closes, lateFrom, entryAgain) => {
      const result = compute(deadlineInput({ permit: { validFrom: '2025-01-01', validUntil: expiry }, today: '2025-06-01' }));
      expect(dateOn(result, 'application_window_opens')).toBe(opens);
      expect(dateOn(result, 'application_window_closes')).toBe(closes);
      expect(dateOn(result, 'late_fee_applies_from')).toBe(lateFrom);
      expect(dateOn(result, 'entry_conditions_again_from')).toBe(entryAgain);
    });

    it.each([
      ['2026-09-02', 'in_time', 'R-10: E − 120 days, the first day'],
      ['2026-09-03', 'in_time', 'R-10: E − 119 days'],
      ['2026-10-31', 'in_time', 'R-10: E − 61 days'],
      ['2026-11-01', 'in_time', 'R-10: E − 60 days, the last day (Sunday, Toussaint), both ends included'],
      ['2026-11-02', 'late', 'R-15: E − 59 days'],
      ['2026-11-03', 'late', 'R-15: E − 58 days'],
      ['2026-12-31', 'late', 'R-15: on the expiry day'],
      ['2027-01-01', 'late', 'R-15: the day after expiry'],
      ['2027-06-30', 'late', 'R-17: exactly 6 months after expiry is not "more than 6 months"'],
      ['2027-07-01', 'very_late', 'R-17: more than 6 months after expiry'],
      ['2027-12-01', 'very_late', 'R-17: long after expiry'],
    ])('filed %s for E = 2026-12-31 → %s (%s)', (filedOn, status) => {
      const result = compute(deadlineInput({ application: { filedOn }, today: filedOn }));
      expect(result.filing).toEqual({ status, assessedOn: filedOn });
      const late = status !== 'in_time';
      expect(result.late).toBe(late);
      expect(result.fees.some((fee) => fee.id === 'late_renewal_fee' && fee.amountEur === 180)).toBe(late);
      expect(codes(result).includes('filing_late')).toBe(late);
      expect(codes(result).includes('entry_conditions_again')).toBe(status === 'very_late');
    });

    it.each([
      ['2026-09-01', false, [], 'before the window'],
      ['2026-10-16', false, [], 'S-01: E − 76, no warning yet'],
      ['2026-10-17', false, ['window_closing'], 'S-01: E − 75, the window is closing'],
      ['2026-11-01', false, ['window_closing'], 'S-01: E − 60, last day'],
      ['2026-11-02', true, ['filing_late'], 'R-15/R-16: filing today would be late'],
      ['2027-06-30', true, ['filing_late'], 'R-17: 6 months after expiry, not more'],
      ['2027-07-01', true, ['filing_late', 'entry_conditions_again'], 'R-17: more than 6 months after expiry'],
    ])('nothing filed, today %s: late = %s, warnings %j (%s)', (today, late, expected) => {
      const result = compute(deadlineInput({ today }));
      expect(result.filing).toEqual({ status: 'not_filed', assessedOn: today });
      expect(result.late).toBe(late);
      expect(codes(result).filter((code) => code !== 'fees_unconfirmed')).toEqual(expected);
    });
  });

  // ——— R-90 (month rule, then − 7 days) and Sejour's S-01 (E − 75) ———
  describe('reminders (R-90, S-01)', () => {
    it.each([
      ['2026-12-31', '2026-08-31', '2026-10-24', '2026-10-17', 'R-90 on 31 December'],
      ['2026-06-30', '2026-02-28', '2026-04-23', '2026-04-16', 'R-90: 4 months back clamps to 28 Feb'],
      ['2028-06-30', '2028-02-29', '2028-04-23', '2028-04-16', 'R-90: clamps to 29 Feb in a leap year'],
      ['2026-08-31', '2026-04-30', '2026-06-23', '2026-06-17', 'R-90: 31 Aug − 4 months = 30 Apr; − 2 months = 30 Jun − 7'],
      ['2028-02-29', '2027-10-29', '2027-12-22', '2027-12-16', 'R-90 from 29 February'],
      ['2026-03-01', '2025-11-01', '2025-12-25', '2025-12-16', 'R-90 across the year end'],
    ])('E = %s: 4 months %s, 2 months + 1 week %s, window closing %s (%s)', (expiry, fourMonths, twoMonthsOneWeek, closing) => {
      const result = compute(deadlineInput({ permit: { validFrom: '2025-01-01', validUntil: expiry }, today: '2025-06-01' }));
      expect(dateOn(result, 'reminder_4_months')).toBe(fourMonths);
      expect(dateOn(result, 'reminder_2_months_1_week')).toBe(twoMonthsOneWeek);
      expect(dateOn(result, 'window_closing_warning')).toBe(closing);
      expect(result.dates.find((date) => date.id === 'reminder_4_months')?.kind).toBe('reminder');
      expect(result.dates.find((date) => date.id === 'window_closing_warning')?.kind).toBe('sejour_reminder');
    });

    it('drops the reminders once an application is filed (R-90, S-01)', () => {
      const result = compute(deadlineInput({ application: { filedOn: '2026-09-10' }, today: '2026-09-10' }));
      expect(dateOn(result, 'reminder_4_months')).toBeUndefined();
      expect(dateOn(result, 'reminder_2_months_1_week')).toBeUndefined();
      expect(dateOn(result, 'window_closing_warning')).toBeUndefined();
    });
  });

  // ——— R-01: VLS-TS validation within 3 months of entry (month rule), Sejour's S-02 14 days before ———
  describe('VLS-TS validation (R-01, S-02)', () => {
    it.each([
      ['2026-11-30', '2027-09-26', '2027-02-28', '2027-02-14', 'rules.json example: entry 30 Nov → 28 Feb'],
      ['2027-11-30', '2028-09-25', '2028-02-29', '2028-02-15', 'R-60: leap February'],
      ['2026-01-31', '2026-11-27', '2026-04-30', '2026-04-16', 'R-60: 31 Jan → 30 Apr'],
      ['2026-05-31', '2027-03-27', '2026-08-31', '2026-08-17', 'R-60: 31 May → 31 Aug'],
      ['2026-08-31', '2027-06-27', '2026-11-30', '2026-11-16', 'R-60: 31 Aug → 30 Nov'],
      ['2025-12-31', '2026-10-27', '2026-03-31', '2026-03-17', 'R-60: 31 Dec → 31 Mar'],
    ])('entered %s (visa until %s): validate by %s, reminder %s (%s)', (entered, validUntil, deadline, reminder) => {
      const result = compute(
        deadlineInput({ permit: { kind: 'vls_ts', cardType: 'etudiant', validFrom: entered, validUntil }, enteredFranceOn: entered, today: entered }),
      );
      expect(dateOn(result, 'vls_ts_validation_deadline')).toBe(deadline);
      expect(dateOn(result, 'vls_ts_validation_reminder')).toBe(reminder);
    });

    const vlsTs = (overrides: Partial<DeadlineInput>): DeadlineInput =>
      deadlineInput({
        permit: { kind: 'vls_ts', cardType: 'visiteur', validFrom: '2026-01-10', validUntil: '2026-12-31' },
        enteredFranceOn: '2026-01-15',
        today: '2026-06-01',
        ...overrides,
      });

    it('explains a validation made in time and drops the reminder (R-01)', () => {
      const result = compute(vlsTs({ vlsTsValidatedOn: '2026-02-01' }));
      expect(dateOn(result, 'vls_ts_validation_deadline')).toBe('2026-04-15');
      expect(dateOn(result, 'vls_ts_validation_reminder')).toBeUndefined();
      expect(result.dates.find((date) => date.id === 'vls_ts_validation_deadline')?.explanation.en).toContain('You validated your VLS-TS on Sunday 1 February 2026');
      expect(result.coverage[0]).toEqual(period('2026-01-10', '2026-12-31', 'permit', 'R-01'));
    });

    it('leaves the stay uncovered after the deadline when the VLS-TS is not validated (R-01)', () => {
      const result = compute(vlsTs({}));
      expect(result.coverage).toEqual([
        period('2026-01-10', '2026-04-15', 'permit', 'R-01'),
        period('2026-04-16', '2026-12-31', 'none', 'R-01'),
        period('2027-01-01', undefined, 'none', 'R-31'),
      ]);
      expect(result.today).toEqual({ on: '2026-06-01', covered: false, document: 'none', until: '2026-12-31', ruleId: 'R-01' });
      expect(codes(result)).toContain('vls_ts_not_validated');
    });

    it('covers again from a late validation and says so (R-01, R-03 policy)', () => {
      const result = compute(vlsTs({ vlsTsValidatedOn: '2026-05-01' }));
      expect(result.coverage.slice(0, 3)).toEqual([
        period('2026-01-10', '2026-04-15', 'permit', 'R-01'),
        period('2026-04-16', '2026-04-30', 'none', 'R-01'),
        period('2026-05-01', '2026-12-31', 'permit', 'R-01'),
      ]);
      expect(codes(result)).toContain('vls_ts_validated_late');
      expect(codes(result)).not.toContain('vls_ts_not_validated');
    });

    it('does not warn before the deadline (R-01)', () => {
      expect(codes(compute(vlsTs({ today: '2026-04-15' })))).not.toContain('vls_ts_not_validated');
    });
  });

  // ——— R-41 (4 months, month rule) + R-42 suspensions; no roll-forward ———
  describe('implicit rejection (R-41, R-42)', () => {
    const request = (requestedOn: string, dueOn: string, answeredOn?: string): DocumentRequest =>
      answeredOn === undefined ? { requestedOn, dueOn } : { requestedOn, dueOn, answeredOn };

    it.each<[string, DocumentRequest[], string, number, string]>([
      ['2026-09-15', [], '2027-01-15', 0, 'R-41: filing + 4 months'],
      ['2026-10-31', [], '2027-02-28', 0, 'R-41 with R-60: 31 Oct + 4 months = 28 Feb'],
      ['2027-10-31', [], '2028-02-29', 0, 'R-41 with R-60: leap February'],
      ['2026-06-30', [], '2026-10-30', 0, 'R-41: 30 June → 30 October'],
      ['2026-07-03', [], '2026-11-03', 0, 'R-41: not rolled forward although 1 Nov was near (policy 6)'],
      ['2026-09-15', [request('2026-10-01', '2026-10-31', '2026-10-10')], '2027-01-24', 9, 'R-42: answered early ends the suspension'],
      ['2026-09-15', [request('2026-10-01', '2026-10-31')], '2027-02-14', 30, 'R-42: never answered, suspended until the due date'],
      ['2026-09-15', [request('2026-10-01', '2026-10-31', '2026-11-20')], '2027-02-14', 30, 'R-42: answered after the due date'],
      ['2026-09-15', [request('2026-10-01', '2026-10-31', '2026-10-01')], '2027-01-15', 0, 'R-42: answered the day it was asked'],
      [
        '2026-09-15',
        [request('2026-10-01', '2026-10-31', '2026-10-10'), request('2026-11-01', '2026-11-30', '2026-11-15')],
        '2027-02-07',
        23,
        'R-42: two requests, both counted',
      ],
      ['2026-09-15', [request('2026-10-01', '2026-10-31'), request('2026-10-15', '2026-11-15')], '2027-03-01', 45, 'R-42: overlapping requests suspend each day once'],
      ['2026-09-15', [request('2026-10-01', '2026-10-31'), request('2026-10-05', '2026-10-20')], '2027-02-14', 30, 'R-42: a request inside another'],
      ['2026-09-15', [request('2026-10-15', '2026-11-15'), request('2026-10-01', '2026-10-31')], '2027-03-01', 45, 'R-42: requests in any order'],
      [
        '2026-01-10',
        [request('2026-05-01', '2026-05-31'), request('2026-06-05', '2026-06-15')],
        '2026-06-19',
        40,
        'R-42: a suspension moves the date past a later request, which then counts too',
      ],
      ['2026-01-10', [request('2026-05-11', '2026-05-31')], '2026-05-10', 0, 'R-42: a request after the rejection arose does not suspend it'],
      ['2026-01-10', [request('2026-05-10', '2026-05-20')], '2026-05-20', 10, 'R-42: a request on the last day still suspends'],
    ])('filed %s with requests %j → rejected at the end of %s, %i days suspended (%s)', (filedOn, documentRequests, expected, suspended) => {
      const application: Application = documentRequests.length === 0 ? { filedOn } : { filedOn, documentRequests };
      const result = compute(filedInTime(application));
      expect(dateOn(result, 'tacit_refusal_on')).toBe(expected);
      const explanation = result.dates.find((date) => date.id === 'tacit_refusal_on')?.explanation;
      if (suspended === 0) expect(explanation?.en).not.toContain('suspended');
      else expect(explanation?.en).toContain(`plus ${suspended} day${suspended === 1 ? '' : 's'} during which`);
    });

    it.each([
      ['2027-01-14', false, 'R-41: an explicit decision before the date prevents the implicit one'],
      ['2027-01-15', false, 'R-41: a decision on the last day comes before the end of that day'],
      ['2027-01-16', true, 'R-41/R-56: a later explicit refusal does not undo the implicit one'],
    ])('explicit refusal notified %s: implicit rejection shown = %s (%s)', (notifiedOn, shown) => {
      const result = compute(filedInTime({ filedOn: '2026-09-15', decision: { kind: 'refusal', notifiedOn } }));
      expect(dateOn(result, 'tacit_refusal_on') !== undefined).toBe(shown);
    });

    it('warns that silence on an incomplete file may be a refusal to register it (R-43)', () => {
      const incomplete = compute(filedInTime({ filedOn: '2026-09-15' }, { today: '2027-01-16' }));
      expect(codes(incomplete)).toContain('tacit_refusal_on_incomplete_file');
      const complete = compute(filedInTime({ filedOn: '2026-09-15', completeOn: '2026-10-01' }, { today: '2027-01-16' }));
      expect(codes(complete)).not.toContain('tacit_refusal_on_incomplete_file');
      const notYet = compute(filedInTime({ filedOn: '2026-09-15' }, { today: '2027-01-15' }));
      expect(codes(notYet)).not.toContain('tacit_refusal_on_incomplete_file');
    });
  });

  // ——— Court deadlines: franc and rolled forward to a working day of the département ———
  describe('recourse after an explicit refusal (R-50, R-53)', () => {
    it.each<[string, string, string, string, string | undefined, string]>([
      ['refusal', '2025-12-30', '75', '2026-03-02', '2026-03-01', 'R-50 worked example: 28 Feb + 1 = Sunday 1 March → 2 March'],
      ['refusal', '2026-01-15', '75', '2026-03-16', undefined, 'R-50: a Monday, nothing to roll'],
      ['refusal', '2026-02-02', '67', '2026-04-07', '2026-04-03', 'R-50: Good Friday in Bas-Rhin, the weekend, Easter Monday'],
      ['refusal', '2026-02-02', '75', '2026-04-03', undefined, 'R-50: Good Friday is worked in Paris'],
      ['refusal', '2026-03-26', '971', '2026-05-28', '2026-05-27', 'R-50: Guadeloupe, 27 May'],
      ['refusal', '2026-03-21', '971', '2026-05-22', undefined, 'R-50: 22 May is worked in Guadeloupe'],
      ['refusal', '2026-03-24', '2A', '2026-05-26', '2026-05-25', 'R-50: Whit Monday in Corse-du-Sud'],
      ['refusal_with_oqtf', '2026-03-31', '75', '2026-05-04', '2026-05-01', 'R-53: 1 May, then the weekend'],
      ['refusal_with_oqtf', '2026-04-21', '972', '2026-05-26', '2026-05-22', 'R-53: Martinique 22 May, weekend, Whit Monday'],
      ['refusal_with_oqtf', '2026-04-21', '75', '2026-05-22', undefined, 'R-53: 22 May is worked in Paris'],
      ['refusal_with_oqtf', '2026-05-09', '973', '2026-06-11', '2026-06-10', 'R-53: Guyane 10 June'],
      ['refusal_with_oqtf', '2026-11-19', '974', '2026-12-21', '2026-12-20', 'R-53: La Réunion 20 December (a Sunday)'],
      ['refusal_with_oqtf', '2027-03-26', '976', '2027-04-28', '2027-04-27', 'R-53: Mayotte 27 April'],
      ['refusal_with_oqtf', '2026-11-24', '57', '2026-12-28', '2026-12-25', 'R-53: Christmas, St Stephen (Saturday), Sunday in Moselle'],
    ])('%s notified %s in %s → %s (franc last day %s; %s)', (kind, notifiedOn, department, expected, rolledFrom) => {
      const result = compute(
        filedInTime({ filedOn: plusDays(notifiedOn, -60), decision: { kind: kind as 'refusal' | 'refusal_with_oqtf', notifiedOn } }, { department }),
      );
      const recourse = result.dates.find((date) => date.id === 'recourse_deadline');
      expect(recourse?.on).toBe(expected);
      expect(recourse?.rolledForwardFrom).toBe(rolledFrom);
      expect(recourse?.ruleId).toBe(kind === 'refusal' ? 'R-50' : 'R-53');
      if (rolledFrom !== undefined) expect(recourse?.explanation.en).toContain('is not a working day');
      expect(dateOn(result, 'reasons_request_deadline')).toBeUndefined();
    });

    it('has no recourse date after a favourable decision, only the attestation reminder (R-33, S-03)', () => {
      const result = compute(filedInTime({ filedOn: '2026-09-15', decision: { kind: 'favourable', notifiedOn: '2026-11-02' } }));
      expect(dateOn(result, 'recourse_deadline')).toBeUndefined();
      expect(dateOn(result, 'attestation_expiry_reminder')).toBe('2027-01-18');
    });

    it('counts from a refusal notified after the implicit rejection (R-56: the explicit one restarts the time limit)', () => {
      const result = compute(filedInTime({ filedOn: '2026-09-15', decision: { kind: 'refusal', notifiedOn: '2027-02-01' } }));
      expect(dateOn(result, 'tacit_refusal_on')).toBe('2027-01-15');
      expect(dateOn(result, 'recourse_deadline')).toBe('2027-04-02');
    });

    it('flags an OQTF refusal notified before the 2024 procedure took effect (R-53 versions)', () => {
      const result = compute(
        deadlineInput({
          permit: { validFrom: '2023-07-01', validUntil: '2024-06-30' },
          application: { filedOn: '2024-03-15', decision: { kind: 'refusal_with_oqtf', notifiedOn: '2024-07-01' } },
          today: '2024-07-02',
        }),
      );
      expect(result.warnings.find((warning) => warning.code === 'rule_version_missing' && warning.ruleId === 'R-53')?.params).toEqual({
        ruleId: 'R-53',
        on: '2024-07-01',
      });
    });
  });

  describe('recourse against an implicit rejection and its reasons (R-56, R-58)', () => {
    it.each<[string, string, string, string | undefined, string]>([
      ['2026-09-15', '2027-01-15', '2027-03-16', undefined, 'R-56: 15 Jan + 2 months + 1'],
      ['2026-10-31', '2027-02-28', '2027-04-29', undefined, 'R-56 from 28 February'],
      ['2026-06-30', '2026-10-30', '2026-12-31', undefined, 'R-56: 30 Oct + 2 months = 30 Dec + 1'],
      ['2026-04-24', '2026-08-24', '2026-10-26', '2026-10-25', 'R-56/R-63: Sunday 25 Oct → Monday'],
      ['2026-08-31', '2026-12-31', '2027-03-01', undefined, 'R-56 with R-60: 31 Dec + 2 months = 28 Feb + 1'],
    ])('filed %s: rejected %s, last day to go to court %s (franc last day %s; %s)', (filedOn, tacit, recourse, rolledFrom) => {
      const result = compute(filedInTime({ filedOn }));
      expect(dateOn(result, 'tacit_refusal_on')).toBe(tacit);
      const date = result.dates.find((d) => d.id === 'recourse_deadline');
      expect(date?.on).toBe(recourse);
      expect(date?.ruleId).toBe('R-56');
      expect(date?.rolledForwardFrom).toBe(rolledFrom);
      // The reasons may be requested within the court deadline.
      expect(dateOn(result, 'reasons_request_deadline')).toBe(recourse);
    });

    it('shows the safer reading of the month rule when it is earlier (R-62 edge case)', () => {
      const result = compute(filedInTime({ filedOn: '2027-08-30' }));
      expect(dateOn(result, 'tacit_refusal_on')).toBe('2027-12-30');
      const recourse = result.dates.find((d) => d.id === 'recourse_deadline');
      expect(recourse?.on).toBe('2028-03-01');
      expect(recourse?.saferOn).toBe('2028-02-29');
      expect(result.warnings.find((w) => w.code === 'recourse_month_end_ambiguity')?.params).toEqual({ saferOn: '2028-02-29', on: '2028-03-01' });
    });

    // Filed 2026-09-15: rejected 2027-01-15; court deadline (and reasons request deadline) 2027-03-16.
    it.each<[string | undefined, string | undefined, string | undefined, string | undefined, WarningCode | undefined, string]>([
      [undefined, undefined, undefined, '2027-03-16', undefined, 'R-56: no request for reasons'],
      ['2027-02-01', undefined, '2027-03-01', undefined, 'recourse_extended_until_reasons_given', 'R-58: requested in time, reasons awaited: the time limit does not run'],
      ['2027-03-16', undefined, '2027-04-16', undefined, 'recourse_extended_until_reasons_given', 'R-58: requested on the last day'],
      ['2027-03-17', undefined, undefined, '2027-03-16', 'reasons_requested_too_late', 'R-58: requested the day after the court deadline'],
      ['2027-02-01', '2027-02-20', '2027-03-01', '2027-04-21', undefined, 'R-58: 2 months after the reasons, franc'],
      ['2027-02-01', '2027-03-15', '2027-03-01', '2027-05-18', undefined, 'R-58/R-63: Sunday 16 May, then Whit Monday 17 May 2027'],
      ['2027-03-17', '2027-03-20', undefined, '2027-03-16', 'reasons_requested_too_late', 'R-58: reasons given after a late request change nothing'],
    ])('reasons requested %s, given %s → answer due %s, recourse %s, warning %s (%s)', (requested, given, answerDue, recourse, warning) => {
      const application: Application = {
        filedOn: '2026-09-15',
        ...(requested === undefined ? {} : { reasonsRequestedOn: requested }),
        ...(given === undefined ? {} : { reasonsGivenOn: given }),
      };
      const result = compute(filedInTime(application));
      expect(dateOn(result, 'reasons_request_deadline')).toBe('2027-03-16');
      expect(dateOn(result, 'reasons_answer_due')).toBe(answerDue);
      expect(dateOn(result, 'recourse_deadline')).toBe(recourse);
      if (warning !== undefined) expect(codes(result)).toContain(warning);
      if (given !== undefined && answerDue !== undefined) {
        expect(result.dates.find((d) => d.id === 'recourse_deadline')?.ruleId).toBe('R-58');
      }
    });
  });

  // ——— Coverage timeline: permit, R-31 attestations, R-33, R-19, and why nothing covers ———
  describe('coverage timeline (R-16, R-19, R-31, R-33)', () => {
    const card = { validFrom: '2026-01-01', validUntil: '2026-12-31' };
    const fourYearCard = { kind: 'multi_year_card' as const, validFrom: '2023-01-01', validUntil: '2026-12-31' };

    it.each<[string, DeadlineInput, CoveragePeriod[]]>([
      [
        'R-31: complete in-time application pending → 3-month attestations up to the one covering today',
        deadlineInput({ permit: card, application: { filedOn: '2026-10-01', completeOn: '2026-10-15' }, today: '2027-05-10' }),
        [
          period('2026-01-01', '2026-12-31', 'permit', 'R-00'),
          period('2027-01-01', '2027-03-31', 'prolongation_attestation', 'R-31'),
          period('2027-04-01', '2027-06-30', 'prolongation_attestation', 'R-31'),
        ],
      ],
      [
        'R-31: an incomplete application gets no attestation',
        deadlineInput({ permit: card, application: { filedOn: '2026-10-01' }, today: '2027-01-10' }),
        [period('2026-01-01', '2026-12-31', 'permit', 'R-00'), period('2027-01-01', undefined, 'none', 'R-31')],
      ],
      [
        'R-16: a late application gets no attestation, even complete',
        deadlineInput({ permit: card, application: { filedOn: '2026-11-15', completeOn: '2026-11-20' }, today: '2027-01-10' }),
        [period('2026-01-01', '2026-12-31', 'permit', 'R-00'), period('2027-01-01', undefined, 'none', 'R-16')],
      ],
      [
        'R-31: complete after expiry → the attestation starts at completeness',
        deadlineInput({ permit: card, application: { filedOn: '2026-10-01', completeOn: '2027-01-20' }, today: '2027-02-01' }),
        [
          period('2026-01-01', '2026-12-31', 'permit', 'R-00'),
          period('2027-01-01', '2027-01-19', 'none', 'R-31'),
          period('2027-01-20', '2027-04-19', 'prolongation_attestation', 'R-31'),
        ],
      ],
      [
        'R-31/R-33: a favourable decision ends the attestation; the ADF runs 3 months',
        deadlineInput({
          permit: card,
          application: { filedOn: '2026-10-01', completeOn: '2026-10-15', decision: { kind: 'favourable', notifiedOn: '2027-02-10' } },
          today: '2027-02-11',
        }),
        [
          period('2026-01-01', '2026-12-31', 'permit', 'R-00'),
          period('2027-01-01', '2027-02-09', 'prolongation_attestation', 'R-31'),
          period('2027-02-10', '2027-05-09', 'favourable_decision_attestation', 'R-33'),
          period('2027-05-10', undefined, 'none', 'R-33'),
        ],
      ],
      [
        'R-33: favourable before expiry → the permit first, then the rest of the ADF',
        deadlineInput({
          permit: card,
          application: { filedOn: '2026-09-10', completeOn: '2026-09-20', decision: { kind: 'favourable', notifiedOn: '2026-12-01' } },
          today: '2026-12-02',
        }),
        [
          period('2026-01-01', '2026-12-31', 'permit', 'R-00'),
          period('2027-01-01', '2027-02-28', 'favourable_decision_attestation', 'R-33'),
          period('2027-03-01', undefined, 'none', 'R-33'),
        ],
      ],
      [
        'R-31/R-50: a refusal ends the attestation on the day it is notified',
        deadlineInput({
          permit: card,
          application: { filedOn: '2026-10-01', completeOn: '2026-10-15', decision: { kind: 'refusal', notifiedOn: '2027-02-10' } },
          today: '2027-02-11',
        }),
        [
          period('2026-01-01', '2026-12-31', 'permit', 'R-00'),
          period('2027-01-01', '2027-02-09', 'prolongation_attestation', 'R-31'),
          period('2027-02-10', undefined, 'none', 'R-50'),
        ],
      ],
      [
        'R-53: a refusal with OQTF before expiry leaves the permit running to its end',
        deadlineInput({
          permit: card,
          application: { filedOn: '2026-09-10', completeOn: '2026-09-12', decision: { kind: 'refusal_with_oqtf', notifiedOn: '2026-11-20' } },
          today: '2026-11-21',
        }),
        [period('2026-01-01', '2026-12-31', 'permit', 'R-00'), period('2027-01-01', undefined, 'none', 'R-53')],
      ],
      [
        'R-19: a 4-year card applied for late: the expired card covers from filing to E + 3 months',
        deadlineInput({ permit: fourYearCard, application: { filedOn: '2027-01-10' }, today: '2027-01-20' }),
        [
          period('2023-01-01', '2026-12-31', 'permit', 'R-00'),
          period('2027-01-01', '2027-01-09', 'none', 'R-16'),
          period('2027-01-10', '2027-03-31', 'grace_period', 'R-19'),
          period('2027-04-01', undefined, 'none', 'R-19'),
        ],
      ],
      [
        'R-19: a resident card with an incomplete in-time application',
        deadlineInput({
          permit: { kind: 'resident_card', cardType: 'vie_privee_familiale', validFrom: '2017-01-01', validUntil: '2026-12-31' },
          application: { filedOn: '2026-10-01' },
          today: '2027-01-05',
        }),
        [
          period('2017-01-01', '2026-12-31', 'permit', 'R-00'),
          period('2027-01-01', '2027-03-31', 'grace_period', 'R-19'),
          period('2027-04-01', undefined, 'none', 'R-19'),
        ],
      ],
      [
        'R-19: a 2-year multi-year card has no grace period',
        deadlineInput({ permit: { kind: 'multi_year_card', validFrom: '2025-01-01', validUntil: '2026-12-31' }, application: { filedOn: '2026-10-01' }, today: '2027-01-05' }),
        [period('2025-01-01', '2026-12-31', 'permit', 'R-00'), period('2027-01-01', undefined, 'none', 'R-31')],
      ],
      [
        'R-19: one day short of 4 years is not a 4-year card',
        deadlineInput({ permit: { kind: 'multi_year_card', validFrom: '2023-01-02', validUntil: '2026-12-31' }, application: { filedOn: '2026-10-01' }, today: '2027-01-05' }),
        [period('2023-01-02', '2026-12-31', 'permit', 'R-00'), period('2027-01-01', undefined, 'none', 'R-31')],
      ],
      [
        'R-19/R-31: with both, the attestation shows and covers the grace days',
        deadlineInput({ permit: fourYearCard, application: { filedOn: '2026-10-01', completeOn: '2026-10-15' }, today: '2027-01-05' }),
        [period('2023-01-01', '2026-12-31', 'permit', 'R-00'), period('2027-01-01', '2027-03-31', 'prolongation_attestation', 'R-31')],
      ],
      [
        'R-19/R-31: a grace day beyond the first attestation is covered by the next attestation',
        deadlineInput({
          permit: { kind: 'multi_year_card', validFrom: '2023-01-31', validUntil: '2027-01-30' },
          application: { filedOn: '2026-10-15', completeOn: '2026-10-20' },
          today: '2027-02-01',
        }),
        [
          period('2023-01-31', '2027-01-30', 'permit', 'R-00'),
          period('2027-01-31', '2027-04-29', 'prolongation_attestation', 'R-31'),
          period('2027-04-30', '2027-07-30', 'prolongation_attestation', 'R-31'),
        ],
      ],
      [
        'R-31: renewals are counted from the first day, so they do not drift at month ends',
        deadlineInput({
          permit: { validFrom: '2025-01-31', validUntil: '2026-01-30' },
          application: { filedOn: '2025-10-15', completeOn: '2025-10-20' },
          today: '2026-08-15',
        }),
        [
          period('2025-01-31', '2026-01-30', 'permit', 'R-00'),
          period('2026-01-31', '2026-04-29', 'prolongation_attestation', 'R-31'),
          period('2026-04-30', '2026-07-30', 'prolongation_attestation', 'R-31'),
          period('2026-07-31', '2026-10-30', 'prolongation_attestation', 'R-31'),
        ],
      ],
      [
        'R-31/R-44: the attestations keep running after the implicit rejection while no decision is notified',
        deadlineInput({ permit: card, application: { filedOn: '2026-09-15', completeOn: '2026-09-20' }, today: '2027-08-01' }),
        [
          period('2026-01-01', '2026-12-31', 'permit', 'R-00'),
          period('2027-01-01', '2027-03-31', 'prolongation_attestation', 'R-31'),
          period('2027-04-01', '2027-06-30', 'prolongation_attestation', 'R-31'),
          period('2027-07-01', '2027-09-30', 'prolongation_attestation', 'R-31'),
        ],
      ],
      [
        'R-00: nothing filed, the card then nothing',
        deadlineInput({ permit: card, today: '2026-05-01' }),
        [period('2026-01-01', '2026-12-31', 'permit', 'R-00'), period('2027-01-01', undefined, 'none', 'R-31')],
      ],
    ])('%s', (_rule, input, expected) => {
      expect(compute(input).coverage).toEqual(expected);
    });

    it.each([
      ['2026-10-20', { covered: true, document: 'permit', until: '2026-12-31', ruleId: 'R-00' }],
      ['2027-02-15', { covered: true, document: 'prolongation_attestation', until: '2027-03-31', ruleId: 'R-31' }],
      ['2027-04-01', { covered: true, document: 'prolongation_attestation', until: '2027-06-30', ruleId: 'R-31' }],
    ])('answers for today %s (R-00, R-31)', (today, expected) => {
      const result = compute(deadlineInput({ permit: card, application: { filedOn: '2026-10-01', completeOn: '2026-10-15' }, today }));
      expect(result.today).toEqual({ on: today, ...expected });
    });

    it('answers "not covered yet" before the permit starts (R-00)', () => {
      const result = compute(deadlineInput({ permit: { validFrom: '2027-01-01', validUntil: '2027-12-31' }, today: '2026-12-15' }));
      expect(result.today).toEqual({ on: '2026-12-15', covered: false, document: 'none', until: '2026-12-31', ruleId: 'R-00' });
    });
  });

  // ——— Fees: versions by effective date; the 2026 finance-law version is unconfirmed (policy 8) ———
  describe('fees (R-70, R-71, R-73, R-76, R-18, R-77)', () => {
    type Row = [string, DeadlineInput, [string, number, string][], number, boolean];
    const vls = (cardType: 'visiteur' | 'etudiant', validFrom: string, validUntil: string, validated?: string): Partial<DeadlineInput> => ({
      permit: { kind: 'vls_ts', cardType, validFrom, validUntil },
      enteredFranceOn: plusDays(validFrom, 4),
      ...(validated === undefined ? {} : { vlsTsValidatedOn: validated }),
    });
    it.each<Row>([
      [
        'R-70/R-73: renewal, standard rate, 2022 amounts',
        deadlineInput({ permit: { validFrom: '2025-07-01', validUntil: '2026-06-30' }, application: { filedOn: '2026-03-10' }, today: '2026-03-10' }),
        [['residence_tax', 200, 'R-70'], ['stamp_duty', 25, 'R-73']],
        225,
        true,
      ],
      [
        'R-71/R-73: renewal, student rate',
        deadlineInput({ permit: { cardType: 'etudiant', validFrom: '2025-07-01', validUntil: '2026-06-30' }, application: { filedOn: '2026-03-10' }, today: '2026-03-10' }),
        [['residence_tax', 50, 'R-71'], ['stamp_duty', 25, 'R-73']],
        75,
        true,
      ],
      [
        'R-70/R-73: last day of the 2022 amounts',
        deadlineInput({ permit: { validFrom: '2025-08-01', validUntil: '2026-07-31' }, application: { filedOn: '2026-04-30' }, today: '2026-04-30' }),
        [['residence_tax', 200, 'R-70'], ['stamp_duty', 25, 'R-73']],
        225,
        true,
      ],
      [
        'R-70/R-73: first day of the unconfirmed 2026 amounts (renewal tax unchanged, stamp 50 €)',
        deadlineInput({ permit: { validFrom: '2025-08-01', validUntil: '2026-07-31' }, application: { filedOn: '2026-05-01' }, today: '2026-05-01' }),
        [['residence_tax', 200, 'R-70'], ['stamp_duty', 50, 'R-73']],
        250,
        false,
      ],
      [
        'R-70 (2026): the first card after a VLS-TS is a first issue, 300 €',
        deadlineInput({ ...vls('visiteur', '2025-09-01', '2026-08-31', '2025-09-20'), application: { filedOn: '2026-06-01' }, today: '2026-06-01' }),
        [['residence_tax', 300, 'R-70'], ['stamp_duty', 50, 'R-73']],
        350,
        false,
      ],
      [
        'R-71: first card after a student VLS-TS, 2022 amounts',
        deadlineInput({ ...vls('etudiant', '2025-07-01', '2026-06-30', '2025-07-20'), application: { filedOn: '2026-03-10' }, today: '2026-03-10' }),
        [['residence_tax', 50, 'R-71'], ['stamp_duty', 25, 'R-73']],
        75,
        true,
      ],
      [
        'R-76: a late renewal adds 180 €',
        deadlineInput({ permit: { validFrom: '2025-05-16', validUntil: '2026-05-15' }, application: { filedOn: '2026-03-20' }, today: '2026-03-20' }),
        [['residence_tax', 200, 'R-70'], ['stamp_duty', 25, 'R-73'], ['late_renewal_fee', 180, 'R-76']],
        405,
        true,
      ],
      [
        'R-18: a late first card after a VLS-TS also pays the late fee',
        deadlineInput({ ...vls('visiteur', '2025-05-01', '2026-04-30', '2025-05-20'), application: { filedOn: '2026-03-15' }, today: '2026-03-15' }),
        [['residence_tax', 200, 'R-70'], ['stamp_duty', 25, 'R-73'], ['late_renewal_fee', 180, 'R-18']],
        405,
        true,
      ],
      [
        'R-77: a VLS-TS not validated yet also owes the validation tax',
        deadlineInput({ ...vls('visiteur', '2025-10-01', '2026-09-30'), enteredFranceOn: '2026-01-15', today: '2026-03-01' }),
        [['residence_tax', 200, 'R-70'], ['stamp_duty', 25, 'R-73'], ['vls_ts_validation_tax', 200, 'R-77']],
        425,
        true,
      ],
      [
        'R-77/R-71 (2026): student validation tax at the unconfirmed first-issue rate',
        deadlineInput({ ...vls('etudiant', '2025-10-01', '2026-09-30'), enteredFranceOn: '2026-04-15', today: '2026-06-01' }),
        [['residence_tax', 100, 'R-71'], ['stamp_duty', 50, 'R-73'], ['vls_ts_validation_tax', 100, 'R-77']],
        250,
        false,
      ],
      [
        'R-70/R-73 before 2022: the earliest known version, flagged',
        deadlineInput({ permit: { validFrom: '2021-01-16', validUntil: '2022-01-15' }, application: { filedOn: '2021-10-01' }, today: '2021-10-01' }),
        [['residence_tax', 200, 'R-70'], ['stamp_duty', 25, 'R-73']],
        225,
        true,
      ],
    ])('%s', (_rule, input, expected, total, confirmed) => {
      const result = compute(input);
      expect(result.fees.map((fee) => [fee.id, fee.amountEur, fee.ruleId])).toEqual(expected);
      expect(result.feesTotalEur).toBe(total);
      expect(result.fees.every((fee) => fee.confirmed)).toBe(confirmed);
      expect(codes(result).includes('fees_unconfirmed')).toBe(!confirmed);
    });

    it('flags amounts computed before any known version (rule_version_missing)', () => {
      const result = compute(
        deadlineInput({ permit: { validFrom: '2021-01-16', validUntil: '2022-01-15' }, application: { filedOn: '2021-10-01' }, today: '2021-10-01' }),
      );
      const missing = result.warnings.filter((warning) => warning.code === 'rule_version_missing').map((warning) => warning.ruleId);
      expect(missing).toEqual(expect.arrayContaining(['R-70', 'R-73']));
    });

    it('keeps the lower confidence of a late fee resting on R-18 (medium)', () => {
      const result = compute(
        deadlineInput({
          permit: { kind: 'vls_ts', cardType: 'visiteur', validFrom: '2025-05-01', validUntil: '2026-04-30' },
          enteredFranceOn: '2025-05-05',
          vlsTsValidatedOn: '2025-05-20',
          application: { filedOn: '2026-03-15' },
          today: '2026-03-15',
        }),
      );
      expect(result.fees.find((fee) => fee.id === 'late_renewal_fee')?.confidence).toBe('medium');
    });
  });

  // ——— Which dates appear ———
  describe('dates present for a situation (absent when they do not apply)', () => {
    it.each<[string, DeadlineInput, string[]]>([
      [
        'a card, nothing filed: window, thresholds and reminders (R-10, R-15, R-17, R-90, S-01)',
        deadlineInput(),
        [
          'reminder_4_months',
          'application_window_opens',
          'window_closing_warning',
          'reminder_2_months_1_week',
          'application_window_closes',
          'late_fee_applies_from',
          'entry_conditions_again_from',
        ],
      ],
      [
        'a pending application: the implicit rejection, its recourse and the reasons deadline (R-41, R-56, R-58)',
        deadlineInput({ application: { filedOn: '2026-09-10' }, today: '2026-09-10' }),
        [
          'application_window_opens',
          'application_window_closes',
          'late_fee_applies_from',
          'tacit_refusal_on',
          'recourse_deadline',
          'reasons_request_deadline',
          'entry_conditions_again_from',
        ],
      ],
      [
        'a favourable decision before the implicit rejection: no rejection, no recourse (R-41, S-03)',
        deadlineInput({ application: { filedOn: '2026-09-10', decision: { kind: 'favourable', notifiedOn: '2026-10-20' } }, today: '2026-10-21' }),
        ['application_window_opens', 'application_window_closes', 'late_fee_applies_from', 'attestation_expiry_reminder', 'entry_conditions_again_from'],
      ],
      [
        'a VLS-TS not validated: the validation deadline and reminder (R-01, S-02)',
        deadlineInput({
          permit: { kind: 'vls_ts', cardType: 'visiteur', validFrom: '2026-01-10', validUntil: '2026-12-31' },
          enteredFranceOn: '2026-01-15',
          today: '2026-02-01',
        }),
        [
          'vls_ts_validation_reminder',
          'vls_ts_validation_deadline',
          'reminder_4_months',
          'application_window_opens',
          'window_closing_warning',
          'reminder_2_months_1_week',
          'application_window_closes',
          'late_fee_applies_from',
          'entry_conditions_again_from',
        ],
      ],
    ])('%s', (_rule, input, ids) => {
      expect(compute(input).dates.map((date) => date.id)).toEqual(ids);
    });

    it('lists dates in date order, each with its rule, citation and confidence', () => {
      const { dates } = compute(deadlineInput({ application: { filedOn: '2026-09-10' }, today: '2026-09-10' }));
      expect(dates.map((date) => date.on)).toEqual([...dates.map((date) => date.on)].sort());
      for (const date of dates) {
        expect(date.citation.length).toBeGreaterThan(0);
        expect(['high', 'medium', 'low']).toContain(date.confidence);
      }
    });
  });

  describe('explanations (locales/fr and locales/en)', () => {
    it('explains the last day of the window in French and English (R-10)', () => {
      const date = compute(deadlineInput()).dates.find((d) => d.id === 'application_window_closes');
      expect(date?.explanation.fr).toContain('le dimanche 1er novembre 2026, soit 60 jours avant l\'expiration de votre titre le jeudi 31 décembre 2026');
      expect(date?.explanation.en).toContain('Sunday 1 November 2026, 60 days before your permit expires on Thursday 31 December 2026');
    });

    it('explains a court deadline moved to a working day (R-50, R-63)', () => {
      const result = compute(filedInTime({ filedOn: '2025-10-31', decision: { kind: 'refusal', notifiedOn: '2025-12-30' } }, { today: '2026-01-05' }));
      const date = result.dates.find((d) => d.id === 'recourse_deadline');
      expect(date?.explanation.fr).toBe(
        "Le refus vous a été notifié le mardi 30 décembre 2025. Vous pouvez le contester devant le tribunal administratif jusqu'au lundi 2 mars 2026 inclus (délai franc de 2 mois). Le dimanche 1er mars 2026 n'étant pas un jour ouvrable, l'échéance est reportée au premier jour ouvrable suivant.",
      );
      expect(date?.explanation.en).toBe(
        'The refusal was notified to you on Tuesday 30 December 2025. You can challenge it before the administrative court until Monday 2 March 2026 inclusive (a clear time limit of 2 months). As Sunday 1 March 2026 is not a working day, the time limit moves to the next working day.',
      );
    });

    it('uses the singular for one suspended day (R-42)', () => {
      const result = compute(filedInTime({ filedOn: '2026-09-15', documentRequests: [{ requestedOn: '2026-10-01', dueOn: '2026-10-31', answeredOn: '2026-10-02' }] }));
      const date = result.dates.find((d) => d.id === 'tacit_refusal_on');
      expect(date?.explanation.fr).toContain('plus 1 jour pendant lesquels');
      expect(date?.explanation.en).toContain('plus 1 day during which');
    });
  });
});
