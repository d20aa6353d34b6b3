import { describe, expect, it } from 'vitest';
import { deadlineInput } from './deadline-input.fixtures';
import type { UncheckedDeadlineInput, ValidationIssue } from './types';
import { parseDeadlineInput, validateDeadlineInput } from './validate-deadline-input';
import { computeDeadlines } from './compute-deadlines';

/** A valid base: a card expiring 2026-12-31, an application filed in time, today 2027-03-01. */
const base = (overrides: Partial<UncheckedDeadlineInput> = {}): UncheckedDeadlineInput => ({
  ...deadlineInput({ application: { filedOn: '2026-09-10' }, today: '2027-03-01' }),
  ...overrides,
});

const vlsTs = (overrides: Partial<UncheckedDeadlineInput> = {}): UncheckedDeadlineInput =>
  base({
    permit: { kind: 'vls_ts', cardType: 'visiteur', validFrom: '2026-01-10', validUntil: '2026-12-31' },
    enteredFranceOn: '2026-01-15',
    ...overrides,
  });

const withApplication = (application: NonNullable<UncheckedDeadlineInput['application']>): UncheckedDeadlineInput => base({ application });

const only = (field: string, code: string, params?: Record<string, string>): ValidationIssue[] => [
  params === undefined ? ({ field, code } as ValidationIssue) : ({ field, code, params } as ValidationIssue),
];

