/**
 * Test support for the deadline engine (imported by tests only): an input builder and a
 * fast-check arbitrary of varied inputs that `validateDeadlineInput` accepts.
 */
import fc from 'fast-check';
import { addDays, addMonths, formatIsoDate, toEpochDay, type EpochDay } from '../calendar/epoch-day';
import { DEPARTMENTS } from '../departments';
import { CARD_TYPE_IDS } from '../rules/card-types';
import { DECISION_KINDS, PERMIT_KINDS, type Application, type DeadlineInput, type DeadlineResult, type DateId, type Permit } from './types';
import { validateDeadlineInput } from './validate-deadline-input';

/** A salarié's one-year temporary card in Paris, expiring 2026-12-31, nothing filed. */
export function deadlineInput(overrides: Partial<Omit<DeadlineInput, 'permit'>> & { permit?: Partial<Permit> } = {}): DeadlineInput {
  const { permit, ...rest } = overrides;
  return {
    permit: { kind: 'temporary_card', cardType: 'salarie', validFrom: '2026-01-01', validUntil: '2026-12-31', ...permit },
    department: '75',
    today: '2026-10-01',
    ...rest,
  };
}

export function dateOn(result: DeadlineResult, id: DateId): string | undefined {
  return result.dates.find((date) => date.id === id)?.on;
}

const ORIGIN = toEpochDay('2022-06-01');

const scenario = fc.record({
  kind: fc.constantFrom(...PERMIT_KINDS),
  cardType: fc.constantFrom(...CARD_TYPE_IDS),
  department: fc.constantFrom(...DEPARTMENTS),
  expiry: fc.integer({ min: 0, max: 6 * 365 }),
  multiYearMonths: fc.constantFrom(24, 48),
  vlsTsDays: fc.integer({ min: 120, max: 364 }),
  enteredAfter: fc.integer({ min: 0, max: 60 }),
  validatedAfter: fc.option(fc.integer({ min: 0, max: 150 }), { nil: undefined }),
  // Filing day relative to expiry: in the window, late, or very late.
  filed: fc.option(fc.oneof(fc.integer({ min: -120, max: -60 }), fc.integer({ min: -59, max: 300 })), { nil: undefined }),
  completeAfter: fc.option(fc.integer({ min: 0, max: 150 }), { nil: undefined }),
  requests: fc.array(
    fc.record({
      after: fc.integer({ min: 0, max: 120 }),
      dueIn: fc.integer({ min: 0, max: 60 }),
      answeredIn: fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
    }),
    { maxLength: 3 },
  ),
  decision: fc.option(fc.record({ kind: fc.constantFrom(...DECISION_KINDS), after: fc.integer({ min: 0, max: 300 }) }), { nil: undefined }),
  reasonsAfterTacit: fc.option(fc.integer({ min: 1, max: 90 }), { nil: undefined }),
  reasonsGivenIn: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
  todayAfter: fc.integer({ min: 0, max: 400 }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer S> ? S : never;

function build(s: Scenario): DeadlineInput {
  const iso = formatIsoDate;
  const expiry = addDays(ORIGIN, s.expiry);
  const validFrom =
    s.kind === 'vls_ts'
      ? addDays(expiry, -s.vlsTsDays)
      : addDays(addMonths(expiry, s.kind === 'temporary_card' ? -12 : s.kind === 'multi_year_card' ? -s.multiYearMonths : -120), 1);
  const entered = s.kind === 'vls_ts' ? addDays(validFrom, s.enteredAfter) : undefined;
  const validated = entered !== undefined && s.validatedAfter !== undefined ? addDays(entered, s.validatedAfter) : undefined;
  const facts: EpochDay[] = [validFrom, ...(validated === undefined ? [] : [validated]), ...(entered === undefined ? [] : [entered])];

  let application: Application | undefined;
  if (s.filed !== undefined) {
    const filed = addDays(expiry, s.filed);
    const decided = s.decision === undefined ? undefined : addDays(filed, s.decision.after);
    const documentRequests = s.requests.map((request) => {
      const requested = addDays(filed, request.after);
      const answered = request.answeredIn === undefined ? undefined : addDays(requested, request.answeredIn);
      facts.push(requested, ...(answered === undefined ? [] : [answered]));
      return { requestedOn: iso(requested), dueOn: iso(addDays(requested, request.dueIn)), ...(answered === undefined ? {} : { answeredOn: iso(answered) }) };
    });
    const complete = s.completeAfter === undefined ? undefined : addDays(filed, s.completeAfter);
    // Reasons: after the plain 4-month silence (the validator refuses those that come too early).
    const reasonsRequested = s.reasonsAfterTacit === undefined ? undefined : addDays(addMonths(filed, 4), s.reasonsAfterTacit + 100);
    const reasonsGiven = reasonsRequested === undefined || s.reasonsGivenIn === undefined ? undefined : addDays(reasonsRequested, s.reasonsGivenIn);
    facts.push(filed, ...[decided, complete, reasonsRequested, reasonsGiven].filter((d): d is EpochDay => d !== undefined));
    application = {
      filedOn: iso(filed),
      ...(complete === undefined ? {} : { completeOn: iso(complete) }),
      ...(documentRequests.length === 0 ? {} : { documentRequests }),
      ...(s.decision === undefined || decided === undefined ? {} : { decision: { kind: s.decision.kind, notifiedOn: iso(decided) } }),
      ...(reasonsRequested === undefined ? {} : { reasonsRequestedOn: iso(reasonsRequested) }),
      ...(reasonsGiven === undefined ? {} : { reasonsGivenOn: iso(reasonsGiven) }),
    };
  }
  const latest = facts.reduce((max, day) => (day > max ? day : max), validFrom);
  return {
    permit: { kind: s.kind, cardType: s.cardType, validFrom: iso(validFrom), validUntil: iso(expiry) },
    ...(entered === undefined ? {} : { enteredFranceOn: iso(entered) }),
    ...(validated === undefined ? {} : { vlsTsValidatedOn: iso(validated) }),
    department: s.department,
    ...(application === undefined ? {} : { application }),
    today: iso(addDays(latest, s.todayAfter)),
  };
}

/** Varied inputs that pass validation: every permit kind, filing time, decision and département. */
export const deadlineInputArbitrary: fc.Arbitrary<DeadlineInput> = scenario
  .map(build)
  .filter((input) => validateDeadlineInput(input).length === 0);
