import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { addDays, civilFromEpochDay, daysBetween, epochDayFromCivil, formatIsoDate, toEpochDay, type EpochDay } from '../calendar/epoch-day';
import { nextWorkingDayOnOrAfter } from '../calendar/legal-periods';
import { computeDeadlines } from './compute-deadlines';
import { deadlineInputArbitrary } from './deadline-input.fixtures';
import type { DateId, DeadlineInput, DeadlineResult, LegalDate } from './types';
import { validateDeadlineInput } from './validate-deadline-input';

const RUNS = { numRuns: 400 };

const on = (result: DeadlineResult, id: DateId): LegalDate | undefined => result.dates.find((date) => date.id === id);
const shiftIso = (text: string, days: number): string => formatIsoDate(addDays(toEpochDay(text), days));

/** Applies `change` to every date of the input (permit, facts, today). */
function mapDates(input: DeadlineInput, change: (text: string) => string): DeadlineInput {
  const { permit, application } = input;
  const optional = (text: string | undefined): string | undefined => (text === undefined ? undefined : change(text));
  const strip = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
  return strip({
    ...input,
    permit: { ...permit, validFrom: change(permit.validFrom), validUntil: change(permit.validUntil) },
    enteredFranceOn: optional(input.enteredFranceOn),
    vlsTsValidatedOn: optional(input.vlsTsValidatedOn),
    today: change(input.today),
    application:
      application === undefined
        ? undefined
        : strip({
            ...application,
            filedOn: change(application.filedOn),
            completeOn: optional(application.completeOn),
            documentRequests: application.documentRequests?.map((request) =>
              strip({ ...request, requestedOn: change(request.requestedOn), dueOn: change(request.dueOn), answeredOn: optional(request.answeredOn) }),
            ),
            decision: application.decision === undefined ? undefined : { ...application.decision, notifiedOn: change(application.decision.notifiedOn) },
            reasonsRequestedOn: optional(application.reasonsRequestedOn),
            reasonsGivenOn: optional(application.reasonsGivenOn),
          }),
  });
}

const isValid = (input: DeadlineInput): boolean => validateDeadlineInput(input).length === 0;