describe(validateDeadlineInput.name, () => {
  it('accepts a valid input', () => {
    expect(validateDeadlineInput(base())).toEqual([]);
    expect(validateDeadlineInput(vlsTs({ vlsTsValidatedOn: '2026-02-01' }))).toEqual([]);
  });

  it.each<[string, UncheckedDeadlineInput, ValidationIssue[]]>([
    ['a malformed date', base({ today: '2027-3-01' }), only('today', 'invalid_date')],
    ['an impossible date (30 February)', base({ today: '2027-02-30' }), only('today', 'impossible_date')],
    ['29 February of a common year', base({ permit: { kind: 'temporary_card', cardType: 'salarie', validFrom: '2026-01-01', validUntil: '2027-02-29' } }), only('permit.validUntil', 'impossible_date')],
    ['a date before 1900', base({ permit: { kind: 'temporary_card', cardType: 'salarie', validFrom: '1899-12-31', validUntil: '2026-12-31' } }), only('permit.validFrom', 'out_of_range', undefined).map((issue) => ({ ...issue, params: { min: '1900-01-01', max: '2199-12-31' } }))],
    ['an unknown permit kind', base({ permit: { kind: 'visa', cardType: 'salarie', validFrom: '2026-01-01', validUntil: '2026-12-31' } }), [{ field: 'permit.kind', code: 'unknown_permit_kind', params: { allowed: 'vls_ts, temporary_card, multi_year_card, resident_card' } }]],
    ['an unknown card type', base({ permit: { kind: 'temporary_card', cardType: 'astronaute', validFrom: '2026-01-01', validUntil: '2026-12-31' } }), [expect.objectContaining({ field: 'permit.cardType', code: 'unknown_card_type' })]],
    ['département 20 (now 2A and 2B)', base({ department: '20' }), only('department', 'unknown_department')],
    ['département 96', base({ department: '96' }), only('department', 'unknown_department')],
    ['Saint-Pierre-et-Miquelon (975, not a département)', base({ department: '975' }), only('department', 'unknown_department')],
    ['département 2a in lower case', base({ department: '2a' }), only('department', 'unknown_department')],
    ['a permit ending before it starts', base({ permit: { kind: 'temporary_card', cardType: 'salarie', validFrom: '2026-12-31', validUntil: '2026-01-01' } }), only('permit.validUntil', 'permit_ends_before_start')],
    ['a VLS-TS longer than a year (R-02)', vlsTs({ permit: { kind: 'vls_ts', cardType: 'visiteur', validFrom: '2026-01-10', validUntil: '2027-01-11' } }), only('permit.validUntil', 'vls_ts_longer_than_one_year')],
    ['a VLS-TS without its entry date (R-01)', vlsTs({ enteredFranceOn: undefined }), only('enteredFranceOn', 'required')],
    ['an entry before the visa starts', vlsTs({ enteredFranceOn: '2026-01-09' }), only('enteredFranceOn', 'entered_outside_permit')],
    ['an entry after the visa ends', vlsTs({ enteredFranceOn: '2027-01-01' }), only('enteredFranceOn', 'entered_outside_permit')],
    ['a validation date on a card', base({ vlsTsValidatedOn: '2026-02-01' }), only('vlsTsValidatedOn', 'only_for_vls_ts')],
    ['a validation before entry', vlsTs({ vlsTsValidatedOn: '2026-01-14' }), only('vlsTsValidatedOn', 'validated_before_entry')],
    ['a validation after the visa ends', vlsTs({ vlsTsValidatedOn: '2027-01-02' }), only('vlsTsValidatedOn', 'validated_after_expiry')],
    ['a filing before the permit starts', withApplication({ filedOn: '2025-12-31' }), only('application.filedOn', 'filed_before_permit')],
    ['a filing one day before the window opens (policy 2)', withApplication({ filedOn: '2026-09-01' }), only('application.filedOn', 'filed_before_window', { opensOn: '2026-09-02' })],
    ['completeness before filing', withApplication({ filedOn: '2026-09-10', completeOn: '2026-09-09' }), only('application.completeOn', 'complete_before_filed')],
    [
      'completeness after the decision',
      withApplication({ filedOn: '2026-09-10', completeOn: '2026-11-02', decision: { kind: 'refusal', notifiedOn: '2026-11-01' } }),
      only('application.completeOn', 'complete_after_decision'),
    ],
    ['a request for documents before filing', withApplication({ filedOn: '2026-09-10', documentRequests: [{ requestedOn: '2026-09-09', dueOn: '2026-10-09' }] }), only('application.documentRequests[0].requestedOn', 'request_before_filed')],
    [
      'a request for documents after the decision',
      withApplication({ filedOn: '2026-09-10', documentRequests: [{ requestedOn: '2026-11-02', dueOn: '2026-12-02' }], decision: { kind: 'favourable', notifiedOn: '2026-11-01' } }),
      only('application.documentRequests[0].requestedOn', 'request_after_decision'),
    ],
    ['a due date before the request', withApplication({ filedOn: '2026-09-10', documentRequests: [{ requestedOn: '2026-10-01', dueOn: '2026-09-30' }] }), only('application.documentRequests[0].dueOn', 'due_before_request')],
    [
      'an answer before the request',
      withApplication({ filedOn: '2026-09-10', documentRequests: [{ requestedOn: '2026-10-01', dueOn: '2026-10-31' }, { requestedOn: '2026-10-05', dueOn: '2026-11-05', answeredOn: '2026-10-04' }] }),
      only('application.documentRequests[1].answeredOn', 'answer_before_request'),
    ],
    ['an impossible request date', withApplication({ filedOn: '2026-09-10', documentRequests: [{ requestedOn: '2026-09-31', dueOn: '2026-10-31' }] }), only('application.documentRequests[0].requestedOn', 'impossible_date')],
    ['an unknown decision kind', withApplication({ filedOn: '2026-09-10', decision: { kind: 'accepted', notifiedOn: '2026-11-01' } }), [{ field: 'application.decision.kind', code: 'unknown_decision_kind', params: { allowed: 'favourable, refusal, refusal_with_oqtf' } }]],
    ['a decision before filing', withApplication({ filedOn: '2026-09-10', decision: { kind: 'refusal', notifiedOn: '2026-09-09' } }), only('application.decision.notifiedOn', 'decision_before_filed')],
    // filed 2026-09-10 → the implicit rejection arises at the end of 2027-01-10.
    ['reasons requested before the implicit rejection', withApplication({ filedOn: '2026-09-10', reasonsRequestedOn: '2027-01-10' }), only('application.reasonsRequestedOn', 'reasons_before_tacit_refusal', { tacitRefusalOn: '2027-01-10' })],
    [
      'reasons requested after an explicit decision that came first',
      withApplication({ filedOn: '2026-09-10', decision: { kind: 'refusal', notifiedOn: '2026-12-01' }, reasonsRequestedOn: '2027-01-20' }),
      only('application.reasonsRequestedOn', 'reasons_without_tacit_refusal'),
    ],
    [
      'reasons requested before an implicit rejection delayed by a suspension (R-42)',
      withApplication({ filedOn: '2026-09-10', documentRequests: [{ requestedOn: '2026-10-01', dueOn: '2026-10-31' }], reasonsRequestedOn: '2027-01-20' }),
      only('application.reasonsRequestedOn', 'reasons_before_tacit_refusal', { tacitRefusalOn: '2027-02-09' }),
    ],
    ['reasons given without a request', withApplication({ filedOn: '2026-09-10', reasonsGivenOn: '2027-02-01' }), only('application.reasonsGivenOn', 'reasons_given_without_request')],
    ['reasons given before the request', withApplication({ filedOn: '2026-09-10', reasonsRequestedOn: '2027-01-20', reasonsGivenOn: '2027-01-19' }), only('application.reasonsGivenOn', 'reasons_given_before_request')],
  ])('refuses %s', (_case, input, expected) => {
    expect(validateDeadlineInput(input)).toEqual(expected);
  });

  it('reports every problem at once, each with its field', () => {
    const issues = validateDeadlineInput({
      permit: { kind: 'card', cardType: 'x', validFrom: '2026-13-01', validUntil: '2026-12-31' },
      department: '00',
      application: { filedOn: 'yesterday' },
      today: '2027-01-01',
    });
    expect(issues.map((issue) => `${issue.field}:${issue.code}`)).toEqual([
      'department:unknown_department',
      'permit.kind:unknown_permit_kind',
      'permit.cardType:unknown_card_type',
      'permit.validFrom:impossible_date',
      'application.filedOn:invalid_date',
    ]);
  });

  it('accepts reasons requested the day after the implicit rejection (R-58)', () => {
    expect(validateDeadlineInput(withApplication({ filedOn: '2026-09-10', reasonsRequestedOn: '2027-01-11' }))).toEqual([]);
  });
});

describe(parseDeadlineInput.name, () => {
  it('narrows a valid input', () => {
    const parsed = parseDeadlineInput(base());
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.input.permit.cardType).toBe('salarie');
  });

  it('returns the issues of an invalid input', () => {
    expect(parseDeadlineInput(base({ department: '99' }))).toEqual({ ok: false, issues: only('department', 'unknown_department') });
  });
});

describe('events after today (policy S-04: a scenario, not an error)', () => {
  it.each([
    ['a validation', vlsTs({ vlsTsValidatedOn: '2026-03-02', application: undefined, today: '2026-03-01' }), '2026-03-01', '2026-03-02'],
    ['a filing', withApplication({ filedOn: '2027-03-02' }), '2027-03-01', '2027-03-02'],
    ['an answer', withApplication({ filedOn: '2026-09-10', documentRequests: [{ requestedOn: '2026-10-01', dueOn: '2027-04-01', answeredOn: '2027-03-02' }] }), '2027-03-01', '2027-03-02'],
    ['a decision', withApplication({ filedOn: '2026-09-10', decision: { kind: 'refusal', notifiedOn: '2027-03-02' } }), '2027-03-01', '2027-03-02'],
    ['reasons given', withApplication({ filedOn: '2026-09-10', reasonsRequestedOn: '2027-01-20', reasonsGivenOn: '2027-03-02' }), '2027-03-01', '2027-03-02'],
  ])('accepts %s after today and warns that the result is a simulation', (_case, input, today, latest) => {
    const parsed = parseDeadlineInput(input);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const warning = computeDeadlines(parsed.input).warnings.find((w) => w.code === 'events_after_today');
    expect(warning).toMatchObject({ ruleId: 'S-04', params: { today, latest } });
    expect(warning?.message.en).toContain('simulation');
  });

  it('does not warn when every event is on or before today', () => {
    const parsed = parseDeadlineInput(withApplication({ filedOn: '2026-09-10', decision: { kind: 'refusal', notifiedOn: '2027-03-01' } }));
    expect(parsed.ok && computeDeadlines(parsed.input).warnings.some((w) => w.code === 'events_after_today')).toBe(false);
  });
});