describe('coverage timeline properties', () => {
  it('is consecutive and non-overlapping from the permit’s first day; only the last period may be open-ended', () => {
    fc.assert(
      fc.property(deadlineInputArbitrary, (input) => {
        const { coverage, today } = computeDeadlines(input);
        expect(coverage[0]?.from).toBe(input.permit.validFrom);
        coverage.forEach((period, index) => {
          const next = coverage[index + 1];
          if (next === undefined) return;
          expect(period.until, 'only the last period is open-ended').toBeDefined();
          expect(toEpochDay(period.from) <= toEpochDay(period.until as string)).toBe(true);
          expect(next.from, 'no gap, no overlap').toBe(shiftIso(period.until as string, 1));
          expect(period.document === 'none' && next.document === 'none' && period.ruleId === next.ruleId, 'equal none periods are merged').toBe(false);
        });
        // `today` is read from the period that contains it.
        const containing = coverage.find((p) => p.from <= today.on && (p.until === undefined || today.on <= p.until));
        if (containing !== undefined) {
          expect(today.document).toBe(containing.document);
          expect(today.covered).toBe(containing.document !== 'none');
        } else {
          expect(today.on < input.permit.validFrom).toBe(true);
        }
      }),
      RUNS,
    );
  });

  /** A complete application filed in time (complete by expiry), no decision, VLS-TS validated on entry. */
  const pendingInTime = fc
    .tuple(deadlineInputArbitrary, fc.integer({ min: 60, max: 120 }), fc.integer({ min: 0, max: 60 }))
    .map(([input, daysBeforeExpiry, completeAfter]): DeadlineInput => {
      const expiry = toEpochDay(input.permit.validUntil);
      const filed = addDays(expiry, -daysBeforeExpiry);
      const complete = addDays(filed, Math.min(completeAfter, daysBeforeExpiry));
      const { vlsTsValidatedOn: _dropped, ...rest } = input;
      return {
        ...rest,
        ...(input.enteredFranceOn === undefined ? {} : { vlsTsValidatedOn: input.enteredFranceOn }),
        application: { filedOn: formatIsoDate(filed), completeOn: formatIsoDate(complete) },
        today: input.today < formatIsoDate(complete) ? formatIsoDate(complete) : input.today,
      };
    })
    .filter(isValid);

  it('has no uncovered day while a complete in-time application is pending (R-31), up to and past today', () => {
    fc.assert(
      fc.property(pendingInTime, (input) => {
        const { coverage, today } = computeDeadlines(input);
        expect(coverage.filter((period) => period.document === 'none')).toEqual([]);
        expect(today.covered).toBe(true);
        const last = coverage[coverage.length - 1];
        expect(last?.until !== undefined && last.until >= input.today).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('which dates appear', () => {
  // Each id's precondition, stated on the input (and, for court-deadline comparisons, on the
  // reasons deadline the output gives).
  it('shows each date exactly when its preconditions hold', () => {
    fc.assert(
      fc.property(deadlineInputArbitrary, (input) => {
        const result = computeDeadlines(input);
        const has = (id: DateId): boolean => on(result, id) !== undefined;
        const application = input.application;
        const decision = application?.decision;
        const vlsTs = input.permit.kind === 'vls_ts';

        expect(has('vls_ts_validation_deadline')).toBe(vlsTs);
        expect(has('vls_ts_validation_reminder')).toBe(vlsTs && input.vlsTsValidatedOn === undefined);
        for (const id of ['application_window_opens', 'application_window_closes', 'late_fee_applies_from', 'entry_conditions_again_from'] as const) {
          expect(has(id)).toBe(true);
        }
        for (const id of ['reminder_4_months', 'reminder_2_months_1_week', 'window_closing_warning'] as const) {
          expect(has(id)).toBe(application === undefined);
        }

        const tacit = on(result, 'tacit_refusal_on');
        if (tacit !== undefined) expect(application !== undefined && (decision === undefined || decision.notifiedOn > tacit.on)).toBe(true);
        if (application !== undefined && decision === undefined) expect(tacit).toBeDefined();
        if (application === undefined) expect(tacit).toBeUndefined();

        const reasonsDeadline = on(result, 'reasons_request_deadline');
        expect(reasonsDeadline !== undefined).toBe(application !== undefined && decision === undefined);
        const requestedInTime =
          reasonsDeadline !== undefined && application?.reasonsRequestedOn !== undefined && application.reasonsRequestedOn <= reasonsDeadline.on;
        expect(has('reasons_answer_due')).toBe(requestedInTime);
        const awaitingReasons = requestedInTime && application?.reasonsGivenOn === undefined;
        const refused = decision !== undefined && decision.kind !== 'favourable';
        expect(has('recourse_deadline')).toBe(application !== undefined && (refused || (decision === undefined && !awaitingReasons)));
        expect(has('attestation_expiry_reminder')).toBe(decision?.kind === 'favourable');

        for (const date of result.dates) {
          expect(date.explanation.fr.length).toBeGreaterThan(20);
          expect(date.explanation.en.length).toBeGreaterThan(20);
          expect(`${date.explanation.fr} ${date.explanation.en}`).not.toMatch(/\{\{|undefined|NaN/);
        }
      }),
      RUNS,
    );
  });
});

describe('shifting every input date by the same number of days', () => {
  // Day-based rules (R-10 window, R-15 late fee threshold, S-01): E − n days moves exactly with E,
  // whatever the shift and whatever month ends or holidays it crosses.
  it('moves the day-based dates by exactly the shift', () => {
    const dayBased = ['application_window_opens', 'application_window_closes', 'late_fee_applies_from', 'window_closing_warning'] as const;
    fc.assert(
      fc.property(deadlineInputArbitrary, fc.integer({ min: -400, max: 400 }), (input, shift) => {
        const shifted = mapDates(input, (text) => shiftIso(text, shift));
        fc.pre(isValid(shifted));
        const before = computeDeadlines(input);
        const after = computeDeadlines(shifted);
        for (const id of dayBased) {
          const a = on(before, id);
          const b = on(after, id);
          expect(b?.on).toBe(a === undefined ? undefined : shiftIso(a.on, shift));
        }
      }),
      RUNS,
    );
  });

  /**
   * Month-based rules are shift-invariant when no month end is involved. The inputs here
   * have every date on day 10–18 of its month, no document requests (so every month-rule anchor —
   * an input date, or the day after expiry — falls on day 10–19), and the shift is −9…+8 days: each
   * anchor stays inside its month and below the 28th, so no clamping happens before or after.
   * Then: every non-court date moves by exactly the shift; a court deadline's franc last day moves
   * by exactly the shift and its last day is the next working day of the département on or after
   * it (the only difference comes from weekends and holidays, R-63); coverage periods move by
   * exactly the shift.
   */
  const midMonth = deadlineInputArbitrary
    .map((input) => {
      const { documentRequests: _dropped, ...application } = input.application ?? { filedOn: '' };
      const withoutRequests: DeadlineInput = input.application === undefined ? input : { ...input, application };
      return mapDates(withoutRequests, (text) => {
        const civil = civilFromEpochDay(toEpochDay(text));
        return formatIsoDate(epochDayFromCivil(civil.year, civil.month, 10 + (civil.day % 9)));
      });
    })
    .filter(isValid);

  it('moves month-rule dates by exactly the shift when no month end is crossed; court deadlines differ only by the roll-forward', () => {
    const courtDates = new Set<DateId>(['recourse_deadline', 'reasons_request_deadline']);
    fc.assert(
      fc.property(midMonth, fc.integer({ min: -9, max: 8 }), (input, shift) => {
        const shifted = mapDates(input, (text) => shiftIso(text, shift));
        fc.pre(isValid(shifted));
        const before = computeDeadlines(input);
        const after = computeDeadlines(shifted);
        // Same ids (their order may change when a roll-forward passes another date).
        expect(after.dates.map((d) => d.id).sort()).toEqual(before.dates.map((d) => d.id).sort());
        before.dates.forEach((date) => {
          const moved = on(after, date.id) as LegalDate;
          if (!courtDates.has(date.id)) {
            expect(moved.on, date.id).toBe(shiftIso(date.on, shift));
            return;
          }
          const francBefore = date.rolledForwardFrom ?? date.on;
          const francAfter = moved.rolledForwardFrom ?? moved.on;
          expect(francAfter, `${date.id} franc last day`).toBe(shiftIso(francBefore, shift));
          expect(moved.on).toBe(formatIsoDate(nextWorkingDayOnOrAfter(toEpochDay(francAfter), input.department)));
          expect(moved.saferOn).toBeUndefined();
        });
        expect(after.coverage).toEqual(
          before.coverage.map((period) => ({
            ...period,
            from: shiftIso(period.from, shift),
            ...(period.until === undefined ? {} : { until: shiftIso(period.until, shift) }),
          })),
        );
      }),
      RUNS,
    );
  });
});

describe('month rule cross-check', () => {
  // through the whole engine against Temporal's constrain overflow.
  it('gives the VLS-TS validation deadline of Temporal.PlainDate.add({ months: 3 })', () => {
    fc.assert(
      fc.property(deadlineInputArbitrary, (input) => {
        fc.pre(input.enteredFranceOn !== undefined);
        const expected = Temporal.PlainDate.from(input.enteredFranceOn as string).add({ months: 3 }).toString();
        expect(on(computeDeadlines(input), 'vls_ts_validation_deadline')?.on).toBe(expected);
      }),
      RUNS,
    );
  });

  it('never puts the implicit rejection before filing + 4 months, and adds at most the requested days (R-41, R-42)', () => {
    fc.assert(
      fc.property(deadlineInputArbitrary, (input) => {
        const tacit = on(computeDeadlines(input), 'tacit_refusal_on');
        fc.pre(tacit !== undefined && input.application !== undefined);
        const application = input.application as NonNullable<DeadlineInput['application']>;
        const base = toEpochDay(Temporal.PlainDate.from(application.filedOn).add({ months: 4 }).toString());
        const requested = (application.documentRequests ?? []).reduce(
          (total, request) => total + Math.max(0, daysBetween(toEpochDay(request.requestedOn), toEpochDay(request.dueOn))),
          0,
        );
        const day = toEpochDay((tacit as LegalDate).on);
        expect(day >= base).toBe(true);
        expect(day <= ((base + requested) as EpochDay)).toBe(true);
      }),
      RUNS,
    );
  });
});
